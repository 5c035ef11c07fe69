import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { lostPoint, qrMatrix, qrSvg } from '../../src/lib/charts/qr.ts';

/** The modules as qrcode-generator makes them on its own (all eight masks scored by the library). */
function libraryMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

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

  it('draws the very modules qrcode-generator chooses itself (same mask), only faster', () => {
    // Page addresses of every length a site can have: versions 2 to 10 (10 has the version blocks
    // that versions 7 and up carry), relative and absolute, and each of the eight masks chosen.
    const texts: string[] = [];
    for (let len = 10; len <= 200; len += 3) texts.push(`https://zsj.example.gov.cn/${'tongbao/2026-04/units/'.repeat(10)}`.slice(0, len));
    for (let i = 0; i < 120; i++) texts.push(`/tongbao/20${25 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}/units/U${String(i * 7).padStart(3, '0')}/`);
    const masks = new Set<string>();
    const versions = new Set<number>();
    for (const t of texts) {
      const lib = libraryMatrix(t);
      expect(qrMatrix(t), t).toEqual(lib);
      versions.add((lib.length - 17) / 4);
      // Row 8 holds one copy of the format information, which names the mask.
      masks.add([...lib[8]!.slice(0, 9), ...lib[8]!.slice(-8)].map((d) => (d ? 1 : 0)).join(''));
    }
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(7);
    expect(masks.size).toBe(8);
  });

  it('lostPoint(modules, n) scores as the library does: a plain 2 × 2 dark square', () => {
    // Level 1: none (3 neighbours each); level 2: one block (3); level 4: all dark, |100 − 50| / 5 × 10 = 100.
    expect(lostPoint(new Uint8Array([1, 1, 1, 1]), 2)).toBe(103);
    expect(lostPoint(new Uint8Array([1, 0, 0, 1]), 2)).toBe(0);
  });
});
