/**
 * A unit's rank within its group month by month: 1st at the top, each point labelled with its
 * rank, gaps and a “—” where the unit was not ranked (not reported, no target). Hand-built SVG
 * (see render.ts for why and for the rules every chart keeps).
 */
import { line, scaleLinear } from 'd3';
import { ACCENT, INK, MUTED } from './colors.ts';
import { DY, HALO, n, svgOpen, textWidth, type ChartMeta } from './render.ts';

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
  const height = Math.max(140, Math.min(260, size * 28 + 60));
  const [marginLeft, marginRight, marginTop, marginBottom] = [48, 16, 22, 26];
  const bottom = height - marginBottom;
  // Half a step of room around the first and last month and rank, so end labels are not cut.
  const x = scaleLinear([0.6, months + 0.4], [marginLeft, width - marginRight]);
  const y = scaleLinear([size + 0.4, 0.6], [bottom, marginTop]);
  // 第1名 and the last rank always; a round step between only where its label does not touch theirs
  // (in a group of 15, 第2名 and 第14名 would sit 14 px from 第1名 and 第15名).
  const ticks = rankTicks(size).filter((r) => r === 1 || r === size || (Math.abs(y(r) - y(1)) >= 16 && Math.abs(y(size) - y(r)) >= 16));
  const shown = points.filter((p) => p.month <= months);
  const ranked = shown.filter((p): p is { month: number; rank: number } => p.rank !== null);
  // Every month has a tick; only odd months are named when a month's step is narrower than “12月”
  // and a gap (twelve months in a 360 px chart: the labels would touch).
  const monthTicks = Array.from({ length: months }, (_, i) => i + 1);
  const everyMonth = x(2) - x(1) >= textWidth('12月') + 4;
  const named = monthTicks.filter((m) => everyMonth || m % 2 === 1);

  const out = [svgOpen(o, width, height)];
  out.push(`<path d="${ticks.map((r) => `M${n(marginLeft)},${n(y(r))}H${n(width - marginRight)}`).join('')}" stroke="currentColor" stroke-opacity="0.1"/>`);
  out.push(`<path d="${ticks.map((r) => `M${n(marginLeft - 6)},${n(y(r))}h6`).join('')}" stroke="currentColor"/>`);
  out.push(`<g text-anchor="end" font-variant="tabular-nums">${ticks.map((r) => `<text x="${n(marginLeft - 9)}" y="${n(y(r))}" dy="${DY.middle}">第${r}名</text>`).join('')}</g>`);
  out.push(`<path d="${monthTicks.map((m) => `M${n(x(m))},${n(bottom)}v6`).join('')}" stroke="currentColor"/>`);
  out.push(`<g text-anchor="middle" font-variant="tabular-nums">${named.map((m) => `<text x="${n(x(m))}" y="${n(bottom + 9)}" dy="${DY.top}">${m}月</text>`).join('')}</g>`);
  const path = line<{ month: number; rank: number | null }>().defined((p) => p.rank !== null).x((p) => x(p.month)).y((p) => y(p.rank!)).digits(1);
  out.push(`<path d="${path(shown) ?? ''}" fill="none" stroke="${ACCENT}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`);
  out.push(`<g fill="${ACCENT}">${ranked.map((p) => `<circle cx="${n(x(p.month))}" cy="${n(y(p.rank))}" r="3.5"><title>${p.month}月：组内第${p.rank}名</title></circle>`).join('')}</g>`);
  out.push(`<g text-anchor="middle" fill="${INK}" ${HALO}>${ranked.map((p) => `<text x="${n(x(p.month))}" y="${n(y(p.rank) - 10)}" dy="${DY.middle}">${p.rank}</text>`).join('')}</g>`);
  const unranked = shown.filter((p) => p.rank === null);
  if (unranked.length > 0) out.push(`<g text-anchor="middle" fill="${MUTED}">${unranked.map((p) => `<text x="${n(x(p.month))}" y="${n(bottom - 4)}">—</text>`).join('')}</g>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * The ranks labelled on the axis: every rank in a group of up to 10, else 第1名, the group's last
 * and round steps between (a tick per rank of a 150-unit group would be unreadable in 260 px).
 */
export function rankTicks(size: number): number[] {
  if (size <= 10) return Array.from({ length: size }, (_, i) => i + 1);
  const step = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => size / s <= 8) ?? Math.ceil(size / 8);
  const ticks = [1];
  for (let r = step; r < size; r += step) if (size - r >= step / 2) ticks.push(r);
  ticks.push(size);
  return ticks;
}
