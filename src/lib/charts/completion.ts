/**
 * 完成率对比序时进度: one bar per unit (completion of the annual funds target), grouped under group
 * headings, with a vertical rule at 序时进度. Bars are coloured by light and labelled with the
 * completion and the light's name, so the chart reads the same in black and white. Hand-built SVG
 * (see render.ts for why and for the rules every chart keeps).
 */
import { scaleBand, scaleLinear } from 'd3';
import { pct } from '../model/format.ts';
import type { Light } from '../model/types.ts';
import { INK, LIGHT_COLOR, MUTED } from './colors.ts';
import { clip, DY, HALO, n, svgOpen, textWidth, xmlEscape, type ChartMeta } from './render.ts';

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
  const bands: ({ kind: 'group'; key: string; label: string } | { kind: 'unit'; key: string; label: string; row: CompletionRow; text: string })[] = [];
  let lastGroup: string | null = null;
  for (const r of rows) {
    if (headings && r.group !== lastGroup) {
      bands.push({ kind: 'group', key: String(bands.length), label: `【${r.group}】` });
      lastGroup = r.group;
    }
    const text = r.completion === null ? r.lightLabel : `${pct(r.completion)} ${r.lightLabel}`;
    bands.push({ kind: 'unit', key: String(bands.length), label: `${r.highlight ? '▶ ' : ''}${clip(r.name, NAME_CHARS)}`, row: r, text });
  }
  const units = bands.filter((b) => b.kind === 'unit');
  const tp = o.timeProgress * 100;
  const maxValue = Math.max(100, tp, ...rows.map((r) => (r.completion ?? 0) * 100));
  // Room on the right for the longest label after the longest bar.
  const labelRoom = Math.max(...units.map((u) => textWidth(u.text)), 40) + 8;
  const marginLeft = Math.min(Math.max(0, ...bands.map((b) => textWidth(b.label))) + 10, 128);
  const [marginRight, marginTop, marginBottom] = [8, 28, 8];
  const plotWidth = width - marginLeft - marginRight;
  const xMax = plotWidth > labelRoom ? maxValue * plotWidth / (plotWidth - labelRoom) : maxValue * 2;
  const height = bands.length * ROW_HEIGHT + 36;
  const x = scaleLinear([0, xMax], [marginLeft, width - marginRight]);
  // Bands are keyed by position: a code listed twice, or a group split in two, still gets its own rows.
  const y = scaleBand(bands.map((b) => b.key), [marginTop, height - marginBottom]).padding(0.25);
  const mid = (key: string) => y(key)! + y.bandwidth() / 2;

  const out = [svgOpen(o, width, height)];
  out.push(`<g>${units.filter((u) => u.row.completion !== null).map((u) => `<rect x="${n(x(0))}" y="${n(y(u.key)!)}" width="${n(x(u.row.completion! * 100) - x(0))}" height="${n(y.bandwidth())}" fill="${LIGHT_COLOR[u.row.light ?? 'none']}"/>`).join('')}</g>`);
  out.push(`<path d="M${n(x(0))},${marginTop}V${n(height - marginBottom)}" stroke="${MUTED}"/>`);
  out.push(`<path d="M${n(x(tp))},${marginTop}V${n(height - marginBottom)}" stroke="${INK}" stroke-dasharray="4,3"/>`);
  // A white halo keeps a label legible where it crosses the 序时进度 rule.
  out.push(`<g text-anchor="start" fill="${INK}" ${HALO}>${units.map((u) => `<text x="${n(x((u.row.completion ?? 0) * 100) + 4)}" y="${n(mid(u.key))}" dy="${DY.middle}">${xmlEscape(u.text)}</text>`).join('')}</g>`);
  out.push(`<g text-anchor="end" fill="${INK}">${units.map((u) => `<text x="${n(marginLeft - 6)}" y="${n(mid(u.key))}" dy="${DY.middle}"${u.row.highlight ? ' font-weight="bold"' : ''}>${xmlEscape(u.label)}</text>`).join('')}</g>`);
  const groups = bands.filter((b) => b.kind === 'group');
  if (groups.length > 0) out.push(`<g text-anchor="start" font-weight="bold" fill="${INK}">${groups.map((g) => `<text x="2" y="${n(mid(g.key))}" dy="${DY.middle}">${xmlEscape(g.label)}</text>`).join('')}</g>`);
  out.push(`<text x="${n(x(tp))}" y="${marginTop - 14}" dy="${DY.top}" text-anchor="middle" fill="${INK}">序时进度${pct(o.timeProgress)}</text>`);
  out.push('</svg>');
  return out.join('');
}

const ROW_HEIGHT = 26;
