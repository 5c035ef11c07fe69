/**
 * Writes tables as .xlsx with SheetJS: text cells are typed as text (never formulas), numbers as
 * numbers, and no timestamps are written, so the same table gives the same bytes.
 */
import * as XLSX from 'xlsx';
import type { TableCell } from './ledger-table.ts';

export function toXlsx(sheets: readonly { name: string; rows: readonly (readonly TableCell[])[] }[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxC = 0;
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        ws[XLSX.utils.encode_cell({ r, c })] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v: String(v) };
        maxC = Math.max(maxC, c);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1), c: maxC } });
    ws['!cols'] = (s.rows[0] ?? []).map((h) => ({ wch: Math.min(40, Math.max(8, String(h ?? '').length * 2 + 2)) }));
    XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
  }
  wb.Props = { Title: sheets[0]?.name ?? '', Author: 'tongbao', CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
