import { describe, expect, it } from 'vitest';
import { keyProjects, monthBefore, projectKey } from '../../src/lib/views/key-projects.ts';
import { project } from '../helpers/project.ts';

describe('keyProjects(current, previous)', () => {
  it('projectKey(p) uses the code, else name and investor, ignoring stray spaces and full-width forms', () => {
    expect(projectKey(project({ code: 'A01-1', name: '甲' }))).toBe(projectKey(project({ code: 'A01-1', name: '乙' })));
    expect(projectKey(project({ name: '甲 项目', investor: 'ＡＢ公司' }))).toBe(projectKey(project({ name: '甲项目', investor: 'AB公司' })));
    expect(projectKey(project({ name: '甲', unit: 'A01' }))).not.toBe(projectKey(project({ name: '甲', unit: 'A02' })));
  });

  it('finds 亿元以上 projects new since last month, started or in production this month', () => {
    const prev = [
      project({ code: 'P1', name: '老项目', stage: '开工', totalInvestment: 50000 }),
      project({ code: 'P2', name: '开工了', stage: '签约', totalInvestment: 20000 }),
      project({ code: 'P3', name: '投产了', stage: '开工', totalInvestment: 12000 }),
      project({ code: 'P4', name: '储备转签约', stage: '在谈', totalInvestment: 10000 }),
    ];
    const now = [
      ...prev.slice(0, 1),
      project({ code: 'P2', name: '开工了', stage: '开工', totalInvestment: 20000 }),
      project({ code: 'P3', name: '投产了', stage: '投产', totalInvestment: 12000 }),
      project({ code: 'P4', name: '储备转签约', stage: '签约', totalInvestment: 10000 }),
      project({ code: 'P5', name: '新大项目', stage: '签约', totalInvestment: 80000 }),
      project({ code: 'P6', name: '新小项目', stage: '签约', totalInvestment: 9999 }),
      project({ code: 'P7', name: '新储备', stage: '在谈', totalInvestment: 90000 }),
      project({ code: 'P8', name: '无总投资看合同额', stage: '签约', totalInvestment: null, contractAmount: 10000 }),
    ];
    const keys = keyProjects({ period: '2026-04', projects: now }, { projects: prev });
    expect(keys.map((k) => [k.status, k.project.name])).toEqual([
      ['新引进', '新大项目'], ['新引进', '储备转签约'], ['新引进', '无总投资看合同额'], ['新开工', '开工了'], ['新投产', '投产了'],
    ]);
  });

  it('without last month’s ledger, judges by the dates in this month', () => {
    const now = [
      project({ name: '本月签约', stage: '签约', totalInvestment: 20000, signDate: '2026-01-15' }),
      project({ name: '去年签约', stage: '开工', totalInvestment: 20000, signDate: '2025-06-01', startDate: '2025-09-01' }),
      project({ name: '本月开工', stage: '开工', totalInvestment: 20000, signDate: '2025-06-01', startDate: '2026-01-03' }),
      project({ name: '没有日期', stage: '签约', totalInvestment: 20000 }),
    ];
    expect(keyProjects({ period: '2026-01', projects: now }, null).map((k) => [k.status, k.project.name])).toEqual([['新引进', '本月签约'], ['新开工', '本月开工']]);
  });

  it('monthBefore(periods, period) is December of last year for January, null when not built', () => {
    const ps = [{ period: '2025-12' }, { period: '2026-01' }, { period: '2026-03' }];
    expect(monthBefore(ps, '2026-01')).toEqual({ period: '2025-12' });
    expect(monthBefore(ps, '2026-03')).toBeNull();
  });
});
