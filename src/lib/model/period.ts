/**
 * A period is a month, written `2026-04` everywhere (folder names, URLs, summary.json). Its parts
 * and its neighbours are computed here and nowhere else.
 */

/** `2026-04` → `{ year: 2026, month: 4 }`. */
export function parsePeriod(period: string): { year: number; month: number } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return { year, month };
}

/** `(2026, 4)` → `2026-04`. */
export function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `2026-04` → `2026-03`; null in January (cumulative figures start again each year). */
export function previousMonth(period: string): string | null {
  const { year, month } = parsePeriod(period);
  return month === 1 ? null : periodOf(year, month - 1);
}

/** The month just before, across the year boundary: `2026-01` → `2025-12`. */
export function monthBefore(period: string): string {
  const { year, month } = parsePeriod(period);
  return month === 1 ? periodOf(year - 1, 12) : periodOf(year, month - 1);
}

/** `2026-04` → `2025-04`, for 同比. */
export function sameMonthLastYear(period: string): string {
  const { year, month } = parsePeriod(period);
  return periodOf(year - 1, month);
}

/** The last day of the period as an ISO date string bound (`2026-04-31` sorts after every April date). */
export function periodEndBound(period: string): string {
  return `${period}-31`;
}

/** `2026-04` → `2026年4月`. */
export function periodMonthText(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
}
