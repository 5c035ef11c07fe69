/**
 * Cumulative figures month by month (1月 … 12月): one line per series, told apart by dash pattern
 * as well as colour and named in a legend whose swatches are drawn with the same stroke. Used for
 * the city's funds against last year and the time schedule, and for a unit's completion against
 * its group's. Hand-built SVG (see render.ts for why and for the rules every chart keeps).
 */
import { line, scaleLinear } from 'd3';
import { plainNumber } from '../model/format.ts';
import { ACCENT, INK, MUTED } from './colors.ts';
import { DY, HALO, n, svgOpen, textWidth, xmlEscape, type ChartMeta } from './render.ts';

export interface LineSeries {
  /** Named in the legend: 2026年, 2025年, 序时进度, 本单位, 县区平均. */
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

const STYLE = {
  main: { stroke: ACCENT, width: 2.5, dash: null },
  compare: { stroke: MUTED, width: 1.5, dash: '6,3' },
  reference: { stroke: INK, width: 1, dash: '2,3' },
} as const;

/** Legend: a 20 px stroke swatch, 4 px, the name; 12 px between entries; rows 16 px apart. */
const SWATCH = 20;
const LEGEND_ROW = 16;

/** The chart as an SVG string; months run 1 … `months` whatever points the series have. */
export function lineChart(series: readonly LineSeries[], o: LineOptions): string {
  const width = o.width ?? 360;
  const months = o.months ?? 12;
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value ?? 0)));
  const yTicks = niceTicks(max, 4);
  const marginLeft = Math.max(...yTicks.map((t) => textWidth(trimNumber(t)))) + 10;
  const marginRight = 12;
  const legend = legendRows(series, width - marginRight);
  // Legend rows, then the axis unit on its own line, then the plot: nothing overlaps however long
  // a unit's name is (a long name wraps the legend to a second row instead of running off the left).
  const unitY = legend.length * LEGEND_ROW + 6;
  const marginTop = unitY + 22;
  const marginBottom = 26;
  const height = (o.height ?? 240) + (legend.length - 1) * LEGEND_ROW;
  const x = scaleLinear([1, Math.max(2, months)], [marginLeft, width - marginRight]);
  const y = scaleLinear([0, yTicks.at(-1)!], [height - marginBottom, marginTop]);
  const bottom = height - marginBottom;
  const xTicks = months <= 12 ? Array.from({ length: months }, (_, i) => i + 1).filter((m) => months <= 6 || m % 2 === 1) : x.ticks(6).filter(Number.isInteger);

  const out = [svgOpen(o, width, height)];
  // Grid, y ticks and their labels.
  out.push(`<path d="${yTicks.map((t) => `M${n(marginLeft)},${n(y(t))}H${n(width - marginRight)}`).join('')}" stroke="currentColor" stroke-opacity="0.1"/>`);
  out.push(`<path d="${yTicks.map((t) => `M${n(marginLeft - 6)},${n(y(t))}h6`).join('')}" stroke="currentColor"/>`);
  out.push(`<g text-anchor="end" font-variant="tabular-nums">${yTicks.map((t) => `<text x="${n(marginLeft - 9)}" y="${n(y(t))}" dy="${DY.middle}">${trimNumber(t)}</text>`).join('')}</g>`);
  out.push(`<text x="3" y="${n(unitY)}" dy="${DY.top}">${xmlEscape(o.unit)}</text>`);
  // x ticks and month labels.
  out.push(`<path d="${xTicks.map((m) => `M${n(x(m))},${n(bottom)}v6`).join('')}" stroke="currentColor"/>`);
  out.push(`<g text-anchor="middle" font-variant="tabular-nums">${xTicks.map((m) => `<text x="${n(x(m))}" y="${n(bottom + 9)}" dy="${DY.top}">${m}月</text>`).join('')}</g>`);
  out.push(`<path d="M${n(marginLeft)},${n(y(0))}H${n(width - marginRight)}" stroke="${MUTED}"/>`);

  // d3's line leaves a gap at a null value (a month not reported), and an isolated point becomes
  // a zero-length closed path, which the round cap draws as a dot.
  const path = line<{ month: number; value: number | null }>().defined((p) => p.value !== null).x((p) => x(p.month)).y((p) => y(p.value!)).digits(1);
  for (const s of series) {
    const st = STYLE[s.style];
    const pts = s.points.filter((p) => p.month <= months);
    out.push(`<path d="${path(pts) ?? ''}" fill="none" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} stroke-linecap="round" stroke-linejoin="round"/>`);
    if (s.style !== 'main') continue;
    const shown = pts.filter((p): p is { month: number; value: number } => p.value !== null);
    out.push(`<g fill="${st.stroke}">${shown.map((p) => `<circle cx="${n(x(p.month))}" cy="${n(y(p.value))}" r="3"><title>${xmlEscape(`${s.name}${p.month}月：${o.format(p.value)}`)}</title></circle>`).join('')}</g>`);
    // Only the main series gets a value label, at its last point; the legend names every series.
    const last = shown.at(-1);
    if (last) {
      const right = last.month > months - 3;
      out.push(`<text x="${n(x(last.month) + (right ? -6 : 6))}" y="${n(y(last.value) - 10)}" dy="${DY.middle}" text-anchor="${right ? 'end' : 'start'}" font-weight="bold" fill="${INK}" ${HALO}>${xmlEscape(o.format(last.value))}</text>`);
    }
  }

  // Legend, right-aligned rows: the swatch is the series' own stroke (and dot), then its name in its colour.
  legend.forEach((row, i) => {
    const cy = i * LEGEND_ROW + 8;
    let left = row.left;
    for (const s of row.items) {
      const st = STYLE[s.style];
      out.push(`<path d="M${n(left)},${n(cy)}h${SWATCH}" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`);
      if (s.style === 'main') out.push(`<circle cx="${n(left + SWATCH / 2)}" cy="${n(cy)}" r="3" fill="${st.stroke}"/>`);
      out.push(`<text x="${n(left + SWATCH + 4)}" y="${n(cy)}" dy="${DY.middle}" fill="${st.stroke}"${s.style === 'main' ? ' font-weight="bold"' : ''}>${xmlEscape(s.name)}</text>`);
      left += entryWidth(s) + 12;
    }
  });
  out.push('</svg>');
  return out.join('');
}

function entryWidth(s: LineSeries): number {
  return SWATCH + 4 + textWidth(s.name);
}

/** Series in order, as many to a row as fit in `right` px, each row ending at `right`. */
function legendRows(series: readonly LineSeries[], right: number): { left: number; items: LineSeries[] }[] {
  const rows: LineSeries[][] = [];
  let used = Infinity;
  for (const s of series) {
    const w = entryWidth(s);
    if (used + 12 + w > right) {
      rows.push([s]);
      used = w;
    } else {
      rows.at(-1)!.push(s);
      used += 12 + w;
    }
  }
  if (rows.length === 0) rows.push([]);
  return rows.map((items) => ({ left: Math.max(0, right - items.reduce((sum, s, i) => sum + entryWidth(s) + (i > 0 ? 12 : 0), 0)), items }));
}

/** 0 … a round number just above `max`, in `count` equal steps of 1, 2, 2.5 or 5 × 10ⁿ (d3's ticks have no 2.5: 0–100 by 25 reads better on a % axis). */
export function niceTicks(max: number, count: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw)!;
  const k = Math.ceil(max / step - 1e-9);
  return Array.from({ length: k + 1 }, (_, i) => Math.round(i * step * 1e9) / 1e9);
}

function trimNumber(v: number): string {
  return plainNumber(v, 2);
}
