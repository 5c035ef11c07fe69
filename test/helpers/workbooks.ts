/**
 * Fixture workbooks generated in code: each test builds exactly the quirk it is about.
 */
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

XLSX.set_cptable(cptable);

export type Aoa = (string | number | boolean | null)[][];
export interface SheetSpec { name: string; rows: Aoa; merges?: string[] }

/** A workbook as bytes; `bookType` 'xlsx' (default), 'biff8' (.xls) or 'xlsb'. */
export function workbook(sheets: SheetSpec[], bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  const out = XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
  return new Uint8Array(out);
}

export function csv(rows: Aoa, sep = ','): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(sep)).join('\r\n') + '\r\n';
}

/** GB18030/GBK bytes, as Chinese Excel saves CSV. */
export function gbk(text: string): Uint8Array {
  const cp = cptable as unknown as { utils: { encode(cp: number, text: string): ArrayLike<number> } };
  return Uint8Array.from(cp.utils.encode(936, text));
}

/** Excel's "Unicode text": UTF-16LE with BOM, tab-separated. */
export function utf16(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

export function htmlTable(rows: Aoa): Uint8Array {
  const cells = rows.map((r) => `<tr>${r.map((v) => `<td>${v ?? ''}</td>`).join('')}</tr>`).join('\n');
  return new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body><table border="1">${cells}</table></body></html>`);
}

export function put(dir: string, rel: string, data: Uint8Array | string): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, data);
}

export const UNITS: Aoa = [
  ['编码', '名称', '分组', '别名', '排序'],
  ['A01', '平原县', '县区', '平原', 1],
  ['A02', '东山县', '县区', '', 2],
  ['A03', '西河区', '县区', '', 3],
  ['B01', '示例经济技术开发区', '开发区', '经开区;示例经开区', 4],
  ['B02', '高新技术产业开发区', '开发区', '高新区', 5],
  ['C01', '市商务局', '市直部门', '', 6],
];

export const HEADER = ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '签约日期', '联系电话'];
