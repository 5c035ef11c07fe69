/**
 * `/data/<YYYY-MM>/summary.json`: the open-data form of a bulletin. Field names are a contract
 * (SPEC.md); fields may be added, never renamed.
 */
import type { PeriodModel } from '../model/site-model.ts';
import type { Indicators } from '../model/types.ts';

const indicatorFields = (i: Indicators) => ({
  projects: i.projects,
  contractAmount: i.contractAmount,
  fundsInPlace: i.fundsInPlace,
  fundsTarget: i.fundsTarget,
  fundsCompletion: i.fundsCompletion,
  fundsYoY: i.fundsYoY,
  reserveProjects: i.reserveProjects,
  foreignCapital: i.foreignCapital,
  largeProjects: i.largeProjects,
  aheadPoints: i.aheadPoints,
  targets: i.targets,
});

export function summary(m: PeriodModel) {
  return {
    period: m.period,
    timeProgress: m.timeProgress,
    title: m.draft.title,
    totals: { ...indicatorFields(m.totals), units: m.totals.units, submittedUnits: m.totals.submittedUnits },
    groups: m.groups.map((g) => ({ name: g.name, ...indicatorFields(g), units: g.units, submittedUnits: g.submittedUnits })),
    units: m.units.map((u) => ({
      code: u.code, name: u.name, group: u.group, submitted: u.submitted, ...indicatorFields(u),
      rank: u.rank, rankChange: u.rankChange, light: u.light, lightLabel: u.lightLabel, files: u.files,
    })),
    breakdowns: m.breakdowns,
    chains: m.chains.map((c) => ({
      name: c.name, slug: c.slug, projects: c.projects, contractAmount: c.contractAmount, fundsInPlace: c.fundsInPlace, coverage: c.coverage,
      links: c.links.map((l) => ({ name: l.name, position: l.position, projects: l.projects, contractAmount: l.contractAmount, fundsInPlace: l.fundsInPlace, gap: l.gap, status: l.status })),
    })),
    notSubmitted: m.notSubmitted,
    files: m.files,
    issues: m.issues.map((i) => ({ severity: i.severity, kind: i.kind, message: i.message, file: i.file, sheet: i.sheet, cell: i.cell, row: i.row, unit: i.unit, project: i.project, projectCode: i.projectCode ?? null })),
    bulletin: m.draft,
  };
}
