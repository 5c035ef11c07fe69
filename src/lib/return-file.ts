/**
 * One return file → its ledgers, issues and row account. Pure and JSON-serialisable, so it can run
 * in a reader process and be cached by the file's content hash.
 */
import { readLedgerSheet, type SheetLedger } from './recognise/ledger.ts';
import { isPeriodSheet, monthLabel, sheetMonth } from './recognise/month-sheet.ts';
import type { UnitIndex } from './recognise/unit-names.ts';
import type { FileAccount, Issue, Project } from './model/types.ts';
import { readWorkbook, type ReadLimits } from './read/workbook.ts';
import { parsePeriod, periodMonthText } from './model/period.ts';
import { issue, type IssueKind } from './model/issues.ts';

export interface ReturnFile {
  file: string;
  period: string;
  account: FileAccount;
  /** One entry per ledger sheet: the unit it belongs to and its projects. */
  ledgers: { sheet: string; unit: string | null; unitSource: string | null; columns: Record<string, number>; projects: Project[] }[];
  issues: Issue[];
  ignoredSheets: string[];
  /**
   * The unit the file name points at, kept for a file that could not be read at all, so that the
   * unit is reported as “报送文件无法读取” rather than “未报送”.
   */
  unitHint?: string | null;
}

/**
 * Files that are not returns at all (a scanned letter, a Word note, an archive) but land in a
 * month folder: a warning, not an error, since no figure depends on them.
 */
const NOT_A_RETURN = /\.(docx?|pdf|wps|pptx?|jpe?g|png|gif|bmp|tiff?|zip|rar|7z|ofd|txt\.bak|md)$/i;

const fileIssue = (file: string, kind: IssueKind, message: string, sheet: string | null = null): Issue => issue({ kind, message, at: { file, sheet } });

/** Reads a return. `file` is relative to the data folder, e.g. `returns/2026-04/平原县.xlsx`. */
export function readReturnFile(bytes: Uint8Array, file: string, period: string, units: UnitIndex, limits?: ReadLimits): ReturnFile {
  const base = file.replace(/^.*\//, '');
  const account: FileAccount = { file, period, units: [], status: 'skipped', rowsRead: 0, projects: 0, rejected: 0, nonData: 0 };
  const result: ReturnFile = { file, period, account, ledgers: [], issues: [], ignoredSheets: [] };
  const skip = (reason: string, kind: IssueKind) => {
    account.reason = reason;
    result.issues.push(fileIssue(file, kind, `${reason}，该文件未计入`));
    return result;
  };
  if (base.startsWith('~$')) return skip('这是 Excel/WPS 打开文件时留下的临时文件（~$开头）', 'temp-file');
  const ext = /\.[^.]+$/.exec(base)?.[0] ?? '';
  if (NOT_A_RETURN.test(base)) return skip(`不是电子表格文件（${ext}），不是月报台账`, 'not-a-return');

  const outcome = readWorkbook(bytes, base, limits);
  if (!outcome.ok) {
    result.unitHint = units.within(base.replace(/\.[^.]*$/, ''))?.code ?? null;
    return skip(`报送文件无法读取：${outcome.reason}`, 'unreadable');
  }
  const wb = outcome.workbook;
  for (const lost of wb.lostSheets) {
    result.issues.push(fileIssue(file, 'lost-sheet', `工作表“${lost}”在文件中有名称但内容无法读取（XML结构损坏），该表未计入，请在 Excel 中另存后重新报送`, lost));
  }
  const fileUnit = units.within(base.replace(/\.[^.]*$/, ''));
  const found: SheetLedger[] = [];
  const hiddenLedgers: SheetLedger[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.declaredRange) {
      result.issues.push(fileIssue(file, 'declared-range', `工作表“${sheet.name}”声明的范围为 ${sheet.declaredRange}（远超实际内容），只读取了实际存在的前${sheet.rows.length}行`, sheet.name));
    }
    const ledger = readLedgerSheet(sheet, { file, units, fileUnit });
    if (ledger && sheet.hidden) hiddenLedgers.push(ledger);
    else if (ledger) found.push(ledger);
    if ((!ledger || sheet.hidden) && sheet.rows.some((r) => r.some((v) => v !== null))) result.ignoredSheets.push(sheet.hidden ? `${sheet.name}（隐藏）` : sheet.name);
  }
  // Hidden sheets hold lookup lists or old copies; they count only when no visible sheet is a ledger.
  if (found.length === 0 && hiddenLedgers.length > 0) {
    found.push(...hiddenLedgers);
    for (const l of hiddenLedgers) {
      result.ignoredSheets = result.ignoredSheets.filter((n) => n !== `${l.sheet}（隐藏）`);
      result.issues.push(fileIssue(file, 'hidden-sheet', `台账在隐藏的工作表“${l.sheet}”中，已读取；请确认这是本期正式台账`, l.sheet));
    }
  }
  pickPeriodSheet(found, period, result);
  if (found.length === 0) {
    if (result.account.reason) return result;
    if (wb.sheets.every((s) => s.rows.every((r) => r.every((v) => v === null)))) return skip('文件中没有任何内容', 'empty-file');
    return skip('文件中没有找到项目台账（没有一行表头同时包含“项目名称”和其他台账列名）', 'no-ledger');
  }
  account.status = 'read';
  if (result.ignoredSheets.length > 0) account.ignoredSheets = [...result.ignoredSheets];
  for (const l of found) {
    result.issues.push(...l.issues);
    result.ledgers.push({ sheet: l.sheet, unit: l.unit?.code ?? null, unitSource: l.unitSource, columns: Object.fromEntries(l.header.columns.map((c) => [c.field, c.col])), projects: l.projects });
    account.rowsRead += l.rowsRead;
    account.projects += l.projects.length;
    account.rejected += l.rejected;
    account.nonData += Object.values(l.nonData).reduce((a, b) => a + b, 0);
    for (const p of l.projects) if (!account.units.includes(p.unit)) account.units.push(p.unit);
    if (l.unit && !account.units.includes(l.unit.code)) account.units.push(l.unit.code);
  }
  return result;
}

/**
 * One workbook per year, one sheet per month: when two or more ledger sheets are named by month,
 * the period's own sheet is the return and the other months' sheets are listed as ignored (not
 * errors: they are last months' returns, kept by the unit). When none is the period's, the file
 * holds no return for this period, which is said plainly. A single ledger named for another month
 * is still read, with a warning: clerks copy last month's file and forget to rename the sheet.
 */
function pickPeriodSheet(found: SheetLedger[], period: string, result: ReturnFile): void {
  const months = found.map((l) => sheetMonth(l.sheet));
  const named = months.filter((m) => m !== null).length;
  const { month: m } = parsePeriod(period);
  const periodText = periodMonthText(period);
  if (named === 1 && found.length === 1 && !isPeriodSheet(months[0]!, period)) {
    result.issues.push(fileIssue(result.file, 'sheet-month-mismatch', `工作表名“${found[0]!.sheet}”表示${monthLabel(months[0]!)}，但文件放在本期（${periodText}）的文件夹中；已按本期台账读取，请确认报送的是本月台账`, found[0]!.sheet));
    return;
  }
  if (named < 2) return;
  const keep: SheetLedger[] = [];
  const others: string[] = [];
  found.forEach((l, i) => {
    const month = months[i];
    if (month === null || month === undefined || isPeriodSheet(month, period)) keep.push(l);
    else others.push(l.sheet);
  });
  if (others.length === 0) return;
  result.ignoredSheets.push(...others.map((n) => `${n}（其他月份）`));
  if (keep.length === 0) {
    result.account.reason = `工作簿按月份分表（${others.join('、')}），但没有本期（${periodText}）的工作表`;
    result.issues.push(fileIssue(result.file, 'no-period-sheet', `${result.account.reason}，该文件未计入；请在工作簿中增加名为“${m}月”的工作表后重新报送`));
  }
  found.splice(0, found.length, ...keep);
}
