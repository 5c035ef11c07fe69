/**
 * A breakdown (by 产业类别, 规模 or 阶段) as horizontal bars, each labelled with its amount and
 * project count, in the order given (the fixed orders of compute/breakdowns.ts). Hand-built SVG
 * (see render.ts for why and for the rules every chart keeps).
 */
import { scaleBand, scaleLinear } from 'd3';
import { yi } from '../model/format.ts';
import type { BreakdownEntry } from '../model/types.ts';
import { ACCENT, INK } from './colors.ts';
import { clip, DY, n, svgOpen, textWidth, xmlEscape, type ChartMeta } from './render.ts';

export interface BreakdownOptions extends ChartMeta {
  /** Bar length: funds in place (default) or the number of projects (for stages, where 在谈 has no funds). */
  measure?: 'fundsInPlace' | 'projects';
  width?: number;
}

/** The chart as an SVG string, one bar per entry. */
export function breakdownChart(entries: readonly BreakdownEntry[], o: BreakdownOptions): string {
  const width = o.width ?? 360;
  const measure = o.measure ?? 'fundsInPlace';
  const rows = entries.map((e, i) => ({
    // Bands are keyed by position: two entries with the same name still get a row each.
    band: String(i),
    label: clip(e.key, 12),
    value: measure === 'projects' ? e.projects : e.fundsInPlace / 1e4,
    text: measure === 'projects' ? `${e.projects}个${e.fundsInPlace > 0 ? ` · ${yi(e.fundsInPlace)}` : ''}` : `${yi(e.fundsInPlace)} · ${e.projects}个`,
  }));
  const marginLeft = Math.min(Math.max(...rows.map((r) => textWidth(r.label)), 24) + 10, 130);
  const labelRoom = Math.max(...rows.map((r) => textWidth(r.text)), 40) + 8;
  const [marginRight, marginTop, marginBottom] = [8, 8, 8];
  const plotWidth = width - marginLeft - marginRight;
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const xMax = plotWidth > labelRoom ? max * plotWidth / (plotWidth - labelRoom) : max * 2;
  const height = rows.length * 26 + 16;
  const x = scaleLinear([0, xMax], [marginLeft, width - marginRight]);
  const y = scaleBand(rows.map((r) => r.band), [marginTop, height - marginBottom]).padding(0.25);
  const mid = (band: string) => y(band)! + y.bandwidth() / 2;

  const out = [svgOpen(o, width, height)];
  out.push(`<g fill="${ACCENT}">${rows.map((r) => `<rect x="${n(x(0))}" y="${n(y(r.band)!)}" width="${n(x(r.value) - x(0))}" height="${n(y.bandwidth())}"/>`).join('')}</g>`);
  out.push(`<path d="M${n(x(0))},${marginTop}V${n(height - marginBottom)}" stroke="${INK}"/>`);
  out.push(`<g text-anchor="start" fill="${INK}">${rows.map((r) => `<text x="${n(x(r.value) + 4)}" y="${n(mid(r.band))}" dy="${DY.middle}">${xmlEscape(r.text)}</text>`).join('')}</g>`);
  out.push(`<g text-anchor="end" fill="${INK}">${rows.map((r) => `<text x="${n(marginLeft - 6)}" y="${n(mid(r.band))}" dy="${DY.middle}">${xmlEscape(r.label)}</text>`).join('')}</g>`);
  out.push('</svg>');
  return out.join('');
}
