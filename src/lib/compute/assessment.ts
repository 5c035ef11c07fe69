/**
 * 考核 scores: the office's scheme (model/assessment.ts) applied to a period's figures. Pure: the
 * same figures and scheme give the same scores. The rules are written out for the clerk in
 * docs/assessment.md and, shorter, on the assessment page (views/assessment.ts `methodNotes`).
 *
 * The scores are computed from the period as it is shown (an issued period's recorded figures), so
 * a score always agrees with the bulletin it sits beside.
 */
import type { Assessment, AssessmentScheme, CountRow, IndicatorRow, SchemeRow, ScoredItem, UnitScore } from '../model/assessment.ts';
import { fixed, pct, periodRange, plainNumber } from '../model/format.ts';
import { issue } from '../model/issues.ts';
import type { Issue, Project, UnitResult } from '../model/types.ts';
import { isCounted, LARGE_PROJECT, projectSize } from './indicators.ts';

/** 十亿元以上项目 (万元), judged by the same size as 亿元以上 (总投资, else 合同引资额). */
export const HUGE_PROJECT = 100000;

/** Points have two decimals, rounded half up as a person rounds (model/format.ts `fixed`). */
export const round2 = (x: number): number => Number(fixed(x, 2));

/** What the scoring needs of a period: the figures as shown (issued or current). */
export interface ScoredPeriod {
  period: string;
  year: number;
  month: number;
  units: readonly UnitResult[];
  projects: readonly Project[];
  issues: readonly Issue[];
}

export interface AssessmentInput {
  scheme: AssessmentScheme;
  period: ScoredPeriod;
  /** Group names in display order. */
  groups: readonly string[];
  /** Indicator keys that have a target column in this year's targets file. */
  targetIndicators: readonly string[];
  /** This year's targets file, for messages; null when there is none. */
  targetsFile: string | null;
  /** The periods of the same year before this one (as shown): who reported in each. */
  earlier: readonly Pick<ScoredPeriod, 'period' | 'units'>[];
  /** Last month's scores, for the rank change. */
  previous: Assessment | null;
}

/**
 * A project new this year: 新建 (the type units give a project signed this year), or, where the
 * ledger gives no type, signed in this year.
 */
export function isNewThisYear(p: Pick<Project, 'projectType' | 'signDate'>, year: number): boolean {
  if (p.projectType !== null) return p.projectType === '新建';
  return p.signDate !== null && p.signDate.startsWith(`${year}-`);
}

/** The title and kind of a period's scores: quarters and the year are the real 考核; other months a provisional reading. */
export function assessmentTitle(period: string, year: number, month: number): Pick<Assessment, 'kind' | 'title'> {
  if (month === 12) return { kind: '年度考核', title: `${year}年度考核` };
  if (month % 3 === 0) return { kind: '季度考核', title: `${year}年第${'一二三'[month / 3 - 1]}季度考核` };
  return { kind: '考核得分', title: `${periodRange(period)}考核得分` };
}

/** The actual figure of an indicator for a unit (registry.ts TARGET_INDICATORS keys). */
function actualOf(u: UnitResult, key: string, projects: readonly Project[]): number {
  switch (key) {
    case 'fundsInPlace': return u.fundsInPlace;
    case 'contractAmount': return u.contractAmount;
    case 'projects': return u.projects;
    case 'largeProjects': return u.largeProjects;
    case 'foreignCapital': return u.foreignCapital;
    case 'startedProjects': return projects.filter((p) => p.unit === u.code && isCounted(p) && (p.stage === '开工' || p.stage === '投产')).length;
    default: return u.targets[key]?.actual ?? 0;
  }
}

/** The unit's annual target of an indicator; null without a positive one. */
function targetOf(u: UnitResult, key: string): number | null {
  const t = key === 'fundsInPlace' ? u.fundsTarget : u.targets[key]?.target ?? null;
  return t !== null && t > 0 ? t : null;
}

/** A raw figure in words, for the basis of a 功效系数 item without targets. */
function figureText(key: string, v: number): string {
  if (key === 'fundsInPlace' || key === 'contractAmount') return `${plainNumber(v, 2)}万元`;
  if (key === 'foreignCapital') return `${plainNumber(v, 2)}万美元`;
  return `${v}个`;
}

const COUNT_WORD: Readonly<Record<CountRow['method'], string>> = { 每个: '个', 每次: '次', 每条: '条' };

/** How many of a 加分 / 扣分 row's items a unit has this period. */
function countOf(row: CountRow, u: UnitResult, input: AssessmentInput): number {
  const { period } = input;
  switch (row.key) {
    case 'largeProjects':
    case 'hugeProjects': {
      const min = row.key === 'hugeProjects' ? HUGE_PROJECT : LARGE_PROJECT;
      return period.projects.filter((p) => p.unit === u.code && isCounted(p) && projectSize(p) >= min && isNewThisYear(p, period.year)).length;
    }
    case 'notSubmitted':
      return [...input.earlier, period].filter((q) => q.units.some((x) => x.code === u.code && !x.submitted)).length;
    case 'dataErrors':
      return period.issues.filter((i) => i.severity === 'error' && i.unit === u.code).length;
  }
}

/** An 指标 row for every unit of one group (功效系数 needs the whole group). */
function scoreIndicator(row: IndicatorRow, members: readonly UnitResult[], input: AssessmentInput): Map<string, ScoredItem> {
  const out = new Map<string, ScoredItem>();
  const { period } = input;
  const item = (u: UnitResult, points: number, basis: string) => out.set(u.code, { category: '指标', indicator: row.label, method: row.method, points: round2(points), basis });
  const cap = row.cap ?? 1;
  if (row.method === '功效系数') {
    const withTargets = input.targetIndicators.includes(row.key);
    const xOf = (u: UnitResult): number | null => {
      if (!withTargets) return actualOf(u, row.key, period.projects);
      const t = targetOf(u, row.key);
      return t === null ? null : actualOf(u, row.key, period.projects) / t;
    };
    const xs = members.filter((u) => u.submitted).map((u) => [u, xOf(u)] as const);
    const known = xs.map(([, x]) => x).filter((x): x is number => x !== null);
    const min = Math.min(...known);
    const max = Math.max(...known);
    for (const u of members) {
      if (!u.submitted) { item(u, 0, '未报送'); continue; }
      const x = xOf(u);
      if (x === null) { item(u, 0, '无年度目标'); continue; }
      const basis = withTargets ? `完成${pct(x)}` : figureText(row.key, x);
      // All equal (a group of one, or everyone at zero): nobody is worst, everybody gets the full weight.
      item(u, max === min ? row.weight : row.weight * (0.6 + 0.4 * (x - min) / (max - min)), basis);
    }
    return out;
  }
  const share = row.method === '时序完成率' ? period.month / 12 : 1;
  for (const u of members) {
    if (!u.submitted) { item(u, 0, '未报送'); continue; }
    const t = targetOf(u, row.key);
    if (t === null) { item(u, 0, '无年度目标'); continue; }
    const rate = actualOf(u, row.key, period.projects) / (t * share);
    item(u, row.weight * Math.min(rate, cap), row.method === '时序完成率' ? `完成序时目标的${pct(rate)}` : `完成${pct(rate)}`);
  }
  return out;
}

function scoreCount(row: CountRow, u: UnitResult, input: AssessmentInput): ScoredItem {
  const sign = row.category === '扣分' ? -1 : 1;
  // A unit that did not report has no ledger this month to earn a bonus from; its deductions stand.
  const n = sign > 0 && !u.submitted ? 0 : countOf(row, u, input);
  const raw = n * row.weight;
  const points = row.cap === null ? raw : Math.min(raw, row.cap);
  return { category: row.category, indicator: row.label, method: row.method, points: round2(sign * points) || 0, basis: `${n}${COUNT_WORD[row.method]}` };
}

/** Rows scored by completion against an annual target need that target's column this year. */
export function missingTargets(input: Pick<AssessmentInput, 'scheme' | 'targetIndicators' | 'targetsFile' | 'period'>): Issue[] {
  const { scheme, period } = input;
  return scheme.rows
    .filter((r): r is IndicatorRow => r.category === '指标' && r.method !== '功效系数' && !input.targetIndicators.includes(r.key))
    .map((r) => issue({
      kind: 'assessment-target', at: { file: scheme.file, row: r.row },
      message: `考核办法第${r.row}行：指标“${r.label}”按${r.method}计分，但${input.targetsFile ? `${period.year}年的目标任务表 ${input.targetsFile} 中没有“${r.label}”目标列` : `没有${period.year}年的目标任务表`}；${period.year}年不计算考核得分（可补上目标列，或改用功效系数）`,
    }));
}

/**
 * Scores every unit of a period. Null with issues when the scheme needs a target column this
 * year's targets do not have: then no scores rather than scores missing an item.
 */
export function assess(input: AssessmentInput): { assessment: Assessment | null; issues: Issue[] } {
  const issues = missingTargets(input);
  if (issues.length > 0) return { assessment: null, issues };
  const { scheme, period, groups } = input;
  const prevRank = new Map(input.previous?.units.map((u) => [u.code, u.rank]) ?? []);
  const units: UnitScore[] = [];
  for (const g of groups) {
    const members = period.units.filter((u) => u.group === g);
    if (members.length === 0) continue;
    const byRow = new Map<SchemeRow, Map<string, ScoredItem>>();
    for (const row of scheme.rows) if (row.category === '指标') byRow.set(row, scoreIndicator(row, members, input));
    const scored = members.map((u) => {
      const items = scheme.rows.map((row) => (row.category === '指标' ? byRow.get(row)!.get(u.code)! : scoreCount(row, u, input)));
      const score = round2(items.reduce((s, i) => s + i.points, 0));
      return { code: u.code, name: u.name, group: g, submitted: u.submitted, score, rank: 0, rankChange: null as number | null, items };
    });
    // Ties share a rank (1, 2, 2, 4) on the two-decimal score the reader sees; a unit that did not
    // report comes after every unit that did, whatever its score.
    for (const s of scored) {
      const ahead = scored.filter((o) => (o.submitted && !s.submitted) || (o.submitted === s.submitted && o.score > s.score)).length;
      s.rank = ahead + 1;
      const before = prevRank.get(s.code);
      s.rankChange = before === undefined ? null : before - s.rank;
    }
    units.push(...[...scored].sort((a, b) => a.rank - b.rank));
  }
  return { assessment: { ...assessmentTitle(period.period, period.year, period.month), rows: scheme.rows, units }, issues };
}
