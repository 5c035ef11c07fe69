/**
 * One-sentence summaries with the key figures, for <meta name="description"> and og:description:
 * what a link preview in a chat group shows before anyone opens the page.
 */
import { aheadText, pct, periodRange, yi, yoyText } from '../model/format.ts';
import { yoyWithSource } from './last-year.ts';
import type { PeriodModel } from '../model/site-model.ts';
import type { UnitResult } from '../model/types.ts';
import { sentUnreadable } from './submission.ts';

/** `2026年1-10月全市到位资金96.1亿元，完成年度目标57.8%，欠序时进度25.5个百分点，同比下降0.3%；引进项目134个，其中亿元以上69个。` */
export function describePeriod(p: PeriodModel, city: string): string {
  const t = p.totals;
  // 全市 when no city is configured: it reads naturally and names no city.
  const parts = [`${periodRange(p.period)}${city || '全市'}到位资金${yi(t.fundsInPlace)}`];
  if (t.fundsCompletion !== null) parts.push(`完成年度目标${pct(t.fundsCompletion)}`, aheadText(t.aheadPoints));
  if (t.fundsYoY !== null) parts.push(yoyWithSource(t.fundsYoY, p));
  return `${parts.join('，')}；引进项目${t.projects}个，其中亿元以上${t.largeProjects}个。`;
}

/** `东山县2026年1-10月到位资金9.6亿元，完成年度目标44.8%，欠序时进度38.5个百分点，县区第4名（↑1），红灯。` */
export function describeUnit(u: UnitResult, period: string, groupSize: number): string {
  const range = periodRange(period);
  if (!u.submitted) return sentUnreadable(u) ? `${u.name}${range}报送的文件无法读取，数据暂未计入。` : `${u.name}${range}未报送台账。`;
  const parts = [`${u.name}${range}到位资金${yi(u.fundsInPlace)}`];
  if (u.fundsCompletion !== null) parts.push(`完成年度目标${pct(u.fundsCompletion)}`, aheadText(u.aheadPoints));
  if (u.fundsYoY !== null) parts.push(yoyText(u.fundsYoY));
  if (u.rank !== null) {
    const change = u.rankChange === null || u.rankChange === 0 ? '' : u.rankChange > 0 ? `（比上月上升${u.rankChange}位）` : `（比上月下降${-u.rankChange}位）`;
    parts.push(`${u.group}${groupSize}个单位中第${u.rank}名${change}`);
  }
  if (u.light) parts.push(u.lightLabel);
  return `${parts.join('，')}；项目${u.projects}个。`;
}
