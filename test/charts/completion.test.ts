import { describe, expect, it } from 'vitest';
import { completionChart, type CompletionRow } from '../../src/lib/charts/completion.ts';
import { pct } from '../../src/lib/model/format.ts';
import { snapshotOf, texts, yOf } from './snapshot.ts';

const rows: CompletionRow[] = [
  { code: 'A1', name: '青山县', group: '县区', completion: 0.924, light: 'green', lightLabel: '绿灯' },
  { code: 'A2', name: '东山县', group: '县区', completion: 0.448, light: 'red', lightLabel: '红灯', highlight: true },
  { code: 'B1', name: '临港产业园', group: '开发区', completion: 1.083, light: 'green', lightLabel: '绿灯' },
  { code: 'B2', name: '综合保税区', group: '开发区', completion: null, light: null, lightLabel: '未报送' },
  { code: 'B3', name: '示例高新技术产业开发区', group: '开发区', completion: 0.561, light: 'yellow', lightLabel: '黄灯' },
];

describe('completionChart(rows, options)', () => {
  const svg = completionChart(rows, { id: 'ch', label: '完成率与序时进度', timeProgress: 10 / 12 });

  it('draws a bar per reporting unit, labelled with completion and light in words', () => {
    expect((svg.match(/<rect /g) ?? []).length).toBe(4);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['92.4% 绿灯', '44.8% 红灯', '108.3% 绿灯', '未报送', '56.1% 黄灯', '序时进度83.3%']));
    expect(t).toEqual(expect.arrayContaining(['【县区】', '【开发区】', '▶ 东山县', '示例高新技术产业…']));
  });

  it('orders rows as given, under their group headings', () => {
    const order = ['【县区】', '青山县', '▶ 东山县', '【开发区】', '临港产业园', '综合保税区', '示例高新技术产业…'];
    expect(order.map((l) => yOf(svg, l))).toEqual([...order.map((l) => yOf(svg, l))].sort((a, b) => a - b));
    // Bars are drawn in row order (units without a completion have none): each lower than the last,
    // and each centred on its label.
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({ y: Number(m[2]), h: Number(m[4]) }));
    expect(bars.map((b) => b.y)).toEqual([...bars.map((b) => b.y)].sort((a, b) => a - b));
    expect(bars[0]!.y + bars[0]!.h / 2).toBeCloseTo(yOf(svg, '青山县'), 0);
    expect(bars[3]!.y + bars[3]!.h / 2).toBeCloseTo(yOf(svg, '示例高新技术产业…'), 0);
  });

  it('puts the 序时进度 rule where the scale says and keeps bars in proportion', () => {
    const [green, red, over] = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(over! / green!).toBeCloseTo(1.083 / 0.924, 2);
    expect(red! / green!).toBeCloseTo(0.448 / 0.924, 2);
    // The dashed rule stands at 83.3% on the same scale: x0 + width(92.4%) × 83.3 / 92.4.
    const x0 = Number(/<rect x="([\d.]+)"/.exec(svg)![1]);
    const rule = Number(/<path d="M([\d.]+),[\d.]+V[\d.]+" stroke="#1f2328" stroke-dasharray="4,3"/.exec(svg)![1]);
    expect(rule).toBeCloseTo(x0 + green! * 83.333 / 92.4, 0);
  });

  it('marks the unit a page is about in bold, and escapes names from the data', () => {
    expect(svg).toMatch(/font-weight="bold">▶ 东山县</);
    const evil = completionChart([{ code: 'X', name: '<i>"甲&乙\'</i>', group: '<组>', completion: 0.5, light: 'red', lightLabel: '红灯' }], { id: 'c', label: '<l>', timeProgress: 0.5, groupHeadings: true });
    expect(evil).not.toMatch(/<i>|<组>|<l>|"甲/);
    expect(texts(evil)).toEqual(expect.arrayContaining(['【&lt;组&gt;】', '&lt;i&gt;&quot;甲&amp;乙&#39;…']));
  });

  it('is the same string for the same input', () => {
    expect(completionChart(rows, { id: 'ch', label: '完成率与序时进度', timeProgress: 10 / 12 })).toBe(svg);
  });

  it('labels completion and 序时进度 exactly as format.pct writes them in the table beside the chart', () => {
    // 0.2905 × 100 = 29.049999… in binary: toFixed(1) gave “29.0%” in the chart while the ranking
    // table (pct, half up on the decimal value) said “29.1%”.
    const f = 0.2905;
    const t = texts(completionChart([{ code: 'A1', name: '青山县', group: '县区', completion: f, light: 'red', lightLabel: '红灯' }], { id: 'c', label: 'c', timeProgress: f }));
    expect(pct(f)).toBe('29.1%');
    expect(t).toContain(`${pct(f)} 红灯`);
    expect(t).toContain(`序时进度${pct(f)}`);
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(svg)).toMatchFileSnapshot('./__snapshots__/completion.svg');
  });
});
