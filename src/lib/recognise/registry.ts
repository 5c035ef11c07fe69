/**
 * The reference tables of the data folder: the unit registry (单位名册), annual targets
 * (年度目标任务) and industry chains (产业链). Pure functions over raw workbooks.
 */
import { squash } from '../model/glossary.ts';
import { parseAmount, UNIT_SCALE, unitInText } from '../normalise/amount.ts';
import { a1, headerKey } from './header.ts';
import { unitIndex } from './unit-names.ts';
import { readWorkbook, type CellValue, type RawSheet } from '../read/workbook.ts';
import { parseChainSheets } from './chain-definitions.ts';
import type { Chain, Issue, Unit } from '../model/types.ts';
import { issue, type IssueKind } from '../model/issues.ts';

export const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** An issue in a reference table, at a 0-based row and column when known. */
export const issueAt = (file: string, sheet: string | null, r: number | null, c: number | null, message: string, kind: IssueKind): Issue =>
  issue({ kind, message, at: { file, sheet, row: r === null ? null : r + 1, cell: r !== null && c !== null ? a1(r, c) : null } });

export interface SimpleTable { sheet: RawSheet; headerRow: number; cols: Map<string, number>; headers: string[] }

/** Finds a header row naming all `required` columns (by alias) within the first rows of any sheet. */
export function simpleTable(sheets: RawSheet[], columns: Record<string, string[]>, required: string[]): SimpleTable | null {
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
      const row = sheet.rows[r] ?? [];
      const cols = new Map<string, number>();
      row.forEach((v, c) => {
        const key = headerKey(cellText(v));
        for (const [name, aliases] of Object.entries(columns)) {
          if (!cols.has(name) && aliases.includes(key)) cols.set(name, c);
        }
      });
      if (required.every((k) => cols.has(k))) return { sheet, headerRow: r, cols, headers: row.map(cellText) };
    }
  }
  return null;
}

export interface Loaded<T> { value: T; issues: Issue[] }

/** Reads `units.xlsx|csv`. */
export function readUnits(bytes: Uint8Array, file: string): Loaded<Unit[]> {
  const issues: Issue[] = [];
  const wb = readWorkbook(bytes, file);
  if (!wb.ok) return { value: [], issues: [issueAt(file, null, null, null, `单位名册无法读取：${wb.reason}`, 'unreadable')] };
  const t = simpleTable(wb.workbook.sheets, {
    code: ['编码', '单位编码', '代码', '单位代码'], name: ['名称', '单位名称', '单位'], group: ['分组', '组别', '类别', '单位类别'],
    aliases: ['别名', '简称', '别称'], order: ['排序', '序号', '顺序'],
  }, ['code', 'name', 'group']);
  if (!t) return { value: [], issues: [issueAt(file, null, null, null, '单位名册中没有找到“编码、名称、分组”表头', 'no-header')] };
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (let r = t.headerRow + 1; r < t.sheet.rows.length; r++) {
    const row = t.sheet.rows[r] ?? [];
    const get = (k: string) => (t.cols.has(k) ? cellText(row[t.cols.get(k)!]) : '');
    const code = squash(get('code'));
    const name = squash(get('name'));
    if (!code && !name) continue;
    if (!code || !name || !get('group')) {
      issues.push(issueAt(file, t.sheet.name, r, t.cols.get(code ? 'name' : 'code')!, '单位名册该行缺少编码、名称或分组，未计入', 'registry-row'));
      continue;
    }
    if (seen.has(code.toUpperCase())) {
      issues.push(issueAt(file, t.sheet.name, r, t.cols.get('code')!, `单位编码“${code}”重复，后一行未计入`, 'registry-row'));
      continue;
    }
    seen.add(code.toUpperCase());
    const orderRaw = Number(get('order'));
    units.push({
      code, name, group: squash(get('group')),
      aliases: get('aliases').split(/[;；、,，]/).map((s) => squash(s)).filter(Boolean),
      order: Number.isFinite(orderRaw) && get('order') !== '' ? orderRaw : units.length + 1,
    });
  }
  units.sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
  return { value: units, issues };
}

/** Indicators that may carry an annual target, by the header words that name them. */
export const TARGET_INDICATORS: readonly { key: string; label: string; keys: string[]; money: boolean }[] = [
  { key: 'fundsInPlace', label: '到位资金', keys: ['到位资金', '累计到位资金', '实际到位资金', '到位资金目标', '到位资金任务'], money: true },
  { key: 'contractAmount', label: '合同引资额', keys: ['合同引资额', '合同及协议引资额', '协议引资额', '签约金额', '合同金额'], money: true },
  { key: 'projects', label: '签约项目数', keys: ['签约项目数', '项目数', '项目个数', '引进项目数', '签约项目', '新签约项目数'], money: false },
  { key: 'largeProjects', label: '亿元以上项目数', keys: ['亿元以上项目数', '亿元以上项目', '亿元以上签约项目数'], money: false },
  { key: 'startedProjects', label: '开工项目数', keys: ['开工项目数', '新开工项目数', '开工项目'], money: false },
  { key: 'foreignCapital', label: '实际到位外资', keys: ['实际到位外资', '到位外资', '实际利用外资', '利用外资'], money: false },
];

/** The city-total row: generic names, or the configured city's own name (never a built-in city name). */
export function isCityRow(name: string, city: string): boolean {
  return /^(全市|全市合计|市本级合计)$/.test(name) || (city !== '' && (name === city || name === `${city}合计`));
}

export interface TargetRow { unit: string; values: Record<string, number> }
export interface Targets {
  year: number; rows: TargetRow[]; city: Record<string, number> | null; indicators: string[];
  /** The file, relative to the data folder (for messages that point at a missing column). */
  file?: string;
}

/**
 * Reads `targets/<YYYY>.xlsx|csv`. Units by name, alias or code; a 全市 row (or one named after the
 * configured city, e.g. 平安市 or 平安市合计) is the city's own target.
 */
export function readTargets(bytes: Uint8Array, file: string, year: number, units: Unit[], city = ''): Loaded<Targets> {
  const issues: Issue[] = [];
  const empty: Targets = { year, rows: [], city: null, indicators: [] };
  const wb = readWorkbook(bytes, file);
  if (!wb.ok) return { value: empty, issues: [issueAt(file, null, null, null, `目标任务表无法读取：${wb.reason}`, 'unreadable')] };
  const t = simpleTable(wb.workbook.sheets, { unit: ['单位', '单位名称', '名称', '编码', '单位编码', '县区', '责任单位'] }, ['unit']);
  if (!t) return { value: empty, issues: [issueAt(file, null, null, null, '目标任务表中没有找到“单位”表头', 'no-header')] };
  const cols: { key: string; col: number; scale: number }[] = [];
  t.headers.forEach((h, c) => {
    if (!h || c === t.cols.get('unit')) return;
    const key = headerKey(h).replace(/(年度)?(目标|任务|指标)(任务)?$/, '').replace(/^(年度|全年)/, '');
    const ind = TARGET_INDICATORS.find((i) => i.keys.includes(key));
    if (!ind) {
      if (!/序号|分组|备注|类别/.test(h)) issues.push(issueAt(file, t.sheet.name, t.headerRow, c, `目标任务表的“${h}”列无法对应到任何指标，已忽略`, 'unknown-target-column'));
      return;
    }
    const unit = unitInText(h);
    cols.push({ key: ind.key, col: c, scale: ind.money ? UNIT_SCALE[unit ?? '万元'] ?? 1 : 1 });
  });
  if (!cols.some((c) => c.key === 'fundsInPlace')) issues.push(issueAt(file, t.sheet.name, t.headerRow, null, '目标任务表中没有“到位资金（万元）”列', 'no-funds-target'));
  const index = unitIndex(units);
  const value: Targets = { year, rows: [], city: null, indicators: [...new Set(cols.map((c) => c.key))], file };
  const seen = new Set<string>();
  for (let r = t.headerRow + 1; r < t.sheet.rows.length; r++) {
    const row = t.sheet.rows[r] ?? [];
    const name = cellText(row[t.cols.get('unit')!]);
    if (!name || /^(合计|小计|总计)$/.test(squash(name))) continue;
    const values: Record<string, number> = {};
    for (const c of cols) {
      const res = parseAmount(row[c.col] ?? null, c.scale);
      if (!res.ok) issues.push(issueAt(file, t.sheet.name, r, c.col, `目标值${res.reason}`, 'not-a-number'));
      else if (res.value !== null) values[c.key] = res.value;
    }
    if (isCityRow(squash(name), squash(city))) { value.city = values; continue; }
    const unit = index.exact(name) ?? index.within(name);
    if (!unit) {
      issues.push(issueAt(file, t.sheet.name, r, t.cols.get('unit')!, `目标任务表中的单位“${name}”不在单位名册中，该行未计入`, 'unknown-unit'));
      continue;
    }
    if (seen.has(unit.code)) {
      issues.push(issueAt(file, t.sheet.name, r, t.cols.get('unit')!, `“${unit.name}”在目标任务表中出现了两次，后一行未计入`, 'duplicate-target'));
      continue;
    }
    seen.add(unit.code);
    value.rows.push({ unit: unit.code, values });
  }
  return { value, issues };
}

/**
 * Reads `chains.xlsx|csv`: 产业链, 环节, 层级, and optionally 链长, 牵头部门, 环节说明, 招商目标企业,
 * 产业链编码; or one row per chain with 上游 / 中游 / 下游 columns. The layouts are documented in
 * docs/chains.md and parsed by `parseChainSheets`.
 */
export function readChains(bytes: Uint8Array, file: string): Loaded<Chain[]> {
  const wb = readWorkbook(bytes, file);
  if (!wb.ok) return { value: [], issues: [issueAt(file, null, null, null, `产业链定义无法读取：${wb.reason}`, 'unreadable')] };
  return parseChainSheets(wb.workbook.sheets, file);
}
