/**
 * Finding a project. Two searches share one notion of a match (`matches`):
 *
 * - On a ledger page each row carries a small normalised text built at build time, and a few
 *   lines of inline script (SEARCH_SCRIPT) filter the rows as the reader types.
 * - The ledger's index page (`/<YYYY-MM>/projects/`) searches the whole city. The city's ledger no
 *   longer fits on one page (ledger-paging.ts), so its rows are a search index in a few script
 *   files beside the page (`search-1.js`, …, `searchShards`), each at most SEARCH_SHARD_BYTES, loaded
 *   only when the reader starts typing (INDEX_SEARCH_SCRIPT). They are scripts, not JSON fetched with
 *   `fetch`, because the offline copy is opened from file://, where a page may load a script beside it
 *   but not fetch a file; and the links in them are site URLs that the offline pass makes relative
 *   like any other (outputs/offline.ts; the files sit in the page's own folder, so a link relative
 *   to the file is relative to the page). Each result links to the row on its ledger page (`#r-A01-12`).
 *
 * No external service; works offline and in WeChat's browser. Without JavaScript a ledger page
 * simply shows all its rows, and the index page links every unit's section.
 */
import type { PeriodModel } from '../model/site-model.ts';
import type { Project } from '../model/types.ts';
import { ledgerPaging } from './ledger-paging.ts';

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
 * The inline script of a ledger page (kept tiny: it ships on the page). It mirrors `matches`
 * above, and hides a unit's section when none of its rows match; the browser test types into the box and checks the rows that stay visible.
 */
export const SEARCH_SCRIPT = `(()=>{const q=document.getElementById('q');if(!q)return;const rows=[...document.querySelectorAll('table.ledger tbody tr[data-s]')],secs=[...document.querySelectorAll('section.ledger-unit')];const out=document.getElementById('q-count');const n=s=>s.normalize('NFKC').toLowerCase().replace(/\\s+/g,' ').trim();const run=()=>{const terms=n(q.value).split(' ').filter(Boolean);let shown=0;for(const r of rows){const ok=terms.every(t=>r.dataset.s.includes(t));r.hidden=!ok;if(ok)shown++;}for(const s of secs)s.hidden=!s.querySelector('tbody tr:not([hidden])');out.textContent=terms.length?'找到'+shown+'个项目':'共'+rows.length+'个项目';};q.addEventListener('input',run);q.form&&q.form.addEventListener('submit',e=>e.preventDefault());if(q.value)run();})();`;

/** One project in the city-wide index. */
export interface SearchEntry {
  unit: string;
  /** The ledger page (`/<YYYY-MM>/projects/<page>/`) that holds the row, and its position in the unit's ledger (its anchor). */
  page: number;
  row: number;
  /** Shown as the result's link text. */
  name: string;
  /**
   * The rest of what the row is found by, normalised, in two parts: `text` (code and investor,
   * mostly different on every row) and `tags` (industry, chain, link, stage, type: few
   * combinations, stored once per shard). The name and the unit's name are matched from the
   * entry's other fields, so nothing is stored twice: `entryText` puts them together as
   * `searchText` does.
   */
  text: string;
  tags: string;
}

/** One script file of the index. */
export interface SearchShard {
  /** 1-based: `search-<n>.js`. */
  n: number;
  entries: readonly SearchEntry[];
}

/**
 * A shard's size cap (its JSON, estimated). The index of 7200 rows is ~1 MB, of 18 000 (300 units)
 * ~2.5 MB: a few files a phone loads only when asked to search, none larger than a unit's page.
 */
export const SEARCH_SHARD_BYTES = 200_000;

/** What a row is found by, less its name and unit name: [text, tags] of its `SearchEntry`. */
export function entryParts(p: Project): [string, string] {
  const join = (xs: (string | null)[]) => normaliseQuery(xs.filter(Boolean).join(' '));
  return [join([p.code, p.investor]), join([p.industry, p.chain, p.link, p.stage, p.projectType])];
}

/** The text the index page's script matches an entry by (it builds the same in the browser). */
export function entryText(e: Pick<SearchEntry, 'name' | 'text' | 'tags'>, unitName: string): string {
  return [normaliseQuery(e.name), normaliseQuery(unitName), e.text, e.tags].filter(Boolean).join(' ');
}

/** UTF-8 bytes of a string. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return n;
}

/** Cuts entries into shards of at most `maxBytes` of JSON each (an entry heavier than that gets a shard alone). */
export function shardEntries(entries: readonly SearchEntry[], maxBytes = SEARCH_SHARD_BYTES): SearchShard[] {
  const shards: SearchShard[] = [];
  let start = 0;
  let bytes = 0;
  let tags = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    // The row as stored ([page, unit, row, name, text, tag]), and its tags the first time the shard meets them.
    const b = utf8Bytes(JSON.stringify([0, 0, e.row, e.name, e.text, tags.size])) + 1 + (tags.has(e.tags) ? 0 : utf8Bytes(JSON.stringify(e.tags)) + 1);
    if (i > start && bytes + b > maxBytes) {
      shards.push({ n: shards.length + 1, entries: entries.slice(start, i) });
      start = i;
      bytes = 0;
      tags = new Set();
    }
    bytes += b;
    tags.add(e.tags);
  }
  if (entries.length > start) shards.push({ n: shards.length + 1, entries: entries.slice(start) });
  return shards;
}

/**
 * The shards of the last periods asked for. Not kept for every period: a shard holds a text per
 * project, ~100 MB for the whole site at 300 units × 24 months, where Astro's render makes the
 * build's peak. The routes and the ledger's index page need only the count (`searchShardCount`);
 * the shard scripts of a period are rendered one after the other (Astro renders pages in the order
 * of getStaticPaths), so a period's shards are built once to count them and once to write them.
 */
const recent: { p: PeriodModel; shards: readonly SearchShard[] }[] = [];
const RECENT = 2;
const counts = new WeakMap<PeriodModel, number>();

/**
 * The period's city-wide index: every row of its ledger, in the order of the ledger's pages (unit by
 * unit), on the page that `ledgerPaging` puts it on.
 */
export function searchShards(p: PeriodModel): readonly SearchShard[] {
  const hit = recent.find((r) => r.p === p);
  if (hit) return hit.shards;
  const entries: SearchEntry[] = [];
  for (const page of ledgerPaging(p).pages) {
    for (const s of page.slices) {
      s.rows.forEach((x, i) => {
        const [text, tags] = entryParts(x);
        entries.push({ unit: s.unit, page: page.n, row: s.first + i, name: x.name, text, tags });
      });
    }
  }
  const shards = shardEntries(entries);
  counts.set(p, shards.length);
  recent.push({ p, shards });
  if (recent.length > RECENT) recent.shift();
  return shards;
}

/** How many script files the period's index has (remembered for the whole build: a number). */
export function searchShardCount(p: PeriodModel): number {
  return counts.get(p) ?? searchShards(p).length;
}

/** The global the shards call; the index page defines it before loading them. */
export const SHARD_CALLBACK = 'tongbaoLedgerIndex';

/**
 * A shard's script: `tongbaoLedgerIndex({"n":1,"pages":[href, …],"units":[[anchorPrefix, unitName], …],"tags":[…],"rows":[[page, unit, row, name, text, tag], …]})`,
 * where `page`, `unit` and `tag` index the shard's own tables and a row's link is
 * `pages[page] + '#' + units[unit][0] + row` (routes.ts `anchors.row`). U+2028/2029 are escaped
 * for browsers older than ES2019.
 */
export function shardScript(shard: SearchShard, pageHref: (page: number) => string, unitName: (code: string) => string, rowPrefix: (code: string) => string): string {
  const table = <K, V>(make: (k: K) => V) => {
    const list: V[] = [];
    const index = new Map<K, number>();
    return { list, at: (k: K) => { let i = index.get(k); if (i === undefined) { i = list.length; list.push(make(k)); index.set(k, i); } return i; } };
  };
  const pages = table((n: number) => pageHref(n));
  const units = table((code: string) => [rowPrefix(code), unitName(code)]);
  const tags = table((t: string) => t);
  const rows = shard.entries.map((e) => [pages.at(e.page), units.at(e.unit), e.row, e.name, e.text, tags.at(e.tags)]);
  const json = JSON.stringify({ n: shard.n, pages: pages.list, units: units.list, tags: tags.list, rows }).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `${SHARD_CALLBACK}(${json});\n`;
}

/** How many results the index page lists; more ask for another term. */
export const MAX_RESULTS = 100;

/**
 * The index page's inline script: on the first keystroke (or focus) it loads every shard named in
 * the form's `data-index` (space-separated URLs) as a `<script>` (executed in order, so
 * results keep the ledger's order), then lists the first MAX_RESULTS
 * entries that match, as links to their rows, with the count. It mirrors `matches` and
 * `entryText`; the browser tests type into it, online and from file://. Built with DOM calls
 * (textContent), never innerHTML, so a project's name cannot become markup.
 */
export const INDEX_SEARCH_SCRIPT = `(()=>{const q=document.getElementById('q'),f=q&&q.form,out=document.getElementById('q-count'),list=document.getElementById('q-results');if(!q||!f||!out||!list)return;const urls=(f.dataset.index||'').split(' ').filter(Boolean);const n=s=>s.normalize('NFKC').toLowerCase().replace(/\\s+/g,' ').trim();const rows=[];let got=0,asked=false;const run=()=>{const terms=n(q.value).split(' ').filter(Boolean);list.textContent='';if(!terms.length){out.textContent=out.dataset.all;return;}let found=0;for(const r of rows){if(!terms.every(t=>r.t.includes(t)))continue;found++;if(found>${MAX_RESULTS})continue;const li=document.createElement('li'),a=document.createElement('a'),u=document.createElement('span');a.href=r.h;a.textContent=r.name;u.className='muted';u.textContent=' '+r.unit;li.append(a,u);list.append(li);}out.textContent=(got<urls.length?'正在载入索引… ':'')+(found?'找到'+found+'个项目'+(found>${MAX_RESULTS}?'，列出前${MAX_RESULTS}个，请再加一个关键词':''):'没有找到项目');};window.${SHARD_CALLBACK}=d=>{for(const [p,u,row,name,text,tag] of d.rows){const [a,unit]=d.units[u];rows.push({h:d.pages[p]+'#'+a+row,name,unit,t:[n(name),n(unit),text,d.tags[tag]].filter(Boolean).join(' ')});}got++;run();};const load=()=>{if(asked)return;asked=true;for(const u of urls){const s=document.createElement('script');s.async=false;s.src=u;s.onerror=()=>{out.textContent='索引载入失败，请按单位查看';};document.head.append(s);}};q.addEventListener('focus',load);q.addEventListener('input',()=>{load();run();});f.addEventListener('submit',e=>e.preventDefault());if(q.value){load();run();}})();`;
