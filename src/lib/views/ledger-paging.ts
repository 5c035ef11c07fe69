/**
 * How a period's ledger is cut into pages (src/pages/[period]/projects/…). On one page the city's
 * ledger was 5.9 MB at 120 units (7200 rows) and 15 MB at 300 (docs/performance.md, hotspot 5).
 *
 * The ledger goes group by group (县区, 开发区, …) and, within a group, unit by unit in registry
 * order; each unit is a section of its page (`#u-<code>`), and a page holds as many whole units
 * as fit in LEDGER_PAGE (rows and estimated HTML). A unit that would not fit in what is left of a
 * page starts the next one; a unit too long for any page (the reader accepts 20 000 rows a return)
 * runs over as many pages as it needs. So no page exceeds ~500 KB whatever the archive, and the
 * number of pages follows the number of rows, not of units.
 *
 * Why not a page per unit: a unit's own page (units/<code>/) already shows its ledger by stage,
 * which is what a leader reads for one unit; and each page costs the site's shell whatever it
 * holds (≈ 3–4 ms to render: header, inline CSS, QR code), so 120 ledger pages a month cost 0.6 s
 * of rendering where ~20 pages of six units cost little more than the single page did (0.2 s). Why not
 * a page per group: a group of 150 units is 9000 rows.
 *
 * The cut depends only on the rows, so it is deterministic, and the routes (routes.ts), the pages
 * and the search index (search.ts) agree on it by all calling `ledgerPaging`. This module imports
 * no routes, so routes.ts can import it.
 */
import type { PeriodModel } from '../model/site-model.ts';
import type { Project } from '../model/types.ts';
import { periodIndex } from './period-index.ts';

export const LEDGER_PAGE = {
  /** Rows a reader scrolls through before the next page: six 60-row returns. */
  maxRows: 400,
  /**
   * Estimated HTML of a page's rows (`rowWeight`, which errs high: a bench row is estimated at
   * ~1.1 KB and rendered at ~0.7 KB; a row of long text is estimated about right). With the
   * page's shell (header, inline CSS, nav, share box: ~15 KB) a page stays under the 500 KB budget.
   */
  maxBytes: 420_000,
};

/** A unit's rows on one page: the whole unit, or a part of a unit that runs over several pages. */
export interface LedgerSlice {
  unit: string;
  /** Position (1-based) of the slice's first row in the unit's ledger: row anchors are numbered so. */
  first: number;
  rows: readonly Project[];
}

export interface LedgerPage {
  /** 1-based, across the period's ledger: `/<YYYY-MM>/projects/<n>/`. */
  n: number;
  group: string;
  slices: readonly LedgerSlice[];
}

export interface UnitLedger {
  code: string;
  group: string;
  /** All rows of the unit in ledger order. */
  rows: number;
  /** Pages holding its rows, ascending; none for a unit without rows. */
  pages: readonly number[];
}

export interface LedgerPaging {
  pages: readonly LedgerPage[];
  /** The period's units by group in the order of the pages, then any code a row names that the period lacks (group 其他). */
  units: readonly UnitLedger[];
  byCode: ReadonlyMap<string, UnitLedger>;
}

/** The group of rows whose unit the period does not list (the pipeline never makes one). */
export const OTHER_GROUP = '其他';

/**
 * HTML bytes of a string in a page, from above: UTF-8 length, and the markup characters as the
 * entities they are escaped to.
 */
export function htmlBytes(text: string | null): number {
  if (text === null) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? (c === 38 || c === 60 || c === 62 || c === 34 || c === 39 ? 6 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

/**
 * A row's HTML on a ledger page, estimated from above: the fixed markup of its cells and their
 * data-labels plus every text it shows, counted twice because the search attribute (`data-s`)
 * repeats most of it.
 */
export function rowWeight(x: Project): number {
  const texts = [x.name, x.code, x.investor, x.industry, x.chain, x.link, x.projectType, x.stage, x.source.file, x.source.sheet, x.internal.leader, x.internal.contact, x.internal.phone];
  let n = 800;
  for (const t of texts) n += 2 * htmlBytes(t);
  return n;
}

/** A section's own markup (heading, caption, table head), on top of its rows. */
const SECTION_BYTES = 3000;

/**
 * Cuts a period's rows into pages: `units` in order, each with its group and rows. A page holds
 * one group's units; a unit starts a new page when it does not fit in what is left of the current
 * one, and a unit larger than a page fills pages of its own (its last part may share a page with
 * the next units). A single row heavier than a page gets a page alone.
 */
export function cutPages(units: readonly { code: string; group: string; rows: readonly Project[] }[], limits = LEDGER_PAGE, weight = rowWeight): LedgerPage[] {
  const pages: LedgerPage[] = [];
  let slices: LedgerSlice[] = [];
  let group = '';
  let rows = 0;
  let bytes = 0;
  const close = () => {
    if (slices.length > 0) pages.push({ n: pages.length + 1, group, slices });
    slices = [];
    rows = 0;
    bytes = 0;
  };
  for (const u of units) {
    if (u.rows.length === 0) continue;
    if (u.group !== group) { close(); group = u.group; }
    const weights = u.rows.map(weight);
    const total = weights.reduce((a, b) => a + b, 0) + SECTION_BYTES;
    const fitsAPage = u.rows.length <= limits.maxRows && total <= limits.maxBytes;
    if (fitsAPage) {
      if (rows + u.rows.length > limits.maxRows || bytes + total > limits.maxBytes) close();
      slices.push({ unit: u.code, first: 1, rows: u.rows });
      rows += u.rows.length;
      bytes += total;
      continue;
    }
    // Longer than a page: start afresh and fill pages with it.
    close();
    let start = 0;
    bytes = SECTION_BYTES;
    for (let i = 0; i < u.rows.length; i++) {
      if (i > start && (i - start >= limits.maxRows || bytes + weights[i]! > limits.maxBytes)) {
        slices.push({ unit: u.code, first: start + 1, rows: u.rows.slice(start, i) });
        close();
        start = i;
        bytes = SECTION_BYTES;
      }
      bytes += weights[i]!;
    }
    slices.push({ unit: u.code, first: start + 1, rows: u.rows.slice(start) });
    rows = u.rows.length - start;
  }
  close();
  return pages;
}

const pagings = new WeakMap<PeriodModel, LedgerPaging>();

/** The period's ledger pages, built once per period model (the routes, every page and the search index ask). */
export function ledgerPaging(p: PeriodModel): LedgerPaging {
  let paging = pagings.get(p);
  if (!paging) {
    const { projectsByUnit, unitByCode } = periodIndex(p);
    const groupOf = (code: string) => unitByCode.get(code)?.group ?? OTHER_GROUP;
    // Groups in the period's order (then any group a unit names that the period lacks), units in registry order.
    const codes = [...new Set([...p.units.map((u) => u.code), ...projectsByUnit.keys()])];
    const groups = [...new Set([...p.groups.map((g) => g.name), ...codes.map(groupOf)])];
    const ordered = groups.flatMap((g) => codes.filter((c) => groupOf(c) === g)).map((code) => ({ code, group: groupOf(code), rows: projectsByUnit.get(code) ?? [] }));
    const pages = cutPages(ordered);
    const pagesOf = new Map<string, number[]>();
    for (const page of pages) for (const s of page.slices) pagesOf.set(s.unit, [...(pagesOf.get(s.unit) ?? []), page.n]);
    const units = ordered.map((u): UnitLedger => ({ code: u.code, group: u.group, rows: u.rows.length, pages: pagesOf.get(u.code) ?? [] }));
    paging = { pages, units, byCode: new Map(units.map((u) => [u.code, u])) };
    pagings.set(p, paging);
  }
  return paging;
}

/** Where one ledger row is: its page, and its position (1-based) in its unit's ledger, which numbers its anchor. */
export interface RowPlace { page: number; unit: string; position: number }

const placesOf = new WeakMap<PeriodModel, ReadonlyMap<Project, RowPlace>>();

/**
 * The page and position of `row`, one of the period's own rows (matched by identity, so two rows
 * with the same name and no code keep their own places); null for an object the period does not
 * hold. Other pages link to a row with it (views/ledger.ts `ledgerRowLink`) instead of repeating it.
 */
export function rowPlace(p: PeriodModel, row: Project): RowPlace | null {
  let places = placesOf.get(p);
  if (!places) {
    const m = new Map<Project, RowPlace>();
    for (const page of ledgerPaging(p).pages) {
      for (const s of page.slices) s.rows.forEach((x, i) => m.set(x, { page: page.n, unit: s.unit, position: s.first + i }));
    }
    places = m;
    placesOf.set(p, places);
  }
  return places.get(row) ?? null;
}
