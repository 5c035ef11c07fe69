/**
 * 考核: the office's own assessment scheme (考核办法, `assessment.xlsx|csv`) and the scores it gives
 * each unit. The scheme is read by recognise/assessment-scheme.ts, scored by compute/assessment.ts;
 * docs/assessment.md explains both to the clerk.
 */

/** 指标: weighted indicators; 加分 / 扣分: points per item. */
export type AssessmentCategory = '指标' | '加分' | '扣分';

/** How an 指标 row is scored. */
export type IndicatorMethod = '完成率' | '时序完成率' | '功效系数';
/** How a 加分 / 扣分 row is scored: the same rule (points per item) under the words offices use. */
export type CountMethod = '每个' | '每次' | '每条';
export type AssessmentMethod = IndicatorMethod | CountMethod;

/**
 * What a 加分 / 扣分 row counts, per unit:
 * - largeProjects: 亿元以上项目 new this year (新建, or signed this year when the type is not given);
 * - hugeProjects: 十亿元以上项目, the same, of 10亿元 or more;
 * - notSubmitted: months of this year up to the period the unit sent no usable return;
 * - dataErrors: error-level data issues of the unit in this period.
 */
export type CountItem = 'largeProjects' | 'hugeProjects' | 'notSubmitted' | 'dataErrors';

interface SchemeRowBase {
  /** 1-based row in the scheme file, for messages. */
  row: number;
  /** The name as printed on pages: the canonical label (到位资金, 十亿元以上项目…). */
  label: string;
  weight: number;
}

/** An 指标 row: `key` is a target indicator key (registry.ts TARGET_INDICATORS: fundsInPlace, projects…). */
export interface IndicatorRow extends SchemeRowBase {
  category: '指标';
  key: string;
  method: IndicatorMethod;
  /** Completion cap as a fraction (1.2 = 120 %); null: 100 % (完成率, 时序完成率), none (功效系数). */
  cap: number | null;
}

/** A 加分 / 扣分 row: `weight` points per item, at most `cap` points (null: no cap). */
export interface CountRow extends SchemeRowBase {
  category: '加分' | '扣分';
  key: CountItem;
  method: CountMethod;
  cap: number | null;
}

export type SchemeRow = IndicatorRow | CountRow;

export interface AssessmentScheme {
  /** The scheme's file, relative to the data folder. */
  file: string;
  rows: SchemeRow[];
}

/** One item of a unit's score. */
export interface ScoredItem {
  category: AssessmentCategory;
  /** The row's label (到位资金, 未报送…). */
  indicator: string;
  method: AssessmentMethod;
  /** Points, two decimals; negative for a deduction. */
  points: number;
  /** What was scored, in words: 完成率85.0%, 2个, 1次… */
  basis: string;
}

export interface UnitScore {
  code: string;
  name: string;
  group: string;
  submitted: boolean;
  /** Total, two decimals. */
  score: number;
  /** Within the group; ties share; a unit that did not report comes after all that did. */
  rank: number;
  /** Last period's rank − this one (positive = up); null without a score last period. */
  rankChange: number | null;
  items: ScoredItem[];
}

export interface Assessment {
  /** 季度考核 at months 3, 6, 9; 年度考核 at 12; 考核得分 (a provisional reading) in the other months. */
  kind: '季度考核' | '年度考核' | '考核得分';
  /** The page title, e.g. 2026年第三季度考核. */
  title: string;
  /** The scheme's rows, in the file's order: the columns of the score tables and the method note. */
  rows: SchemeRow[];
  /** Every unit, in group order, each group by rank (registry order within a tie). */
  units: UnitScore[];
}
