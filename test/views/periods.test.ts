import { describe, expect, it } from 'vitest';
import { neighbours, periodsByYear } from '../../src/lib/views/periods.ts';

describe('periods', () => {
  const ps = ['2026-02', '2025-11', '2025-12', '2026-01'];
  it('neighbours(periods, period) are the built periods before and after', () => {
    expect(neighbours(ps, '2026-01')).toEqual({ previous: '2025-12', next: '2026-02' });
    expect(neighbours(ps, '2025-11')).toEqual({ previous: null, next: '2025-12' });
    expect(neighbours(ps, '2024-01')).toEqual({ previous: null, next: null });
  });
  it('periodsByYear(periods) puts the latest year first, months in order', () => {
    expect(periodsByYear(ps)).toEqual([{ year: 2026, periods: ['2026-01', '2026-02'] }, { year: 2025, periods: ['2025-11', '2025-12'] }]);
  });
});

describe('visiblePeriods', () => {
  it('visiblePeriods(periods, period) names months up to the next one only', async () => {
    const { visiblePeriods } = await import('../../src/lib/views/periods.ts');
    const all = ['2026-03', '2026-01', '2026-02', '2025-12'];
    expect(visiblePeriods(all, '2026-01')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(visiblePeriods(all, '2026-03')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  });
});
