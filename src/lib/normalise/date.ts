/**
 * Dates in the forms clerks type them. Returns ISO `yyyy-mm-dd` (or `yyyy-mm` for a month only).
 */
import { squash } from '../model/glossary.ts';

export type DateResult = { ok: true; value: string | null } | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Converts an Excel serial day number (1900 date system) to ISO, without time zones. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // Excel's day 60 is the fictitious 1900-02-29; days after it are shifted by one.
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

export function parseDate(raw: unknown): DateResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') {
    // Some clerks type 20260315 as a number.
    if (raw >= 19000101 && raw <= 22001231 && Number.isInteger(raw)) return parseDate(String(raw));
    const iso = excelSerialToIso(raw);
    return iso ? { ok: true, value: iso } : { ok: false, reason: `“${raw}”不是有效日期` };
  }
  const t = squash(String(raw));
  if (t === '' || /^[-—–/\\无]+$/.test(t)) return { ok: true, value: null };
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? { ok: true, value: `${y}-${pad(mo)}-${pad(d)}` } : { ok: false, reason: `“${t}”不是存在的日期` };
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return valid(y, mo, 1) ? { ok: true, value: `${y}-${pad(mo)}` } : { ok: false, reason: `“${t}”不是存在的月份` };
  }
  // Text that is an Excel serial (numbers stored as text).
  if (/^\d{5}(\.\d+)?$/.test(t)) return parseDate(Number(t));
  return { ok: false, reason: `“${String(raw).slice(0, 40)}”不是可识别的日期` };
}
