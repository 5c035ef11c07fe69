/**
 * What the 考核 page (src/pages/[period]/assessment/) and a unit page's 考核 breakdown show: per
 * group, units by total score with each item's points, rank and rank change, and the method in
 * plain Chinese. The scores come ready in the model (compute/assessment.ts).
 */
import type { Assessment, SchemeRow, ScoredItem, UnitScore } from '../model/assessment.ts';
import { fixed, pct, periodRange, plainNumber, rankChangeText } from '../model/format.ts';
import type { PeriodModel } from '../model/site-model.ts';
import { missingText } from './submission.ts';

/** Points as tables print them: two decimals, a deduction with its minus sign. */
export const pointsText = (v: number): string => (v < 0 ? `−${fixed(-v, 2)}` : fixed(v, 2));

export interface AssessmentColumn {
  /** 到位资金, 未报送…; the header of the column. */
  label: string;
  /** （40分·完成率）, （每次−2分）: the weight and the method under the header. */
  note: string;
}

export interface AssessmentRow {
  code: string;
  name: string;
  rank: number;
  change: { symbol: string; label: string; up: boolean; down: boolean };
  score: string;
  /** 未报送, 报送文件无法读取, or null. */
  missing: string | null;
  /** One per scheme row, in the columns' order. */
  items: { points: string; basis: string; negative: boolean }[];
}

export interface AssessmentGroup { name: string; rows: AssessmentRow[] }

export interface AssessmentPageView {
  title: string;
  kind: Assessment['kind'];
  /** What the scores are computed from, in one sentence. */
  lede: string;
  columns: AssessmentColumn[];
  groups: AssessmentGroup[];
  /** The method, one sentence per item, then the general rules. */
  notes: string[];
}

const sign = (r: SchemeRow) => (r.category === '扣分' ? '−' : '+');
const per: Readonly<Record<string, string>> = { 每个: '每个', 每次: '每次', 每条: '每条' };

function columnNote(r: SchemeRow): string {
  if (r.category === '指标') return `（${plainNumber(r.weight)}分·${r.method}）`;
  return `（${per[r.method]}${sign(r)}${plainNumber(r.weight)}分${r.cap !== null ? `，最多${sign(r)}${plainNumber(r.cap)}` : ''}）`;
}

/** What a 加分 / 扣分 row counts, as the method note says it. */
const COUNTED: Readonly<Record<string, string>> = {
  largeProjects: '本年新引进的亿元以上项目（签约及以后阶段，按总投资，未填时按合同引资额；新建项目，未填类型时按签约日期）',
  hugeProjects: '本年新引进的十亿元以上项目（口径同亿元以上项目）',
  notSubmitted: '本年截至本月未报送台账的月数（含报送文件无法读取的月份）',
  dataErrors: '本期数据核查中该单位的“错误”条数（见数据质量页）',
};

/** One sentence per scheme row, in plain Chinese. */
export function methodNote(r: SchemeRow): string {
  const w = plainNumber(r.weight);
  if (r.category === '指标') {
    if (r.method === '完成率') return `${r.label}（${w}分）：按完成率计分，得分＝${w}×本年累计完成数÷年度目标，完成率最高按${pct(r.cap ?? 1, 0)}计。`;
    if (r.method === '时序完成率') return `${r.label}（${w}分）：按时序完成率计分，得分＝${w}×本年累计完成数÷（年度目标×月份÷12），最高按${pct(r.cap ?? 1, 0)}计。`;
    return `${r.label}（${w}分）：按功效系数法在本组内计分，组内最好的单位得${w}分，最差的得${plainNumber(r.weight * 0.6)}分（60%），其余得 ${w}×（0.6＋0.4×（本单位－最差）÷（最好－最差））；比较的是完成率（没有目标列时比较完成数）；组内各单位相同时均得满分。`;
  }
  const verb = r.category === '加分' ? '加' : '扣';
  return `${r.label}：${per[r.method]}${verb}${w}分${r.cap !== null ? `，最多${verb}${plainNumber(r.cap)}分` : ''}；计数为${COUNTED[r.key]}。`;
}

/** The general rules under the item notes. */
function generalNotes(a: Assessment, p: Pick<PeriodModel, 'period' | 'month'>): string[] {
  const full = a.rows.filter((r) => r.category === '指标').reduce((s, r) => s + r.weight, 0);
  const out = [
    `指标分值合计${plainNumber(full)}分，另计加分和扣分；各项得分和总分保留两位小数。`,
    '排名在本组内按总分从高到低，总分相同的并列同一名次；本期未报送的单位各项指标得0分、不计加分，只计扣分，排在本组已报送单位之后。',
    '“升降”为与上月考核得分排名相比的名次变化（↑上升，↓下降，→持平）。',
  ];
  if (a.kind === '考核得分') out.push(`本月不是考核月份（季度考核在3、6、9月，年度考核在12月），以上为按${periodRange(p.period)}累计数测算的得分，供掌握进度参考。`);
  return out;
}

function row(u: UnitScore, missing: string | null): AssessmentRow {
  const change = rankChangeText(u.rankChange);
  return {
    code: u.code, name: u.name, rank: u.rank, score: pointsText(u.score), missing,
    change: { ...change, up: (u.rankChange ?? 0) > 0, down: (u.rankChange ?? 0) < 0 },
    items: u.items.map((i: ScoredItem) => ({ points: pointsText(i.points), basis: i.basis, negative: i.points < 0 })),
  };
}

/** The 考核 page of a period; null when the period has no scores. */
export function assessmentPage(p: PeriodModel, groups: readonly string[]): AssessmentPageView | null {
  const a = p.assessment;
  if (!a) return null;
  const unitOf = new Map(p.units.map((u) => [u.code, u]));
  const missing = (code: string) => {
    const u = unitOf.get(code);
    return u && !u.submitted ? missingText(u) : null;
  };
  return {
    title: a.title, kind: a.kind,
    lede: `按${periodRange(p.period)}累计数和考核办法计分，各组内按总分排名。`,
    columns: a.rows.map((r) => ({ label: r.label, note: columnNote(r) })),
    groups: groups
      .map((g) => ({ name: g, rows: a.units.filter((u) => u.group === g).map((u) => row(u, missing(u.code))) }))
      .filter((g) => g.rows.length > 0),
    notes: [...a.rows.map(methodNote), ...generalNotes(a, p)],
  };
}

export interface UnitBreakdown {
  title: string;
  score: string;
  rank: number;
  of: number;
  change: { symbol: string; label: string };
  items: { label: string; category: string; method: string; basis: string; points: string; negative: boolean }[];
}

/** A unit's own 考核 items, for its page; null when the period has no scores. */
export function unitBreakdown(p: PeriodModel, code: string): UnitBreakdown | null {
  const a = p.assessment;
  const u = a?.units.find((x) => x.code === code);
  if (!a || !u) return null;
  return {
    title: a.title, score: pointsText(u.score), rank: u.rank,
    of: a.units.filter((x) => x.group === u.group).length,
    change: rankChangeText(u.rankChange),
    items: u.items.map((i) => ({ label: i.indicator, category: i.category, method: i.method, basis: i.basis, points: pointsText(i.points), negative: i.points < 0 })),
  };
}

/** The score and rank of each unit by code (the bulletin's ranking tables under rankBy "assessment"). */
export function scoresByCode(p: Pick<PeriodModel, 'assessment'>): Map<string, string> {
  return new Map((p.assessment?.units ?? []).map((u) => [u.code, pointsText(u.score)]));
}
