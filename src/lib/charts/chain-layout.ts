/**
 * Layout of an industry-chain map: one column per 层级 (上游 → 中游 → 下游, then any other
 * position in order of appearance), the chain's links stacked in their column in definition order.
 *
 * Text cannot be measured at build time (no browser), so widths are estimated from character
 * classes: a CJK character is 1em, Latin letters and digits about 0.6em. The estimate errs wide,
 * so a name never spills out of its box; names wrap onto at most three lines.
 *
 * Pure and deterministic: every coordinate is rounded to 0.1, the same chain gives the same layout.
 */
import { scaleBand } from 'd3';
import { POSITIONS } from '../model/glossary.ts';
import { yi } from '../model/format.ts';
import type { ChainLinkResult, ChainResult } from '../model/types.ts';

export interface LayoutOptions {
  /** Width of a column (viewBox units = CSS px at natural size). */
  columnWidth: number;
  /** Space between columns. */
  columnGap: number;
  /** Outer margin. */
  margin: number;
  /** Height of the 上游 / 中游 / 下游 header chevrons. */
  headerHeight: number;
  /** Vertical space between boxes. */
  boxGap: number;
  /** Inner padding of a box. */
  padding: number;
  /** Font size of link names; detail lines are two pixels smaller. */
  fontSize: number;
  /** Most lines a link name may take before it is cut with “…”. */
  maxNameLines: number;
}

/**
 * Defaults fit a 390 px phone at natural size: three columns make a 354-unit-wide map, so the
 * 13 px names stay 13 px on a phone (a wider drawing would be scaled down below legibility).
 */
export const DEFAULT_LAYOUT: LayoutOptions = {
  columnWidth: 106, columnGap: 14, margin: 4, headerHeight: 28, boxGap: 8, padding: 5, fontSize: 13, maxNameLines: 3,
};

export interface ColumnLayout {
  position: string;
  x: number;
  width: number;
  /** Links in this column. */
  count: number;
}

export interface LinkBox {
  /** The link's index in the chain definition (anchors and ids derive from it, never from names). */
  index: number;
  link: ChainLinkResult;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  nameLines: string[];
  /** Status, projects and amounts, one short line each. */
  detailLines: string[];
  /** The whole box as one sentence, for screen readers and tooltips. */
  label: string;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Top of the boxes (below the headers). */
  bodyTop: number;
  columns: ColumnLayout[];
  boxes: LinkBox[];
  nameSize: number;
  detailSize: number;
  nameLineHeight: number;
  detailLineHeight: number;
  options: LayoutOptions;
}

/** Status marks that differ in shape as well as colour (colour is never the only signal). */
export const STATUS_MARK: Readonly<Record<ChainLinkResult['status'], string>> = { 强链: '●', 弱链: '◐', 缺链: '○' };

/** The columns of a chain: 上游, 中游, 下游 always (an empty one shows that nothing is defined there), then other positions. */
export function chainColumns(chain: Pick<ChainResult, 'links'>): string[] {
  const extra: string[] = [];
  for (const l of chain.links) {
    if (!(POSITIONS as readonly string[]).includes(l.position) && !extra.includes(l.position)) extra.push(l.position);
  }
  return [...POSITIONS, ...extra];
}

/** Lays a chain out left to right. `options` override {@link DEFAULT_LAYOUT}; unknown keys are rejected. */
export function layoutChain(chain: ChainResult, options: Partial<LayoutOptions> = {}): MapLayout {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_LAYOUT)) throw new Error(`invalid layout option: ${key}`);
  }
  const o: LayoutOptions = { ...DEFAULT_LAYOUT, ...options };
  for (const [key, value] of Object.entries(o)) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`invalid ${key}: ${value}`);
  }
  const positions = chainColumns(chain);
  const n = positions.length;
  const width = o.margin * 2 + n * o.columnWidth + (n - 1) * o.columnGap;
  const x = scaleBand<string>().domain(positions).range([o.margin, width - o.margin])
    .paddingInner(o.columnGap / (o.columnWidth + o.columnGap)).paddingOuter(0);
  const nameSize = o.fontSize;
  const detailSize = Math.max(8, o.fontSize - 2);
  const nameLineHeight = round(nameSize * 1.3);
  const detailLineHeight = round(detailSize * 1.35);
  // The coloured status stripe takes 4 units on the left of every box.
  const textWidth = o.columnWidth - o.padding * 2 - 4;
  const bodyTop = o.margin + o.headerHeight + o.boxGap;

  const bottoms = positions.map(() => bodyTop);
  const boxes: LinkBox[] = chain.links.map((link, index) => {
    const column = positions.indexOf(link.position);
    const nameLines = balancedWrap(link.name, textWidth, nameSize, o.maxNameLines);
    const detailLines = details(link);
    const height = round(o.padding * 2 + nameLines.length * nameLineHeight + detailLines.length * detailLineHeight);
    const box: LinkBox = {
      index, link, column, x: round(x(link.position)!), y: round(bottoms[column]!), width: round(x.bandwidth()), height,
      nameLines, detailLines, label: linkLabel(link),
    };
    bottoms[column] = box.y + height + o.boxGap;
    return box;
  });
  const columns = positions.map((position) => ({
    position, x: round(x(position)!), width: round(x.bandwidth()), count: chain.links.filter((l) => l.position === position).length,
  }));
  // An empty column still gets room for its “未设环节” note.
  const emptyHeight = o.padding * 2 + detailLineHeight;
  const bottom = Math.max(...columns.map((c, i) => (c.count === 0 ? bodyTop + emptyHeight + o.boxGap : bottoms[i]!)));
  return {
    width: round(width), height: round(bottom - o.boxGap + o.margin), bodyTop: round(bodyTop), columns, boxes,
    nameSize, detailSize, nameLineHeight, detailLineHeight, options: o,
  };
}

/** The short lines under a link's name: status and projects, then amounts, or what a gap needs. */
export function details(link: ChainLinkResult): string[] {
  const mark = STATUS_MARK[link.status];
  if (link.gap) {
    const lines = [`${mark} 缺链 · 无项目`];
    if (link.reserveProjects > 0) lines.push(`在谈${link.reserveProjects}个`);
    if (link.targetCompanies.length > 0) lines.push(`目标企业${link.targetCompanies.length}家`);
    return lines;
  }
  return [`${mark} ${link.status} · ${link.projects}个项目`, `合同${amount(link.contractAmount)}`, `到位${amount(link.fundsInPlace)}`];
}

/** One sentence per link, e.g. `上游 锂电材料：强链，3个项目，合同引资额2.5亿元，到位资金1.2亿元`. */
export function linkLabel(link: ChainLinkResult): string {
  const head = `${link.position} ${link.name}：${link.status}`;
  if (link.gap) {
    const parts = [head, '暂无签约、开工或投产项目'];
    if (link.reserveProjects > 0) parts.push(`在谈项目${link.reserveProjects}个`);
    if (link.targetCompanies.length > 0) parts.push(`招商目标企业${link.targetCompanies.length}家`);
    return parts.join('，');
  }
  return `${head}，${link.projects}个项目，合同引资额${amount(link.contractAmount)}，到位资金${amount(link.fundsInPlace)}`;
}

/** `0` reads as 0 rather than “—”: a link with projects but no funds yet has none in place. */
const amount = (wan: number) => (wan === 0 ? '0万元' : yi(wan));

/** Estimated width of `text` at `size` px (see the module comment). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * size;
}

function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x25a0 && c <= 0x25ff)) return 1; // CJK, full-width, dashes, ● ○
  if (ch === ' ') return 0.3;
  if (/[il.,:;'|!]/.test(ch)) return 0.35;
  if (/[A-Z0-9mwMW%@&]/.test(ch)) return 0.7;
  return 0.6;
}

const CLOSING = /^[）)》」』】〕，。、；：！？,.;:!?%]$/;
const OPENING = /[（(《「『【〔“‘]$/u;

/**
 * Wraps `text` into lines no wider than `width` at `size` px. CJK breaks between any two
 * characters; a run of Latin letters and digits (5G, AI) is kept whole when it fits on a line;
 * closing punctuation never starts a line, opening punctuation never ends one. More than `maxLines` lines: the last is cut with “…”.
 */
export function wrap(text: string, width: number, size: number, maxLines: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.+\-_%]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line === '' || textWidth(candidate, size) <= width || CLOSING.test(token)) {
      line = candidate;
      continue;
    }
    if (token.length > 1) {
      // A Latin run too long for what is left: start it on a new line, or split it if it never fits.
      if (textWidth(token, size) <= width) { lines.push(line); line = token; continue; }
      for (const ch of token) {
        if (line !== '' && textWidth(line + ch, size) > width) { lines.push(line); line = ''; }
        line += ch;
      }
      continue;
    }
    const open = OPENING.exec(line);
    if (open && line.length > 1) {
      lines.push(line.slice(0, -1));
      line = open[0] + token;
    } else {
      lines.push(line);
      line = token;
    }
  }
  if (line !== '') lines.push(line);
  // A space where a line breaks is not drawn.
  const trimmed = lines.map((l) => l.trim()).filter(Boolean);
  lines.splice(0, lines.length, ...trimmed);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && textWidth(`${last}…`, size) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/**
 * `wrap` with lines of even length: the narrowest width that still needs no more lines than
 * `width` does, so 8 characters wrap 4 + 4 rather than 7 + 1.
 */
export function balancedWrap(text: string, width: number, size: number, maxLines: number): string[] {
  const lines = wrap(text, width, size, maxLines);
  if (lines.length < 2 || lines.length > maxLines || lines[lines.length - 1]!.endsWith('…')) return lines;
  let lo = 0;
  let hi = width;
  // Widths are in whole pixels at most 0.5 apart: a dozen halvings find the narrowest.
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    const trial = wrap(text, mid, size, Infinity);
    if (trial.length <= lines.length && trial.every((l) => textWidth(l, size) <= mid || [...l].length === 1)) hi = mid;
    else lo = mid;
  }
  return wrap(text, hi, size, maxLines);
}

const round = (n: number) => Math.round(n * 10) / 10;
