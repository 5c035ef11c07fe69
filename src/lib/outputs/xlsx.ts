/**
 * Writes tables as .xlsx with SheetJS: text cells are typed as text (never formulas), numbers as
 * numbers, and no timestamps are written, so the same table gives the same bytes.
 *
 * A sheet may be laid out for forwarding: a title row across the table, header rows frozen and
 * repeated on every printed page, number formats per column (0.0% for rates), column widths that
 * fit the widest cell, and A4 landscape, one page wide. SheetJS CE writes titles, merges, number
 * formats, widths and print titles itself; the frozen pane and the page setup it cannot write are
 * put into the sheet XML afterwards, through SheetJS's own zip container (patchParts), as the
 * templates' drop-down lists are (outputs/template.ts).
 */
import * as XLSX from 'xlsx';
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

/** XLSX.write with the built-in number formats only, so that the same workbook gives the same bytes. */
export function writeWorkbook(wb: XLSX.WorkBook): Uint8Array {
  (wb as XLSX.WorkBook & { SSF?: Record<number, string> }).SSF = { ...BUILTIN_FORMATS };
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function toXlsx(sheets: readonly SheetSpec[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const names: { Name: string; Sheet: number; Ref: string }[] = [];
  const layout: { part: string; freezeAt: number; landscape: boolean }[] = [];
  sheets.forEach((s, index) => {
    // A dense sheet (rows of cells) rather than one object keyed by A1 address: a 7200-row ledger
    // is 180 000 cells, and a dictionary that large was most of the time spent building it.
    const data: XLSX.CellObject[][] = [];
    const ws = { '!data': data } as XLSX.WorkSheet;
    const offset = s.title ? 1 : 0;
    const headerRows = s.headerRows ?? 1;
    let maxC = Math.max(0, ...s.rows.map((r) => r.length - 1));
    const widths: number[] = [];
    s.rows.forEach((row, r) => {
      const cells: XLSX.CellObject[] = [];
      data[r + offset] = cells;
      row.forEach((v, c) => {
        if (v === null) return;
        const format = r >= headerRows ? s.formats?.[c] : null;
        cells[c] = typeof v === 'number' ? (format ? { t: 'n', v, z: format } : { t: 'n', v }) : { t: 's', v: String(v) };
        const w = textWidth(shown(v, format));
        if (!(w <= widths[c]!)) widths[c] = w;
      });
    });
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
  const bytes = writeWorkbook(wb);
  if (layout.length === 0) return bytes;
  return patchParts(bytes, (part, xml) => {
    const l = layout.find((x) => part.endsWith(x.part));
    return l ? printLayout(xml, l.freezeAt, l.landscape) : xml;
  });
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

type Zip = { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): Zip; write(z: Zip, o: object): Buffer; utils: { cfb_add(z: Zip, p: string, c: Uint8Array): void } } }).CFB;

/** Rewrites the XML parts of an .xlsx that `edit` changes; the rest of the zip is kept. */
export function patchParts(xlsx: Uint8Array, edit: (part: string, xml: string) => string): Uint8Array {
  const zip = CFB.read(xlsx, { type: 'buffer' });
  zip.FullPaths.forEach((path, i) => {
    if (!path.endsWith('.xml')) return;
    const part = path.replace(/^Root Entry\//, '');
    const xml = new TextDecoder().decode(zip.FileIndex[i]!.content);
    const next = edit(part, xml);
    if (next !== xml) CFB.utils.cfb_add(zip, `/${part}`, new TextEncoder().encode(next));
  });
  return new Uint8Array(CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }));
}
