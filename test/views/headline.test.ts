import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../src/lib/views/headline.ts';
import { indicators, period, siteOf } from './fixtures.ts';

describe('headlineFigures(model, period)', () => {
  const last = period({ period: '2025-04', totals: { ...indicators({ fundsInPlace: 800, contractAmount: 4000, projects: 8, largeProjects: 0 }), units: 2, submittedUnits: 2, startedProjects: 4 } });
  const now = period({
    period: '2026-04', lastYearPeriod: '2025-04',
    totals: {
      ...indicators({
        fundsInPlace: 1000, fundsTarget: 4000, fundsCompletion: 0.25, fundsYoY: 0.25, contractAmount: 5000, projects: 10, largeProjects: 2,
        targets: { contractAmount: { target: 10000, actual: 5000, completion: 0.5 }, projects: { target: 20, actual: 10, completion: 0.5 } },
      }),
      units: 2, submittedUnits: 2, startedProjects: 6,
    },
  });
  const figures = headlineFigures(siteOf([last, now]), now);

  it('gives each indicator its total, completion, points against 序时进度 and 同比', () => {
    const funds = figures.find((f) => f.key === 'fundsInPlace')!;
    expect(funds).toMatchObject({ label: '到位资金', value: 1000, unit: 'money', target: 4000, completion: 0.25, yoy: 0.25, lastYear: 800 });
    expect(funds.aheadPoints).toBeCloseTo(-8.333, 3);
    const contract = figures.find((f) => f.key === 'contractAmount')!;
    expect(contract.completion).toBe(0.5);
    expect(contract.aheadPoints).toBeCloseTo(16.667, 3);
    expect(contract.yoy).toBeCloseTo(0.25, 12);
    expect(figures.find((f) => f.key === 'startedProjects')).toMatchObject({ value: 6, target: null, completion: null, aheadPoints: null, yoy: 0.5 });
  });

  it('gives no 同比 where last year is zero or not built, and leaves out foreign capital nobody has', () => {
    expect(figures.find((f) => f.key === 'largeProjects')).toMatchObject({ lastYear: 0, yoy: null });
    expect(figures.map((f) => f.key)).not.toContain('foreignCapital');
    const alone = headlineFigures(siteOf([now]), { ...now, lastYearPeriod: null });
    expect(alone.every((f) => f.lastYear === null)).toBe(true);
  });
});
