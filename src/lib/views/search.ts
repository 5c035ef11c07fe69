/**
 * The project list's search: each row carries a small normalised text built at build time, and a
 * few lines of inline script filter rows as the reader types. No external service, works offline
 * and in WeChat's browser; without JavaScript the full list simply stays visible.
 */
import type { Project } from '../model/types.ts';

/** Text a row is found by: project, code, investor, unit, industry, chain and link, normalised. */
export function searchText(p: Project, unitName: string): string {
  return normaliseQuery([p.name, p.code, p.investor, unitName, p.industry, p.chain, p.link, p.stage, p.projectType].filter(Boolean).join(' '));
}

/** NFKC (full-width → half-width), lower case, spaces folded: the same on both sides of a match. */
export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every space-separated term must occur in the row's text. */
export function matches(rowText: string, query: string): boolean {
  const terms = normaliseQuery(query).split(' ').filter(Boolean);
  return terms.every((t) => rowText.includes(t));
}

/**
 * The inline script (kept tiny: it ships on the page). It mirrors `matches` above; the browser test
 * types into the box and checks the rows that stay visible.
 */
export const SEARCH_SCRIPT = `(()=>{const q=document.getElementById('q');if(!q)return;const rows=[...document.querySelectorAll('#ledger tbody tr')];const out=document.getElementById('q-count');const n=s=>s.normalize('NFKC').toLowerCase().replace(/\\s+/g,' ').trim();const run=()=>{const terms=n(q.value).split(' ').filter(Boolean);let shown=0;for(const r of rows){const ok=terms.every(t=>r.dataset.s.includes(t));r.hidden=!ok;if(ok)shown++;}out.textContent=terms.length?'找到'+shown+'个项目':'共'+rows.length+'个项目';};q.addEventListener('input',run);q.form&&q.form.addEventListener('submit',e=>e.preventDefault());if(q.value)run();})();`;
