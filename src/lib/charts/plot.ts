/**
 * Observable Plot rendered to an SVG string at build time, in Node, with a `document` from linkedom:
 * pages ship no chart library and no script, charts print and work offline.
 *
 * No page chart uses it today: Plot + linkedom cost 1–3 ms a chart, and the four page charts are
 * hand-built strings (render.ts) for that reason (docs/performance.md, hotspot 2). It stays for a
 * chart whose marks would be costly to write by hand and that is drawn rarely (once per period).
 *
 * The output is made stable and small: a fixed class name (Plot's default one is shared by every
 * chart and its inline <style> is repeated in each; the same rules live in site.css), ids renumbered
 * under a per-chart prefix (Plot's clip ids come from a process-wide counter, and two charts on a
 * page must not share an id), coordinates rounded to 0.1 px, and Plot's English aria-labels
 * dropped: the SVG is one image (role="img") described in Chinese by `label`.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { xmlEscape } from '../model/util.ts';
import { CHART_FONT_SIZE, type ChartMeta } from './render.ts';

const NUMERIC_ATTRS = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'd', 'transform', 'points', 'cx', 'cy', 'r', 'viewBox']);

/** Rounds decimals inside geometric attributes to one place (text content and em offsets are never touched). */
export function roundGeometry(svg: string): string {
  return svg.replace(/ ([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g, (all, name: string, value: string) =>
    NUMERIC_ATTRS.has(name) && !value.endsWith('em') ? ` ${name}="${value.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"` : all);
}

/** Renames every id (and its url(#…) / href="#…" references) to `<prefix>-1`, `<prefix>-2`, … */
export function renumberIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  const map = new Map<string, string>();
  for (const id of ids) if (!map.has(id)) map.set(id, `${prefix}-${map.size + 1}`);
  return svg.replace(/( id="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => (map.has(id) ? `${lead}${map.get(id)}` : all));
}

/** Renders Plot options to an SVG string (see the module comment for what is normalised). */
export function renderPlot(options: Plot.PlotOptions, meta: ChartMeta): string {
  if (!/^[A-Za-z][\w-]*$/.test(meta.id)) throw new Error(`invalid chart id: ${meta.id}`);
  const o = options as Record<string, unknown>;
  const legend = ['color', 'symbol', 'opacity'].some((k) => (o[k] as { legend?: unknown } | undefined)?.legend);
  if (legend || o['caption'] || o['title'] || o['subtitle']) throw new Error('renderPlot: legends and captions belong in the page, not in the chart');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, className: 'tb-chart', document: document as unknown as Document }) as unknown as Element;
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  for (const el of [node, ...node.querySelectorAll('[aria-label]')]) el.removeAttribute('aria-label');
  for (const el of [...node.querySelectorAll('[aria-hidden]')]) el.removeAttribute('aria-hidden');
  node.setAttribute('font-family', 'inherit');
  node.setAttribute('font-size', String(CHART_FONT_SIZE));
  // linkedom leaves < and > unescaped in attributes, so the label is written in by hand, escaped.
  const svg = node.outerHTML.replace(/^<svg/, `<svg role="img" aria-label="${xmlEscape(meta.label)}"`);
  return renumberIds(roundGeometry(svg), meta.id);
}
