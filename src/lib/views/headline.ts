/**
 * The bulletin's headline figures (主要指标): each indicator with its total, completion of the annual
 * target, 同比 and the gap to 序时进度 in points. 同比 of indicators other than funds is computed
 * here from the same month of last year in the site model (the pipeline only keeps fundsYoY).
 */
import { yoy } from '../compute/indicators.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Indicators } from '../model/types.ts';

export type HeadlineKey = 'fundsInPlace' | 'contractAmount' | 'projects' | 'largeProjects' | 'startedProjects' | 'foreignCapital';

export interface HeadlineFigure {
  key: HeadlineKey;
  /** 到位资金, 合同引资额, … */
  label: string;
  /** The total in its natural unit: 万元 for money, a count, or 万美元. */
  value: number;
  unit: 'money' | 'count' | 'usd';
  target: number | null;
  completion: number | null;
  /** (completion − timeProgress) × 100; null without a target. */
  aheadPoints: number | null;
  lastYear: number | null;
  yoy: number | null;
  /** Where last year's figure came from: the ledgers, a 上年同期汇总表, or nowhere. */
  lastYearSource: 'ledgers' | 'table' | null;
}

type Totals = PeriodModel['totals'];

const SPECS: readonly { key: HeadlineKey; label: string; unit: HeadlineFigure['unit']; pick: (t: Totals) => number }[] = [
  { key: 'fundsInPlace', label: '到位资金', unit: 'money', pick: (t) => t.fundsInPlace },
  { key: 'contractAmount', label: '合同引资额', unit: 'money', pick: (t) => t.contractAmount },
  { key: 'projects', label: '引进项目', unit: 'count', pick: (t) => t.projects },
  { key: 'largeProjects', label: '亿元以上项目', unit: 'count', pick: (t) => t.largeProjects },
  { key: 'startedProjects', label: '开工及投产项目', unit: 'count', pick: (t) => t.startedProjects },
  { key: 'foreignCapital', label: '实际到位外资', unit: 'usd', pick: (t) => t.foreignCapital },
];

function targetOf(t: Indicators, key: HeadlineKey): number | null {
  if (key === 'fundsInPlace') return t.fundsTarget;
  return t.targets[key]?.target ?? null;
}

/**
 * The city's headline figures of a period. Foreign capital is left out when the city has neither
 * any nor a target for it, so a bulletin does not print “实际到位外资0万美元”.
 */
export function headlineFigures(model: Pick<SiteModel, 'periods'>, p: PeriodModel): HeadlineFigure[] {
  const last = p.lastYearPeriod ? model.periods.find((x) => x.period === p.lastYearPeriod) ?? null : null;
  const out: HeadlineFigure[] = [];
  for (const s of SPECS) {
    const value = s.pick(p.totals);
    const target = targetOf(p.totals, s.key);
    if (s.key === 'foreignCapital' && value === 0 && target === null) continue;
    const completion = s.key === 'fundsInPlace' ? p.totals.fundsCompletion : target !== null && target > 0 ? value / target : null;
    const fromTable = !last && p.lastYearTable && (s.key === 'fundsInPlace' || s.key === 'contractAmount' || s.key === 'projects') ? p.lastYearTable.city[s.key] : null;
    const lastYear = last ? s.pick(last.totals) : fromTable;
    out.push({
      key: s.key, label: s.label, value, unit: s.unit, target, completion,
      aheadPoints: completion === null ? null : (completion - p.timeProgress) * 100,
      lastYear,
      // Funds keep the pipeline's own 同比 so page and summary.json never disagree.
      yoy: s.key === 'fundsInPlace' ? p.totals.fundsYoY : yoy(value, lastYear),
      lastYearSource: last ? 'ledgers' : fromTable !== null ? 'table' : null,
    });
  }
  return out;
}
