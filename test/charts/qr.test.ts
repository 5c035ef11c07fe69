import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg } from '../../src/lib/charts/qr.ts';

/** The module cells a path of `M x y h n v1 h-n z` runs covers. */
function cells(svg: string): Set<string> {
  const out = new Set<string>();
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(m[3]); i++) out.add(`${Number(m[1]) + i},${m[2]}`);
  return out;
}

describe('qrSvg(text, options)', () => {
  const url = 'https://zsj.example.gov.cn/tongbao/2026-04/units/A01/';
  const m = qrMatrix(url);

  it('qrMatrix(text) has the three finder patterns of a QR code', () => {
    const n = m.length;
    expect((n - 17) % 4).toBe(0); // versions are 21, 25, 29 … modules wide
    const finder = (r0: number, c0: number) => Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => m[r0 + r]![c0 + c]).map((d) => (d ? 1 : 0)).join('')).join('/');
    const expected = '1111111/1000001/1011101/1011101/1011101/1000001/1111111';
    expect(finder(0, 0)).toBe(expected);
    expect(finder(0, n - 7)).toBe(expected);
    expect(finder(n - 7, 0)).toBe(expected);
  });

  it('draws exactly the dark modules, inside a four-module quiet zone', () => {
    const svg = qrSvg(url, { label: '本页二维码' });
    const drawn = cells(svg);
    const dark = new Set(m.flatMap((row, r) => row.flatMap((d, c) => (d ? [`${c + 4},${r + 4}`] : []))));
    expect(drawn).toEqual(dark);
    expect(svg).toContain(`viewBox="0 0 ${m.length + 8} ${m.length + 8}"`);
    expect(svg).toContain('role="img" aria-label="本页二维码"');
  });

  it('escapes its label, is deterministic and refuses text it would garble', () => {
    expect(qrSvg('/a/', { label: '<"&>' })).toContain('aria-label="&lt;&quot;&amp;&gt;"');
    expect(qrSvg(url, { label: 'x' })).toBe(qrSvg(url, { label: 'x' }));
    expect(() => qrMatrix('/招商/')).toThrow('ASCII');
  });
});
