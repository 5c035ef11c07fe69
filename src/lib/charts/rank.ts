/**
 * A unit's rank within its group month by month: 1st at the top, each point labelled 第n名, gaps
 * where the unit was not ranked (not reported, no target).
 */
import * as Plot from '@observablehq/plot';
import { ACCENT, INK, MUTED } from './colors.ts';
import { renderPlot, type ChartMeta } from './render.ts';

export interface RankOptions extends ChartMeta {
  /** Units in the group: the bottom of the axis. */
  groupSize: number;
  /** Last month on the x axis. */
  months?: number;
  width?: number;
}

/** The chart as an SVG string; the y axis runs from 第1名 (top) to the group's size. */
export function rankChart(points: readonly { month: number; rank: number | null }[], o: RankOptions): string {
  const width = o.width ?? 360;
  const months = o.months ?? 12;
  const size = Math.max(2, o.groupSize);
  const ranked = points.filter((p) => p.rank !== null);
  const height = Math.max(140, Math.min(260, size * 28 + 60));
  return renderPlot({
    width, height, marginLeft: 48, marginRight: 16, marginTop: 22, marginBottom: 26,
    x: { domain: [0.6, months + 0.4], ticks: Array.from({ length: months }, (_, i) => i + 1), tickFormat: (m: number) => `${m}月`, label: null },
    y: { domain: [size + 0.4, 0.6], ticks: rankTicks(size), tickFormat: (r: number) => `第${r}名`, grid: true, label: null },
    marks: [
      Plot.line(points, { x: 'month', y: 'rank', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(ranked, { x: 'month', y: 'rank', fill: ACCENT, r: 3.5, title: (p: { month: number; rank: number }) => `${p.month}月：组内第${p.rank}名` }),
      Plot.text(ranked, { x: 'month', y: 'rank', text: (p: { rank: number }) => String(p.rank), dy: -10, fill: INK, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
      Plot.text(points.filter((p) => p.rank === null), { x: 'month', frameAnchor: 'bottom', dy: -4, text: () => '—', fill: MUTED }),
    ],
  }, o);
}

/**
 * The ranks labelled on the axis: every rank in a group of up to 10, else 第1名, the group's last
 * and round steps between (a tick per rank of a 150-unit group would be unreadable in 260 px, and
 * drawing them made every unit page cost as much as its group is large).
 */
export function rankTicks(size: number): number[] {
  if (size <= 10) return Array.from({ length: size }, (_, i) => i + 1);
  const step = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => size / s <= 8) ?? Math.ceil(size / 8);
  const ticks = [1];
  for (let r = step; r < size; r += step) if (size - r >= step / 2) ticks.push(r);
  ticks.push(size);
  return ticks;
}
