/**
 * compute/identity.ts is the one definition of “the same project as last month”. The last block runs
 * both of its users (the checks and 附表3 重点项目) on the same two ledgers, so they cannot drift apart
 * again the way two private `projectKey`s did.
 */
import { describe, expect, it } from 'vitest';
import { checkProjects } from '../src/lib/checks/projects.ts';
import { findPrevious, indexProjects, isContinuing, nameKey, projectKey } from '../src/lib/normalise/identity.ts';
import { actuals, isLarge, LARGE_PROJECT } from '../src/lib/compute/indicators.ts';
import { DEFAULT_CONFIG } from '../src/lib/model/config.ts';
import type { Project } from '../src/lib/model/types.ts';
import { keyProjects } from '../src/lib/views/key-projects.ts';
import { project } from './helpers/project.ts';

describe('projectKey(p) and nameKey(p)', () => {
  it('use the code when there is one, whatever the name says', () => {
    expect(projectKey(project({ code: 'A01-1', name: '甲' }))).toBe(projectKey(project({ code: 'A01-1', name: '乙' })));
    expect(projectKey(project({ code: 'A01-1', name: '甲' }))).not.toBe(projectKey(project({ code: 'A01-2', name: '甲' })));
  });

  it('without a code, use name and investor', () => {
    expect(projectKey(project({ name: '甲', investor: '子公司' }))).toBe(nameKey(project({ name: '甲', investor: '子公司' })));
    expect(projectKey(project({ name: '甲', investor: '子公司' }))).not.toBe(projectKey(project({ name: '甲', investor: '丑公司' })));
    expect(projectKey(project({ name: '甲', investor: null }))).toBe(projectKey(project({ name: '甲', investor: '' })));
  });

  it('ignore spaces of every kind, full-width forms, and the letter case of codes', () => {
    expect(projectKey(project({ name: '甲 项目', investor: 'ＡＢ公司' }))).toBe(projectKey(project({ name: '甲项目', investor: 'AB公司' })));
    expect(projectKey(project({ name: '甲\u3000项目\u00a0', investor: ' AB 公司' }))).toBe(projectKey(project({ name: '甲项目', investor: 'AB公司' })));
    expect(projectKey(project({ code: 'ＮＨ－２０２６－００１ ' }))).toBe(projectKey(project({ code: 'NH-2026-001' })));
    expect(projectKey(project({ code: 'nh-2026-001' }))).toBe(projectKey(project({ code: 'NH-2026-001' })));
    // A blank code is no code: the row is known by name and investor.
    expect(projectKey(project({ code: ' ', name: '甲', investor: '子' }))).toBe(projectKey(project({ code: null, name: '甲', investor: '子' })));
  });

  it('keep units, and the parts of the key, apart', () => {
    expect(projectKey(project({ name: '甲', unit: 'A01' }))).not.toBe(projectKey(project({ name: '甲', unit: 'A02' })));
    expect(projectKey(project({ name: '甲|乙', investor: null }))).not.toBe(projectKey(project({ name: '甲', investor: '乙' })));
    // A code that reads like a name is still a code.
    expect(projectKey(project({ code: '甲' }))).not.toBe(projectKey(project({ name: '甲', investor: null })));
  });
});

describe('findPrevious(indexProjects(previous), p)', () => {
  const before = [
    project({ code: 'P1', name: '电池项目', investor: '甲公司' }),
    project({ code: null, name: '电机项目', investor: '乙公司' }),
    project({ code: 'P3', name: '电芯项目', investor: '丙公司' }),
  ];
  const index = indexProjects(before);

  it('finds a row by code, even renamed', () => {
    expect(findPrevious(index, project({ code: 'P1', name: '电池项目（一期）' }))).toBe(before[0]);
  });

  it('finds a row that gained, changed or lost its code by name and investor', () => {
    expect(findPrevious(index, project({ code: 'P2', name: '电机项目', investor: '乙公司' }))).toBe(before[1]);
    expect(findPrevious(index, project({ code: 'P3-NEW', name: '电芯 项目', investor: '丙公司' }))).toBe(before[2]);
    expect(findPrevious(index, project({ code: null, name: '电池项目', investor: '甲公司' }))).toBe(before[0]);
  });

  it('finds nothing for a new project, or for a known name under another investor', () => {
    expect(findPrevious(index, project({ code: 'P9', name: '新项目', investor: '丁公司' }))).toBeUndefined();
    expect(findPrevious(index, project({ code: null, name: '电机项目', investor: '戊公司' }))).toBeUndefined();
  });
});

describe('isContinuing(p)', () => {
  it('is 项目类型 续建, or a remark that says 结转', () => {
    expect(isContinuing(project({ projectType: '续建' }))).toBe(true);
    expect(isContinuing(project({ projectType: null, remarks: '上年结转' }))).toBe(true);
    expect(isContinuing(project({ projectType: '新建', remarks: ' 结转项目 ' }))).toBe(true);
    expect(isContinuing(project({ projectType: '新建', remarks: null }))).toBe(false);
    expect(isContinuing(project({ projectType: null, remarks: '本月新签约' }))).toBe(false);
  });

  it('is not a remark that denies it', () => {
    expect(isContinuing(project({ remarks: '未结转' }))).toBe(false);
    expect(isContinuing(project({ remarks: '非结转项目' }))).toBe(false);
  });
});

describe('isLarge(p)', () => {
  it('is 总投资 of 1亿元 or more, else 合同引资额, and is what the indicators count', () => {
    const rows = [
      project({ totalInvestment: LARGE_PROJECT }),
      project({ totalInvestment: LARGE_PROJECT - 0.01, contractAmount: 50000 }), // 总投资 decides when given
      project({ totalInvestment: null, contractAmount: LARGE_PROJECT }),
      project({ totalInvestment: null, contractAmount: null }),
    ];
    expect(rows.map(isLarge)).toEqual([true, false, true, false]);
    expect(actuals(rows).largeProjects).toBe(2);
  });
});

describe('the checks and 附表3 agree on which project is which', () => {
  const run = (projects: Project[], previous: Project[]) => checkProjects({
    period: '2026-04', projects, previous, thresholds: DEFAULT_CONFIG.checks, unitName: (c) => c, cellOf: () => null,
  });

  it('a project that gained a code this month is the same project for both', () => {
    const before = [project({ code: null, name: '光伏组件项目', investor: '甲公司', stage: '签约', totalInvestment: 30000, fundsInPlace: 800 })];
    const now = [project({ code: 'A01-2026-007', name: '光伏组件项目', investor: '甲公司', stage: '签约', totalInvestment: 30000, fundsInPlace: 500 })];
    // The checks compare it with last month (its funds fell) …
    expect(run(now, before).map((i) => i.kind)).toContain('funds-decrease');
    // … so 附表3 must not list it as brought in this month.
    expect(keyProjects({ period: '2026-04', projects: now }, { projects: before })).toEqual([]);
  });

  it('a project whose code changed is still found by both, and moves on to 开工', () => {
    const before = [project({ code: 'OLD-1', name: '电池项目', investor: '乙公司', stage: '签约', totalInvestment: 20000, fundsInPlace: 900 })];
    const now = [project({ code: 'NEW-1', name: '电池 项目', investor: '乙公司', stage: '开工', totalInvestment: 20000, fundsInPlace: 100 })];
    expect(run(now, before).map((i) => i.kind)).toContain('funds-decrease');
    expect(keyProjects({ period: '2026-04', projects: now }, { projects: before }).map((k) => k.status)).toEqual(['新开工']);
  });
});
