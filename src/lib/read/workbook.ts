/**
 * Stage 1: bytes → sheets of raw cell values. Pure: no file system. Recognises the real-world
 * wrappers a return arrives in (xlsx/xls/WPS, CSV in GB18030 or UTF-8, Excel "Unicode text",
 * HTML saved as .xls) and refuses hostile files with a Chinese reason instead of throwing.
 */
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import Papa from 'papaparse';
import { checkZip } from './zip-guard.ts';

// Legacy .xls files store text in code pages (936 for Chinese); the ESM build needs the tables.
XLSX.set_cptable(cptable);

export type CellValue = string | number | boolean | null;

export interface Merge { s: { r: number; c: number }; e: { r: number; c: number } }

export interface RawSheet {
  name: string;
  /** rows[r][c] is the cell at A1 row r+1, column c. */
  rows: CellValue[][];
  merges: Merge[];
  /** True when the sheet was cut at `maxRows`. */
  truncated: boolean;
  /** Hidden or very hidden in the workbook (lookup lists, old copies). */
  hidden?: boolean;
  /** The range the sheet declares when it claims more rows than were read (a hostile or broken dimension). */
  declaredRange?: string;
}

export interface RawWorkbook {
  format: string;
  sheets: RawSheet[];
  /** Sheets listed by the workbook but not readable (SheetJS drops them on malformed XML). */
  lostSheets: string[];
}

export type ReadOutcome = { ok: true; workbook: RawWorkbook } | { ok: false; reason: string };

export interface ReadLimits {
  maxFileBytes: number;
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 30 * 2 ** 20, maxRows: 20000, maxCols: 200 };

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Reads a return file. Never throws. */
export function readWorkbook(buf: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadOutcome {
  try {
    return readUnsafe(buf, fileName, limits);
  } catch (e) {
    return { ok: false, reason: explain(e) };
  }
}

function readUnsafe(buf: Uint8Array, fileName: string, limits: ReadLimits): ReadOutcome {
  if (buf.length === 0) return { ok: false, reason: '文件为空（0字节）' };
  if (buf.length > limits.maxFileBytes) return { ok: false, reason: `文件过大（${Math.round(buf.length / 2 ** 20)}MB），月报台账不应超过${limits.maxFileBytes / 2 ** 20}MB` };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    const bomb = checkZip(buf);
    if (bomb) return { ok: false, reason: bomb };
    return fromSheetJS(buf, 'zip', limits);
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return fromSheetJS(buf, 'ole', limits);
  const text = decodeText(buf);
  if (text === null) return { ok: false, reason: '不是电子表格文件（无法识别的二进制内容）' };
  const head = text.slice(0, 4096).toLowerCase();
  if (/<(html|table|!doctype html)/.test(head) || (/<\?xml/.test(head) && /urn:schemas-microsoft-com:office:spreadsheet|<workbook/.test(head))) {
    return fromSheetJS(text, 'html', limits);
  }
  return fromDelimited(text, fileName, limits);
}

/** Decodes a text file: BOMs first, then strict UTF-8, else GB18030 (Chinese Excel's CSV). */
export function decodeText(buf: Uint8Array): string | null {
  let text: string;
  if (startsWith(buf, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (startsWith(buf, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else if (startsWith(buf, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(buf.subarray(3));
  else if (looksUtf16le(buf)) text = new TextDecoder('utf-16le').decode(buf);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('gb18030').decode(buf);
    }
  }
  // Random bytes decode to text full of control characters and replacement marks.
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  if (sample.length === 0 || bad / sample.length > 0.05) return null;
  return text;
}

/** UTF-16LE without a BOM: ASCII characters leave a zero in every odd byte. */
function looksUtf16le(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 400) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (buf[i] === 0) zeros++;
  return zeros / (n / 2) > 0.3 && buf.subarray(0, n).filter((_, i) => i % 2 === 0 && buf[i] === 0).length < n / 20;
}

function fromDelimited(text: string, fileName: string, limits: ReadLimits): ReadOutcome {
  const firstLines = text.slice(0, 4096);
  const tabs = (firstLines.match(/\t/g) ?? []).length;
  const commas = (firstLines.match(/,/g) ?? []).length;
  const delimiter = tabs > commas ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview: limits.maxRows + 1 });
  const data = parsed.data;
  const truncated = data.length > limits.maxRows;
  const rows: CellValue[][] = data.slice(0, limits.maxRows).map((r) =>
    r.slice(0, limits.maxCols).map((v) => (v.trim() === '' ? null : v)),
  );
  // A trailing newline gives one empty row that is not in the file.
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null) && rows[rows.length - 1]!.length <= 1) rows.pop();
  const name = fileName.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  return { ok: true, workbook: { format: delimiter === '\t' ? 'tsv' : 'csv', sheets: [{ name, rows, merges: [], truncated }], lostSheets: [] } };
}

function fromSheetJS(input: Uint8Array | string, kind: 'zip' | 'ole' | 'html', limits: ReadLimits): ReadOutcome {
  // SheetJS may log parser warnings; the I/O edge keeps the console quiet (src/io/quiet.ts).
  const wb = XLSX.read(input, {
    type: typeof input === 'string' ? 'string' : 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellNF: false,
    cellDates: false,
    sheetStubs: false,
    bookVBA: false,
    sheetRows: limits.maxRows + 1,
  });
  const sheets: RawSheet[] = [];
  const lostSheets: string[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  wb.SheetNames.forEach((name, i) => {
    const ws = ownSheet(wb, name);
    if (!ws) { lostSheets.push(name); return; }
    const sheet = toRawSheet(name, ws, limits);
    if (meta[i]?.Hidden) sheet.hidden = true;
    sheets.push(sheet);
  });
  // On malformed XML SheetJS returns an empty sheet instead of an error: compare with the part itself.
  if (kind === 'zip' && typeof input !== 'string' && sheets.some((s) => s.rows.length === 0)) {
    const parts = sheetPartsWithCells(input);
    for (const s of sheets) if (s.rows.length === 0 && parts.has(s.name)) lostSheets.push(s.name);
  }
  return { ok: true, workbook: { format: wb.bookType ?? kind, sheets: sheets.filter((s) => !lostSheets.includes(s.name)), lostSheets } };
}

/**
 * A sheet by name, without trusting the object: SheetJS stores sheets in a plain object, so a sheet
 * named `__proto__` becomes that object's prototype (only that object's; nothing global changes).
 */
function ownSheet(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  if (Object.prototype.hasOwnProperty.call(wb.Sheets, name)) return wb.Sheets[name];
  if (name === '__proto__') {
    const proto = Object.getPrototypeOf(wb.Sheets) as XLSX.WorkSheet | null;
    if (proto && proto !== Object.prototype && ('!data' in proto || '!ref' in proto)) return proto;
  }
  return undefined;
}

/** Names of the sheets whose XML part holds cells, read straight from the zip. */
function sheetPartsWithCells(buf: Uint8Array): Set<string> {
  const out = new Set<string>();
  try {
    const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): { FullPaths: string[]; FileIndex: { content?: Uint8Array }[] } } }).CFB;
    const zip = CFB.read(buf, { type: 'buffer' });
    const file = (path: string) => {
      const i = zip.FullPaths.findIndex((p) => p.toLowerCase().endsWith(path.toLowerCase()));
      const c = i >= 0 ? zip.FileIndex[i]?.content : undefined;
      return c ? new TextDecoder().decode(c) : '';
    };
    const book = file('xl/workbook.xml');
    const rels = file('xl/_rels/workbook.xml.rels');
    const target = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && t) target.set(id, t.replace(/^\/?(xl\/)?/, 'xl/'));
    }
    for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
      const part = id ? target.get(id) : undefined;
      if (!name || !part) continue;
      const xml = file(part);
      if (/<c\b[^>]*>\s*<(v|is)\b/.test(xml)) out.add(name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
    }
  } catch {
    // Could not inspect: keep what SheetJS returned.
  }
  return out;
}

function toRawSheet(name: string, ws: XLSX.WorkSheet, limits: ReadLimits): RawSheet {
  const data = ((ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data']) ?? [];
  const rows: CellValue[][] = [];
  const n = Math.min(data.length, limits.maxRows);
  for (let r = 0; r < n; r++) {
    const src = data[r];
    const row: CellValue[] = [];
    if (src) {
      const m = Math.min(src.length, limits.maxCols);
      for (let c = 0; c < m; c++) row.push(cellValue(src[c]));
    }
    rows.push(row);
  }
  const merges = ((ws['!merges'] ?? []) as Merge[]).filter((m) => m.s.r < limits.maxRows && m.s.c < limits.maxCols);
  const sheet: RawSheet = { name, rows, merges, truncated: data.length > limits.maxRows };
  const full = (ws as { '!fullref'?: string })['!fullref'];
  if (full && XLSX.utils.decode_range(full).e.r >= limits.maxRows) sheet.declaredRange = full;
  return sheet;
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n': return typeof cell.v === 'number' ? cell.v : Number(cell.v);
    case 'b': return Boolean(cell.v);
    case 'e': return null;
    case 'd': return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default: {
      const s = String(cell.v);
      return s.trim() === '' ? null : s;
    }
  }
}

function explain(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) return '文件设置了密码保护，无法读取，请取消密码后重新报送';
  if (/Unsupported|not supported|Unrecognized|unknown|Invalid|corrupt|bad|Could not find|End of|truncat|CFB|zip/i.test(msg)) {
    return `文件已损坏或格式无法识别（${msg.slice(0, 80)}）`;
  }
  return `文件无法读取（${msg.slice(0, 80)}）`;
}
