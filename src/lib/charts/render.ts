/**
 * What every build-time chart shares: hand-built SVG strings, no chart library at render time.
 *
 * A chart is drawn on every unit page (three of them) and the bulletin; going through Observable
 * Plot and a linkedom `document` cost 1–3 ms a chart, about half the render stage of a province
 * build (docs/performance.md, hotspot 2). The charts here are simple enough (bands, lines, rules,
 * text) to be written as strings with d3 scales and paths, in a tenth of the time.
 *
 * Rules every chart keeps: the SVG is one image (role="img") named in Chinese by `label`; every
 * string from the data goes through `xmlEscape`; coordinates are rounded to 0.1 px (`n`), so the
 * same input gives the same bytes; the chart scales to its column (viewBox, CSS `height: auto`)
 * and inherits the page's font and text colour, so it prints as the page does; no ids, so two
 * charts on a page never clash; no external resources.
 */
import { xmlEscape } from '../model/util.ts';

export interface ChartMeta {
  /** Unique on the page; letters, digits and `-` (checked: it names the chart in a `data-chart` attribute). */
  id: string;
  /** What the chart shows, in Chinese, for screen readers (the figure caption says it to everyone). */
  label: string;
}

export { xmlEscape };

/** Font size of chart text in px: charts are drawn about as wide as a phone, so 12 reads as body text. */
export const CHART_FONT_SIZE = 12;

/** Approximate rendered width of a label in px (CJK characters are about one em wide). */
export function textWidth(text: string, fontSize = CHART_FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

/** Shortens a label to `max` characters with an ellipsis (full text stays in the page's table). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A coordinate with at most one decimal, never `-0`: sub-pixel noise never reaches the bytes. */
export function n(x: number): string {
  return String(Math.round(x * 10) / 10 || 0);
}

/**
 * The opening tag of a chart. Text is inherited from the page (font, colour), `white` halos and
 * the colours of colors.ts are the only fixed paints.
 */
export function svgOpen(meta: ChartMeta, width: number, height: number): string {
  if (!/^[A-Za-z][\w-]*$/.test(meta.id)) throw new Error(`invalid chart id: ${meta.id}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="tb-chart" data-chart="${meta.id}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${xmlEscape(meta.label)}" font-family="inherit" font-size="${CHART_FONT_SIZE}" fill="currentColor">`;
}

/** Attributes of a label drawn over lines: a white halo keeps it legible where it crosses them. */
export const HALO = 'stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

/** Vertical alignment of a text's baseline to its y: `middle` centres it, `top` hangs it below. */
export const DY = { middle: '0.32em', top: '0.71em' } as const;
