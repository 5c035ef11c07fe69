/**
 * The consolidated ledger download (src/lib/outputs/ledger-table.ts): each value under its own
 * header, the internal columns only in an internal build, and a CSV that Excel on a Chinese PC
 * opens as written without running anything typed into a cell.
 */
import { describe, expect, it } from 'vitest';
import { issue } from '../../src/lib/model/issues.ts';
import { ledgerTable, neutralise, toCsv } from '../../src/lib/outputs/ledger-table.ts';
import type { Project, Unit } from '../../src/lib/model/types.ts';
import { project } from '../helpers/project.ts';

const units: Unit[] = [{ code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 }];
const INTERNAL = ['包保领导', '联系人', '联系电话', '填报人'];

/** Every field different, so that a value under the wrong header cannot go unnoticed. */
const full: Project = project({
  unit: 'A01', code: 'P-1', name: '电池项目', investor: '甲公司', investorOrigin: '江苏苏州', industry: '工业', chain: '新能源', link: '电芯制造',
  projectType: '新建', stage: '开工', totalInvestment: 50000, contractAmount: 30000, fundsInPlace: 12000, fundsThisMonth: 800,
  foreignCapital: 120, landArea: 85, signDate: '2026-01-05', startDate: '2026-02-10', productionDate: '2027-06-30', remarks: '重点项目',
  internal: { leader: '张副市长', contact: '李四', phone: '13912345678', filler: '王五' },
  source: { file: 'returns/2026-04/平原县.xlsx', sheet: '台账', row: 7 },
});

const byHeader = (table: ReturnType<typeof ledgerTable>, row = 1) => Object.fromEntries(table[0]!.map((h, i) => [h, table[row]![i]]));

describe('ledgerTable', () => {
  it('puts each field under its own header, with the unit’s name and the row’s source', () => {
    const t = ledgerTable([full], units, 'public');
    expect(byHeader(t)).toEqual({
      单位编码: 'A01', 填报单位: '平原县', 项目编码: 'P-1', 项目名称: '电池项目', 投资方: '甲公司', 投资方所在地: '江苏苏州', 产业类别: '工业',
      所属产业链: '新能源', 产业链环节: '电芯制造', 项目类型: '新建', 项目阶段: '开工', '总投资（万元）': 50000, '合同引资额（万元）': 30000,
      '累计到位资金（万元）': 12000, '本月到位资金（万元）': 800, '实际到位外资（万美元）': 120, '用地面积（亩）': 85,
      签约日期: '2026-01-05', 开工日期: '2026-02-10', 投产日期: '2027-06-30', 备注: '重点项目',
      来源文件: 'returns/2026-04/平原县.xlsx', 工作表: '台账', 行号: 7, 是否计入: '是', 计入说明: null,
    });
  });

  it('says per row whether it is counted, and why not or with what reservation', () => {
    const at = { file: full.source.file, sheet: '台账', row: 8 };
    const rows = [
      full,
      project({ ...full, name: '储备项目', stage: '在谈', source: { ...full.source, row: 8 } }),
      project({ ...full, name: '金额有误', fundsInPlace: null, invalid: ['fundsInPlace'], source: { ...full.source, row: 9 } }),
    ];
    const found = [
      issue({ kind: 'cross-unit-duplicate', message: '与东山县“电池项目”重复', at }),
      issue({ kind: 'cross-unit-duplicate', message: '另一文件同一行号', at: { ...at, file: 'returns/2026-04/东山县.xlsx' } }),
    ];
    const t = ledgerTable(rows, units, 'public', found);
    expect([1, 2, 3].map((r) => [byHeader(t, r)['是否计入'], byHeader(t, r)['计入说明']])).toEqual([
      ['是', null],
      ['否', '项目阶段为“在谈”，作为储备项目单列，不计入项目个数和金额；与东山县“电池项目”重复'],
      ['是', '累计到位资金（万元）无法识别，按空值计'],
    ]);
  });

  it('leaves the internal columns out of a public build and puts them last in an internal one', () => {
    const pub = ledgerTable([full], units, 'public');
    for (const h of INTERNAL) expect(pub[0]).not.toContain(h);
    expect(pub.flat()).not.toContain('13912345678');
    const internal = ledgerTable([full], units, 'internal');
    expect(internal[0]!.slice(0, pub[0]!.length)).toEqual(pub[0]);
    expect(internal[0]!.slice(-4)).toEqual(INTERNAL);
    expect(byHeader(internal)).toMatchObject({ 包保领导: '张副市长', 联系人: '李四', 联系电话: '13912345678', 填报人: '王五' });
  });

  it('keeps the projects’ order, empty cells as null, and a unit missing from the registry by its code', () => {
    const bare = project({ unit: 'Z99', name: '未知单位项目', stage: null, source: { file: 'f.csv', sheet: 'f', row: 2 } });
    const t = ledgerTable([full, bare], units, 'internal');
    expect(t).toHaveLength(3);
    for (const r of t) expect(r).toHaveLength(t[0]!.length);
    expect(t.slice(1).map((r) => r[3])).toEqual(['电池项目', '未知单位项目']);
    expect(byHeader(t, 2)).toMatchObject({ 单位编码: 'Z99', 填报单位: 'Z99', 项目编码: null, 项目阶段: null, '累计到位资金（万元）': null, 联系电话: null });
    expect(ledgerTable([], units, 'public')).toHaveLength(1);
  });
});

describe('neutralise', () => {
  it('prefixes text a spreadsheet would run as a formula, and only that', () => {
    for (const t of ['=1+1', '+8613912345678', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(t), JSON.stringify(t)).toBe(`'${t}`);
    for (const t of ['电池项目', '1-2月', 'a=b', ' =1', '', "'已转义"]) expect(neutralise(t), JSON.stringify(t)).toBe(t);
  });
});

describe('toCsv', () => {
  it('writes a UTF-8 BOM, CRLF line ends, empty cells for null and numbers as written', () => {
    expect(toCsv([['单位', '金额', '备注'], ['平原县', 1234.5, null], ['东山县', 0, '']])).toBe('\ufeff单位,金额,备注\r\n平原县,1234.5,\r\n东山县,0,\r\n');
  });

  it('quotes commas, quotes and line breaks, after neutralising formulas', () => {
    expect(toCsv([['甲,乙', 'say "hi"', '第一行\n第二行', '=HYPERLINK("http://x","点")', -5]]))
      .toBe('\ufeff"甲,乙","say ""hi""","第一行\n第二行","\'=HYPERLINK(""http://x"",""点"")",-5\r\n');
  });
});
