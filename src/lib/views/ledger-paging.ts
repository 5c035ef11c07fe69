/**
 * How a period's ledger is cut into pages (src/pages/[period]/projects/…): one page per unit, and a
 * unit with more rows than fit in one page over several. The whole city on one page was 5.9 MB at
 * 120 units (7200 rows) and 15 MB at 300 (docs/performance.md, hotspot 5); a page per group would
 * still grow with the number of units (150 members × 60 rows at 300 units). A unit's page is what a
 * leader asks for (“平原县的项目”), and its size depends only on that unit's rows.
 *
 * A unit page holds at most LEDGER_PAGE.maxRows rows and at most LEDGER_PAGE.maxBytes of estimated
 * HTML for them, so no page exceeds ~500 KB even for the largest return the reader accepts (20 000
 * rows) or rows with long free text. The cut depends only on the rows, so it is deterministic, and
 * the routes (routes.ts), the pages and the search index (search.ts) agree on it by all calling
 * `ledgerPaging`.
 *
 * This module imports no routes, so routes.ts can import it (and search.ts, which routes imports).
 */
import type { PeriodModel } from '../model/site-model.ts';
import type { Project } from '../model/types.ts';
import { periodIndex } from './period-index.ts';

export const LEDGER_PAGE = {
  /** Rows a reader scrolls through on a phone before the next page; a 60-row return is one page. */
  maxRows: 200,
  /**
   * Estimated HTML of the rows (`rowWeight`): with the page's shell (header, inline CSS, nav, the
   * share box, ~40 KB) a page stays well under the 500 KB budget, with room for the estimate's error.
   */
  maxBytes: 300_000,
};

/** One page of a unit's ledger. */
export interface LedgerSlice {
  /** 1-based. */
  page: number;
  /** Position (1-based) of the slice's first row in the unit's ledger: row ids are `r<position>`. */
  first: number;
  rows: readonly Project[];
}

export interface UnitLedger {
  code: string;
  /** All rows of the unit in ledger order. */
  rows: number;
  /** At least one page, empty for a unit without rows (its page says so). */
  pages: readonly LedgerSlice[];
}

export interface LedgerPaging {
  /** The period's units in registry order, then any code a row names that the period lacks. */
  units: readonly UnitLedger[];
  byCode: ReadonlyMap<string, UnitLedger>;
}

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
 * A row's HTML on a unit ledger page, estimated from above: the fixed markup of its cells and their
 * data-labels (≈ 600 bytes) plus every text it shows, counted twice because the search attribute
 * (`data-s`) repeats most of it.
 */
export function rowWeight(x: Project): number {
  const texts = [x.name, x.code, x.investor, x.industry, x.chain, x.link, x.projectType, x.stage, x.source.file, x.source.sheet, x.internal.leader, x.internal.contact, x.internal.phone];
  let n = 800;
  for (const t of texts) n += 2 * htmlBytes(t);
  return n;
}

/** Cuts rows into slices of at most `maxRows` rows and `maxBytes` of weight (a single heavier row gets a page alone). */
export function sliceRows(rows: readonly Project[], limits = LEDGER_PAGE, weight = rowWeight): LedgerSlice[] {
  const pages: LedgerSlice[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const w = weight(rows[i]!);
    if (i > start && (i - start >= limits.maxRows || bytes + w > limits.maxBytes)) {
      pages.push({ page: pages.length + 1, first: start + 1, rows: rows.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += w;
  }
  pages.push({ page: pages.length + 1, first: start + 1, rows: rows.slice(start) });
  return pages;
}

const pagings = new WeakMap<PeriodModel, LedgerPaging>();

/** The period's ledger pages, built once per period model (the routes, every page and the search index ask). */
export function ledgerPaging(p: PeriodModel): LedgerPaging {
  let paging = pagings.get(p);
  if (!paging) {
    const { projectsByUnit } = periodIndex(p);
    const codes = [...new Set([...p.units.map((u) => u.code), ...projectsByUnit.keys()])];
    const units = codes.map((code): UnitLedger => {
      const rows = projectsByUnit.get(code) ?? [];
      return { code, rows: rows.length, pages: sliceRows(rows) };
    });
    paging = { units, byCode: new Map(units.map((u) => [u.code, u])) };
    pagings.set(p, paging);
  }
  return paging;
}
