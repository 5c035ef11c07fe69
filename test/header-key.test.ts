import { describe, expect, it } from 'vitest';
import { headerKey } from '../src/lib/recognise/header.ts';

describe('headerKey on hostile text', () => {
  it('is linear in the cell length: a million unclosed brackets take milliseconds', () => {
    const cell = '[['.repeat(500_000);
    const t = performance.now();
    headerKey(cell);
    headerKey('（'.repeat(1_000_000));
    // Unbounded, the bracket regex scans to the end from each opener: minutes for these cells.
    expect(performance.now() - t).toBeLessThan(2000);
  });
  it('still reads real headers', () => {
    expect(headerKey('累计到位资金（万元）')).toBe('累计到位资金');
    expect(headerKey('*项目名称')).toBe('项目名称');
  });
});
