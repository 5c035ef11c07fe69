/**
 * The offline copy (`npm run build -- --offline`): a folder a leader opens by double-clicking
 * index.html, from a USB stick or a shared drive, with no server.
 *
 * Astro has no relative-link output (its `base` is always root-absolute, and `build.format: 'file'`
 * only renames pages to `2026-04.html`, whose links are still root-absolute), so the offline build
 * renders under a marker base, OFFLINE_BASE, and this pass turns every occurrence of the marker into
 * a path relative to the file that holds it, naming the file (`../2026-04/index.html`): from
 * `file://` a link to a folder opens a directory listing, not the page.
 *
 * Exact by construction: the marker is a string no page, data value or asset contains otherwise (a
 * project called “__tongbao_offline__” would be escaped text in a cell, never followed by a path the
 * site has — and `offlineLeftovers` below fails the build if any marker survives), so every URL
 * the site made is found wherever it stands: href, src, srcset, action, content, an inline style's
 * url(), a CSS file, inline JSON, an inline script's string. Nothing else is touched.
 */

/** The base the offline copy is rendered under; never seen by a reader. */
export const OFFLINE_BASE = '/__tongbao_offline__/';

/**
 * A URL's characters after the marker: up to whatever ends a URL in HTML, CSS, JSON or a script
 * string (quotes, angle brackets, white space, a backslash, a closing parenthesis, a backtick).
 * A comma stays in: srcset candidates are separated by ", ", whose space ends the URL.
 */
const MARKED = new RegExp(`${OFFLINE_BASE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([^"'<>\\s\\\\)\`]*)`, 'g');

/**
 * `target` (a site path: `2026-04/units/A01/`, `data/2026-04/rankings.xlsx`, `` for home, possibly
 * with `?query` or `#fragment`) as seen from the file `from` (a site path too: `2026-04/index.html`).
 * Folders name their index.html.
 */
export function relativeUrl(from: string, target: string): string {
  const cut = target.search(/[?#]/);
  let path = cut < 0 ? target : target.slice(0, cut);
  const rest = cut < 0 ? '' : target.slice(cut);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const fromDir = from.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  const rel = [...fromDir.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  // A first segment with a colon would read as a scheme (`a:b/…`): say it is a path.
  return `${/^[^/]*:/.test(rel) ? './' : ''}${rel}${rest}`;
}

/** `text` (a file of the site at site path `file`) with every marked URL made relative to it. */
export function relativiseLinks(text: string, file: string): string {
  return text.replace(MARKED, (_, target: string) => relativeUrl(file, target));
}

/** Whether a file of the site is text that may hold a link (the pass leaves downloads alone). */
export function mayHoldLinks(file: string): boolean {
  return /\.(html|css|js|mjs|json|svg|webmanifest|xml|txt)$/i.test(file);
}

/** Where the marker survived (it must not): for the build's error message. */
export function offlineLeftovers(text: string): number {
  return text.split(OFFLINE_BASE.slice(1, -1)).length - 1;
}
