import { describe, expect, it } from 'vitest';
import { yearSeries } from '../../src/lib/views/series.ts';
import { group, indicators, period, siteOf, unit } from './fixtures.ts';

function month(p: string, funds: number, unitFunds: number | null, rank: number | null) {
  const [, m] = p.split('-').map(Number) as [number, number];
  const u = unitFunds === null
    ? unit('A1', '甲县', '县区', null, { submitted: false, fundsTarget: 1000, fundsInPlace: 0 })
    : unit('A1', '甲县', '县区', unitFunds / 1000, { rank }, m / 12);
  return period({
    period: p,
    totals: { ...indicators({ fundsInPlace: funds, fundsTarget: 12000, fundsCompletion: funds / 12000 }), units: 1, submittedUnits: 1, startedProjects: 0 },
    groups: [group('县区', { fundsInPlace: funds, fundsCompletion: funds / 12000, fundsTarget: 12000, submittedUnits: 1, units: 1 })],
    units: [u],
  });
}

describe('yearSeries(model, period, subject)', () => {
  const model = siteOf([
    month('2025-03', 900, 90, 2), month('2025-12', 5000, 500, 1),
    month('2026-01', 1000, 100, 1), month('2026-02', 2500, null, null), month('2026-03', 3000, 300, 2), month('2026-04', 4200, 420, 1),
    month('2026-05', 5000, 500, 1),
  ]);

  it('gives the city month by month up to the period, with monthly additions', () => {
    const s = yearSeries(model, '2026-04', { kind: 'city' });
    expect(s.year).toBe(2026);
    expect(s.target).toBe(12000);
    expect(s.points.map((p) => [p.month, p.fundsInPlace, p.fundsThisMonth])).toEqual([[1, 1000, 1000], [2, 2500, 1500], [3, 3000, 500], [4, 4200, 1200]]);
    expect(s.lastYear.map((p) => p.month)).toEqual([3, 12]);
  });

  it('leaves gaps where a unit did not report, and no monthly addition across a gap', () => {
    const s = yearSeries(model, '2026-04', { kind: 'unit', code: 'A1' });
    expect(s.points.map((p) => [p.month, p.fundsInPlace, p.fundsThisMonth, p.rank, p.submitted])).toEqual([
      [1, 100, 100, 1, true], [2, null, null, null, false], [3, 300, null, 2, true], [4, 420, 120, 1, true],
    ]);
    expect(s.points[3]!.completion).toBeCloseTo(0.42, 12);
  });

  it('a missing month breaks the monthly additions too', () => {
    const gap = siteOf([month('2026-01', 1000, 100, 1), month('2026-03', 3000, 300, 1)]);
    expect(yearSeries(gap, '2026-03', { kind: 'group', name: '县区' }).points.map((p) => p.fundsThisMonth)).toEqual([1000, null]);
  });

  it('throws on an unknown period', () => {
    expect(() => yearSeries(model, '2030-01', { kind: 'city' })).toThrow('unknown period');
  });
});
