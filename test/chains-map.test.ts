/**
 * The chain map: a deterministic layout (columns 上游 → 中游 → 下游, boxes that never overlap or
 * spill, names that wrap) and its SVG, snapshot-tested with rounded numbers and stable ids.
 */
import { describe, expect, it } from 'vitest';
import { balancedWrap, chainColumns, layoutChain, textWidth, wrap } from '../src/lib/charts/chain-layout.ts';
import { renderChainMap } from '../src/lib/charts/chain-svg.ts';
import { placeOnChains } from '../src/lib/compute/chains.ts';
import type { Chain, ChainResult } from '../src/lib/model/types.ts';
import { project } from './helpers/project.ts';

const definition: Chain = {
  name: '生物医药', slug: 'bio', leader: null, department: null, links: [
    { name: '原料药', position: '上游', description: null, targetCompanies: [] },
    { name: '药用辅料及包装材料', position: '上游', description: null, targetCompanies: [] },
    { name: '化学制剂', position: '中游', description: null, targetCompanies: [] },
    { name: '高端医疗器械（影像设备）', position: '中游', description: '缺少高端影像设备', targetCompanies: ['联影医疗', '迈瑞医疗'] },
    { name: 'CRO研发外包', position: '配套', description: null, targetCompanies: [] },
    { name: '医药流通<&>', position: '下游', description: null, targetCompanies: [] },
  ],
};

function fixture(): ChainResult {
  return placeOnChains([definition], [
    project({ code: 'a', chain: '生物医药', link: '原料药', contractAmount: 12345.678, fundsInPlace: 6789.012 }),
    project({ code: 'b', chain: '生物医药', link: '原料药', contractAmount: 300, fundsInPlace: 120 }),
    project({ code: 'c', chain: '生物医药', link: '化学制剂', contractAmount: 88000, fundsInPlace: 1000 }),
    project({ code: 'd', chain: '生物医药', link: '高端医疗器械（影像设备）', stage: '在谈' }),
    project({ code: 'e', chain: '生物医药', link: 'CRO研发外包', contractAmount: 5000, fundsInPlace: 0 }),
    project({ code: 'f', chain: '生物医药', link: '医药流通<&>', contractAmount: 1e5, fundsInPlace: 6e4 }),
    project({ code: 'g', chain: '生物医药', link: '医药流通<&>', contractAmount: 2e4, fundsInPlace: 1e4, stage: '投产' }),
  ]).chains[0]!;
}

describe('layoutChain(chain, options)', () => {
  const chain = fixture();
  const layout = layoutChain(chain);

  it('orders columns 上游, 中游, 下游, then other positions in order of appearance', () => {
    expect(chainColumns(chain)).toEqual(['上游', '中游', '下游', '配套']);
    expect(layout.columns.map((c) => [c.position, c.count])).toEqual([['上游', 2], ['中游', 2], ['下游', 1], ['配套', 1]]);
    const xs = layout.columns.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('draws every link once, in its own column, in definition order', () => {
    expect(layout.boxes.map((b) => [b.index, b.link.name, layout.columns[b.column]!.position])).toEqual(
      chain.links.map((l, i) => [i, l.name, l.position]),
    );
    for (const b of layout.boxes) expect(b.x).toBe(layout.columns[b.column]!.x);
  });

  it('keeps boxes inside the drawing, apart from each other, and names inside their box', () => {
    for (const [i, a] of layout.boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y).toBeGreaterThanOrEqual(layout.bodyTop);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.link.name} / ${b.link.name}`).toBe(true);
      }
      const room = a.width - 2 * layout.options.padding - 4;
      for (const line of [...a.nameLines]) expect(textWidth(line, layout.nameSize), line).toBeLessThanOrEqual(room);
      for (const line of a.detailLines) expect(textWidth(line, layout.detailSize), line).toBeLessThanOrEqual(room);
    }
  });

  it('fits a 390 px phone at natural size with three columns', () => {
    const three = { ...chain, links: chain.links.filter((l) => l.position !== '配套') };
    expect(layoutChain(three).width).toBeLessThanOrEqual(358);
  });

  it('states each link\'s status, projects and amounts in its box, and what a gap needs', () => {
    expect(layout.boxes.map((b) => b.detailLines)).toEqual([
      ['● 强链 · 2个项目', '合同1.3亿元', '到位0.7亿元'],
      ['○ 缺链 · 无项目'],
      ['◐ 弱链 · 1个项目', '合同8.8亿元', '到位0.1亿元'],
      ['○ 缺链 · 无项目', '在谈1个', '目标企业2家'],
      ['◐ 弱链 · 1个项目', '合同0.5亿元', '到位0万元'],
      ['● 强链 · 2个项目', '合同12.0亿元', '到位7.0亿元'],
    ]);
    expect(layout.boxes[3]!.label).toBe('中游 高端医疗器械（影像设备）：缺链，暂无签约、开工或投产项目，在谈项目1个，招商目标企业2家');
  });

  it('is deterministic and rejects unknown options', () => {
    expect(JSON.stringify(layoutChain(fixture()))).toBe(JSON.stringify(layout));
    expect(() => layoutChain(chain, { colour: 1 } as never)).toThrow('invalid layout option: colour');
    expect(() => layoutChain(chain, { columnWidth: -1 })).toThrow('invalid columnWidth: -1');
  });
});

describe('wrap(text, width, size, maxLines)', () => {
  it('breaks CJK anywhere, keeps Latin runs whole, never starts a line with closing or ends with opening punctuation', () => {
    expect(wrap('新能源汽车动力电池', 92, 13, 3)).toEqual(['新能源汽车动力', '电池']);
    expect(wrap('5G通信模组及基站', 60, 13, 3)).toEqual(['5G通信模', '组及基站']);
    expect(wrap('通信ABCD', 50, 13, 3)).toEqual(['通信', 'ABCD']);
    expect(wrap('医疗器械（影像）', 70, 13, 3)).toEqual(['医疗器械', '（影像）']);
    expect(wrap('甲乙丙丁戊，己', 78, 13, 3)).toEqual(['甲乙丙丁戊，', '己']);
  });
  it('cuts the last allowed line with …', () => {
    const lines = wrap('一二三四五六七八九十一二三四五六七八九十一二三四五', 92, 13, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    expect(textWidth(lines[2]!, 13)).toBeLessThanOrEqual(92);
  });
  it('balancedWrap evens the lines out', () => {
    expect(balancedWrap('新能源汽车动力电池', 92, 13, 3)).toEqual(['新能源汽车', '动力电池']);
    expect(balancedWrap('原料药', 92, 13, 3)).toEqual(['原料药']);
  });
});

describe('renderChainMap(chain, options)', () => {
  it('matches the snapshot of the fixture chain (numbers rounded to 0.1, ids from options)', async () => {
    await expect(renderChainMap(fixture(), { id: 'bio-map' })).toMatchFileSnapshot('./chains-output/fixture-chain.svg');
  });

  it('gives every link an anchor to its project list, numbered by definition order', () => {
    const svg = renderChainMap(fixture());
    const hrefs = [...svg.matchAll(/<a class="chain-map-link" href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['#link-1', '#link-2', '#link-3', '#link-4', '#link-5', '#link-6']);
    const custom = renderChainMap(fixture(), { linkHref: (i) => `/2026-04/chains/bio/#link-${i + 1}` });
    expect(custom).toContain('href="/2026-04/chains/bio/#link-6"');
  });

  it('marks gaps distinctly: status attribute, hatch, dashed border and the word 缺链', () => {
    const svg = renderChainMap(fixture(), { id: 'm' });
    const gaps = [...svg.matchAll(/<a class="chain-map-link"[^>]*data-status="缺链">([\s\S]*?)<\/a>/g)].map((m) => m[1]!);
    expect(gaps).toHaveLength(2);
    for (const g of gaps) {
      expect(g).toContain('fill="url(#m-hatch)"');
      expect(g).toContain('stroke-dasharray="5 3"');
      expect(g).toContain('缺链 · 无项目');
    }
    expect(svg.match(/data-status="强链"/g)).toHaveLength(2);
    expect(svg.match(/data-status="弱链"/g)).toHaveLength(2);
    expect(svg).toContain('<pattern id="m-hatch"');
  });

  it('escapes names and labels, and keeps no unrounded number', () => {
    const svg = renderChainMap(fixture());
    expect(svg).toContain('医药流通&lt;&amp;&gt;');
    expect(svg).not.toContain('<&>');
    const numbers = [...svg.matchAll(/ (?:x|y|width|height|d|viewBox|font-size)="([^"]+)"/g)].flatMap((m) => m[1]!.match(/-?\d+(\.\d+)?/g) ?? []);
    expect(numbers.length).toBeGreaterThan(50);
    for (const x of numbers) expect(x).toMatch(/^-?\d+(\.\d)?$/);
    expect(() => renderChainMap(fixture(), { id: '"><script>' })).toThrow('invalid id');
  });

  it('is well-formed XML with a title for screen readers', async () => {
    const { DOMParser } = await import('linkedom');
    const svg = renderChainMap(fixture(), { id: 'x' });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelectorAll('a').length).toBe(6);
    expect(doc.querySelector('title')!.textContent).toBe('生物医药产业链图谱：6个环节，强链2个，弱链2个，缺链2个');
    // Balanced tags: every opened element is closed.
    const open = svg.match(/<(?!\/)(?![^>]*\/>)[a-z]+[^>]*>/g)!.length;
    const close = svg.match(/<\/[a-z]+>/g)!.length;
    expect(open).toBe(close);
  });

  it('is the same bytes on every call', () => {
    expect(renderChainMap(fixture())).toBe(renderChainMap(fixture()));
  });
});
