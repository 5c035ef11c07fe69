import { describe, expect, it } from 'vitest';
import { intensitySummary, investmentIntensity, lowIntensityProjects } from '../../src/lib/views/intensity.ts';
import { project } from '../helpers/project.ts';

describe('investment intensity (投资强度)', () => {
  it('investmentIntensity(project) is 总投资 ÷ 用地面积, null without both', () => {
    expect(investmentIntensity({ totalInvestment: 30000, landArea: 100 })).toBe(300);
    expect(investmentIntensity({ totalInvestment: 30000, landArea: null })).toBeNull();
    expect(investmentIntensity({ totalInvestment: 30000, landArea: 0 })).toBeNull();
    expect(investmentIntensity({ totalInvestment: null, landArea: 50 })).toBeNull();
  });

  it('lowIntensityProjects(projects, threshold) lists counted projects below it, lowest first', () => {
    const list = lowIntensityProjects([
      project({ name: '甲', totalInvestment: 15000, landArea: 100 }),
      project({ name: '乙', totalInvestment: 5000, landArea: 100 }),
      project({ name: '丙', totalInvestment: 50000, landArea: 100 }),
      project({ name: '丁', totalInvestment: 1000, landArea: 100, stage: '在谈' }),
      project({ name: '戊', totalInvestment: 1000, landArea: null }),
    ], 200);
    expect(list.map((e) => [e.project.name, e.intensity])).toEqual([['乙', 50], ['甲', 150]]);
  });

  it('intensitySummary(projects) weights by land area', () => {
    const s = intensitySummary([project({ totalInvestment: 10000, landArea: 100 }), project({ totalInvestment: 30000, landArea: 50 }), project({ totalInvestment: 9999 })]);
    expect(s).toEqual({ projects: 2, landArea: 150, totalInvestment: 40000, intensity: 40000 / 150 });
    expect(intensitySummary([]).intensity).toBeNull();
  });
});
