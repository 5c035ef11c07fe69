/**
 * Amounts as clerks type them. Everything is kept in 万元 (ten thousand yuan).
 */
import { squash } from '../model/glossary.ts';

/** Scale of an amount unit to 万元. */
export const UNIT_SCALE: Readonly<Record<string, number>> = { 元: 1e-4, 千元: 1e-1, 万元: 1, 百万元: 100, 亿元: 1e4, 万: 1, 亿: 1e4 };

/** The amount unit named in a header or a `单位：万元` line, e.g. `合同引资额（亿元）` → 亿元. */
export function unitInText(text: string): string | null {
  const t = squash(text);
  const m = /[(（\[【]([^()（）\]】]*?)[)）\]】]/.exec(t);
  const inner = m ? m[1]! : t;
  for (const unit of ['百万元', '千元', '万美元', '万元', '亿元', '美元', '元', '亩', '个']) {
    if (inner.includes(unit)) return unit;
  }
  return null;
}

export type AmountResult = { ok: true; value: number | null } | { ok: false; reason: string };

/**
 * Parses an amount cell into 万元 (or the column's own unit for non-money numbers: pass scale 1).
 * Accepts numbers, numeric text with thousands separators, full-width digits, and text with its own
 * unit suffix (`1.2亿`, `3000万`, `5,000元`), which overrides the column's unit.
 * Empty, `-`, `—`, `/` and `无` are "no value" (null), not errors.
 */
export function parseAmount(raw: unknown, columnScale: number): AmountResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { ok: true, value: round(raw * columnScale) } : { ok: false, reason: '不是有效数字' };
  }
  if (typeof raw === 'boolean') return { ok: false, reason: '不是数字' };
  let t = squash(String(raw));
  if (t === '' || /^[-—–/\\无空暂无]+$/.test(t)) return { ok: true, value: null };
  t = t.replace(/[，,]/g, '').replace(/^[¥￥]/, '').replace(/人民币/g, '');
  let scale = columnScale;
  const suffix = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)(亿元|亿|万元|万|千元|元)?$/i.exec(t);
  if (!suffix) return { ok: false, reason: `“${String(raw).slice(0, 40)}”不是数字` };
  if (suffix[2]) scale = UNIT_SCALE[suffix[2]]!;
  const n = Number(suffix[1]);
  if (!Number.isFinite(n)) return { ok: false, reason: '不是有效数字' };
  return { ok: true, value: round(n * scale) };
}

/** Rounds away binary noise from scaling (0.1 × 1e4) without losing real precision. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
