/**
 * Where a 同比 came from. Usually last year's returns of the same month; for a city in its first
 * year with tongbao, a 上年同期汇总表 (history/<YYYY-MM>.xlsx, pipeline.ts). A figure compared with
 * a table of totals someone typed is weaker evidence than one compared with ledgers, so every place
 * that shows 同比 names the table as its source when it was used.
 */
import { yoyText } from '../model/format.ts';
import type { PeriodModel } from '../model/site-model.ts';

export const LAST_YEAR_TABLE = '上年同期（汇总表）';

/** `同比增长12.0%`, followed by `（上年同期（汇总表））` when the period's 同比 came from a table; '' without 同比. */
export function yoyWithSource(yoy: number | null, p: Pick<PeriodModel, 'lastYearTable'>): string {
  const text = yoyText(yoy);
  return text && p.lastYearTable ? `${text}（${LAST_YEAR_TABLE}）` : text;
}

/** For the 统计口径 line: which file the 上年同期 figures were taken from; '' when from the ledgers. */
export function lastYearCaliber(p: Pick<PeriodModel, 'lastYearTable'>): string {
  return p.lastYearTable ? `上年同期无月报台账，同比所用上年同期数取自${LAST_YEAR_TABLE}（${p.lastYearTable.file}）` : '';
}
