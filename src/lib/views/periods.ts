/**
 * Moving between periods: the month before and after, and all periods by year, so a page can link
 * to the same page in other months.
 */
import { cmp } from '../model/util.ts';

export interface Neighbours { previous: string | null; next: string | null }

/** The built periods just before and after `period` (periods need not be consecutive). */
export function neighbours(periods: readonly string[], period: string): Neighbours {
  const sorted = [...periods].sort(cmp);
  const i = sorted.indexOf(period);
  if (i < 0) return { previous: null, next: null };
  return { previous: sorted[i - 1] ?? null, next: sorted[i + 1] ?? null };
}

export interface YearPeriods { year: number; periods: string[] }

/** Periods grouped by year, the latest year first, months in order within a year. */
export function periodsByYear(periods: readonly string[]): YearPeriods[] {
  const years = new Map<number, string[]>();
  for (const p of [...periods].sort(cmp)) {
    const y = Number(p.slice(0, 4));
    years.set(y, [...(years.get(y) ?? []), p]);
  }
  return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, periods: list }));
}

/**
 * The periods a page of `period` may name: all up to the month after it. Pages never list later
 * months, so that adding a month changes only the pages of the new month and the month before it
 * (its “next” link); the latest bulletin is always one tap away on the home page.
 */
export function visiblePeriods(periods: readonly string[], period: string): string[] {
  const next = neighbours(periods, period).next;
  const last = next ?? period;
  return [...periods].sort(cmp).filter((p) => p <= last);
}
