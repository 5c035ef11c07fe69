/**
 * Chart snapshots as Plot's own tests keep them: the SVG with geometry rounded to whole pixels (so
 * a change in float noise never fails a test) and one element per line (so a diff is readable).
 */
export function snapshotOf(svg: string): string {
  return svg
    .replace(/ ([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g, (all, name: string, value: string) =>
      /^(x|y|x1|x2|y1|y2|width|height|d|transform|points|cx|cy|r|viewBox)$/.test(name) && !value.endsWith('em') ? ` ${name}="${value.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n))))}"` : all)
    .replace(/></g, '>\n<') + '\n';
}

/** The text of every <text> element, in document order. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** Each <text> with its x and y attributes (the hand-built charts place text by x/y, never by transform). */
export function placedTexts(svg: string): { text: string; x: number; y: number }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    text: m[2]!,
    x: Number(/ x="([-\d.]+)"/.exec(m[1]!)?.[1] ?? NaN),
    y: Number(/ y="([-\d.]+)"/.exec(m[1]!)?.[1] ?? NaN),
  }));
}

/** The y of the text that reads exactly `text` (fails the test if there is none). */
export function yOf(svg: string, text: string): number {
  const t = placedTexts(svg).find((p) => p.text === text);
  if (!t) throw new Error(`no text “${text}” in the chart`);
  return t.y;
}
