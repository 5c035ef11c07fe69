/**
 * Lookups the pages make thousands of times, built once per model object. A build renders a page
 * per unit per month; when each unit page filtered all of its month's projects (and its units and
 * issues), rendering grew with units² (docs/performance.md). With these indexes a unit page costs
 * its own rows.
 *
 * Memoised by identity on the (immutable) model objects: the site model is built once and only
 * read by the pages, so an index can never go stale, and a WeakMap lets it go with its model.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { GroupResult, Issue, Project, UnitResult } from '../model/types.ts';

export interface PeriodIndex {
  /** A unit's result by code (the first, should a code ever repeat, as `find` would give). */
  unitByCode: ReadonlyMap<string, UnitResult>;
  /** Each group's units in the period's (registry) order. */
  unitsByGroup: ReadonlyMap<string, readonly UnitResult[]>;
  groupByName: ReadonlyMap<string, GroupResult>;
  /** Each unit's ledger rows in ledger order; a unit without rows is absent. */
  projectsByUnit: ReadonlyMap<string, readonly Project[]>;
  /** Issues naming a unit, in the period's order. */
  issuesByUnit: ReadonlyMap<string, readonly Issue[]>;
}

export interface SiteIndex {
  /** Registry name by unit code; codes a page meets that the registry lacks are shown as they are. */
  unitName: ReadonlyMap<string, string>;
  periodByName: ReadonlyMap<string, PeriodModel>;
  /** Every built period, ascending (as `SiteModel.periods`). */
  periodNames: readonly string[];
}

const periodIndexes = new WeakMap<PeriodModel, PeriodIndex>();
// The ledger's index hangs on the ledger itself, not on its period: the data-file worker turns a
// period's ledger back into objects when it is read and drops it after its month (src/io/
// data-files-worker.ts). Tied to the period, which lives to the end, the index kept every dropped
// ledger alive there (+13 MB of worker heap a month at 300 × 24 × 60).
const unitLedgers = new WeakMap<readonly Project[], ReadonlyMap<string, readonly Project[]>>();
const siteIndexes = new WeakMap<SiteModel, SiteIndex>();

/** Keeps the first value per key, as a linear `find` over the list would. */
function firstBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const x of items) if (!m.has(key(x))) m.set(key(x), x);
  return m;
}

/** All values per key, each list in the order of `items`, as `filter` would give. */
function allBy<T>(items: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The period's index, built on first use. */
export function periodIndex(p: PeriodModel): PeriodIndex {
  let index = periodIndexes.get(p);
  if (!index) {
    index = {
      unitByCode: firstBy(p.units, (u) => u.code),
      unitsByGroup: allBy(p.units, (u) => u.group),
      groupByName: firstBy(p.groups, (g) => g.name),
      get projectsByUnit() {
        const projects = p.projects;
        let byUnit = unitLedgers.get(projects);
        if (!byUnit) { byUnit = allBy(projects, (x) => x.unit); unitLedgers.set(projects, byUnit); }
        return byUnit;
      },
      issuesByUnit: allBy(p.issues, (i) => i.unit),
    };
    periodIndexes.set(p, index);
  }
  return index;
}

/** The site's index, built on first use. */
export function siteIndex(model: SiteModel): SiteIndex {
  let index = siteIndexes.get(model);
  if (!index) {
    index = {
      // Last entry wins, as the pages' `new Map(model.units.map(…))` always did.
      unitName: new Map(model.units.map((u) => [u.code, u.name])),
      periodByName: firstBy(model.periods, (p) => p.period),
      periodNames: model.periods.map((p) => p.period),
    };
    siteIndexes.set(model, index);
  }
  return index;
}

/** Rows of `map` under `key`, or none. */
export function listOf<T>(map: ReadonlyMap<string, readonly T[]>, key: string): readonly T[] {
  return map.get(key) ?? [];
}
