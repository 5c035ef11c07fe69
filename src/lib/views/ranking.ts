/**
 * The order units are shown in wherever a group is listed: ranking tables and completion charts.
 */
import type { UnitResult } from '../model/types.ts';

type Standing = Pick<UnitResult, 'rank' | 'submitted'>;

const standing = (u: Standing) => (u.rank !== null ? u.rank : u.submitted ? 1e6 : 2e6);

/**
 * Ranked units by rank; then unranked ones that reported (no target); then those that did not.
 * Array.sort is stable, so the registry order breaks ties (units sharing a rank, and the unranked).
 */
export function byStanding<U extends Standing>(units: readonly U[]): U[] {
  return [...units].sort((a, b) => standing(a) - standing(b));
}

/**
 * Groups up to this many units are shown whole on a unit page. A larger group (a province's 150
 * 县区) is shown around the unit: its table, chart and peer links would otherwise make every unit
 * page, and the build, grow with the group (docs/performance.md); the bulletin keeps the whole table.
 */
export const WHOLE_GROUP = 15;

/** What a unit page shows of its group: positions `from`…`to` (1-based, in standing order) of `total`. */
export interface GroupWindow<U> { rows: U[]; from: number; to: number; total: number; whole: boolean }

/**
 * The rows of a group around the unit `code`: all of them for a small group, else the unit with
 * `reach` rows either side (shifted at either end so that 2 × reach + 1 rows show).
 */
export function aroundUnit<U extends { code: string }>(rows: readonly U[], code: string, reach = 5, whole = WHOLE_GROUP): GroupWindow<U> {
  const total = rows.length;
  if (total <= whole) return { rows: [...rows], from: 1, to: total, total, whole: true };
  const at = Math.max(0, rows.findIndex((r) => r.code === code));
  const size = 2 * reach + 1;
  const start = Math.min(Math.max(0, at - reach), total - size);
  return { rows: rows.slice(start, start + size), from: start + 1, to: start + size, total, whole: false };
}
