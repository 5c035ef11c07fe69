/**
 * The rankings download (src/lib/outputs/ranking-table.ts): one sheet per group in the configured
 * order, units by rank with the unrankable last, ratios rounded for display but never nudged, and
 * a unit whose file could not be read not called 未报送.
 */
import { describe, expect, it } from 'vitest';
import type { PeriodModel } from '../../src/lib/model/site-model.ts';
import type { UnitResult } from '../../src/lib/model/types.ts';
import { rankingTable } from '../../src/lib/outputs/ranking-table.ts';

const HEADER = ['排名', '排名变化', '单位编码', '单位', '项目个数', '合同引资额（万元）', '到位资金（万元）', '年度目标（万元）', '完成率', '超欠序时进度（百分点）', '同比', '亮灯', '报送情况'];

function unit(over: Partial<UnitResult>): UnitResult {
  return {
    code: 'A01', name: '平原县', group: '县区', submitted: true, projects: 3, reserveProjects: 0, contractAmount: 30000, fundsInPlace: 12000,
    fundsTarget: 40000, fundsCompletion: 0.3, fundsYoY: null, foreignCapital: 0, largeProjects: 0, aheadPoints: -3.3333333333333335, targets: {},
    rank: 1, rankChange: null, light: 'yellow', lightLabel: '黄灯', files: [], ...over,
  };
}
/** Only `units` is read; the rest of the period does not matter here. */
const period = (units: UnitResult[]) => ({ units } as unknown as PeriodModel);

describe('rankingTable', () => {
  it('makes one sheet per group, in the order given, each with the header (an empty group too)', () => {
    const sheets = rankingTable(period([unit({ code: 'B01', group: '开发区' }), unit({})]), ['县区', '开发区', '市直部门']);
    expect(sheets.map((s) => s.name)).toEqual(['县区', '开发区', '市直部门']);
    for (const s of sheets) expect(s.rows[0]).toEqual(HEADER);
    expect(sheets.map((s) => s.rows.slice(1).map((r) => r[2]))).toEqual([['A01'], ['B01'], []]);
  });

  it('orders by rank, ties together, unrankable units last in the period’s order', () => {
    const units = [
      unit({ code: 'N1', rank: null, fundsCompletion: null }), unit({ code: 'R3', rank: 3 }), unit({ code: 'R1', rank: 1 }),
      unit({ code: 'N2', rank: null, fundsCompletion: null }), unit({ code: 'R1b', rank: 1 }),
    ];
    const [sheet] = rankingTable(period(units), ['县区']);
    expect(sheet!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([[1, 'R1'], [1, 'R1b'], [3, 'R3'], [null, 'N1'], [null, 'N2']]);
  });

  it('writes each figure under its header: change as an arrow, ratios rounded, nulls left empty', () => {
    const [sheet] = rankingTable(period([
      unit({ rank: 2, rankChange: 3, fundsCompletion: 0.123456, aheadPoints: -20.04999, fundsYoY: -0.0123456, lightLabel: '红灯' }),
      unit({ code: 'A02', name: '东山县', rank: 4, rankChange: -1, fundsTarget: null, fundsCompletion: null, aheadPoints: null, fundsYoY: null, light: null, lightLabel: '无目标' }),
      unit({ code: 'A03', name: '西河区', rank: 5, rankChange: 0 }),
    ]), ['县区']);
    expect(sheet!.rows[1]).toEqual([2, '↑3', 'A01', '平原县', 3, 30000, 12000, 40000, 0.1235, -20, -0.0123, '红灯', '已报送']);
    expect(sheet!.rows[2]).toEqual([4, '↓1', 'A02', '东山县', 3, 30000, 12000, null, null, null, null, '无目标', '已报送']);
    expect(sheet!.rows[3]!.slice(0, 2)).toEqual([5, '→']);
  });

  it('says 未报送 for a unit that sent nothing and 文件无法读取 for one whose file could not be read', () => {
    const [sheet] = rankingTable(period([
      unit({ code: 'A02', submitted: false, rank: null }),
      unit({ code: 'A03', submitted: false, rank: null, unreadable: ['returns/2026-04/西河区.xlsx'] }),
    ]), ['县区']);
    expect(sheet!.rows.slice(1).map((r) => [r[2], r[1], r[12]])).toEqual([['A02', '—', '未报送'], ['A03', '—', '文件无法读取']]);
  });
});
