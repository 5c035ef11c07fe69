import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aheadText, fixed, intensityNumber, intensityText, pct, percent, periodRange, plainNumber, rankChangeText, wan, yi, yoyText } from '../src/lib/model/format.ts';

describe('format', () => {
  it('fixed(x, digits) rounds half up on the decimal value, as by hand', () => {
    expect(fixed(0.2905 * 100, 1)).toBe('29.1');
    expect(fixed(1.45, 1)).toBe('1.5');
    expect(fixed(1.44999, 1)).toBe('1.4');
    expect(fixed(-2.25, 1)).toBe('-2.3');
    expect(fixed(-0.01, 1)).toBe('0.0');
    expect(fixed(9.96, 1)).toBe('10.0');
    expect(fixed(123, 0)).toBe('123');
  });
  it('yi(万元) writes 亿元 with one decimal, as bulletins do', () => {
    expect(yi(47000)).toBe('4.7亿元');
    expect(yi(311000)).toBe('31.1亿元');
    expect(yi(14500)).toBe('1.5亿元');
    expect(yi(3000)).toBe('0.3亿元');
    expect(yi(120)).toBe('120万元');
    expect(yi(0)).toBe('0.0亿元');
    expect(yi(null)).toBe('—');
  });
  it('pct, 同比 and points ahead/behind', () => {
    expect(pct(0.291)).toBe('29.1%');
    expect(pct(0.2905)).toBe('29.1%');
    expect(pct(null)).toBe('—');
    expect(yoyText(0.741)).toBe('同比增长74.1%');
    expect(yoyText(-0.03)).toBe('同比下降3.0%');
    expect(yoyText(null)).toBe('');
    expect(aheadText(3.25)).toBe('超序时进度3.3个百分点');
    expect(aheadText(-5)).toBe('欠序时进度5.0个百分点');
  });
  it('wan(n) groups thousands; periodRange names the cumulative period; rank change arrows', () => {
    expect(wan(1234567.891, 1)).toBe('1,234,567.9');
    expect(periodRange('2026-04')).toBe('2026年1-4月');
    expect(periodRange('2026-01')).toBe('2026年1月');
    expect(rankChangeText(2)).toEqual({ symbol: '↑2', label: '比上月上升2位' });
    expect(rankChangeText(-1)).toEqual({ symbol: '↓1', label: '比上月下降1位' });
    expect(rankChangeText(0).symbol).toBe('→');
  });
  it('percent(v) writes a value already in per cent exactly as pct writes the fraction', () => {
    // 0.2905 × 100 is 29.049999… in binary: toFixed(1) says 29.0, a person (and pct) 29.1.
    expect((0.2905 * 100).toFixed(1)).toBe('29.0');
    expect(percent(0.2905 * 100)).toBe('29.1%');
    for (const f of [0.2905, 0.0005, 1.0835, 0.8333333333, 0.125]) expect(percent(f * 100)).toBe(pct(f));
    expect(percent(null)).toBe('—');
  });
  it('plainNumber(n) drops trailing zeros; intensity keeps the 万元 style', () => {
    expect([0, 2.5, 10, 0.25, 1.005, 12.999].map((n) => plainNumber(n))).toEqual(['0', '2.5', '10', '0.25', '1.01', '13']);
    expect(intensityNumber(1234.5)).toBe('1,235');
    expect(intensityNumber(null)).toBe('—');
    expect(intensityText(50)).toBe('50.0万元/亩');
    expect(intensityText(1234.45)).toBe('1,234.5万元/亩');
  });
});

describe('numbers a reader sees go through format.ts', () => {
  it('no file of src/ but format.ts calls toFixed (binary rounding: 29.049999… → 29.0)', () => {
    // A source scan, on purpose: it reads the source text, so it sees every call however the
    // bundler later compresses it. Comments mentioning toFixed without a call `(` are fine.
    const root = join(import.meta.dirname, '..', 'src');
    const files: string[] = [];
    const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const a = join(d, e.name); if (e.isDirectory()) walk(a); else if (/\.(ts|astro|mjs|js)$/.test(e.name)) files.push(a); } };
    walk(root);
    expect(files.length).toBeGreaterThan(20); // the walk found the sources
    const offenders = files.filter((f) => relative(root, f) !== join('lib', 'model', 'format.ts') && /\.toFixed\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});

describe('usd and amountText', () => {
  it('round half up like every other figure', async () => {
    const { usd, amountText } = await import('../src/lib/model/format.ts');
    expect(usd(1234.45)).toBe('1234.5万美元');
    expect(usd(12)).toBe('12万美元');
    expect(amountText(1.005)).toBe('1.01');
    expect(amountText(1500)).toBe('1500');
  });
});
