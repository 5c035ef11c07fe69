import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { renderPlot, renumberIds, roundGeometry } from '../../src/lib/charts/plot.ts';
import { clip, textWidth, xmlEscape } from '../../src/lib/charts/render.ts';

describe('renderPlot(options, meta)', () => {
  const svg = renderPlot({ width: 200, height: 100, marks: [Plot.barX([{ n: '<甲&乙>', v: 1.23456 }], { x: 'v', y: 'n', title: 'n' })] }, { id: 'c1', label: '说明 "引号" <b>' });

  it('is one image with a Chinese accessible name, escaped', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="说明 &quot;引号&quot; &lt;b&gt;"');
    expect(svg).not.toContain('<style');
    expect(svg).not.toMatch(/aria-label="[a-z]/); // Plot's English labels are gone
  });

  it('escapes data text and rounds geometry to 0.1 px', () => {
    expect(svg).toContain('&lt;甲&amp;乙&gt;');
    expect(svg).not.toContain('<甲');
    for (const m of svg.matchAll(/ (?:x|y|width|height)="([^"]+)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$|em$/);
  });

  it('is the same string every time, whatever was rendered before', () => {
    renderPlot({ marks: [Plot.frame()] }, { id: 'other', label: 'x' });
    expect(renderPlot({ width: 200, height: 100, marks: [Plot.barX([{ n: '<甲&乙>', v: 1.23456 }], { x: 'v', y: 'n', title: 'n' })] }, { id: 'c1', label: '说明 "引号" <b>' })).toBe(svg);
  });

  it('rejects ids that are not safe in an attribute and legends it cannot place', () => {
    expect(() => renderPlot({ marks: [] }, { id: '1 x"', label: '' })).toThrow('invalid chart id');
    expect(() => renderPlot({ color: { legend: true }, marks: [Plot.dot([1, 2], { x: (d: number) => d, fill: (d: number) => d })] }, { id: 'c', label: '' })).toThrow('legends');
  });
});

describe('render helpers', () => {
  it('renumberIds(svg, prefix) renames ids and their references', () => {
    expect(renumberIds('<clipPath id="plot-clip-7"/><g clip-path="url(#plot-clip-7)"/><use href="#plot-clip-7"/><b id="z"/>', 'ch'))
      .toBe('<clipPath id="ch-1"/><g clip-path="url(#ch-1)"/><use href="#ch-1"/><b id="ch-2"/>');
  });
  it('roundGeometry(svg) rounds coordinates but never text', () => {
    expect(roundGeometry('<rect x="1.26" width="3.04"/><text y="0.32em" transform="translate(1.25,-0.04)">9.87</text>')).toBe('<rect x="1.3" width="3"/><text y="0.32em" transform="translate(1.3,0)">9.87</text>');
  });
  it('xmlEscape(text), textWidth(text) and clip(text, max)', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(textWidth('平原县', 12)).toBe(36);
    expect(textWidth('ab12', 10)).toBe(24);
    expect(clip('示例经济技术开发区', 5)).toBe('示例经济…');
    expect(clip('平原县', 5)).toBe('平原县');
  });
});
