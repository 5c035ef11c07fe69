/**
 * Writes tables as .xlsx with SheetJS: text cells are typed as text (never formulas), numbers as
 * numbers, and no timestamps are written, so the same table gives the same bytes.
 *
 * A sheet may be laid out for forwarding: a title row across the table, header rows frozen and
 * repeated on every printed page, number formats per column (0.0% for rates), column widths that
 * fit the widest cell, and A4 landscape, one page wide. SheetJS CE writes titles, merges, number
 * formats, widths and print titles itself; the frozen pane and the page setup it cannot write are
 * put into the sheet XML afterwards (patchParts), as the templates' drop-down lists are
 * (outputs/template.ts).
 *
 * SheetJS writes the workbook's parts uncompressed; they are zipped here (packParts: Node's zlib,
 * fflate's container). The data rows of a sheet without number formats (the project ledger) are
 * written here as SheetJS writes them (cellXml), SheetJS writing the rest: at 120 units a month's
 * ledger is 180 000 cells, and SheetJS's cell writer and deflate were ~5 s of a cold build.
 */
import * as XLSX from 'xlsx';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import type { TableCell } from './ledger-table.ts';

export interface SheetSpec {
  name: string;
  rows: readonly (readonly TableCell[])[];
  /** A title row above the table, merged across it (e.g. “2026年1-4月各单位招商引资排名”). */
  title?: string;
  /** How many of `rows` are header rows (frozen and printed on every page); 1 by default. */
  headerRows?: number;
  /** Number format per column for numeric cells, e.g. '0.0%' or '#,##0'. */
  formats?: readonly (string | null)[];
  /** Print on A4 landscape, one page wide. */
  landscape?: boolean;
}

/** Display width of a text in Excel's character units: a CJK character counts two. */
export function textWidth(text: string): number {
  // Char codes, not a regex per character: this runs for every cell of every download (a regex
  // test per character was 4 s of a 120-unit build).
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) { w += 1; i++; continue; } // a character outside the BMP
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
      || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** `1234567.5` as `1,234,567.5` (what a `#,##0` format shows; Intl's toLocaleString is slow per cell). */
function groupDigits(v: number): string {
  const [int, frac] = String(Math.round(v * 1000) / 1000).split('.'); // toLocaleString's 3 decimals
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function shown(v: TableCell, format: string | null | undefined): string {
  if (v === null) return '';
  if (typeof v !== 'number') return v;
  if (format?.includes('%')) return `+${Math.round(v * 1000) / 10}%`;
  return format?.includes(',') ? groupDigits(v) : String(v);
}

/**
 * SheetJS keeps one process-wide table of number formats: every workbook read (a return's own
 * formats) or written (our 0.0%) adds to it, and a workbook written without its own table copies
 * the global one into styles.xml. So the bytes of a download would depend on which files this
 * process happened to read or write before it (a rebuild that reuses cached periods writes fewer).
 * Each workbook therefore gets a copy of the built-in table as it was when SheetJS loaded.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

/** A workbook's parts (its zip entries) in archive order: path and bytes. */
type Parts = [path: string, bytes: Uint8Array][];

/** The parts of `wb` as SheetJS writes them, with the built-in number formats only, uncompressed. */
function workbookParts(wb: XLSX.WorkBook): Parts {
  (wb as XLSX.WorkBook & { SSF?: Record<number, string> }).SSF = { ...BUILTIN_FORMATS };
  const stored = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  return Object.entries(unzipSync(stored)); // entries in SheetJS's archive order ([Content_Types].xml last)
}

/**
 * Zips the parts: each deflated by Node's zlib, the archive laid out by fflate. SheetJS's own
 * deflate (JavaScript, fixed Huffman codes) took ~85 ms for a 7200-row ledger and made it 2.1 MB;
 * zlib at its fastest level takes ~20 ms there and makes it 1.0 MB (level 6: 60 ms, 0.8 MB), which
 * leaders download on their phones (docs/performance.md, fourth round).
 */
function packParts(parts: Parts): Uint8Array {
  // The date every entry carries (DOS dates begin in 1980): no clock is read. Made here, not once
  // per module: fflate reads a date's local-time fields, so it must be built in the same zone.
  const entryDate = new Date(1980, 0, 1);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [filename, bytes] of parts) {
    const entry: ZipInputFile = { filename, size: bytes.length, crc: crc32(bytes), compression: 8, mtime: entryDate };
    zip.add(entry); // sets entry.ondata, through which the entry's bytes go in
    entry.ondata!(null, deflateRawSync(bytes, { level: 1 }), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** XLSX.write with the built-in number formats only, so that the same workbook gives the same bytes. */
export function writeWorkbook(wb: XLSX.WorkBook): Uint8Array {
  return packParts(workbookParts(wb));
}

/** Characters SheetJS escapes in a cell's text (escapexml): the five XML entities, and control characters as `_xHHHH_`. */
const NEEDS_ESCAPE = /[&<>'"\u0000-\u0008\u000b-\u001f\uFFFE\uFFFF]/;
const XML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
function escapeCellText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // most cells: nothing to escape
  return text.replace(/[&<>'"]/g, (ch) => XML_ENTITY[ch]!).replace(/[\u0000-\u0008\u000b-\u001f\uFFFE-\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

/** Where SheetJS marks an element's text `xml:space="preserve"` (writetag): leading or trailing space, or a line break anywhere. */
const SPACE = /\s/;
function keepsSpace(text: string): boolean {
  return text.length > 0 && (SPACE.test(text[0]!) || SPACE.test(text[text.length - 1]!) || text.includes('\n'));
}
const PRESERVE = ' xml:space="preserve"';

/**
 * One cell without a number format as SheetJS writes it (write_ws_xml_cell): a number as `<v>`, a
 * number that is not finite as an error, text as `t="str"` (never a formula). Same text, same rules:
 * test/outputs/xlsx.test.ts compares whole workbooks written both ways.
 */
function cellXml(ref: string, v: string | number): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
    if (!Number.isFinite(v)) return `<c r="${ref}" t="e"><v>#DIV/0!</v></c>`;
    return `<c r="${ref}"><v>${v}</v></c>`; // a number's text has no space and nothing to escape
  }
  if (v.length > 32767) throw new Error('Text length must not exceed 32767 characters');
  const value = escapeCellText(v);
  // The <v> element is marked for its text; the <c> around it too when that text breaks a line
  // (SheetJS tests the <c>'s content, which starts with `<` and ends with `>`).
  const inner = keepsSpace(value) ? `<v${PRESERVE}>${value}</v>` : `<v>${value}</v>`;
  return `<c r="${ref}" t="str"${value.includes('\n') ? PRESERVE : ''}>${inner}</c>`;
}

/** The row SheetJS sees for a row written here. */
const NO_CELLS: XLSX.CellObject[] = [];

export interface XlsxOptions {
  /** Let SheetJS write every row (the tests compare this with the rows written here). */
  sheetJSRows?: boolean;
}

export function toXlsx(sheets: readonly SheetSpec[], options: XlsxOptions = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  const names: { Name: string; Sheet: number; Ref: string }[] = [];
  const layout: { part: string; freezeAt: number; landscape: boolean }[] = [];
  /** Rows written here, by sheet part: put after the rows SheetJS wrote. */
  const tails = new Map<string, string>();
  sheets.forEach((s, index) => {
    // A dense sheet (rows of cells) rather than one object keyed by A1 address: a 7200-row ledger
    // is 180 000 cells, and a dictionary that large was most of the time spent building it.
    const data: XLSX.CellObject[][] = [];
    const ws = { '!data': data } as XLSX.WorkSheet;
    const offset = s.title ? 1 : 0;
    const headerRows = s.headerRows ?? 1;
    let maxC = Math.max(0, ...s.rows.map((r) => r.length - 1));
    const widths: number[] = [];
    // SheetJS writes the title and header rows; the rows below them, when the sheet has no number
    // formats (a ledger: text and plain numbers), are written here as SheetJS would write them. Its
    // writer took ~1.8 µs a cell and made most of the garbage of a cold build's data files: 2.3 M
    // cells at 120 × 12 × 60 (docs/performance.md, fourth round). The header cells keep the
    // workbook's styles what SheetJS makes of them.
    const own = options.sheetJSRows !== true && !s.formats?.some((f) => f) && s.rows.slice(0, headerRows).some((row) => row.some((v) => v !== null));
    const columns = own ? Array.from({ length: maxC + 1 }, (_, c) => XLSX.utils.encode_col(c)) : [];
    const tail: string[] = [];
    s.rows.forEach((row, r) => {
      const mine = own && r >= headerRows;
      const cells: XLSX.CellObject[] = [];
      data[r + offset] = mine ? NO_CELLS : cells; // SheetJS reads every row of the range
      let xml = '';
      row.forEach((v, c) => {
        if (v === null) return;
        const format = r >= headerRows ? s.formats?.[c] : null;
        if (mine) xml += cellXml(`${columns[c]}${r + offset + 1}`, typeof v === 'number' ? v : String(v));
        else cells[c] = typeof v === 'number' ? (format ? { t: 'n', v, z: format } : { t: 'n', v }) : { t: 's', v: String(v) };
        const w = textWidth(shown(v, format));
        if (!(w <= widths[c]!)) widths[c] = w;
      });
      if (xml) tail.push(`<row r="${r + offset + 1}"${xml.includes('\n') ? PRESERVE : ''}>${xml}</row>`);
    });
    if (tail.length > 0) tails.set(`xl/worksheets/sheet${index + 1}.xml`, tail.join(''));
    if (s.title) {
      data[0] = [{ t: 's', v: s.title }];
      ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: maxC } }];
      ws['!rows'] = [{ hpt: 28 }];
    }
    maxC = Math.max(maxC, 0);
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1 + offset), c: maxC } });
    ws['!cols'] = Array.from({ length: maxC + 1 }, (_, c) => ({ wch: Math.min(40, Math.max(6, (widths[c] ?? 0) + 2)) }));
    const name = s.name.slice(0, 31);
    XLSX.utils.book_append_sheet(wb, ws, name);
    if (s.title || s.landscape || s.headerRows !== undefined) {
      const through = offset + headerRows;
      names.push({ Name: '_xlnm.Print_Titles', Sheet: index, Ref: `'${name.replace(/'/g, "''")}'!$1:$${through}` });
      ws['!margins'] = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
      layout.push({ part: `xl/worksheets/sheet${index + 1}.xml`, freezeAt: through, landscape: s.landscape === true });
    }
  });
  if (names.length > 0) wb.Workbook = { Names: names };
  wb.Props = { Title: sheets[0]?.title ?? sheets[0]?.name ?? '', Author: 'tongbao', CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  const parts = workbookParts(wb);
  if (layout.length === 0 && tails.size === 0) return packParts(parts);
  return packParts(editParts(parts, (part, xml) => {
    const rows = tails.get(part);
    const withRows = rows === undefined ? xml : appendRows(xml, rows);
    const l = layout.find((x) => part === x.part);
    return l ? printLayout(withRows, l.freezeAt, l.landscape) : withRows;
  }));
}

/** The sheet XML with `rows` after the rows SheetJS wrote (spliced, not String.replace: rows may hold `$`). */
function appendRows(xml: string, rows: string): string {
  const end = xml.indexOf('</sheetData>');
  if (end >= 0) return xml.slice(0, end) + rows + xml.slice(end);
  const empty = xml.indexOf('<sheetData/>');
  if (empty < 0) throw new Error('worksheet without sheetData');
  return `${xml.slice(0, empty)}<sheetData>${rows}</sheetData>${xml.slice(empty + '<sheetData/>'.length)}`;
}

/** Freezes the rows above `freezeAt + 1` and sets A4 (landscape), fit to one page wide. */
function printLayout(xml: string, freezeAt: number, landscape: boolean): string {
  const pane = `<sheetView workbookViewId="0"><pane ySplit="${freezeAt}" topLeftCell="A${freezeAt + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freezeAt + 1}" sqref="A${freezeAt + 1}"/></sheetView>`;
  let out = xml.replace(/<sheetView workbookViewId="0"\s*\/>/, pane);
  // sheetPr comes first in a worksheet; fitToPage makes fitToWidth/fitToHeight apply.
  out = out.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const setup = `<pageSetup paperSize="9" orientation="${landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
  return /<pageMargins\b[^>]*\/>/.test(out) ? out.replace(/(<pageMargins\b[^>]*\/>)/, `$1${setup}`) : out.replace('</worksheet>', `${setup}</worksheet>`);
}

/** Rewrites the XML parts of an .xlsx that `edit` changes; the rest of the zip is kept. */
export function patchParts(xlsx: Uint8Array, edit: (part: string, xml: string) => string): Uint8Array {
  return packParts(editParts(Object.entries(unzipSync(xlsx)), edit));
}

/** The parts with every XML part passed through `edit`. */
function editParts(parts: Parts, edit: (part: string, xml: string) => string): Parts {
  return parts.map(([part, bytes]) => {
    if (!part.endsWith('.xml')) return [part, bytes];
    const xml = new TextDecoder().decode(bytes);
    const next = edit(part, xml);
    return [part, next === xml ? bytes : new TextEncoder().encode(next)];
  });
}
