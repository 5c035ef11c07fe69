import type { Project } from '../../src/lib/model/types.ts';

/** A ledger row with defaults, for compute and check tests. */
export function project(over: Partial<Project>): Project {
  return {
    unit: 'A01', code: null, name: '项目', investor: null, investorOrigin: null, industry: null, chain: null, link: null,
    projectType: null, stage: '签约', totalInvestment: null, contractAmount: null, fundsInPlace: null, fundsThisMonth: null,
    foreignCapital: null, landArea: null, signDate: null, startDate: null, productionDate: null, remarks: null,
    internal: { leader: null, contact: null, phone: null, filler: null },
    source: { file: 'f.xlsx', sheet: 'Sheet1', row: 2 }, ...over,
  };
}
