/**
 * Month-by-month series for the charts and the unit pages, read from the site model: a subject
 * (the city, a group or a unit) in each month of the period's year, and in the same months of
 * last year. Ledgers are cumulative from 1 January, so a series restarts every year.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';

export type Subject = { kind: 'city' } | { kind: 'group'; name: string } | { kind: 'unit'; code: string };

export interface MonthPoint {
  period: string;
  month: number;
  /** Cumulative funds in place (万元); null when the subject did not report that month. */
  fundsInPlace: number | null;
  /** Funds added that month (cumulative minus last month's); null where either is unknown. */
  fundsThisMonth: number | null;
  completion: number | null;
  target: number | null;
  /** Rank within the group (units only). */
  rank: number | null;
  light: PeriodModel['units'][number]['light'];
  submitted: boolean;
}

export interface YearSeries {
  year: number;
  /** Months 1 … the period's month that have a built period. */
  points: MonthPoint[];
  /** Last year's months 1 … 12 that have a built period. */
  lastYear: MonthPoint[];
  /** The annual target of the period's year (万元), or null. */
  target: number | null;
}

function pointOf(p: PeriodModel, s: Subject): Omit<MonthPoint, 'fundsThisMonth'> {
  const base = { period: p.period, month: p.month };
  if (s.kind === 'city') {
    const t = p.totals;
    return { ...base, fundsInPlace: t.fundsInPlace, completion: t.fundsCompletion, target: t.fundsTarget, rank: null, light: null, submitted: t.submittedUnits > 0 };
  }
  if (s.kind === 'group') {
    const g = p.groups.find((x) => x.name === s.name);
    return { ...base, fundsInPlace: g ? g.fundsInPlace : null, completion: g?.fundsCompletion ?? null, target: g?.fundsTarget ?? null, rank: null, light: null, submitted: (g?.submittedUnits ?? 0) > 0 };
  }
  const u = p.units.find((x) => x.code === s.code);
  const submitted = u?.submitted ?? false;
  return { ...base, fundsInPlace: submitted ? u!.fundsInPlace : null, completion: submitted ? u!.fundsCompletion : null, target: u?.fundsTarget ?? null, rank: submitted ? u!.rank : null, light: submitted ? u!.light : null, submitted };
}

function yearOf(periods: readonly PeriodModel[], year: number, upTo: number, s: Subject): MonthPoint[] {
  const byMonth = new Map(periods.filter((p) => p.year === year && p.month <= upTo).map((p) => [p.month, p]));
  const out: MonthPoint[] = [];
  let prev: number | null = 0; // cumulative at the end of December is 0 for the new year
  for (let m = 1; m <= upTo; m++) {
    const p = byMonth.get(m);
    if (!p) { prev = null; continue; }
    const point = pointOf(p, s);
    const added = point.fundsInPlace !== null && prev !== null ? point.fundsInPlace - prev : null;
    out.push({ ...point, fundsThisMonth: added === null ? null : Math.round(added * 1e6) / 1e6 });
    prev = point.fundsInPlace;
  }
  return out;
}

/** The subject's series for the year of `period`, up to its month, with last year's for 同比. */
export function yearSeries(model: Pick<SiteModel, 'periods'>, period: string, subject: Subject): YearSeries {
  const p = model.periods.find((x) => x.period === period);
  if (!p) throw new Error(`unknown period: ${period}`);
  const points = yearOf(model.periods, p.year, p.month, subject);
  return { year: p.year, points, lastYear: yearOf(model.periods, p.year - 1, 12, subject), target: pointOf(p, subject).target };
}
