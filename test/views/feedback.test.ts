/**
 * 退回修改 and 催报 (views/feedback.ts, views/chase.ts, outputs/feedback.ts): each unit gets its own
 * problems only, with file, cell, project, value found and what to do; the workbook reads back as
 * written; a public build holds back a list that quotes a phone number; the 催报 list names the
 * missing units, with last month's 填报人 in internal builds only.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { issue } from '../../src/lib/model/issues.ts';
import { feedbackWorkbook } from '../../src/lib/outputs/feedback.ts';
import { chaseList } from '../../src/lib/views/chase.ts';
import { FEEDBACK_HEADER, feedbackFile, feedbackList } from '../../src/lib/views/feedback.ts';
import { project } from '../helpers/project.ts';
import { period, siteOf, unit } from './fixtures.ts';

const at = (file: string, row: number, cell: string) => ({ file, sheet: '台账', row, cell });
const april = period({
  units: [
    unit('A01', '平原县', '县区', 0.5, { files: ['returns/2026-04/平原县.xlsx'] }),
    unit('A02', '东山县', '县区', null, { submitted: false, files: [], unreadable: ['returns/2026-04/东山县.xlsx'] }),
    unit('A03', '西河县', '县区', null, { submitted: false, files: [] }),
    unit('A04', '南湖区', '县区', 0.4, { files: ['returns/2026-04/南湖区.xlsx'] }),
  ],
  issues: [
    issue({ kind: 'funds-above-contract', message: '累计到位资金14160万元超过合同引资额12000万元，请核实', at: at('returns/2026-04/平原县.xlsx', 7, 'M7'), unit: 'A01', project: { name: '电商产业园', code: 'A01-005' }, value: '14160' }),
    issue({ kind: 'not-a-number', message: '“累计到位资金”无法识别，该值未计入', at: at('returns/2026-04/平原县.xlsx', 9, 'M9'), unit: 'A01', project: '物流园', value: '约3000万' }),
    issue({ kind: 'unreadable', message: '文件损坏', at: { file: 'returns/2026-04/东山县.xlsx' } }),
    issue({ kind: 'missing-stage', message: '没有填写项目阶段，联系人13900001111', at: at('returns/2026-04/南湖区.xlsx', 4, 'J4'), unit: 'A04', project: '甲' }),
  ],
});

describe('feedback', () => {
  it('lists each unit with problems, its own problems only, errors first', () => {
    const list = feedbackList({ audience: 'internal' }, april);
    expect(list.map((f) => [f.code, f.file, f.errors, f.warnings])).toEqual([
      ['A01', 'feedback/A01.xlsx', 1, 1], ['A02', 'feedback/A02.xlsx', 1, 0], ['A04', 'feedback/A04.xlsx', 0, 1],
    ]);
    const a01 = list[0]!;
    expect(a01.title).toBe('平原县2026年1-4月招商引资台账退回修改清单');
    expect(a01.rows[0]).toEqual([1, '错误', '金额不是数字', '平原县.xlsx', '台账', 'M9', '物流园', '', '约3000万', '“累计到位资金”无法识别，该值未计入', expect.any(String)]);
    expect(a01.rows[1]!.slice(2, 9)).toEqual(['到位资金超过合同额', '平原县.xlsx', '台账', 'M7', '电商产业园', 'A01-005', '14160']);
  });

  it('keeps a list that quotes a phone number out of a public build', () => {
    expect(feedbackList({ audience: 'public' }, april).map((f) => f.code)).toEqual(['A01', 'A02']);
  });

  it('names the file from the code, never from free text', () => {
    expect(feedbackFile('甲01')).toMatch(/^feedback\/x[0-9a-f]+\.xlsx$/);
  });

  it('writes a workbook that reads back with the title, the header and every row', () => {
    const f = feedbackList({ audience: 'internal' }, april)[0]!;
    const wb = XLSX.read(feedbackWorkbook(f), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['退回修改']!, { header: 1, defval: null });
    expect(rows[0]![0]).toBe(f.title);
    expect(rows[1]).toEqual([...FEEDBACK_HEADER]);
    expect(rows.slice(2).map((r) => r[8])).toEqual(['约3000万', '14160']);
  });
});

describe('催报', () => {
  const march = period({ period: '2026-03', projects: [
    project({ unit: 'A03', internal: { leader: '赵', contact: '钱七', phone: '13800000001', filler: '钱七' } }),
    project({ unit: 'A03', internal: { leader: '赵', contact: '孙八', phone: '13800000002', filler: '钱七' } }),
  ] });

  it('names the missing units and says why, with a text to paste', () => {
    const c = chaseList({ ...siteOf([march, april]), audience: 'internal' }, april)!;
    expect(c.rows.map((r) => [r.name, r.status, r.contact])).toEqual([['东山县', '报送文件无法读取', null], ['西河县', '未报送', '钱七 13800000001']]);
    expect(c.text).toContain('西河县尚未报送');
    expect(c.text).toContain('东山县报送的文件无法读取');
    expect(c.text).toMatch(/^【催报】2026年1-4月招商引资项目台账/);
  });

  it('gives no contacts in a public build, and no list when everyone reported', () => {
    expect(chaseList(siteOf([march, april]), april)!.rows.every((r) => r.contact === null)).toBe(true);
    expect(chaseList(siteOf([march]), period({ units: [unit('A01', '平原县', '县区', 0.5)] }))).toBeNull();
  });
});
