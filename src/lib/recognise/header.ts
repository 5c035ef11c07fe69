/**
 * Finding the ledger's header wherever it is: the row whose cells name the most known columns,
 * with a second header row (到位资金 → 本月 / 累计) or a parent row above, and merged cells filled in.
 */
import * as XLSX from 'xlsx';
import { FIELD_BY_KEY, FIELD_SPEC, SUB_HEADER_JOIN, squash, type Field, type FieldSpec } from '../model/glossary.ts';
import { UNIT_SCALE, unitInText } from '../normalise/amount.ts';
import type { CellValue, Merge, RawSheet } from '../read/workbook.ts';

export interface Column {
  field: Field;
  col: number;
  /** The header as written (both rows joined with `/`). */
  header: string;
  /** Multiplier to 万元 for amount columns; 1 otherwise. */
  scale: number;
  /** Amount unit named by the header, or null when the sheet default applies. */
  unit: string | null;
}

export interface Header {
  /** 0-based index of the first header row. */
  top: number;
  /** 0-based index of the last header row; data starts below it. */
  bottom: number;
  columns: Column[];
  /** Header cells that name no known column (kept for the report). */
  unknown: { col: number; header: string }[];
  /** Fields named by more than one column; the first wins. */
  duplicates: { field: Field; col: number; header: string }[];
}

const SCAN_ROWS = 40;
/** No real column header is longer; a longer cell is data or an attack, and matches nothing. */
const MAX_HEADER_CHARS = 120;

/** Normalises a header cell to a lookup key: no spaces, no units in brackets, no `*` marks. */
export function headerKey(text: string): string {
  // A header is a few words. A long cell is cut before the bracket regexes below, which are
  // quadratic on text with many unclosed brackets (a crafted cell of `<![CDATA[` openers).
  return squash(text).slice(0, MAX_HEADER_CHARS)
    .replace(/[(（\[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/^[*※★]+|[*※★]+$/g, '')
    .replace(/[:：]/g, '')
    .replace(/[（(].*$/, '')
    // “2026年1-4月累计到位资金” is the cumulative figure; “4月到位资金” the month's.
    .replace(/^(\d{4}年)?(本年)?\d{1,2}[-—–~至到]\d{1,2}月(份)?/, '')
    .replace(/^(\d{4}年)?\d{1,2}月(份)?(?=.)/, '本月')
    .toLowerCase();
}

/** Sub-header words under a parent (到位资金 → 本月 / 累计), including “1-4月” and “其中：本月”. */
function subHeader(label: string): string | undefined {
  const raw = squash(label).replace(/[:：]/g, '');
  if (/^(\d{4}年)?(本年)?\d{1,2}[-—–~至到]\d{1,2}月(份)?(累计)?$/.test(raw)) return '累计';
  if (/^(\d{4}年)?\d{1,2}月(份)?$/.test(raw)) return '本月';
  const key = headerKey(label);
  return Object.prototype.hasOwnProperty.call(SUB_HEADER_JOIN, key) ? SUB_HEADER_JOIN[key] : undefined;
}

/** A parent without its own “累计/本月/实际” words, so that 累计到位资金 + 本月 reads as 到位资金本月. */
function parentBase(key: string): string {
  return key.replace(/^(本年|年度)?(累计|本月|当月)/, '').replace(/累计$/, '').replace(/^实际/, '');
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
}

export function lookupField(label: string): FieldSpec | null {
  return FIELD_BY_KEY.get(headerKey(label)) ?? null;
}

function isSubHeader(label: string): boolean {
  return subHeader(label) !== undefined;
}

function rowScore(row: readonly CellValue[]): { score: number; hasName: boolean } {
  let score = 0;
  let hasName = false;
  const seen = new Set<Field>();
  for (const v of row) {
    if (typeof v !== 'string') continue;
    const spec = lookupField(v);
    if (spec && !seen.has(spec.field)) {
      seen.add(spec.field);
      score++;
      if (spec.field === 'name') hasName = true;
    }
  }
  return { score, hasName };
}

/** The value shown in a cell, following merges to their top-left cell. */
function shown(sheet: RawSheet, r: number, c: number, merges: readonly Merge[]): string {
  const own = text(sheet.rows[r]?.[c]);
  if (own) return own;
  for (const m of merges) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return text(sheet.rows[m.s.r]?.[m.s.c]);
  }
  return '';
}

/** Finds the header, or null when the sheet holds no ledger. */
export function findHeader(sheet: RawSheet, defaultUnit: string | null): Header | null {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const { score, hasName } = rowScore(sheet.rows[r] ?? []);
    if (hasName && score >= 2 && score > bestScore) { best = r; bestScore = score; }
  }
  if (best < 0) return null;

  const merges = sheet.merges;
  const row = sheet.rows[best] ?? [];
  const nameCol = row.findIndex((v) => typeof v === 'string' && lookupField(v)?.field === 'name');
  let top = best;
  let bottom = best;
  const below = sheet.rows[best + 1] ?? [];
  const above = best > 0 ? sheet.rows[best - 1] ?? [] : [];
  const belowHasSub = below.some((v) => typeof v === 'string' && (isSubHeader(v) || lookupField(v) !== null));
  if (row.some((v) => typeof v === 'string' && isSubHeader(v)) && above.some((v) => v !== null)) {
    top = best - 1; // the best row holds 本月 / 累计 under parents in the row above
  } else if (belowHasSub && text(below[nameCol]) === '') {
    bottom = best + 1; // a second header row under merged parents
  }

  const width = Math.max(...sheet.rows.slice(top, bottom + 1).map((r) => r.length), 0);
  const columns: Column[] = [];
  const unknown: Header['unknown'] = [];
  const duplicates: Header['duplicates'] = [];
  const taken = new Map<Field, number>();
  for (let c = 0; c < width; c++) {
    let label: string;
    let spec: FieldSpec | null;
    if (top === bottom) {
      label = text(sheet.rows[top]?.[c]);
      spec = label ? lookupField(label) : null;
    } else {
      const parentOwn = text(sheet.rows[top]?.[c]);
      let parent = shown(sheet, top, c, merges);
      const child = text(sheet.rows[bottom]?.[c]);
      // Without merge information (CSV, HTML) a parent spans to the right until the next one.
      if (!parent && child && isSubHeader(child)) {
        for (let k = c - 1; k >= 0 && !parent; k--) parent = text(sheet.rows[top]?.[k]);
      }
      const sub = child ? subHeader(child) : undefined;
      const pk = headerKey(parent);
      // A known parent over unknown children (合同引资额 → 总额 / 其中外资): the first child takes the parent's field.
      const candidates = !child ? [parentOwn || parent] : sub ? [pk + sub, sub + pk, parentBase(pk) + sub, child] : [child, parent + child, parent];
      label = child && parent && parent !== child ? `${parent}/${child}` : child || parent;
      spec = null;
      for (const cand of candidates) {
        if (!cand) continue;
        spec = lookupField(cand);
        if (spec) break;
      }
      // The unit may sit in the parent (到位资金（亿元）) or in the child.
      if (spec && !unitInText(child) && unitInText(parent)) label = `${parent}/${child}`;
    }
    if (!label) continue;
    if (!spec) { unknown.push({ col: c, header: label }); continue; }
    if (taken.has(spec.field)) {
      duplicates.push({ field: spec.field, col: c, header: label });
      continue;
    }
    taken.set(spec.field, c);
    const unit = spec.kind === 'amount' ? amountUnit(label) : null;
    const scale = spec.kind === 'amount' ? UNIT_SCALE[unit ?? defaultUnit ?? '万元'] ?? 1 : 1;
    columns.push({ field: spec.field, col: c, header: label, scale, unit });
  }
  return { top, bottom, columns, unknown, duplicates };
}

function amountUnit(label: string): string | null {
  const u = unitInText(label);
  return u && u in UNIT_SCALE ? u : null;
}

/** A1 address of a 0-based cell. */
export function a1(r: number, c: number): string {
  return XLSX.utils.encode_cell({ r, c });
}

export { FIELD_SPEC };
