import { describe, expect, it } from 'vitest';
import { rankChart, rankTicks } from '../../src/lib/charts/rank.ts';
import { snapshotOf, texts } from './snapshot.ts';

describe('rankChart(points, options)', () => {
  const svg = rankChart([{ month: 1, rank: 2 }, { month: 2, rank: 4 }, { month: 3, rank: null }, { month: 4, rank: 1 }], { id: 'rank', label: '甲县各月排名', groupSize: 6, months: 4 });

  it('labels each ranked month with its rank and marks unranked months', () => {
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['第1名', '第6名', '1月', '4月', '—']));
    expect(t.filter((x) => /^\d$/.test(x))).toEqual(['2', '4', '1']);
  });

  it('puts first place at the top', () => {
    const cy = (m: number) => Number([...svg.matchAll(/<circle [^>]*cy="([\d.]+)"[^>]*><title>(\d+)月/g)].find((x) => x[2] === String(m))![1]);
    expect(cy(4)).toBeLessThan(cy(1));
    expect(cy(1)).toBeLessThan(cy(2));
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
