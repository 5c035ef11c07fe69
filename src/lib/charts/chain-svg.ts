/**
 * The industry-chain map as an SVG string, rendered at build time: `(chain, options) → SVG`.
 *
 * Each link is a plain `<a href="#link-N">` to its project list on the chain page, so the map works
 * without JavaScript. Status shows three ways at once: fill colour, a mark of a different shape
 * (● 强链, ◐ 弱链, ○ 缺链) and the word itself; gaps are also hatched with a dashed border, so they
 * stand out on a black-and-white print. Every data-derived string is XML-escaped here.
 */
import { pathRound } from 'd3';
import type { ChainLinkResult, ChainResult } from '../model/types.ts';
import { layoutChain, type LayoutOptions, type LinkBox, type MapLayout } from './chain-layout.ts';
import { xmlEscape } from '../model/util.ts';

export interface ChainMapOptions extends Partial<LayoutOptions> {
  /** Prefix of the ids inside the SVG (title, hatch pattern): unique per page when several maps are shown. */
  id?: string;
  /** The anchor a link leads to; defaults to `#link-N` (N = the link's place in the definition, from 1). */
  linkHref?: (index: number, link: ChainLinkResult) => string;
  /** The map's accessible title; defaults to a sentence naming the chain and its gaps. */
  title?: string;
}

/** Colours per status: box fill, border, stripe and text. Text colours keep 4.5:1 contrast on their fill. */
export const STATUS_STYLE: Readonly<Record<ChainLinkResult['status'], { fill: string; stroke: string; text: string; dash: string | null }>> = {
  强链: { fill: '#e6f4ea', stroke: '#1a7f37', text: '#116329', dash: null },
  弱链: { fill: '#fff4d6', stroke: '#bf8700', text: '#6f4400', dash: null },
  缺链: { fill: '#fff', stroke: '#cf222e', text: '#a40e26', dash: '5 3' },
};

const FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

/** Renders the map of one chain. Deterministic: same chain and options, same bytes. */
export function renderChainMap(chain: ChainResult, options: ChainMapOptions = {}): string {
  const { id = 'chain-map', linkHref = (i: number) => `#link-${i + 1}`, title, ...layoutOptions } = options;
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) throw new Error(`invalid id: ${id}`);
  const layout = layoutChain(chain, layoutOptions);
  const gaps = chain.links.filter((l) => l.status === '缺链').length;
  const weak = chain.links.filter((l) => l.status === '弱链').length;
  const heading = title ?? `${chain.name}产业链图谱：${chain.links.length}个环节，强链${chain.links.length - gaps - weak}个，弱链${weak}个，缺链${gaps}个`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="chain-map-svg" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" width="${n(layout.width)}" height="${n(layout.height)}" role="group" aria-labelledby="${id}-title" font-family="${esc(FONT)}">`);
  out.push(`<title id="${id}-title">${esc(heading)}</title>`);
  out.push('<defs>');
  out.push(`<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#f4c7c7" stroke-width="2.5"/></pattern>`);
  out.push('</defs>');
  out.push(...columns(layout));
  out.push('<g class="chain-map-links">');
  for (const box of layout.boxes) out.push(...linkBox(box, layout, id, linkHref(box.index, box.link)));
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

/** Column backgrounds, the 上游 → 中游 → 下游 chevrons, and a note in empty columns. */
function columns(layout: MapLayout): string[] {
  const o = layout.options;
  const out = ['<g class="chain-map-columns" aria-hidden="true">'];
  const tip = Math.min(10, Math.max(0, o.columnGap - 3));
  const y = o.margin;
  const h = o.headerHeight;
  layout.columns.forEach((c, i) => {
    out.push(`<rect x="${n(c.x)}" y="${n(layout.bodyTop - o.boxGap / 2)}" width="${n(c.width)}" height="${n(layout.height - o.margin - layout.bodyTop + o.boxGap / 2)}" rx="6" fill="#f6f8fa"/>`);
    // Chevrons point into the gap between columns; the last one keeps its point inside the drawing.
    const last = i === layout.columns.length - 1;
    const point = c.x + c.width + (last ? 0 : tip);
    const body = point - tip;
    const p = pathRound(1);
    p.moveTo(c.x, y);
    p.lineTo(body, y);
    p.lineTo(point, y + h / 2);
    p.lineTo(body, y + h);
    p.lineTo(c.x, y + h);
    if (i > 0) p.lineTo(c.x + tip, y + h / 2);
    p.closePath();
    out.push(`<path d="${p}" fill="#eaeef2" stroke="#8c959f"/>`);
    const label = `${c.position} · ${c.count}个环节`;
    const mid = (c.x + (i > 0 ? tip : 0) + body) / 2;
    out.push(`<text x="${n(mid)}" y="${n(y + h / 2)}" dy="0.35em" text-anchor="middle" font-size="${n(layout.detailSize + 1)}" font-weight="700" fill="#1f2328">${esc(label)}</text>`);
    if (c.count === 0) {
      out.push(`<text x="${n(c.x + c.width / 2)}" y="${n(layout.bodyTop + o.padding)}" dy="0.9em" text-anchor="middle" font-size="${n(layout.detailSize)}" fill="#59636e">未设环节</text>`);
    }
  });
  out.push('</g>');
  return out;
}

function linkBox(box: LinkBox, layout: MapLayout, id: string, target: string): string[] {
  const o = layout.options;
  const style = STATUS_STYLE[box.link.status];
  const fill = box.link.status === '缺链' ? `url(#${id}-hatch)` : style.fill;
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const strokeWidth = box.link.status === '强链' ? 2 : 1.5;
  const tx = box.x + 4 + o.padding;
  const out = [
    `<a class="chain-map-link" href="${esc(target)}" xlink:href="${esc(target)}" data-status="${box.link.status}">`,
    `<title>${esc(box.label)}</title>`,
    `<rect class="chain-map-box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4" fill="${fill}" stroke="${style.stroke}" stroke-width="${strokeWidth}"${dash}/>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="4" height="${n(box.height)}" fill="${style.stroke}"/>`,
  ];
  let y = box.y + o.padding;
  const lines: string[] = [];
  for (const line of box.nameLines) {
    lines.push(`<tspan x="${n(tx)}" y="${n(y)}" dy="0.95em">${esc(line)}</tspan>`);
    y += layout.nameLineHeight;
  }
  out.push(`<text aria-hidden="true" font-size="${n(layout.nameSize)}" font-weight="700" fill="#1f2328">${lines.join('')}</text>`);
  const detail: string[] = [];
  box.detailLines.forEach((line, i) => {
    // The first detail line is the status: in the status colour and bold; the rest in ink.
    const attrs = i === 0 ? ` fill="${style.text}" font-weight="700"` : '';
    detail.push(`<tspan x="${n(tx)}" y="${n(y)}" dy="0.95em"${attrs}>${esc(line)}</tspan>`);
    y += layout.detailLineHeight;
  });
  out.push(`<text aria-hidden="true" font-size="${n(layout.detailSize)}" fill="#1f2328">${detail.join('')}</text>`);
  out.push('</a>');
  return out;
}

/** A coordinate with at most one decimal, never `-0`. */
const n = (x: number) => String(Math.round(x * 10) / 10 || 0);

const esc = xmlEscape;
