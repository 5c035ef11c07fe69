import { describe, expect, it } from 'vitest';
import { rankChart, rankTicks } from '../../src/lib/charts/rank.ts';
import { snapshotOf, texts, yOf } from './snapshot.ts';

/** cy of the dot of month `m`, read from its title. */
const cy = (svg: string, m: number) => Number([...svg.matchAll(/<circle [^>]*cy="([\d.]+)"[^>]*><title>(\d+)月/g)].find((x) => x[2] === String(m))![1]);

describe('rankChart(points, options)', () => {
  const points = [{ month: 1, rank: 2 }, { month: 2, rank: 4 }, { month: 3, rank: null }, { month: 4, rank: 1 }];
  const options = { id: 'rank', label: '甲县各月排名', groupSize: 6, months: 4 };
  const svg = rankChart(points, options);

  it('is one image named in Chinese, escaped', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="甲县各月排名"/);
    expect(rankChart(points, { ...options, label: '<甲&"县">' })).toContain('aria-label="&lt;甲&amp;&quot;县&quot;&gt;"');
    expect(() => rankChart(points, { ...options, id: '1 x"' })).toThrow('invalid chart id');
  });

  it('labels every rank of a small group, every month, each ranked month with its rank, and marks unranked months', () => {
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['第1名', '第2名', '第3名', '第4名', '第5名', '第6名', '1月', '2月', '3月', '4月', '—']));
    expect(t.filter((x) => /^\d$/.test(x))).toEqual(['2', '4', '1']);
  });

  it('puts first place at the top: a better rank is drawn higher, on the grid line of its rank', () => {
    expect(cy(svg, 4)).toBeLessThan(cy(svg, 1));
    expect(cy(svg, 1)).toBeLessThan(cy(svg, 2));
    expect(yOf(svg, '第1名')).toBeLessThan(yOf(svg, '第6名'));
    expect(cy(svg, 1)).toBeCloseTo(yOf(svg, '第2名'), 0);
    expect(cy(svg, 4)).toBeCloseTo(yOf(svg, '第1名'), 0);
  });

  it('breaks the line at an unranked month', () => {
    const d = /<path d="([^"]+)" fill="none" stroke="#0969da"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('names odd months only when twelve months would crowd the axis, and labels a large group in round steps', () => {
    const year = rankChart(Array.from({ length: 12 }, (_, i) => ({ month: i + 1, rank: 1 + ((i * 37) % 150) })), { id: 'r', label: 'r', groupSize: 150, months: 12 });
    const t = texts(year);
    expect(t.filter((x) => x.endsWith('月'))).toEqual(['1月', '3月', '5月', '7月', '9月', '11月']);
    // 第140名 would sit 14 px above 第150名: left out.
    expect(t.filter((x) => x.startsWith('第'))).toEqual(rankTicks(150).filter((r) => r !== 140).map((r) => `第${r}名`));
    expect(year.match(/<circle /g)).toHaveLength(12);
    expect(yOf(year, '第1名')).toBeLessThan(yOf(year, '第150名'));
  });

  it('keeps axis labels of a middling group apart: none closer than 16 px', () => {
    for (const size of [11, 15, 23, 40, 99]) {
      const ys = texts(rankChart([{ month: 1, rank: 1 }], { id: 'r', label: 'r', groupSize: size, months: 1 })).filter((x) => x.startsWith('第'));
      expect(ys[0]).toBe('第1名');
      expect(ys.at(-1)).toBe(`第${size}名`);
      const svgN = rankChart([{ month: 1, rank: 1 }], { id: 'r', label: 'r', groupSize: size, months: 1 });
      const at = ys.map((l) => yOf(svgN, l));
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(16);
    }
  });

  it('is the same string for the same input', () => {
    expect(rankChart(points, options)).toBe(svg);
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(svg)).toMatchFileSnapshot('./__snapshots__/rank.svg');
  });
});

describe('rankTicks', () => {
  it('labels every rank of a small group, and 第1名, the last and round steps in a large one', () => {
    expect(rankTicks(6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rankTicks(40)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(rankTicks(150)).toEqual([1, 20, 40, 60, 80, 100, 120, 140, 150]);
    for (const n of [11, 23, 41, 99, 300]) expect(rankTicks(n).length).toBeLessThanOrEqual(10);
  });
});
