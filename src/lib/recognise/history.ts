/**
 * 上年同期汇总表 (`history/<YYYY-MM>.xlsx | .csv`): last year's totals per unit, for a city in its
 * first year with tongbao, which has no last-year returns to take 同比 from. One row per unit (by
 * name, alias or code), with any of 到位资金（万元）, 合同引资额（万元）, 签约项目数; a 全市 row is the
 * city's own total. Pure: raw workbook bytes in, rows and issues out. The pipeline uses a table only
 * for a month whose own returns are absent (pipeline.ts).
 */
import { squash } from '../model/glossary.ts';
import { issue } from '../model/issues.ts';
import type { Issue, Unit } from '../model/types.ts';
import { parseAmount, UNIT_SCALE, unitInText } from '../normalise/amount.ts';
import { readWorkbook } from '../read/workbook.ts';
import { headerKey } from './header.ts';
import { cellText, isCityRow, issueAt, simpleTable, type Loaded } from './registry.ts';
import { unitIndex } from './unit-names.ts';

/** The indicators a history table may carry. */
export type HistoryKey = 'fundsInPlace' | 'contractAmount' | 'projects';
export type HistoryValues = Partial<Record<HistoryKey, number>>;

export interface HistoryTable {
  /** The month the figures are for (`2025-04`): last year's month of the bulletin that uses them. */
  period: string;
  /** The file, relative to the data folder: named where 同比 comes from it. */
  file: string;
  /** By unit code. */
  units: Record<string, HistoryValues>;
  city: HistoryValues | null;
  indicators: HistoryKey[];
}

const COLUMNS: readonly { key: HistoryKey; keys: string[]; money: boolean }[] = [
  { key: 'fundsInPlace', keys: ['到位资金', '累计到位资金', '实际到位资金'], money: true },
  { key: 'contractAmount', keys: ['合同引资额', '合同及协议引资额', '协议引资额', '签约金额', '合同金额'], money: true },
  { key: 'projects', keys: ['签约项目数', '项目数', '项目个数', '引进项目数', '签约项目'], money: false },
];

/** `history/2025-04.xlsx` → `2025-04`; null for any other name. */
export function historyPeriodOfFile(file: string): string | null {
  const m = /(?:^|\/)(\d{4})-(\d{2})\.(xlsx|xls|csv)$/i.exec(file);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}

/** Reads one history table. Bad rows are reported (file, sheet, cell) and left out. */
export function readHistory(bytes: Uint8Array, file: string, period: string, units: readonly Unit[], city = ''): Loaded<HistoryTable> {
  const issues: Issue[] = [];
  const empty: HistoryTable = { period, file, units: {}, city: null, indicators: [] };
  const wb = readWorkbook(bytes, file);
  if (!wb.ok) return { value: empty, issues: [issueAt(file, null, null, null, `上年同期汇总表无法读取：${wb.reason}`, 'unreadable')] };
  const t = simpleTable(wb.workbook.sheets, { unit: ['单位', '单位名称', '名称', '编码', '单位编码', '县区', '责任单位'] }, ['unit']);
  if (!t) return { value: empty, issues: [issueAt(file, null, null, null, '上年同期汇总表中没有找到“单位”表头', 'no-header')] };
  const cols: { key: HistoryKey; col: number; scale: number }[] = [];
  t.headers.forEach((h, c) => {
    if (!h || c === t.cols.get('unit')) return;
    const key = headerKey(h).replace(/^(上年同期|上年|去年同期|去年)/, '');
    const spec = COLUMNS.find((x) => x.keys.includes(key));
    if (!spec || cols.some((x) => x.key === spec.key)) return;
    cols.push({ key: spec.key, col: c, scale: spec.money ? UNIT_SCALE[unitInText(h) ?? '万元'] ?? 1 : 1 });
  });
  if (cols.length === 0) {
    return { value: empty, issues: [issueAt(file, t.sheet.name, t.headerRow, null, '上年同期汇总表中没有“到位资金（万元）”“合同引资额（万元）”或“签约项目数”列，该表未使用', 'no-header')] };
  }
  const value: HistoryTable = { ...empty, indicators: cols.map((c) => c.key) };
  const index = unitIndex(units);
  const unitCol = t.cols.get('unit')!;
  for (let r = t.headerRow + 1; r < t.sheet.rows.length; r++) {
    const row = t.sheet.rows[r] ?? [];
    const name = cellText(row[unitCol]);
    if (!name || /^(合计|小计|总计)$/.test(squash(name))) continue;
    const values: HistoryValues = {};
    let bad = false;
    for (const c of cols) {
      const res = parseAmount(row[c.col] ?? null, c.scale);
      if (!res.ok) {
        bad = true;
        issues.push(issueAt(file, t.sheet.name, r, c.col, `上年同期“${name}”的${t.headers[c.col]}${res.reason}，该行未使用`, 'not-a-number'));
      } else if (res.value !== null && res.value < 0) {
        bad = true;
        issues.push(issueAt(file, t.sheet.name, r, c.col, `上年同期“${name}”的${t.headers[c.col]}为负数（${res.value}），该行未使用`, 'negative-amount'));
      } else if (res.value !== null) values[c.key] = res.value;
    }
    if (bad) continue;
    if (isCityRow(squash(name), squash(city))) { value.city = values; continue; }
    const unit = index.exact(name) ?? index.within(name);
    if (!unit) {
      issues.push(issueAt(file, t.sheet.name, r, unitCol, `上年同期汇总表中的单位“${name}”不在单位名册中，该行未使用`, 'unknown-unit'));
      continue;
    }
    if (value.units[unit.code]) {
      issues.push(issueAt(file, t.sheet.name, r, unitCol, `“${unit.name}”在上年同期汇总表中出现了两次，后一行未使用`, 'duplicate-history'));
      continue;
    }
    value.units[unit.code] = values;
  }
  const missing = units.filter((u) => !value.units[u.code]);
  if (missing.length > 0) {
    issues.push(issue({
      kind: 'history-incomplete', at: { file, sheet: t.sheet.name },
      message: `上年同期汇总表中没有${missing.slice(0, 5).map((u) => u.name).join('、')}${missing.length > 5 ? `等${missing.length}个单位` : ''}；这些单位及其所在分组${value.city ? '' : '和全市'}不计算同比`,
    }));
  }
  return { value, issues };
}
