/**
 * 红黑榜: the top and the bottom of each group's ranking. Units are ranked within their group only,
 * so the lists are per group too.
 *
 * Rules, chosen so a list never shames a unit unfairly:
 * - the list length is a third of the group's ranked units, at least 1 and at most 3;
 * - a unit tied with the last one on a list joins it (ties share the rank, so they share the place);
 * - the 黑榜 only names units behind 序时进度 (a unit on schedule is never blacklisted, however low
 *   its rank), and units that did not report are named on it as 未报送;
 * - a unit is never on both lists (the 红榜 is filled first).
 */
import type { LightThresholds } from '../model/config.ts';
import type { PeriodModel } from '../model/site-model.ts';
import type { Light, UnitResult } from '../model/types.ts';
import { missingText } from './submission.ts';

export interface ListedUnit {
  code: string;
  name: string;
  rank: number | null;
  completion: number | null;
  aheadPoints: number | null;
  light: Light | null;
  lightLabel: string;
  /** Why the unit is listed: 未报送, or nothing (its figures say it). */
  reason: '未报送' | '报送文件无法读取' | null;
}

export interface GroupLists { group: string; red: ListedUnit[]; black: ListedUnit[] }

/** List length for a group with `ranked` ranked units. */
export function listSize(ranked: number): number {
  return Math.max(1, Math.min(3, Math.floor(ranked / 3)));
}

const listed = (u: UnitResult, reason: ListedUnit['reason'] = null): ListedUnit => ({
  code: u.code, name: u.name, rank: u.rank, completion: u.fundsCompletion, aheadPoints: u.aheadPoints, light: u.light, lightLabel: u.lightLabel, reason,
});

/** Takes the first `n` of `sorted` plus any that tie with the n-th by rank. */
function takeWithTies(sorted: readonly UnitResult[], n: number): UnitResult[] {
  if (sorted.length <= n) return [...sorted];
  const lastRank = sorted[n - 1]!.rank;
  return sorted.filter((u, i) => i < n || u.rank === lastRank);
}

/** 红榜 and 黑榜 of every group, in the given group order. */
export function redBlackLists(p: Pick<PeriodModel, 'units'>, groups: readonly string[]): GroupLists[] {
  return groups.map((group) => {
    const members = p.units.filter((u) => u.group === group);
    // Ranked units best first; the registry order of `members` breaks ties (a stable sort).
    const ranked = members.filter((u) => u.submitted && u.rank !== null).sort((a, b) => a.rank! - b.rank!);
    if (ranked.length === 0) {
      return { group, red: [], black: members.filter((u) => !u.submitted).map((u) => listed(u, missingText(u))) };
    }
    const n = listSize(ranked.length);
    const red = takeWithTies(ranked, n);
    const onRed = new Set(red.map((u) => u.code));
    const behind = [...ranked].reverse().filter((u) => !onRed.has(u.code) && u.aheadPoints !== null && u.aheadPoints < 0);
    const black = takeWithTies(behind, n);
    // Worst first on the 黑榜, as bulletins name them; then the units that did not report.
    return {
      group,
      red: red.map((u) => listed(u)),
      black: [...black.map((u) => listed(u)), ...members.filter((u) => !u.submitted).map((u) => listed(u, missingText(u)))],
    };
  });
}

/**
 * The 红黑榜 caption's rule. A leader sees a 黑榜 unit with a 绿灯 and reads a contradiction: the two
 * answer different questions (the lists: where a unit stands in its group; the lights: how far it is
 * behind 序时进度 by the thresholds of site.json), so the caption says so rather than forcing them to
 * agree, which would either empty the 黑榜 early in the year or change the lights' meaning.
 */
export function redBlackRule(lights: LightThresholds, byScore = false): string {
  const by = byScore ? '考核得分' : '完成率';
  return `红黑榜看组内排名：红榜为本组${by}排名靠前的单位，黑榜为排名靠后且未达到序时进度的单位（未报送单位也列入黑榜）；`
    + `亮灯看完成率与序时进度之差：落后不到${lights.yellowBehind}个百分点为绿灯，${lights.yellowBehind}至${lights.redBehind}个百分点为黄灯，${lights.redBehind}个百分点以上为红灯。`
    + `因此黑榜单位也可能亮绿灯：落后序时进度不多，但在本组排名靠后。`;
}
