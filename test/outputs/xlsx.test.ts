/**
 * A download's bytes depend only on its table: not on which workbooks the same process read or
 * wrote before it (SheetJS keeps a process-wide table of number formats), so that a rebuild that
 * reuses cached periods writes the same files as a clean build.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/lib/outputs/xlsx.ts';

const plain = [{ name: '项目', rows: [['项目名称', '金额'], ['甲', 12]] }];

describe('toXlsx', () => {
  it('gives the same bytes before and after other workbooks with their own number formats', () => {
    const before = toXlsx(plain);
    toXlsx([{ name: '排名', rows: [['完成率'], [0.5]], formats: ['0.0%'] }]);
    const foreign = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(foreign, XLSX.utils.aoa_to_sheet([[{ t: 'n', v: 1, z: '0.000"万元"' }]]), 'x');
    XLSX.read(XLSX.write(foreign, { type: 'buffer', bookType: 'xlsx' }));
    const after = toXlsx(plain);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it('keeps a sheet’s own number formats', () => {
    const wb = XLSX.read(toXlsx([{ name: '排名', rows: [['完成率'], [0.5]], formats: ['0.0%'] }]), { cellNF: true });
    expect(wb.Sheets['排名']!['A2']!.z).toBe('0.0%');
  });
});
