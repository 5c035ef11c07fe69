import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from '../../src/lib/charts/lines.ts';
import { percent, yi } from '../../src/lib/model/format.ts';
import { snapshotOf, texts } from './snapshot.ts';

describe('lineChart(series, options)', () => {
  const svg = lineChart([
    { name: '2026年', style: 'main', points: [{ month: 1, value: 5.4 }, { month: 2, value: 12.1 }, { month: 3, value: null }, { month: 4, value: 31.1 }] },
    { name: '2025年', style: 'compare', points: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ month: m, value: m * 2.5 })) },
    { name: '序时目标', style: 'reference', points: [{ month: 1, value: 10 }, { month: 12, value: 120 }] },
  ], { id: 'trend', label: '全市到位资金逐月累计', unit: '亿元', format: (v) => yi(v * 1e4) }); // as the 通报 page draws it

  it('names every series in a legend and labels the main line’s last value', () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(['━━ 2026年', '╍╍ 2025年', '┈┈ 序时目标', '31.1亿元', '亿元', '1月', '11月']));
  });

  it('draws each series apart: solid, dashed, dotted', () => {
    expect(svg).toContain('stroke-dasharray="6,3"');
    expect(svg).toContain('stroke-dasharray="2,3"');
    expect((svg.match(/<circle /g) ?? []).length).toBe(3); // the null month has no dot
  });

  it('niceTicks(max, count) steps by 1, 2, 2.5 or 5 × 10ⁿ up to just above max', () => {
    expect(niceTicks(96.1, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(166.2, 4)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0.9, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 4)).toEqual([0, 1]);
  });

  it('labels a % series as the tables write the same fraction (half up, not binary toFixed)', () => {
    // A unit page draws completion × 100 on a % axis; 0.2905 × 100 is 29.049999… in binary.
    const pctSvg = lineChart([{ name: '本单位', style: 'main', points: [{ month: 1, value: 0.2905 * 100 }] }], { id: 'p', label: '完成率', unit: '%', format: (v) => percent(v), months: 3 });
    expect(texts(pctSvg)).toContain('29.1%');
    expect(texts(pctSvg)).not.toContain('29.0%');
  });

  it('writes axis ticks without float noise or trailing zeros', () => {
    const small = lineChart([{ name: 'x', style: 'main', points: [{ month: 1, value: 0.9 }] }], { id: 's', label: 's', unit: '亿元', format: (v) => yi(v * 1e4), months: 3 });
    expect(texts(small)).toEqual(expect.arrayContaining(['0', '0.25', '0.5', '0.75', '1']));
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(svg)).toMatchFileSnapshot('./__snapshots__/lines.svg');
  });
});
