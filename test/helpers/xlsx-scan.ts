/**
 * What a reader of a .xlsx download can see, read back with SheetJS. A scan of the file's bytes
 * cannot find anything: an .xlsx is a zip archive whose XML parts are deflated, so a phone number in
 * a cell is not in the bytes as text. Read the cells instead.
 */
import * as XLSX from 'xlsx';

export interface WorkbookText { where: string; text: string }

/**
 * Every text of the workbook: sheet names, each cell's value, formatted text, formula, comments and
 * link, the defined names and the document properties, each with where it was found (`台账!C7`).
 */
export function workbookTexts(buf: Uint8Array): WorkbookText[] {
  const wb = XLSX.read(buf, { type: 'buffer', cellFormula: true, cellText: true, bookFiles: false });
  const out: WorkbookText[] = [];
  const add = (where: string, v: unknown) => { if (v !== undefined && v !== null && String(v) !== '') out.push({ where, text: String(v) }); };
  for (const name of wb.SheetNames) {
    add(`sheet name ${name}`, name);
    const ws = wb.Sheets[name]!;
    for (const addr of Object.keys(ws)) {
      if (addr.startsWith('!')) continue; // !ref, !cols, !merges: layout, not content
      const c = ws[addr] as XLSX.CellObject;
      const at = `${name}!${addr}`;
      add(at, c.v);
      add(at, c.w);
      add(`${at} formula`, c.f);
      add(`${at} link`, c.l?.Target);
      for (const note of c.c ?? []) add(`${at} comment`, note.t);
    }
  }
  for (const n of wb.Workbook?.Names ?? []) add(`name ${n.Name}`, n.Ref);
  // Props repeats the sheet names (SheetNames, from docProps/app.xml): already listed above.
  for (const [k, v] of Object.entries({ ...(wb.Props ?? {}), ...(wb.Custprops ?? {}) })) if (k !== 'SheetNames' && !(v instanceof Date)) add(`property ${k}`, v);
  return out;
}

/** `needle at where` for each needle found in any text of the workbook; [] when none is. */
export function findInWorkbook(buf: Uint8Array, needles: Iterable<string>): string[] {
  const texts = workbookTexts(buf);
  // A Set: a cell's value and its formatted text usually both hold the needle; report the cell once.
  const hits = new Set<string>();
  // One search of all the text first, so a build's hundreds of phone numbers stay cheap to check.
  const all = texts.map((t) => t.text).join('\u0000');
  for (const needle of needles) {
    if (!needle || !all.includes(needle)) continue;
    for (const t of texts) if (t.text.includes(needle)) hits.add(`${needle} at ${t.where}`);
  }
  return [...hits];
}
