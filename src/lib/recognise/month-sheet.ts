/**
 * Sheets named by month. Units often keep one workbook for the year and add a sheet per month
 * (`1月`, `2月`, `1-4月`, `2026年4月`); the return of period 2026-04 is then the sheet whose name
 * says April, not the first sheet. Pure.
 */
import { squash } from '../model/glossary.ts';
import { parsePeriod } from '../model/period.ts';

/** What a sheet name says about its month: the month it ends in, and the year when written. */
export interface SheetMonth { year: number | null; month: number }

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `4`, `04`, `四`, `十二` → 4, 4, 4, 12; null when not a month number. */
function monthNumber(text: string): number | null {
  let n: number;
  if (/^\d{1,2}$/.test(text)) n = Number(text);
  else if (/^十?[一二三四五六七八九]?$/.test(text) && text !== '') n = text.startsWith('十') ? 10 + (CN_DIGITS[text.slice(1)] ?? 0) : CN_DIGITS[text]!;
  else return null;
  return n >= 1 && n <= 12 ? n : null;
}

// Words a clerk adds around the month: `4月份`, `4月台账`, `2026年1-4月报表`, `4月（更新）` is not a month sheet.
const TAIL = '(?:份)?(?:台账|报表|明细|项目|项目台账|数据|月报)?';
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const PATTERNS: readonly RegExp[] = [
  // 2026年4月, 2026年1-4月, 26年4月, 4月, 1-4月, 1至4月, 一月, 1—4月份台账
  new RegExp(`^(?:(\\d{4}|\\d{2})年)?(?:(?:\\d{1,2}|[一二三四五六七八九十]+)(?:-|—|–|~|至|到))?${MONTH}月${TAIL}$`),
  // 2026-04, 2026.4, 2026_04, 202604
  /^(\d{4})[-._](\d{1,2})$/,
  /^(\d{4})(\d{2})$/,
];

/** The month a sheet name stands for, or null for any other name (a unit, 台账, Sheet1, 填报说明). */
export function sheetMonth(name: string): SheetMonth | null {
  const t = squash(name);
  const first = PATTERNS[0]!.exec(t);
  if (first) {
    const month = monthNumber(first[2]!);
    if (month === null) return null;
    const y = first[1];
    return { year: y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y), month };
  }
  for (const re of PATTERNS.slice(1)) {
    const m = re.exec(t);
    if (!m) continue;
    const month = monthNumber(m[2]!);
    return month === null ? null : { year: Number(m[1]), month };
  }
  return null;
}

/** True when a sheet's month is the period's (`2026-04`): same month, and same year when one is written. */
export function isPeriodSheet(month: SheetMonth, period: string): boolean {
  const { year, month: m } = parsePeriod(period);
  return month.month === m && (month.year === null || month.year === year);
}

/** `{ year: 2026, month: 4 }` → `2026年4月`; `{ year: null, month: 4 }` → `4月`. */
export function monthLabel(m: SheetMonth): string {
  return `${m.year === null ? '' : `${m.year}年`}${m.month}月`;
}
