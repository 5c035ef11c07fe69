import { describe, expect, it } from 'vitest';
import { readChains, readTargets, readUnits } from '../src/lib/recognise/registry.ts';
import { csv, gbk, workbook } from './helpers/workbooks.ts';

describe('readUnits', () => {
  it('reads 编码, 名称, 分组, 别名 (; or 、) and 排序, from xlsx or GB18030 CSV', () => {
    const rows = [['单位名册'], ['编码', '名称', '分组', '别名', '排序'], ['B01', '示例经济技术开发区', '开发区', '经开区;示例经开区', 2], ['A01', ' 平原县 ', '县区', '平原、平原县政府', 1]];
    for (const bytes of [workbook([{ name: 'S', rows }]), gbk(csv(rows))]) {
      const { value, issues } = readUnits(bytes, 'units.xlsx');
      expect(issues).toEqual([]);
      expect(value).toEqual([
        { code: 'A01', name: '平原县', group: '县区', aliases: ['平原', '平原县政府'], order: 1 },
        { code: 'B01', name: '示例经济技术开发区', group: '开发区', aliases: ['经开区', '示例经开区'], order: 2 },
      ]);
    }
  });
  it('reports rows without a code, name or group, and duplicate codes', () => {
    const rows = [['编码', '名称', '分组'], ['A01', '平原县', '县区'], ['', '东山县', '县区'], ['A01', '西河区', '县区']];
    const { value, issues } = readUnits(workbook([{ name: 'S', rows }]), 'units.xlsx');
    expect(value.map((u) => u.code)).toEqual(['A01']);
    expect(issues.map((i) => i.cell)).toEqual(['A3', 'A4']);
  });
});

describe('readTargets', () => {
  const units = [
    { code: 'A01', name: '平原县', group: '县区', aliases: ['平原'], order: 1 },
    { code: 'B01', name: '示例经济技术开发区', group: '开发区', aliases: ['经开区'], order: 2 },
  ];
  it('matches units by name, alias or code and reads every indicator column with its unit', () => {
    const rows = [['单位', '到位资金（亿元）', '合同引资额（万元）', '签约项目数', '备注'], ['平原', 10, 200000, 12, ''], ['B01', 5.5, 80000, 6, ''], ['全市', 20, 400000, 30, '']];
    const { value, issues } = readTargets(workbook([{ name: 'S', rows }]), 'targets/2026.xlsx', 2026, units);
    expect(issues).toEqual([]);
    expect(value.rows).toEqual([
      { unit: 'A01', values: { fundsInPlace: 100000, contractAmount: 200000, projects: 12 } },
      { unit: 'B01', values: { fundsInPlace: 55000, contractAmount: 80000, projects: 6 } },
    ]);
    expect(value.city).toEqual({ fundsInPlace: 200000, contractAmount: 400000, projects: 30 });
  });
  it('reports unknown units and unknown columns', () => {
    const rows = [['单位', '到位资金（万元）', '考核分'], ['火星县', 1, 2]];
    const { issues } = readTargets(workbook([{ name: 'S', rows }]), 'targets/2026.xlsx', 2026, units);
    expect(issues.map((i) => [i.kind, i.cell])).toEqual([['unknown-target-column', 'C1'], ['unknown-unit', 'A2']]);
  });
});

describe('readChains', () => {
  it('reads chains with links in order, positions and optional columns', () => {
    const rows = [['产业链', '环节', '层级', '链长', '招商目标企业'], ['新能源汽车', '电池', '上游', '张市长', '甲集团、乙集团'], ['新能源汽车', '整车', '中游', '', ''], ['绿色食品', '种养', '上游', '', '']];
    const { value, issues } = readChains(workbook([{ name: 'S', rows }]), 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(value.map((c) => [c.name, c.slug, c.leader, c.links.map((l) => `${l.position}:${l.name}`)])).toEqual([
      ['新能源汽车', 'chain-1', '张市长', ['上游:电池', '中游:整车']],
      ['绿色食品', 'chain-2', null, ['上游:种养']],
    ]);
    expect(value[0]!.links[0]!.targetCompanies).toEqual(['甲集团', '乙集团']);
  });
});
