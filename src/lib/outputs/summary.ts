/**
 * `/data/<YYYY-MM>/summary.json`: the open-data form of a bulletin. Field names are a contract
 * (SPEC.md), declared in ./summary-schema.ts; fields may be added, never renamed.
 */
import type { BulletinDraft, PeriodModel } from '../model/site-model.ts';
import type { Breakdowns, BreakdownEntry, FileAccount, Indicators } from '../model/types.ts';
import type { Summary, SummaryIndicators } from './summary-schema.ts';

// Annotated, so that a field added here but not in the schema is an excess property: a type error.
const indicatorFields = (i: Indicators): SummaryIndicators => ({
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

type Chain = Summary['chains'][number];
type Assessed = NonNullable<Summary['assessment']>['units'][number];

// Every object literal is typed, the map callbacks' too (an inferred callback type would let an
// extra field through): a field the schema does not declare does not compile.
export function summary(m: PeriodModel): Summary {
  return {
    period: m.period,
    timeProgress: m.timeProgress,
    title: m.draft.title,
    totals: { ...indicatorFields(m.totals), units: m.totals.units, submittedUnits: m.totals.submittedUnits },
    groups: m.groups.map((g): Summary['groups'][number] => ({ name: g.name, ...indicatorFields(g), units: g.units, submittedUnits: g.submittedUnits })),
    units: m.units.map((u): Summary['units'][number] => ({
      code: u.code, name: u.name, group: u.group, submitted: u.submitted, ...indicatorFields(u),
      rank: u.rank, rankChange: u.rankChange, light: u.light, lightLabel: u.lightLabel, files: u.files,
    })),
    breakdowns: m.breakdowns,
    chains: m.chains.map((c): Chain => ({
      name: c.name, slug: c.slug, projects: c.projects, contractAmount: c.contractAmount, fundsInPlace: c.fundsInPlace, coverage: c.coverage,
      links: c.links.map((l): Chain['links'][number] => ({ name: l.name, position: l.position, projects: l.projects, contractAmount: l.contractAmount, fundsInPlace: l.fundsInPlace, gap: l.gap, status: l.status })),
    })),
    notSubmitted: m.notSubmitted,
    files: m.files,
    issues: m.issues.map((i): Summary['issues'][number] => ({ severity: i.severity, kind: i.kind, message: i.message, file: i.file, sheet: i.sheet, cell: i.cell, row: i.row, unit: i.unit, project: i.project, projectCode: i.projectCode ?? null })),
    bulletin: m.draft,
    issued: m.issued,
    revisions: m.revisions,
    assessment: m.assessment && {
      kind: m.assessment.kind, title: m.assessment.title,
      units: m.assessment.units.map((u): Assessed => ({
        code: u.code, name: u.name, group: u.group, submitted: u.submitted, score: u.score, rank: u.rank, rankChange: u.rankChange,
        items: u.items.map((i): Assessed['items'][number] => ({ category: i.category, indicator: i.indicator, method: i.method, points: i.points, basis: i.basis })),
      })),
    },
  };
}

/*
 * breakdowns, files and bulletin are model objects written as they are, and TypeScript lets an
 * object with more fields pass where fewer are declared: these lines stop compiling when one of
 * those model types gains or loses a field the schema does not have, so that change is made here
 * on purpose (copy the fields by hand, or declare the new one).
 */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Entry<T> = T extends readonly (infer E)[] ? E : never;
const breakdownsMatch: SameKeys<Breakdowns, Summary['breakdowns']> = true;
const breakdownEntryMatches: SameKeys<BreakdownEntry, Entry<Summary['breakdowns']['industry']>> = true;
const filesMatch: SameKeys<FileAccount, Entry<Summary['files']>> = true;
const bulletinMatches: SameKeys<BulletinDraft, Summary['bulletin']> = true;
const sectionMatches: SameKeys<BulletinDraft['sections'][number], Entry<Summary['bulletin']['sections']>> = true;
void [breakdownsMatch, breakdownEntryMatches, filesMatch, bulletinMatches, sectionMatches];
