import { describe, expect, it } from 'vitest';
import { rankChart } from '../../src/lib/charts/rank.ts';
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
