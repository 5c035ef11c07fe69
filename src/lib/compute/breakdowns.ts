/**
 * Breakdowns of the counted projects by 产业类别, 项目类型, 项目阶段 and size (by 总投资).
 */
import { STAGES, type BreakdownEntry, type Breakdowns, type Project } from '../model/types.ts';
import { isCounted, LARGE_PROJECT } from './indicators.ts';

export const SIZE_BANDS = ['亿元以上', '5000万-1亿', '1000万-5000万', '1000万以下'] as const;
export const UNKNOWN_KEY = '未填报';

/**
 * Size band of a project by total investment in 万元. Unlike `isLarge` (which falls back to 合同引资额)
 * this chart is “按总投资” and shows rows without 总投资 as 未填报, so the bands of one chart share one
 * measure; the 亿元 threshold is the same constant.
 */
export function sizeBand(totalInvestment: number | null): string {
  if (totalInvestment === null) return UNKNOWN_KEY;
  if (totalInvestment >= LARGE_PROJECT) return '亿元以上';
  if (totalInvestment >= 5000) return '5000万-1亿';
  if (totalInvestment >= 1000) return '1000万-5000万';
  return '1000万以下';
}

function group(projects: readonly Project[], key: (p: Project) => string, order: readonly string[]): BreakdownEntry[] {
  const map = new Map<string, BreakdownEntry>();
  for (const k of order) map.set(k, { key: k, projects: 0, contractAmount: 0, fundsInPlace: 0 });
  for (const p of projects) {
    const k = key(p);
    let e = map.get(k);
    if (!e) { e = { key: k, projects: 0, contractAmount: 0, fundsInPlace: 0 }; map.set(k, e); }
    e.projects++;
    e.contractAmount += p.contractAmount ?? 0;
    e.fundsInPlace += p.fundsInPlace ?? 0;
  }
  const fixed = new Set(order);
  const extra = [...map.values()].filter((e) => !fixed.has(e.key))
    .sort((a, b) => (a.key === UNKNOWN_KEY ? 1 : 0) - (b.key === UNKNOWN_KEY ? 1 : 0) || b.fundsInPlace - a.fundsInPlace || a.key.localeCompare(b.key, 'zh'));
  return [...order.map((k) => map.get(k)!), ...extra].map((e) => ({
    ...e, contractAmount: Math.round(e.contractAmount * 1e6) / 1e6, fundsInPlace: Math.round(e.fundsInPlace * 1e6) / 1e6,
  }));
}



/** Industry, type and size cover counted projects; the stage breakdown also shows 在谈 reserve. */
export function breakdowns(all: readonly Project[]): Breakdowns {
  const counted = all.filter(isCounted);
  return {
    industry: group(counted, (p) => p.industry ?? UNKNOWN_KEY, []),
    projectType: group(counted, (p) => p.projectType ?? UNKNOWN_KEY, ['新建', '续建']),
    stage: group(all, (p) => p.stage ?? UNKNOWN_KEY, STAGES),
    size: group(counted, (p) => sizeBand(p.totalInvestment), SIZE_BANDS),
  };
}
