import { describe, expect, it } from 'vitest';
import { monthBefore, parsePeriod, periodEndBound, periodMonthText, periodOf, previousMonth, sameMonthLastYear } from '../src/lib/model/period.ts';

describe('period', () => {
  it('parses and writes `YYYY-MM`', () => {
    expect(parsePeriod('2026-04')).toEqual({ year: 2026, month: 4 });
    expect(periodOf(2026, 4)).toBe('2026-04');
    expect(periodMonthText('2026-04')).toBe('2026年4月');
  });
  it('finds the neighbours a bulletin compares with', () => {
    expect(previousMonth('2026-04')).toBe('2026-03');
    expect(previousMonth('2026-01')).toBeNull();
    expect(monthBefore('2026-01')).toBe('2025-12');
    expect(sameMonthLastYear('2026-04')).toBe('2025-04');
    expect('2026-04-30' <= periodEndBound('2026-04') && '2026-05-01' > periodEndBound('2026-04')).toBe(true);
  });
});
