import { describe, expect, it } from 'vitest';
import { breakdownChart } from '../../src/lib/charts/breakdown.ts';
import { snapshotOf, texts, yOf } from './snapshot.ts';

const entries = [
  { key: '亿元以上', projects: 69, contractAmount: 1, fundsInPlace: 915878 },
  { key: '5000万-1亿', projects: 22, contractAmount: 1, fundsInPlace: 27725 },
  { key: '1000万以下', projects: 4, contractAmount: 1, fundsInPlace: 380 },
];

describe('breakdownChart(entries, options)', () => {
  it('labels each bar with funds and projects, in the given order', () => {
    const svg = breakdownChart(entries, { id: 'size', label: '按规模' });
    expect(texts(svg)).toEqual(['91.6亿元 · 69个', '2.8亿元 · 22个', '380万元 · 4个', '亿元以上', '5000万-1亿', '1000万以下']);
  });

  it('measures by projects when asked (stages: 在谈 has no funds)', () => {
    const svg = breakdownChart([{ key: '在谈', projects: 13, contractAmount: 0, fundsInPlace: 0 }, { key: '开工', projects: 26, contractAmount: 0, fundsInPlace: 10000 }], { id: 'stage', label: '按阶段', measure: 'projects' });
    expect(texts(svg).slice(0, 2)).toEqual(['13个', '26个 · 1.0亿元']);
    const w = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(w[1]! / w[0]!).toBeCloseTo(2, 1);
  });

  it('draws bars in proportion, top to bottom in the given order, each beside its label', () => {
    const svg = breakdownChart(entries, { id: 'size', label: '按规模' });
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({ y: Number(m[1]), w: Number(m[2]), h: Number(m[3]) }));
    expect(bars[1]!.w / bars[0]!.w).toBeCloseTo(27725 / 915878, 2);
    bars.forEach((b, i) => expect(b.y + b.h / 2).toBeCloseTo(yOf(svg, entries[i]!.key), 0));
  });

  it('escapes keys, and is the same string for the same input', () => {
    const evil = breakdownChart([{ key: '<b>&"', projects: 1, contractAmount: 0, fundsInPlace: 1 }], { id: 'x', label: '<x>' });
    expect(evil).not.toMatch(/<b>|<x>/);
    expect(texts(evil)).toContain('&lt;b&gt;&amp;&quot;');
    expect(breakdownChart(entries, { id: 'size', label: '按规模' })).toBe(breakdownChart(entries, { id: 'size', label: '按规模' }));
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(breakdownChart(entries, { id: 'size', label: '按规模' }))).toMatchFileSnapshot('./__snapshots__/breakdown.svg');
  });
});
