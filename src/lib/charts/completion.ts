/**
 * 完成率对比序时进度: one bar per unit (completion of the annual funds target), grouped under group
 * headings, with a vertical rule at 序时进度. Bars are coloured by light and labelled with the
 * completion and the light's name, so the chart reads the same in black and white.
 */
import * as Plot from '@observablehq/plot';
import { pct } from '../model/format.ts';
import type { Light } from '../model/types.ts';
import { INK, LIGHT_COLOR, MUTED } from './colors.ts';
import { clip, renderPlot, textWidth, type ChartMeta } from './render.ts';

export interface CompletionRow {
  code: string;
  name: string;
  group: string;
  /** Fraction of the annual target; null when not reported or without a target. */
  completion: number | null;
  light: Light | null;
  /** 绿灯 / 黄灯 / 红灯 / 未报送 / 无目标. */
  lightLabel: string;
  /** Drawn in bold with a marker: the unit a unit page is about. */
  highlight?: boolean;
}

export interface CompletionOptions extends ChartMeta {
  timeProgress: number;
  width?: number;
  /** Show group headings (off when all rows are one group). */
  groupHeadings?: boolean;
}

const NAME_CHARS = 9;

/** The chart as an SVG string; rows are drawn in the order given (callers sort by group and rank). */
export function completionChart(rows: readonly CompletionRow[], o: CompletionOptions): string {
  const width = o.width ?? 360;
  const headings = o.groupHeadings ?? new Set(rows.map((r) => r.group)).size > 1;
  // One band per row; a heading row per group when there are several groups.
  const keys: string[] = [];
  const labels = new Map<string, string>();
  let lastGroup: string | null = null;
  for (const r of rows) {
    if (headings && r.group !== lastGroup) {
      keys.push(`g:${r.group}`);
      labels.set(`g:${r.group}`, `【${r.group}】`);
      lastGroup = r.group;
    }
    keys.push(`u:${r.code}`);
    labels.set(`u:${r.code}`, `${r.highlight ? '▶ ' : ''}${clip(r.name, NAME_CHARS)}`);
  }
  const data = rows.map((r) => ({
    key: `u:${r.code}`, value: r.completion === null ? null : r.completion * 100, fill: LIGHT_COLOR[r.light ?? 'none'],
    text: r.completion === null ? r.lightLabel : `${pct(r.completion)} ${r.lightLabel}`,
    highlight: r.highlight === true,
  }));
  const tp = o.timeProgress * 100;
  const maxValue = Math.max(100, tp, ...data.map((d) => d.value ?? 0));
  // Room on the right for the longest label after the longest bar.
  const labelRoom = Math.max(...data.map((d) => textWidth(d.text)), 40) + 8;
  const marginLeft = Math.min(Math.max(...[...labels.values()].map((l) => textWidth(l))) + 10, 128);
  const plotWidth = width - marginLeft - 8;
  const xMax = plotWidth > labelRoom ? maxValue * plotWidth / (plotWidth - labelRoom) : maxValue * 2;
  const rowHeight = 26;
  const height = keys.length * rowHeight + 36;
  const bold = new Set(keys.filter((k) => k.startsWith('g:') || data.find((d) => d.key === k)?.highlight));
  return renderPlot({
    width, height, marginLeft, marginRight: 8, marginTop: 28, marginBottom: 8,
    x: { domain: [0, xMax], axis: null },
    y: { domain: keys, axis: null, padding: 0.25 },
    marks: [
      Plot.barX(data.filter((d) => d.value !== null), { x: 'value', y: 'key', fill: 'fill' }),
      Plot.ruleX([0], { stroke: MUTED }),
      Plot.ruleX([tp], { stroke: INK, strokeDasharray: '4,3' }),
      // A white halo keeps a label legible where it crosses the 序时进度 rule.
      Plot.text(data, { x: (d: (typeof data)[number]) => d.value ?? 0, y: 'key', text: 'text', textAnchor: 'start', dx: 4, fill: INK, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(keys.filter((k) => k.startsWith('u:') && !bold.has(k)), { frameAnchor: 'left', y: (k: string) => k, text: (k: string) => labels.get(k), textAnchor: 'end', dx: -6, fill: INK }),
      Plot.text(keys.filter((k) => k.startsWith('u:') && bold.has(k)), { frameAnchor: 'left', y: (k: string) => k, text: (k: string) => labels.get(k), textAnchor: 'end', dx: -6, fill: INK, fontWeight: 'bold' }),
      Plot.text(keys.filter((k) => k.startsWith('g:')), { frameAnchor: 'left', y: (k: string) => k, text: (k: string) => labels.get(k), textAnchor: 'start', dx: -marginLeft + 2, fill: INK, fontWeight: 'bold' }),
      Plot.text([tp], { x: (v: number) => v, frameAnchor: 'top', dy: -14, text: () => `序时进度${pct(o.timeProgress)}`, fill: INK, textAnchor: 'middle' }),
    ],
  }, o);
}
