/**
 * How numbers are written in a 通报: amounts in 亿元 with one decimal in prose, percentages with one.
 * All formatting is deterministic (no locale-dependent APIs).
 *
 * Every number a reader sees goes through this file (pages, charts, the draft), so a chart label and
 * the table beside it round the same way. Number.prototype.toFixed is used only inside `fixed`:
 * test/format.test.ts fails if it appears anywhere else in src/.
 */
import { parsePeriod, periodMonthText } from './period.ts';

/**
 * `x.toFixed(digits)` as a person rounds: half up on the decimal value. Plain toFixed works on the
 * binary value, so 0.2905 × 100 = 29.049999… gives “29.0” where a hand calculation gives “29.1”.
 * The value is first cut to 12 significant digits, which removes that binary noise.
 */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  // Whole amounts (most 万元 figures) need no rounding: below 1e12 they keep all their digits
  // through toPrecision(12), so the text is the integer's own. Ledger pages format a few hundred
  // amounts each; this path is several times cheaper than the one below, with the same result.
  if (Number.isInteger(x) && Math.abs(x) < 1e12) {
    const whole = String(x === 0 ? 0 : x); // -0 prints as 0, as below
    return digits > 0 ? `${whole}.${'0'.repeat(digits)}` : whole;
  }
  const clean = Number(x.toPrecision(12));
  const neg = clean < 0;
  const [int, frac = ''] = Math.abs(clean).toFixed(Math.min(20, digits + 8)).split('.');
  const keep = frac.slice(0, digits);
  let n = BigInt(int! + keep);
  if ((frac[digits] ?? '0') >= '5') n += 1n;
  const text = n.toString().padStart(digits + 1, '0');
  const out = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** 万元 → `4.7亿元`. Small amounts (under 0.05亿) are written in 万元 so they do not read as 0.0亿元. */
export function yi(wan: number | null): string {
  if (wan === null) return '—';
  if (Math.abs(wan) > 0 && Math.abs(wan) < 500) return `${trim(wan, 0)}万元`;
  return `${fixed(wan / 1e4, 1)}亿元`;
}

/** 万元 → `4.70` (亿元, two decimals), for tables whose header names the unit. */
export function yiNumber(wan: number | null): string {
  return wan === null ? '—' : fixed(wan / 1e4, 2);
}

/** 万元 with thousands separators: `12,345.6`. */
export function wan(n: number | null, digits = 0): string {
  if (n === null) return '—';
  const [int, frac] = fixed(Math.abs(n), digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A fraction → `29.1%`. */
export function pct(f: number | null, digits = 1): string {
  return f === null || !Number.isFinite(f) ? '—' : percent(f * 100, digits);
}

/**
 * A value already in per cent (a chart drawn on a % axis) → `29.1%`. `pct(f)` is `percent(f × 100)`,
 * so a chart fed `f × 100` labels its points exactly as the table writes `pct(f)`.
 */
export function percent(v: number | null, digits = 1): string {
  return v === null || !Number.isFinite(v) ? '—' : `${fixed(v, digits)}%`;
}

/** A number with at most `digits` decimals and no trailing zeros: axis ticks `0`, `2.5`, `10`. */
export function plainNumber(n: number, digits = 2): string {
  const t = fixed(n, digits);
  return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
}

/** 万美元 in prose and figures, one decimal at most, half up: `1234.5万美元`. */
export function usd(n: number | null): string {
  return n === null ? '—' : `${plainNumber(n, 1)}万美元`;
}

/** An amount in an issue message (万元): two decimals at most, no trailing zeros, half up. */
export function amountText(n: number): string {
  return plainNumber(n, 2);
}

/** 投资强度 (万元/亩) where the label names the unit (a table column, a figure with `<small>万元/亩`): `1,235`. */
export function intensityNumber(v: number | null, digits = 0): string {
  return wan(v, digits);
}

/** 投资强度 in prose: `1,234.5万元/亩`. */
export function intensityText(v: number | null, digits = 1): string {
  return v === null ? '—' : `${wan(v, digits)}万元/亩`;
}

/** Points ahead/behind schedule → `超序时进度3.2个百分点` / `欠序时进度5.0个百分点`. */
export function aheadText(points: number | null): string {
  if (points === null) return '—';
  const p = fixed(Math.abs(points), 1);
  if (p === '0.0') return '与序时进度持平';
  return points > 0 ? `超序时进度${p}个百分点` : `欠序时进度${p}个百分点`;
}

/** Short form for tables: `+3.2` / `−5.0`. */
export function pointsShort(points: number | null): string {
  if (points === null) return '—';
  const p = fixed(Math.abs(points), 1);
  return p === '0.0' ? '0.0' : `${points > 0 ? '+' : '−'}${p}`;
}

/** 同比 in prose: `同比增长74.1%` / `同比下降3.0%` / `同比持平`. */
export function yoyText(f: number | null): string {
  if (f === null) return '';
  const p = fixed(Math.abs(f * 100), 1);
  if (p === '0.0') return '同比持平';
  return f > 0 ? `同比增长${p}%` : `同比下降${p}%`;
}

/** Rank change as an arrow with a text alternative. */
export function rankChangeText(change: number | null): { symbol: string; label: string } {
  if (change === null) return { symbol: '—', label: '无上月排名' };
  if (change > 0) return { symbol: `↑${change}`, label: `比上月上升${change}位` };
  if (change < 0) return { symbol: `↓${-change}`, label: `比上月下降${-change}位` };
  return { symbol: '→', label: '与上月持平' };
}

/** `2026-05-08` → `2026年5月8日` (成文日期 as a document writes it). */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** `2026-04` → `2026年1-4月` (cumulative period as bulletins write it). */
export function periodRange(period: string): string {
  const { year: y, month: m } = parsePeriod(period);
  return m === 1 ? `${y}年1月` : `${y}年1-${m}月`;
}

/** `2026-04` → `2026年4月`. */
export function periodMonth(period: string): string {
  return periodMonthText(period);
}

function trim(n: number, digits: number): string {
  return wan(n, digits);
}
