/**
 * The privacy check of test/e2e.test.ts reads .xlsx downloads through test/helpers/xlsx-scan.ts.
 * These tests show that check can fail: workbooks built here with a phone number or a 包保领导's
 * name in a cell are caught, wherever the cell is, and whether it holds text or a number.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../src/lib/outputs/xlsx.ts';
import { findInWorkbook, workbookTexts } from './helpers/xlsx-scan.ts';

const PHONE = '13912345678';
const LEADER = '赵德明';

describe('findInWorkbook(buf, needles)', () => {
  it('finds a phone number in a cell of a downloadable table, which the raw bytes hide', () => {
    const buf = toXlsx([
      { name: '汇总', rows: [['单位', '到位资金'], ['平原县', 120]] },
      { name: '台账', rows: [['项目名称', '备注'], ['电池项目', `联系人电话${PHONE}`]] },
    ]);
    // The reason for the helper: deflated, the number is not in the file's bytes.
    expect(Buffer.from(buf).toString('latin1').includes(PHONE)).toBe(false);
    expect(findInWorkbook(buf, [PHONE, LEADER])).toEqual([`${PHONE} at 台账!B2`]);
  });

  it('finds a number typed as a number, a name in a second sheet, in a comment, and in a sheet name', () => {
    const wb = XLSX.utils.book_new();
    const a = XLSX.utils.aoa_to_sheet([['联系电话'], [Number(PHONE)]]);
    const b = XLSX.utils.aoa_to_sheet([['项目', '包保领导'], ['电池项目', LEADER], ['电机项目', '见批注']]);
    b['B3']!.c = [{ a: 'x', t: `请${LEADER}审核` }];
    XLSX.utils.book_append_sheet(wb, a, '表一');
    XLSX.utils.book_append_sheet(wb, b, '表二');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['']]), `${LEADER}专用`);
    const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    expect(findInWorkbook(buf, [PHONE])).toEqual([`${PHONE} at 表一!A2`]);
    expect(findInWorkbook(buf, [LEADER])).toEqual([`${LEADER} at 表二!B2`, `${LEADER} at 表二!B3 comment`, `${LEADER} at sheet name ${LEADER}专用`]);
  });

  it('finds nothing in a clean workbook, and reads every cell of it', () => {
    const buf = toXlsx([{ name: '汇总', rows: [['单位', '到位资金'], ['平原县', 120], ['东山县', 80.5]] }]);
    expect(findInWorkbook(buf, [PHONE, LEADER])).toEqual([]);
    expect(workbookTexts(buf).map((t) => t.text)).toEqual(expect.arrayContaining(['汇总', '单位', '到位资金', '平原县', '120', '东山县', '80.5']));
  });
});
