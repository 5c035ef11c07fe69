/**
 * The assessment scheme (考核办法, `assessment.xlsx|csv`): one row per item, columns 类别, 指标, 分值,
 * 计分方法, 封顶 (docs/assessment.md). Pure: raw workbook bytes → the scheme, or issues naming the row.
 *
 * A scheme decides bonuses (考核奖金) and cadres' files, so nothing in it is guessed: any row that
 * cannot be read as written is an error, and then no scores are computed at all (a score missing one
 * item would look complete and be wrong). The rest of the site is built as usual.
 */
import { squash } from '../model/glossary.ts';
import { issue } from '../model/issues.ts';
import type { Issue } from '../model/types.ts';
import type { AssessmentScheme, CountItem, CountMethod, IndicatorMethod, SchemeRow } from '../model/assessment.ts';
import { parseAmount } from '../normalise/amount.ts';
import { readWorkbook, type CellValue, type RawSheet } from '../read/workbook.ts';
import { a1, headerKey } from './header.ts';
import { TARGET_INDICATORS, type Loaded } from './registry.ts';

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

const COLUMNS: Record<string, string[]> = {
  category: ['类别', '类型', '考核类别', '项目类别', '分类'],
  indicator: ['指标', '考核指标', '考核项目', '考核内容', '项目', '内容', '指标名称'],
  weight: ['分值', '分数', '权重', '满分', '每项分值', '标准分'],
  method: ['计分方法', '计分办法', '评分方法', '评分办法', '方法', '计分'],
  cap: ['封顶', '上限', '封顶值', '最高', '最高分', '封顶分'],
};
const REQUIRED = ['category', 'indicator', 'weight', 'method'];

const CATEGORY: Readonly<Record<string, '指标' | '加分' | '扣分'>> = {
  指标: '指标', 考核指标: '指标', 基本指标: '指标', 基础指标: '指标', 主要指标: '指标',
  加分: '加分', 加分项: '加分', 加分项目: '加分', 奖励加分: '加分',
  扣分: '扣分', 扣分项: '扣分', 扣分项目: '扣分', 减分: '扣分', 减分项: '扣分',
};

const INDICATOR_METHODS: readonly IndicatorMethod[] = ['完成率', '时序完成率', '功效系数'];
const METHOD_WORDS: Readonly<Record<string, IndicatorMethod | CountMethod>> = {
  完成率: '完成率', 完成比例: '完成率', 目标完成率: '完成率',
  时序完成率: '时序完成率', 序时完成率: '时序完成率', 时序进度: '时序完成率', 序时进度: '时序完成率', 时序: '时序完成率', 序时: '时序完成率',
  功效系数: '功效系数', 功效系数法: '功效系数',
  每个: '每个', 每项: '每个', 每个项目: '每个', 每次: '每次', 每月: '每次', 每条: '每条', 每处: '每条',
};

/** 加分 / 扣分 items, by the words that name them; longer words first so 十亿元以上 is not read as 亿元以上. */
const COUNT_ITEMS: readonly { key: CountItem; label: string; words: string[] }[] = [
  { key: 'hugeProjects', label: '十亿元以上项目', words: ['十亿元以上项目', '十亿元以上项目数', '10亿元以上项目', '10亿元以上项目数', '十亿以上项目', '10亿以上项目', '新签约十亿元以上项目'] },
  { key: 'largeProjects', label: '亿元以上项目', words: ['亿元以上项目', '亿元以上项目数', '亿元以上签约项目', '新签约亿元以上项目', '1亿元以上项目', '亿元以上新签约项目'] },
  { key: 'notSubmitted', label: '未报送', words: ['未报送', '未按时报送', '漏报', '未报', '迟报', '未报送月报', '未按时报送月报'] },
  { key: 'dataErrors', label: '数据错误', words: ['数据错误', '数据差错', '错误数据', '数据有误', '报送错误', '数据核查错误'] },
];

const INDICATOR_WORDS = TARGET_INDICATORS.map((i) => i.label).join('、');
const ITEM_WORDS = COUNT_ITEMS.map((i) => i.label).join('、');

/** An indicator as the targets file names it: the same words (registry.ts), with 目标/任务/指标 or 年度 around them. */
function indicatorOf(text: string): (typeof TARGET_INDICATORS)[number] | null {
  const key = headerKey(text).replace(/(年度)?(目标|任务|指标)(任务)?$/, '').replace(/^(年度|全年)/, '');
  return TARGET_INDICATORS.find((i) => i.keys.includes(key) || i.label === key) ?? null;
}

function countItemOf(text: string): (typeof COUNT_ITEMS)[number] | null {
  const key = headerKey(text);
  return COUNT_ITEMS.find((i) => i.words.includes(key) || i.label === key) ?? null;
}

/** A number as written in a cell, `%` allowed: `{ value, percent }`, or null when it is not a number. */
function numberOf(v: CellValue): { value: number; percent: boolean } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, percent: false } : null;
  const t = squash(cellText(v)).replace(/分$/, '');
  const percent = /[%％]$/.test(t);
  const r = parseAmount(percent ? t.slice(0, -1) : t, 1);
  return r.ok && r.value !== null ? { value: r.value, percent } : null;
}

/**
 * A completion cap: `120%`, or a cell formatted as a percentage (read as 1.2), or `120` (a number
 * above 10 can only mean per cent: nobody caps completion at 1200 %).
 */
function capFraction(n: { value: number; percent: boolean }): number {
  return n.percent ? n.value / 100 : n.value > 10 ? n.value / 100 : n.value;
}

function findTable(sheets: RawSheet[]): { sheet: RawSheet; headerRow: number; cols: Map<string, number> } | null {
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
      const cols = new Map<string, number>();
      (sheet.rows[r] ?? []).forEach((v, c) => {
        const key = headerKey(cellText(v));
        for (const [name, aliases] of Object.entries(COLUMNS)) if (!cols.has(name) && aliases.includes(key)) cols.set(name, c);
      });
      if (REQUIRED.every((k) => cols.has(k))) return { sheet, headerRow: r, cols };
    }
  }
  return null;
}

/** Reads `assessment.xlsx|csv`. `value` is null when the scheme has any error: no scores then. */
export function readAssessmentScheme(bytes: Uint8Array, file: string): Loaded<AssessmentScheme | null> {
  const issues: Issue[] = [];
  const fail = (message: string, sheet: string | null = null, r: number | null = null, c: number | null = null) =>
    issues.push(issue({ kind: 'assessment-scheme', message, at: { file, sheet, row: r === null ? null : r + 1, cell: r !== null && c !== null ? a1(r, c) : null } }));
  const wb = readWorkbook(bytes, file);
  if (!wb.ok) {
    fail(`考核办法无法读取：${wb.reason}；本次不计算考核得分`);
    return { value: null, issues };
  }
  const t = findTable(wb.workbook.sheets);
  if (!t) {
    fail('考核办法中没有找到“类别、指标、分值、计分方法”表头；本次不计算考核得分');
    return { value: null, issues };
  }
  const { sheet, cols } = t;
  const rows: SchemeRow[] = [];
  const seen = new Map<string, number>();
  for (let r = t.headerRow + 1; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const cell = (k: string) => (cols.has(k) ? raw[cols.get(k)!] ?? null : null);
    const text = (k: string) => squash(cellText(cell(k)));
    if (REQUIRED.every((k) => text(k) === '') && text('cap') === '') continue;
    if (/^(合计|小计|总计|满分)$/.test(text('category')) || /^(合计|小计|总计)$/.test(text('indicator'))) continue;
    const at = (k: string) => [sheet.name, r, cols.get(k) ?? null] as const;
    const where = `考核办法第${r + 1}行`;

    const category = CATEGORY[text('category')];
    if (!category) { fail(`${where}：类别“${cellText(cell('category'))}”无法识别，应为“指标”“加分”或“扣分”`, ...at('category')); continue; }

    const name = cellText(cell('indicator'));
    const indicator = category === '指标' ? indicatorOf(name) : null;
    const item = category === '指标' ? null : countItemOf(name);
    if (!indicator && !item) {
      fail(category === '指标'
        ? `${where}：指标“${name}”无法识别；可用的指标（与目标任务表的列相同）：${INDICATOR_WORDS}`
        : `${where}：${category}项目“${name}”无法识别；可用的项目：${ITEM_WORDS}`, ...at('indicator'));
      continue;
    }

    const w = numberOf(cell('weight'));
    if (!w || w.percent || w.value === 0) {
      fail(`${where}：分值“${cellText(cell('weight'))}”不是数字（应填如 40 或 0.5，不带单位）`, ...at('weight'));
      continue;
    }
    // 扣分 rows are sometimes written with a minus sign: the category already says which way.
    const weight = Math.abs(w.value);

    const method = METHOD_WORDS[text('method')] ?? METHOD_WORDS[text('method').replace(/法$/, '')];
    const fitting: readonly string[] = category === '指标' ? INDICATOR_METHODS : ['每个', '每次', '每条'];
    if (!method || !fitting.includes(method)) {
      fail(`${where}：计分方法“${cellText(cell('method'))}”${method ? `不适用于${category}` : '无法识别'}；${category}可用：${fitting.join('、')}`, ...at('method'));
      continue;
    }

    const capText = text('cap');
    const capNumber = capText === '' ? null : numberOf(cell('cap'));
    if (capText !== '' && (!capNumber || !(capNumber.value > 0))) {
      fail(`${where}：封顶“${cellText(cell('cap'))}”不是正数（${category === '指标' ? '完成率上限，如 120%' : '最多加减的分数，如 6'}；不封顶时留空）`, ...at('cap'));
      continue;
    }

    const key = indicator?.key ?? item!.key;
    const dup = seen.get(`${category}\u0000${key}`);
    if (dup !== undefined) {
      fail(`${where}：${category}“${name}”与第${dup}行重复，同一项目只能计分一次`, ...at('indicator'));
      continue;
    }
    seen.set(`${category}\u0000${key}`, r + 1);

    if (category === '指标') {
      rows.push({ row: r + 1, category, key, label: indicator!.label, weight, method: method as IndicatorMethod, cap: capNumber ? capFraction(capNumber) : null });
    } else {
      if (capNumber?.percent) {
        fail(`${where}：${category}的封顶是分数（如 6），不是百分比`, ...at('cap'));
        continue;
      }
      rows.push({ row: r + 1, category, key: item!.key, label: item!.label, weight, method: method as CountMethod, cap: capNumber?.value ?? null });
    }
  }
  if (issues.length === 0 && rows.length === 0) fail('考核办法中没有任何考核项目；本次不计算考核得分', sheet.name);
  if (issues.length > 0) {
    issues.push(issue({ kind: 'assessment-scheme', message: `考核办法有${issues.length}处错误，改正前不计算考核得分（网站其余部分照常生成）`, at: { file } }));
    return { value: null, issues };
  }
  return { value: { file, rows }, issues };
}
