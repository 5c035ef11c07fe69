/**
 * What differs between two versions of a period's figures: the issued bulletin and the data as it
 * is now (发布后更正), or version 1 and a 更正版. Figures are compared as a reader sees them (the
 * same rounding as the pages), so a change too small to show is not a revision.
 */
import { pct, plainNumber } from '../model/format.ts';
import type { PeriodModel, Revision } from '../model/site-model.ts';
import type { Indicators } from '../model/types.ts';

const amount = (v: number) => `${plainNumber(v, 2)}万元`;

/** The figures of a unit, group or the city that a bulletin prints, as text. */
function shown(i: Indicators & { rank?: number | null; lightLabel?: string; submitted?: boolean }): [string, string][] {
  const out: [string, string][] = [
    ['到位资金', amount(i.fundsInPlace)],
    ['完成率', pct(i.fundsCompletion)],
    ['项目数', `${i.projects}个`],
    ['合同引资额', amount(i.contractAmount)],
    ['亿元以上项目', `${i.largeProjects}个`],
  ];
  if (i.submitted !== undefined) out.push(['报送', i.submitted ? '已报送' : '未报送']);
  if (i.rank !== undefined) out.push(['组内排名', i.rank === null ? '—' : `第${i.rank}名`]);
  if (i.lightLabel !== undefined) out.push(['亮灯', i.lightLabel]);
  return out;
}

/**
 * Every printed figure of `before` that reads differently in `after`, city first, then groups and
 * units in the bulletin's order. `fileOf(unit code | null)` names the input that changed for it.
 */
export function diffPeriods(before: PeriodModel, after: PeriodModel, fileOf: (unit: string | null) => string | null): Revision[] {
  const out: Revision[] = [];
  const compare = (unit: string, code: string | null, a: [string, string][], b: [string, string][] | null) => {
    const now = new Map(b ?? []);
    for (const [indicator, issued] of a) {
      const current = now.get(indicator) ?? '—';
      if (current !== issued) out.push({ unit, indicator, issued, current, file: fileOf(code) });
    }
  };
  compare('全市', null, shown(before.totals), shown(after.totals));
  const groups = new Map(after.groups.map((g) => [g.name, g]));
  for (const g of before.groups) {
    const now = groups.get(g.name);
    compare(g.name, null, shown(g), now ? shown(now) : null);
  }
  const units = new Map(after.units.map((u) => [u.code, u]));
  for (const u of before.units) {
    const now = units.get(u.code);
    compare(u.name, u.code, shown(u), now ? shown(now) : null);
  }
  return out;
}

/**
 * Names the input behind a unit's changed figures: one of its own returns that changed (this month
 * or the months compared with), else a changed target table, else the first changed input.
 */
export function changedInputs(recorded: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): string[] {
  const paths = [...new Set([...Object.keys(recorded), ...Object.keys(current)])].sort();
  return paths.filter((p) => recorded[p] !== current[p]);
}

export function fileOfChange(changed: readonly string[], unitFiles: (code: string) => readonly string[]): (unit: string | null) => string | null {
  const targets = changed.find((f) => f.startsWith('targets/')) ?? null;
  return (unit) => {
    if (changed.length === 0) return null;
    if (unit !== null) {
      const own = unitFiles(unit).find((f) => changed.includes(f));
      if (own) return own;
    }
    return targets ?? changed[0]!;
  };
}
