/**
 * Cumulative figures month by month (1月 … 12月): one line per series, each named in a label at
 * its last point, and told apart by dash pattern as well as colour. Used for the city's funds
 * against last year and the time schedule, and for a unit's completion against its group's.
 */
import * as Plot from '@observablehq/plot';
import { plainNumber } from '../model/format.ts';
import { ACCENT, INK, MUTED } from './colors.ts';
import { renderPlot, textWidth, type ChartMeta } from './render.ts';

export interface LineSeries {
  /** Shown at the end of the line: 2026年, 2025年, 序时进度, 本单位, 县区平均. */
  name: string;
  /** `main` solid with dots, `compare` dashed, `reference` dotted and thin. */
  style: 'main' | 'compare' | 'reference';
  points: { month: number; value: number | null }[];
}

export interface LineOptions extends ChartMeta {
  /** Axis unit, e.g. 亿元 or %. */
  unit: string;
  /** Formats a value for the label at the last point of a `main` series. */
  format: (v: number) => string;
  width?: number;
  height?: number;
  /** Last month on the x axis (12 by default). */
  months?: number;
}

/** Box-drawing glyphs that look like the line they name. */
const GLYPH = { main: '━━', compare: '╍╍', reference: '┈┈' } as const;

const STYLE = {
  main: { stroke: ACCENT, strokeWidth: 2.5, strokeDasharray: null },
  compare: { stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '6,3' },
  reference: { stroke: INK, strokeWidth: 1, strokeDasharray: '2,3' },
} as const;

/** The chart as an SVG string; months run 1 … `months` whatever points the series have. */
export function lineChart(series: readonly LineSeries[], o: LineOptions): string {
  const width = o.width ?? 360;
  const height = o.height ?? 240;
  const months = o.months ?? 12;
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value ?? 0)));
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: MUTED })];
  for (const s of series) {
    const st = STYLE[s.style];
    const pts = s.points.filter((p) => p.month <= months);
    marks.push(Plot.line(pts, { x: 'month', y: 'value', stroke: st.stroke, strokeWidth: st.strokeWidth, ...(st.strokeDasharray ? { strokeDasharray: st.strokeDasharray } : {}) }));
    if (s.style === 'main') marks.push(Plot.dot(pts.filter((p) => p.value !== null), { x: 'month', y: 'value', fill: st.stroke, r: 3, title: (p: { month: number; value: number }) => `${s.name}${p.month}月：${o.format(p.value)}` }));
    const last = [...pts].reverse().find((p) => p.value !== null);
    if (last && s.style === 'main') {
      // Only the main series gets a value label; the legend names every series.
      const right = last.month > months - 3;
      marks.push(Plot.text([last], { x: 'month', y: 'value', text: () => o.format(last.value!), dx: right ? -6 : 6, dy: -10, textAnchor: right ? 'end' : 'start', fill: INK, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', fontWeight: 'bold' }));
    }
  }
  // Legend in the top margin: a line-drawing glyph in the series' colour and dash, then its name.
  let right = 0;
  for (const s of [...series].reverse()) {
    const text = `${GLYPH[s.style]} ${s.name}`;
    marks.push(Plot.text([s.name], { frameAnchor: 'top-right', dy: -32, dx: -right, text: () => text, fill: STYLE[s.style].stroke, textAnchor: 'end', fontWeight: s.style === 'main' ? 'bold' : 'normal' }));
    right += textWidth(text) + 12;
  }
  const yTicks = niceTicks(max, 4);
  return renderPlot({
    width, height, marginLeft: Math.max(...yTicks.map((t) => textWidth(trimNumber(t)))) + 10, marginRight: 12, marginTop: 44, marginBottom: 26,
    x: { domain: [1, months], ticks: months <= 12 ? Array.from({ length: months }, (_, i) => i + 1).filter((m) => months <= 6 || m % 2 === 1) : undefined, tickFormat: (m: number) => `${m}月`, label: null },
    y: { domain: [0, yTicks.at(-1)!], ticks: yTicks, tickFormat: trimNumber, grid: true, label: o.unit, labelAnchor: 'top', labelArrow: 'none' },
    marks,
  }, o);
}

/** 0 … a round number just above `max`, in `count` equal steps of 1, 2 or 5 × 10ⁿ. */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw)!;
  const n = Math.ceil(max / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e9) / 1e9);
}

function trimNumber(n: number): string {
  return plainNumber(n, 2);
}
