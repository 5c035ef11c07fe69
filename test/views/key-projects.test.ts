import { describe, expect, it } from 'vitest';
import { keyProjects, monthBefore } from '../../src/lib/views/key-projects.ts';
import { project } from '../helpers/project.ts';

describe('keyProjects(current, previous)', () => {
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

  it('matches last month’s row as the checks do: a project that gained or changed its code is not 新引进', () => {
    // Identity itself is tested in test/identity.test.ts; this pins that 附表3 uses it.
    const prev = [
      project({ code: null, name: '光伏 组件项目', investor: 'ＡＢ公司', stage: '签约', totalInvestment: 30000 }),
      project({ code: 'OLD', name: '电池项目', investor: '乙公司', stage: '签约', totalInvestment: 20000 }),
    ];
    const now = [
      project({ code: 'A01-007', name: '光伏组件项目', investor: 'AB公司', stage: '签约', totalInvestment: 30000 }),
      project({ code: 'NEW', name: '电池项目', investor: '乙公司', stage: '投产', totalInvestment: 20000 }),
    ];
    expect(keyProjects({ period: '2026-04', projects: now }, { projects: prev }).map((k) => [k.status, k.project.name])).toEqual([['新投产', '电池项目']]);
  });

  it('never lists a continuing project (续建, or 备注 上年结转) as 新引进, but as 新开工/新投产 when it moves on', () => {
    const prev = [
      project({ code: 'C1', name: '续建在谈', projectType: '续建', stage: '在谈', totalInvestment: 20000 }),
      project({ code: 'C2', name: '续建开工', projectType: '续建', stage: '签约', totalInvestment: 20000 }),
    ];
    const now = [
      // Last month only 在谈: a 新建 project would be 新引进 now; a 续建 one is not.
      project({ code: 'C1', name: '续建在谈', projectType: '续建', stage: '签约', totalInvestment: 20000 }),
      project({ code: 'C2', name: '续建开工', projectType: '续建', stage: '开工', totalInvestment: 20000 }),
      // Missing from last month's ledger: a carried-over project is still not new …
      project({ code: 'C3', name: '漏报的结转项目', projectType: null, remarks: '上年结转', stage: '签约', totalInvestment: 20000, signDate: '2026-04-02' }),
      // … though its dates can make it 新投产.
      project({ code: 'C4', name: '漏报的续建项目', projectType: '续建', stage: '投产', totalInvestment: 20000, productionDate: '2026-04-20' }),
      project({ code: 'N1', name: '新建项目', projectType: '新建', stage: '签约', totalInvestment: 20000 }),
    ];
    expect(keyProjects({ period: '2026-04', projects: now }, { projects: prev }).map((k) => [k.status, k.project.name])).toEqual([
      ['新引进', '新建项目'], ['新开工', '续建开工'], ['新投产', '漏报的续建项目'],
    ]);
    // Without last month's ledger, a 续建 row signed “this month” (a typo, or a re-signed contract) is not 新引进 either.
    const alone = [
      project({ name: '续建本月签约', projectType: '续建', stage: '签约', totalInvestment: 20000, signDate: '2026-01-15' }),
      project({ name: '续建本月开工', projectType: '续建', stage: '开工', totalInvestment: 20000, startDate: '2026-01-03' }),
    ];
    expect(keyProjects({ period: '2026-01', projects: alone }, null).map((k) => [k.status, k.project.name])).toEqual([['新开工', '续建本月开工']]);
  });

  it('monthBefore(periods, period) is December of last year for January, null when not built', () => {
    const ps = [{ period: '2025-12' }, { period: '2026-01' }, { period: '2026-03' }];
    expect(monthBefore(ps, '2026-01')).toEqual({ period: '2025-12' });
    expect(monthBefore(ps, '2026-03')).toBeNull();
  });
});
