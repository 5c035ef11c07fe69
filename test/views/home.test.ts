import { describe, expect, it } from 'vitest';
import { homePage } from '../../src/lib/views/home.ts';
import { indicators, period, siteOf } from './fixtures.ts';

/** A period whose city totals complete `completion` of a 10亿元 target. */
function month(p: string, completion: number | null) {
  const [, m] = p.split('-').map(Number) as [number, number];
  const funds = (completion ?? 0) * 100000;
  return period({
    period: p,
    totals: {
      ...indicators({ fundsInPlace: funds, fundsTarget: completion === null ? null : 100000, fundsCompletion: completion, aheadPoints: completion === null ? null : (completion - m / 12) * 100, projects: 5 }),
      units: 3, submittedUnits: 3, startedProjects: 0,
    },
  });
}

describe('homePage(model, latest)', () => {
  const model = siteOf([month('2025-11', 0.9), month('2025-12', null), month('2026-01', 0.05), month('2026-02', 0.1), month('2026-03', 0.01)]);
  const v = homePage(model, model.periods.at(-1)!);

  it('lists years and months latest first, labelled by months only', () => {
    expect(v.archive.map((y) => [y.year, y.rows.map((r) => r.label)])).toEqual([[2026, ['1-3月', '1-2月', '1月']], [2025, ['1-12月', '1-11月']]]);
    expect(v.archive[0]!.rows[0]!.ariaLabel).toBe('2026年1-3月通报');
  });

  it('gives the city’s figures and its light from the site’s thresholds, — without a target', () => {
    const rows = new Map(v.archive.flatMap((y) => y.rows.map((r) => [r.period, r])));
    expect(rows.get('2026-01')).toMatchObject({ funds: '0.50', completion: '5.0%', ahead: '−3.3', light: 'green', lightLabel: '绿灯' });
    expect(rows.get('2026-02')).toMatchObject({ ahead: '−6.7', light: 'green' });
    expect(rows.get('2026-03')).toMatchObject({ ahead: '−24.0', light: 'yellow', lightLabel: '黄灯' });
    expect(rows.get('2025-11')).toMatchObject({ ahead: '−1.7', light: 'green' });
    expect(rows.get('2025-12')).toMatchObject({ completion: '—', ahead: '—', light: null, lightLabel: '—' });
    const strict = homePage({ ...model, config: { ...model.config, lights: { yellowBehind: 5, redBehind: 20 } } }, model.periods.at(-1)!);
    expect(strict.archive[0]!.rows.map((r) => r.light)).toEqual(['red', 'yellow', 'green']);
  });

  it('shows the latest bulletin first', () => {
    expect(v.bulletin.p.period).toBe('2026-03');
  });

  it('describes the latest period in one sentence', () => {
    expect(v.description).toBe('2026年1-3月全市到位资金0.1亿元，完成年度目标1.0%，欠序时进度24.0个百分点；引进项目5个，其中亿元以上0个。');
  });
});
