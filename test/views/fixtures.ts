/**
 * Small hand-made period models for the view and draft tests: only what a test is about is set.
 */
import { DEFAULT_CONFIG } from '../../src/lib/model/config.ts';
import type { PeriodModel, SiteModel } from '../../src/lib/model/site-model.ts';
import type { GroupResult, Indicators, UnitResult } from '../../src/lib/model/types.ts';

export const indicators = (over: Partial<Indicators> = {}): Indicators => ({
  projects: 0, reserveProjects: 0, contractAmount: 0, fundsInPlace: 0, fundsTarget: null, fundsCompletion: null, fundsYoY: null,
  foreignCapital: 0, largeProjects: 0, aheadPoints: null, targets: {}, ...over,
});

/** A unit with a completion: aheadPoints, light and label follow from it at `timeProgress`. */
export function unit(code: string, name: string, group: string, completion: number | null, over: Partial<UnitResult> = {}, timeProgress = 4 / 12): UnitResult {
  const ahead = completion === null ? null : (completion - timeProgress) * 100;
  const light = ahead === null ? null : ahead <= -30 ? 'red' : ahead <= -10 ? 'yellow' : 'green';
  return {
    ...indicators({ fundsTarget: completion === null ? null : 1000, fundsCompletion: completion, fundsInPlace: (completion ?? 0) * 1000, aheadPoints: ahead, projects: 3 }),
    code, name, group, submitted: true, rank: null, rankChange: null, light,
    lightLabel: light === null ? '无目标' : { red: '红灯', yellow: '黄灯', green: '绿灯' }[light], files: [], ...over,
  };
}

export function group(name: string, over: Partial<GroupResult> = {}): GroupResult {
  return { ...indicators(), name, units: 0, submittedUnits: 0, ...over };
}

export function period(over: Partial<PeriodModel> = {}): PeriodModel {
  const p = over.period ?? '2026-04';
  const [year, month] = p.split('-').map(Number) as [number, number];
  return {
    period: p, year, month, timeProgress: month / 12,
    totals: { ...indicators(), units: 0, submittedUnits: 0, startedProjects: 0 },
    groups: [], units: [], breakdowns: { industry: [], projectType: [], stage: [], size: [] }, chains: [], unplaced: [],
    projects: [], issues: [], files: [], notSubmitted: [], previousPeriod: null, lastYearPeriod: null, draft: { title: '', sections: [] },
    issued: null, versions: [], revisions: [], changedFromFirst: [], assessment: null,
    ...over,
  };
}

export function siteOf(periods: PeriodModel[]): SiteModel {
  return { config: DEFAULT_CONFIG, audience: 'public', units: [], chains: [], groups: [], periods, globalIssues: [] };
}

/** Ranks `units` within each group by completion (ties share), as the pipeline does. */
export function ranked(units: UnitResult[]): UnitResult[] {
  return units.map((u) => {
    if (!u.submitted || u.fundsCompletion === null) return { ...u, rank: null };
    const better = units.filter((v) => v.group === u.group && v.submitted && v.fundsCompletion !== null && v.fundsCompletion > u.fundsCompletion! + 1e-12).length;
    return { ...u, rank: better + 1 };
  });
}
