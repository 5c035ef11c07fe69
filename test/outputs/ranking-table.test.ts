/**
 * The rankings download (src/lib/outputs/ranking-table.ts + xlsx.ts), ready to forward: a title
 * naming the period, units by rank per group with the group's 合计 and the city's, rates as real
 * percentages, a unit whose file could not be read not called 未报送; and the workbook as Excel
 * reads it: merged title, 0.0% formats, widths that fit, frozen header, A4 landscape one page wide.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { PeriodModel } from '../../src/lib/model/site-model.ts';
import type { GroupResult, Indicators, UnitResult } from '../../src/lib/model/types.ts';
import { RANKING_HEADER, rankingTable } from '../../src/lib/outputs/ranking-table.ts';
import { toXlsx } from '../../src/lib/outputs/xlsx.ts';

const base: Indicators = { projects: 3, reserveProjects: 0, contractAmount: 30000, fundsInPlace: 12000, fundsTarget: 40000, fundsCompletion: 0.3, fundsYoY: null, foreignCapital: 0, largeProjects: 0, aheadPoints: -3.3333333333333335, targets: {} };
function unit(over: Partial<UnitResult>): UnitResult {
  return { ...base, code: 'A01', name: '平原县', group: '县区', submitted: true, rank: 1, rankChange: null, light: 'yellow', lightLabel: '黄灯', files: [], ...over };
}
const group = (name: string, over: Partial<GroupResult> = {}): GroupResult => ({ ...base, name, units: 2, submittedUnits: 2, ...over });
function period(units: UnitResult[], groups: GroupResult[] = []): PeriodModel {
  return { period: '2026-04', units, groups, totals: { ...base, fundsInPlace: 99000, fundsCompletion: 0.5, aheadPoints: 16.7, units: 14, submittedUnits: 13, startedProjects: 0 } } as unknown as PeriodModel;
}
const body = (rows: readonly (readonly unknown[])[]) => rows.slice(1);

describe('rankingTable', () => {
  it('stacks the groups in the order given, each followed by its 合计, then the city total', () => {
    const [sheet] = rankingTable(period([unit({ code: 'B01', name: '经开区', group: '开发区' }), unit({})], [group('县区'), group('开发区', { fundsInPlace: 5000 })]), ['县区', '开发区', '市直部门']);
    expect(sheet!.title).toBe('2026年1-4月各单位招商引资排名');
    expect(sheet!.rows[0]).toEqual([...RANKING_HEADER]);
    expect(body(sheet!.rows).map((r) => r[2])).toEqual(['平原县', '县区合计', '经开区', '开发区合计', '全市合计']);
    expect(body(sheet!.rows).find((r) => r[2] === '开发区合计')!.slice(3, 6)).toEqual([3, 30000, 5000]);
    expect(sheet!.rows.at(-1)).toEqual([null, null, '全市合计', 3, 30000, 99000, 40000, 0.5, 0.167, null, null, '13/14个单位已报送']);
  });

  it('orders by rank, ties together, unrankable units last in the period’s order', () => {
    const units = [
      unit({ name: 'N1', rank: null, fundsCompletion: null }), unit({ name: 'R3', rank: 3 }), unit({ name: 'R1', rank: 1 }),
      unit({ name: 'N2', rank: null, fundsCompletion: null }), unit({ name: 'R1b', rank: 1 }),
    ];
    const [sheet] = rankingTable(period(units), ['县区']);
    expect(body(sheet!.rows).slice(0, 5).map((r) => [r[0], r[2]])).toEqual([[1, 'R1'], [1, 'R1b'], [3, 'R3'], [null, 'N1'], [null, 'N2']]);
  });

  it('writes each figure under its header: change as an arrow, rates as fractions for a % format, nulls left empty', () => {
    const [sheet] = rankingTable(period([
      unit({ rank: 2, rankChange: 3, fundsCompletion: 0.123456, aheadPoints: -20.04999, fundsYoY: -0.0123456, lightLabel: '红灯' }),
      unit({ code: 'A02', name: '东山县', rank: 4, rankChange: -1, fundsTarget: null, fundsCompletion: null, aheadPoints: null, fundsYoY: null, light: null, lightLabel: '无目标' }),
      unit({ code: 'A03', name: '西河区', rank: 5, rankChange: 0 }),
    ]), ['县区']);
    expect(sheet!.rows[1]).toEqual([2, '↑3', '平原县', 3, 30000, 12000, 40000, 0.1235, -0.2, -0.0123, '红灯', '已报送']);
    expect(sheet!.rows[2]).toEqual([4, '↓1', '东山县', 3, 30000, 12000, null, null, null, null, '无目标', '已报送']);
    expect(sheet!.rows[3]!.slice(0, 2)).toEqual([5, '→']);
  });

  it('says 未报送 for a unit that sent nothing and 文件无法读取 for one whose file could not be read', () => {
    const [sheet] = rankingTable(period([
      unit({ code: 'A02', name: '东山县', submitted: false, rank: null }),
      unit({ code: 'A03', name: '西河区', submitted: false, rank: null, unreadable: ['returns/2026-04/西河区.xlsx'] }),
    ]), ['县区']);
    expect(body(sheet!.rows).slice(0, 2).map((r) => [r[2], r[1], r[11]])).toEqual([['东山县', '—', '未报送'], ['西河区', '—', '文件无法读取']]);
  });
});

describe('rankings.xlsx as Excel reads it', () => {
  const many = Array.from({ length: 40 }, (_, i) => unit({ code: `U${i}`, name: i === 7 ? '示例高新技术产业开发区管理委员会' : `单位${i}`, rank: i + 1, fundsCompletion: 0.123456 }));
  const bytes = toXlsx(rankingTable(period(many, [group('县区')]), ['县区']));
  const wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
  const ws = wb.Sheets['排名']!;
  const xml = (part: string) => {
    const zip = XLSX.CFB.read(bytes, { type: 'array' });
    const i = zip.FullPaths.findIndex((p: string) => p.endsWith(part));
    return new TextDecoder().decode(zip.FileIndex[i]!.content as Uint8Array);
  };

  it('has the title in A1 merged across the table and the header in row 2', () => {
    expect(ws['A1'].v).toBe('2026年1-4月各单位招商引资排名');
    expect(ws['!merges']).toEqual([XLSX.utils.decode_range('A1:L1')]);
    expect(['A2', 'H2', 'I2'].map((a) => ws[a].v)).toEqual(['排名', '完成率', '超欠序时进度']);
  });

  it('shows completion and progress as percentages with one decimal', () => {
    expect(ws['H3']).toMatchObject({ t: 'n', v: 0.1235, w: '12.4%' });
    expect(ws['I3']).toMatchObject({ t: 'n', v: -0.033, w: '-3.3%' });
    expect(ws['F3']).toMatchObject({ t: 'n', v: 12000, w: '12,000' });
  });

  it('makes the unit column as wide as its longest name', () => {
    // 16 CJK characters = 32 character widths, plus a margin.
    expect(ws['!cols']![2]!.wch).toBeGreaterThanOrEqual(32);
    expect(ws['!cols']![0]!.wch).toBeLessThan(10);
  });

  it('freezes title and header, repeats them on every printed page, A4 landscape one page wide', () => {
    const sheet = xml('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"\/>/);
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(sheet).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(wb.Workbook?.Names).toEqual([expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: "'排名'!$1:$2" })]);
  });

  it('gives the same bytes for the same table', () => {
    expect(Buffer.from(toXlsx(rankingTable(period(many, [group('县区')]), ['县区']))).equals(Buffer.from(bytes))).toBe(true);
  });
});
