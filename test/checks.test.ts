import { describe, expect, it } from 'vitest';
import { checkProjects, sameProjectName } from '../src/lib/checks/projects.ts';
import { DEFAULT_CONFIG } from '../src/lib/model/config.ts';
import type { Project } from '../src/lib/model/types.ts';
import { project } from './helpers/project.ts';

const COLS: Record<string, string> = { fundsInPlace: 'I', contractAmount: 'H', stage: 'F', signDate: 'J', startDate: 'K', productionDate: 'L' };
function run(projects: Project[], previous: Project[] | null = null, period = '2026-04') {
  return checkProjects({
    period, projects, previous, thresholds: DEFAULT_CONFIG.checks, unitName: (c) => ({ A01: '平原县', C01: '市商务局' })[c] ?? c,
    cellOf: (p, field) => (COLS[field] ? `${COLS[field]}${p.source.row}` : null),
  });
}
const at = (row: number, over: Partial<Project>) => project({ source: { file: 'returns/2026-04/平原县.xlsx', sheet: '台账', row }, ...over });

describe('checkProjects', () => {
  it('flags funds above the contract and the contract above total investment, at the cell', () => {
    const issues = run([at(5, { code: 'P1', contractAmount: 100, fundsInPlace: 150, totalInvestment: 90 })]);
    expect(issues.find((i) => i.kind === 'funds-above-contract')).toMatchObject({ severity: 'warning', cell: 'I5', row: 5, unit: 'A01', projectCode: 'P1', file: 'returns/2026-04/平原县.xlsx', sheet: '台账' });
    expect(issues.find((i) => i.kind === 'contract-above-total')).toMatchObject({ cell: 'H5' });
  });

  it('flags dates after the end of the period, not dates inside it', () => {
    const issues = run([at(3, { signDate: '2026-04-30', startDate: '2026-05-01' }), at(4, { productionDate: '2026-05' })]);
    expect(issues.filter((i) => i.kind === 'date-after-period').map((i) => i.cell)).toEqual(['K3', 'L4']);
  });

  it('flags cumulative funds lower than last month, matched by code', () => {
    const before = [at(2, { code: 'P1', name: '旧名称', fundsInPlace: 500 })];
    const issues = run([at(2, { code: 'P1', name: '新名称', fundsInPlace: 400 })], before);
    expect(issues.find((i) => i.kind === 'funds-decrease')).toMatchObject({ severity: 'error', cell: 'I2' });
  });

  it('matches projects without a code by name and investor', () => {
    const before = [at(2, { name: '电池项目', investor: '甲公司', fundsInPlace: 500 })];
    expect(run([at(7, { name: '电池项目', investor: '甲公司', fundsInPlace: 300 })], before).some((i) => i.kind === 'funds-decrease')).toBe(true);
    expect(run([at(7, { name: '电池项目', investor: '乙公司', fundsInPlace: 300 })], before).some((i) => i.kind === 'funds-decrease')).toBe(false);
  });

  it('matches a project that gained or changed its code this month by name and investor', () => {
    const before = [at(2, { code: null, name: '电池项目', investor: '甲公司', fundsInPlace: 500 }), at(3, { code: 'OLD', name: '电机项目', investor: '乙公司', fundsInPlace: 500 })];
    const issues = run([at(7, { code: 'P7', name: '电池项目', investor: '甲公司', fundsInPlace: 300 }), at(8, { code: 'NEW', name: '电机 项目', investor: '乙公司', fundsInPlace: 300 })], before);
    expect(issues.filter((i) => i.kind === 'funds-decrease').map((i) => i.row)).toEqual([7, 8]);
  });

  it('flags a ×10000 jump as 元 typed into a 万元 column, and a large jump as implausible', () => {
    const before = [at(2, { code: 'P1', fundsInPlace: 12 }), at(3, { code: 'P2', fundsInPlace: 1000 })];
    const issues = run([at(2, { code: 'P1', fundsInPlace: 120000 }), at(3, { code: 'P2', fundsInPlace: 50000 })], before);
    expect(issues.find((i) => i.kind === 'unit-slip')).toMatchObject({ severity: 'error', projectCode: 'P1' });
    expect(issues.find((i) => i.kind === 'funds-jump')).toMatchObject({ severity: 'warning', projectCode: 'P2' });
  });

  it('flags funds a thousand times the contract as 元 typed into a 万元 column', () => {
    const issues = run([at(4, { code: 'P9', contractAmount: 500, fundsInPlace: 3_000_000 })]);
    expect(issues.find((i) => i.kind === 'unit-slip')).toMatchObject({ severity: 'error', cell: 'I4' });
    expect(issues.some((i) => i.kind === 'funds-above-contract')).toBe(false);
  });

  it('flags stages going backwards', () => {
    const issues = run([at(2, { code: 'P1', stage: '签约' })], [at(2, { code: 'P1', stage: '开工' })]);
    expect(issues.find((i) => i.kind === 'stage-backwards')).toMatchObject({ cell: 'F2' });
  });

  it('flags the same project reported by two units (same investor, matching name)', () => {
    const issues = run([
      at(2, { unit: 'A01', name: '凯瀚智能终端产业园项目', investor: '凯瀚科技有限公司' }),
      project({ unit: 'C01', name: '凯瀚智能终端产业园（一期）', investor: '凯瀚科技有限公司', source: { file: 'returns/2026-04/市直.xlsx', sheet: '市商务局', row: 9 } }),
      project({ unit: 'C01', name: '另一个项目', investor: '凯瀚科技有限公司', source: { file: 'returns/2026-04/市直.xlsx', sheet: '市商务局', row: 10 } }),
    ]);
    const dup = issues.filter((i) => i.kind === 'cross-unit-duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ unit: 'C01', sheet: '市商务局', row: 9 });
    expect(dup[0]!.message).toContain('平原县');
  });

  it('flags the same project twice in one unit as an error', () => {
    const issues = run([at(2, { code: 'P1' }), at(3, { code: 'P1' })]);
    expect(issues.find((i) => i.kind === 'duplicate-row')).toMatchObject({ severity: 'error', row: 3 });
  });

  it('flags 在谈 rows with funds and rows without a stage', () => {
    const issues = run([at(2, { name: '甲', stage: '在谈', fundsInPlace: 10 }), at(3, { name: '乙', stage: null, fundsInPlace: 1 })]);
    expect(issues.map((i) => i.kind).sort()).toEqual(['missing-stage', 'reserve-with-funds']);
  });

  it('sameProjectName(a, b) ignores 项目 and 一期 but not different projects', () => {
    expect(sameProjectName('凯瀚智能终端产业园项目', '凯瀚智能终端产业园（一期）')).toBe(true);
    expect(sameProjectName('电池项目', '电池材料项目')).toBe(false);
  });
});

describe('maskPhones', () => {
  it('hides mobile and landline numbers typed into free text, and nothing else', async () => {
    const { maskPhones } = await import('../src/lib/pipeline.ts');
    expect(maskPhones('联系人张三13900001111，座机0371-12345678')).toBe('联系人张三（电话已隐去），座机（电话已隐去）');
    expect(maskPhones('总投资12000万元，2026年3月')).toBe('总投资12000万元，2026年3月');
    expect(maskPhones(null)).toBeNull();
  });
});
