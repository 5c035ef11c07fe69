/**
 * Indicators of a set of ledger rows (a unit, a group, the city), year to date.
 */
import { COUNTED_STAGES, type Indicators, type Project } from '../model/types.ts';

/** A row counts as a project at stage 签约, 开工 or 投产; a row without a stage is taken as signed. */
export function isCounted(p: Project): boolean {
  return p.stage === null || COUNTED_STAGES.has(p.stage);
}

export const LARGE_PROJECT = 10000; // 万元: 亿元以上项目

/**
 * The size a project is judged by (万元): 总投资, or 合同引资额 where 总投资 is not given. The one
 * definition of 亿元以上 for the indicators (largeProjects), 附表3 重点项目 and its ordering.
 */
export function projectSize(p: Pick<Project, 'totalInvestment' | 'contractAmount'>): number {
  return p.totalInvestment ?? p.contractAmount ?? 0;
}

/** 亿元以上项目: size (总投资, else 合同引资额) of 1亿元 or more. */
export function isLarge(p: Pick<Project, 'totalInvestment' | 'contractAmount'>): boolean {
  return projectSize(p) >= LARGE_PROJECT;
}

export interface Actuals {
  projects: number;
  reserveProjects: number;
  contractAmount: number;
  fundsInPlace: number;
  foreignCapital: number;
  largeProjects: number;
  startedProjects: number;
}

/** Sums the ledger. Money in 万元; foreign capital (万美元) is kept apart and never added to it. */
export function actuals(projects: readonly Project[]): Actuals {
  const a: Actuals = { projects: 0, reserveProjects: 0, contractAmount: 0, fundsInPlace: 0, foreignCapital: 0, largeProjects: 0, startedProjects: 0 };
  for (const p of projects) {
    if (!isCounted(p)) { a.reserveProjects++; continue; }
    a.projects++;
    a.contractAmount += p.contractAmount ?? 0;
    a.fundsInPlace += p.fundsInPlace ?? 0;
    a.foreignCapital += p.foreignCapital ?? 0;
    if (isLarge(p)) a.largeProjects++;
    if (p.stage === '开工' || p.stage === '投产') a.startedProjects++;
  }
  a.contractAmount = tidy(a.contractAmount);
  a.fundsInPlace = tidy(a.fundsInPlace);
  a.foreignCapital = tidy(a.foreignCapital);
  return a;
}

export function addActuals(list: readonly Actuals[]): Actuals {
  const sum: Actuals = { projects: 0, reserveProjects: 0, contractAmount: 0, fundsInPlace: 0, foreignCapital: 0, largeProjects: 0, startedProjects: 0 };
  for (const a of list) for (const k of Object.keys(sum) as (keyof Actuals)[]) sum[k] += a[k];
  sum.contractAmount = tidy(sum.contractAmount);
  sum.fundsInPlace = tidy(sum.fundsInPlace);
  sum.foreignCapital = tidy(sum.foreignCapital);
  return sum;
}

/** Removes float noise from sums of decimals (0.1 + 0.2) at a precision far below one yuan. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** completion = actual / target; null without a positive target. */
export function completion(actual: number, target: number | null | undefined): number | null {
  return target === null || target === undefined || !(target > 0) ? null : actual / target;
}

/** 同比: this year / same month last year − 1; null where last year is unknown or zero. */
export function yoy(current: number, lastYear: number | null | undefined): number | null {
  return lastYear === null || lastYear === undefined || !(lastYear > 0) ? null : current / lastYear - 1;
}

/** Builds the Indicators record from actuals and the annual targets. */
export function indicators(
  a: Actuals,
  targets: Readonly<Record<string, number>> | null,
  lastYearFunds: number | null,
  timeProgress: number,
): Indicators {
  const fundsTarget = targets?.['fundsInPlace'] ?? null;
  const fundsCompletion = completion(a.fundsInPlace, fundsTarget);
  const other: Indicators['targets'] = {};
  for (const [key, target] of Object.entries(targets ?? {})) {
    if (key === 'fundsInPlace') continue;
    const actual = (a as unknown as Record<string, number>)[key];
    const c = actual === undefined ? null : completion(actual, target);
    if (c !== null && actual !== undefined) other[key] = { target, actual, completion: c };
  }
  return {
    projects: a.projects,
    reserveProjects: a.reserveProjects,
    contractAmount: a.contractAmount,
    fundsInPlace: a.fundsInPlace,
    fundsTarget,
    fundsCompletion,
    fundsYoY: yoy(a.fundsInPlace, lastYearFunds),
    foreignCapital: a.foreignCapital,
    largeProjects: a.largeProjects,
    aheadPoints: fundsCompletion === null ? null : (fundsCompletion - timeProgress) * 100,
    targets: other,
  };
}

/** Sums target records (a group's target is the sum of its units'). */
export function sumTargets(list: readonly (Readonly<Record<string, number>> | null)[]): Record<string, number> | null {
  const out: Record<string, number> = {};
  let any = false;
  for (const t of list) {
    if (!t) continue;
    for (const [k, v] of Object.entries(t)) { out[k] = (out[k] ?? 0) + v; any = true; }
  }
  return any ? out : null;
}
