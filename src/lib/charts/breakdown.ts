/**
 * A breakdown (by 产业类别, 规模 or 阶段) as horizontal bars, each labelled with its amount and
 * project count, in the order given (the fixed orders of compute/breakdowns.ts).
 */
import * as Plot from '@observablehq/plot';
import { yi } from '../model/format.ts';
import type { BreakdownEntry } from '../model/types.ts';
import { ACCENT, INK } from './colors.ts';
import { clip, renderPlot, textWidth, type ChartMeta } from './render.ts';

export interface BreakdownOptions extends ChartMeta {
  /** Bar length: funds in place (default) or the number of projects (for stages, where 在谈 has no funds). */
  measure?: 'fundsInPlace' | 'projects';
  width?: number;
}


/** The chart as an SVG string, one bar per entry. */
export function breakdownChart(entries: readonly BreakdownEntry[], o: BreakdownOptions): string {
  const width = o.width ?? 360;
  const measure = o.measure ?? 'fundsInPlace';
  const rows = entries.map((e) => ({
    key: e.key,
    value: measure === 'projects' ? e.projects : e.fundsInPlace / 1e4,
    text: measure === 'projects' ? `${e.projects}个${e.fundsInPlace > 0 ? ` · ${yi(e.fundsInPlace)}` : ''}` : `${yi(e.fundsInPlace)} · ${e.projects}个`,
  }));
  const marginLeft = Math.min(Math.max(...rows.map((r) => textWidth(clip(r.key, 12))), 24) + 10, 130);
  const labelRoom = Math.max(...rows.map((r) => textWidth(r.text)), 40) + 8;
  const plotWidth = width - marginLeft - 8;
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const xMax = plotWidth > labelRoom ? max * plotWidth / (plotWidth - labelRoom) : max * 2;
  return renderPlot({
    width, height: rows.length * 26 + 16, marginLeft, marginRight: 8, marginTop: 8, marginBottom: 8,
    x: { domain: [0, xMax], axis: null },
    y: { domain: rows.map((r) => r.key), axis: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'key', fill: ACCENT }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.text(rows, { x: 'value', y: 'key', text: 'text', textAnchor: 'start', dx: 4, fill: INK }),
      Plot.text(rows, { frameAnchor: 'left', y: 'key', text: (r: { key: string }) => clip(r.key, 12), textAnchor: 'end', dx: -6, fill: INK }),
    ],
  }, o);
}
