/**
 * A download's bytes depend only on its table: not on which workbooks the same process read or
 * wrote before it (SheetJS keeps a process-wide table of number formats), so that a rebuild that
 * reuses cached periods writes the same files as a clean build.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { toXlsx, type SheetSpec } from '../../src/lib/outputs/xlsx.ts';
import type { TableCell } from '../../src/lib/outputs/ledger-table.ts';

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

  // Every kind of text and number a ledger may hold, in a ledger-shaped table.
  const awkward: TableCell[] = [
    '甲', '', ' leading', 'trailing ', '\u3000全角空格', 'tab\there', 'line\nbreak', 'cr\r\nlf', '<b>&"quoted"\'</b>', '=HYPERLINK("x")',
    '$& $1 $$', 'ctrl\u0001\u001f', 'nbsp\u00a0', '😀 outside the BMP', 'x'.repeat(300), 0, -0, 12.5, -3, 1e21, 1e-7, 123456789012, NaN, Infinity, -Infinity, null,
  ];
  const ledger = (rows: number): TableCell[][] => [
    ['单位编码', '项目名称', '金额', '备注'],
    ...Array.from({ length: rows }, (_, r) => [r % 7 === 0 ? null : `A${r}`, awkward[r % awkward.length]!, awkward[(r * 7 + 3) % awkward.length]!, r % 5 === 0 ? null : awkward[(r * 3 + 1) % awkward.length]!]),
  ];
  const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes));

  it('writes the rows below the header as SheetJS writes them: the same parts, byte for byte', () => {
    const cases: SheetSpec[][] = [
      [{ name: '项目台账', rows: ledger(200) }],
      [{ name: '台账', rows: [...ledger(60), [null, null], ['only first']] }, { name: '第二张', rows: ledger(30).map((r) => r.slice(1)) }],
      [{ name: '标题', title: '2026年1-9月项目台账', headerRows: 2, rows: [['单位', '项目'], ['编码', '名称'], ...ledger(40).slice(1)] }],
      [{ name: '只有表头', rows: [['项目名称', '金额']] }],
    ];
    for (const sheets of cases) {
      const ours = parts(toXlsx(sheets));
      const theirs = parts(toXlsx(sheets, { sheetJSRows: true }));
      expect(ours.map(([p]) => p)).toEqual(theirs.map(([p]) => p));
      for (const [i, [part, bytes]] of ours.entries()) expect(Buffer.from(bytes).equals(Buffer.from(theirs[i]![1])), part).toBe(true);
    }
    // A text over Excel's limit fails alike.
    const long = [{ name: 'x', rows: [['备注'], ['长'.repeat(32768)]] }];
    expect(() => toXlsx(long)).toThrow(/32767/);
    expect(() => toXlsx(long, { sheetJSRows: true })).toThrow(/32767/);
  });

  it('reads back every row written below the header, in place', () => {
    const rows = ledger(100);
    const wb = XLSX.read(toXlsx([{ name: '项目台账', rows }]), { dense: true });
    const back = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['项目台账']!, { header: 1, raw: true, defval: null, blankrows: true });
    expect(back).toHaveLength(rows.length);
    expect(back[57]![1]).toBe(rows[57]![1] === null ? null : rows[57]![1]);
    const texts = rows.flat().filter((v): v is string => typeof v === 'string');
    const readTexts = back.flat().filter((v): v is string => typeof v === 'string');
    expect(readTexts.map((t) => t.replace(/\r\n/g, '\n'))).toEqual(texts.map((t) => t.replace(/\r\n/g, '\n')));
  });
});

