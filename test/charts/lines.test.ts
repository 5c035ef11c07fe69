import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks, type LineSeries } from '../../src/lib/charts/lines.ts';
import { percent, yi } from '../../src/lib/model/format.ts';
import { placedTexts, snapshotOf, texts, yOf } from './snapshot.ts';

const trend: LineSeries[] = [
  { name: '2026年', style: 'main', points: [{ month: 1, value: 5.4 }, { month: 2, value: 12.1 }, { month: 3, value: null }, { month: 4, value: 31.1 }] },
  { name: '2025年', style: 'compare', points: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ month: m, value: m * 2.5 })) },
  { name: '序时目标', style: 'reference', points: [{ month: 1, value: 10 }, { month: 12, value: 120 }] },
];
const options = { id: 'trend', label: '全市到位资金逐月累计', unit: '亿元', format: (v: number) => yi(v * 1e4) }; // as the 通报 page draws it

/** cx, cy and title of each data dot (legend swatch dots have no title). */
const dots = (svg: string) => [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+"><title>([^<]*)<\/title>/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]), title: m[3]! }));

describe('lineChart(series, options)', () => {
  const svg = lineChart(trend, options);

  it('is one image named in Chinese, sized by its viewBox so it scales to a phone', () => {
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 360 240" width="360" height="240" role="img" aria-label="全市到位资金逐月累计"/);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing external
  });

  it('names every series in a legend, labels the main line’s last value, the unit and every tick', () => {
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['2026年', '2025年', '序时目标', '31.1亿元', '亿元']));
    expect(t).toEqual(expect.arrayContaining(['0', '50', '100', '150']));
    expect(t).toEqual(expect.arrayContaining(['1月', '3月', '5月', '7月', '9月', '11月']));
  });

  it('draws each series apart: solid with dots, dashed, dotted — in the legend swatch too', () => {
    expect(svg.match(/stroke-dasharray="6,3"/g)).toHaveLength(2);
    expect(svg.match(/stroke-dasharray="2,3"/g)).toHaveLength(2);
    expect(dots(svg).map((d) => d.title)).toEqual(['2026年1月：5.4亿元', '2026年2月：12.1亿元', '2026年4月：31.1亿元']); // the null month has no dot
  });

  it('leaves a gap at a month with no value instead of joining across it', () => {
    const main = /<path d="([^"]+)" fill="none" stroke="#0969da"/.exec(svg)![1]!;
    expect(main.match(/M/g)).toHaveLength(2);
  });

  it('places values in order: a larger value higher, a later month further right', () => {
    const d = dots(svg);
    expect(d[0]!.cy).toBeGreaterThan(d[1]!.cy);
    expect(d[1]!.cy).toBeGreaterThan(d[2]!.cy);
    expect(d[0]!.cx).toBeLessThan(d[1]!.cx);
    expect(yOf(svg, '0')).toBeGreaterThan(yOf(svg, '50'));
    expect(yOf(svg, '50')).toBeGreaterThan(yOf(svg, '150'));
    // The dot of 31.1 sits between the 0 and 50 grid lines, at 31.1/50 of the way up.
    expect((yOf(svg, '0') - d[2]!.cy) / (yOf(svg, '0') - yOf(svg, '50'))).toBeCloseTo(31.1 / 50, 2);
  });

  it('escapes names and values from the data', () => {
    const evil = lineChart([{ name: `<b>"甲&乙'</b>`, style: 'main', points: [{ month: 1, value: 1 }] }], { ...options, unit: '<u>', format: () => '<1>' });
    expect(evil).not.toMatch(/<b>|<u>|<1>|"甲/);
    expect(texts(evil)).toEqual(expect.arrayContaining(['&lt;b&gt;&quot;甲&amp;乙&#39;&lt;/b&gt;', '&lt;u&gt;', '&lt;1&gt;']));
  });

  it('wraps a legend too long for one row instead of running it off the chart', () => {
    const long = lineChart([
      { name: '示例高新技术产业开发区管理委员会', style: 'main', points: [{ month: 1, value: 10 }] },
      { name: '开发区整体', style: 'compare', points: [{ month: 1, value: 12 }] },
      { name: '序时进度', style: 'reference', points: [{ month: 1, value: 8 }] },
    ], { id: 'p', label: 'p', unit: '完成率（%）', format: (v) => percent(v) });
    const legend = placedTexts(long).filter((t) => ['示例高新技术产业开发区管理委员会', '开发区整体', '序时进度'].includes(t.text));
    expect(legend).toHaveLength(3);
    for (const t of legend) expect(t.x).toBeGreaterThanOrEqual(0);
    expect(new Set(legend.map((t) => t.y)).size).toBe(2);
    expect(yOf(long, '完成率（%）')).toBeGreaterThan(Math.max(...legend.map((t) => t.y)));
  });

  it('is the same string for the same input', () => {
    expect(lineChart(trend, options)).toBe(svg);
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
    expect(texts(small)).toEqual(expect.arrayContaining(['0', '0.25', '0.5', '0.75', '1', '1月', '2月', '3月']));
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(svg)).toMatchFileSnapshot('./__snapshots__/lines.svg');
  });
});
