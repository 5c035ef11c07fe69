/**
 * Return files as a page names them. Returns are stored as `returns/<period>/<file>`; every page that
 * lists them is already about one period, so the folder would only repeat the month the page says.
 */

/** `returns/2026-04/东山县.csv` → `东山县.csv`; a path outside a month folder is kept whole. */
export function fileInMonth(file: string): string {
  return file.replace(/^returns\/[^/]+\//, '');
}
