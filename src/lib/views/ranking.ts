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
