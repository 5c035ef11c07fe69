import { describe, expect, it } from 'vitest';
import { completionChart, type CompletionRow } from '../../src/lib/charts/completion.ts';
import { snapshotOf, texts } from './snapshot.ts';

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
    // Each label sits at its row: read the y of its translate().
    const rowY = (label: string) => Number(new RegExp(`translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${label}<`).exec(svg)![1]);
    const order = ['【县区】', '青山县', '▶ 东山县', '【开发区】', '临港产业园', '综合保税区', '示例高新技术产业…'];
    expect(order.map(rowY)).toEqual([...order.map(rowY)].sort((a, b) => a - b));
    // The bars' vertical order follows the rows: 青山县 above 东山县 above 临港产业园.
    const ys = [...svg.matchAll(/<rect [^>]*y="([\d.]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [m[2]!.split('：')[0], Number(m[1])] as const);
    const y = Object.fromEntries(ys);
    expect(y['青山县']!).toBeLessThan(y['东山县']!);
    expect(y['东山县']!).toBeLessThan(y['临港产业园']!);
  });

  it('puts the 序时进度 rule where the scale says and keeps bars in proportion', () => {
    const widths = Object.fromEntries([...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*><title>([^：]+)/g)].map((m) => [m[2], Number(m[1])]));
    expect(widths['临港产业园']! / widths['青山县']!).toBeCloseTo(1.083 / 0.924, 2);
  });

  it('matches the snapshot', async () => {
    await expect(snapshotOf(svg)).toMatchFileSnapshot('./__snapshots__/completion.svg');
  });
});
