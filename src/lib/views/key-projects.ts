/**
 * 重点项目 (附表3): projects of 1亿元 or more (亿元以上 as the indicators count them, `isLarge`) that
 * are new this month: signed since the previous month's ledger, or moved on to 开工 or 投产. Ledgers
 * are cumulative, so “new this month” is what the previous ledger did not have. Which row of the
 * previous ledger is the same project is decided by compute/identity.ts, as for the checks.
 */
import { findPrevious, indexProjects, isContinuing } from '../normalise/identity.ts';
import { isCounted, isLarge, projectSize } from '../compute/indicators.ts';
import type { PeriodModel } from '../model/site-model.ts';
import type { Project, Stage } from '../model/types.ts';
import { cmp } from '../model/util.ts';
import { monthBefore as monthBeforePeriod } from '../model/period.ts';

export type KeyStatus = '新引进' | '新开工' | '新投产';

export interface KeyProject { project: Project; status: KeyStatus }

const STAGE_ORDER: Readonly<Record<Stage, number>> = { 在谈: 0, 签约: 1, 开工: 2, 投产: 3 };
const STATUS_ORDER: Readonly<Record<KeyStatus, number>> = { 新引进: 0, 新开工: 1, 新投产: 2 };

/** `2026-04-15` falls in period `2026-04`. */
const inMonth = (date: string | null, period: string) => date !== null && date.startsWith(period);

/** The status the 开工/投产 dates give, without last month's ledger to compare with. */
function statusFromDates(p: Project, period: string, continuing: boolean): KeyStatus | null {
  if (p.stage === '投产' && inMonth(p.productionDate, period)) return '新投产';
  if ((p.stage === '开工' || p.stage === '投产') && inMonth(p.startDate, period)) return '新开工';
  if (!continuing && inMonth(p.signDate, period)) return '新引进';
  return null;
}

/** The status a move from last month's stage to this month's gives: 新开工 / 新投产, or none. */
function statusFromStages(p: Project, old: Project): KeyStatus | null {
  const now = STAGE_ORDER[p.stage ?? '签约'];
  const was = old.stage === null ? STAGE_ORDER['签约'] : STAGE_ORDER[old.stage];
  if (now <= was || now < STAGE_ORDER['开工']) return null;
  return p.stage === '投产' ? '新投产' : '新开工';
}

/**
 * Large projects new this month, 新引进 first, then 新开工 and 新投产, the biggest first within each.
 * `previous` is the ledger of the month before (December for January: a carried-over project is
 * not new). Without it, the 签约/开工/投产 dates in this month decide.
 *
 * 新引进 is a project last month did not have, or had only as 在谈 reserve. A continuing project
 * (续建 / 结转, `isContinuing`) is never 新引进: it was brought in in an earlier year, so when last
 * month's row is missing (the unit did not list it, or it changed both code and name) only its
 * dates can make it 新开工 or 新投产.
 */
export function keyProjects(current: Pick<PeriodModel, 'period' | 'projects'>, previous: Pick<PeriodModel, 'projects'> | null, unitOrder: readonly string[] = []): KeyProject[] {
  const index = previous ? indexProjects(previous.projects) : null;
  const order = new Map(unitOrder.map((c, i) => [c, i]));
  const out: KeyProject[] = [];
  for (const p of current.projects) {
    if (!isCounted(p) || !isLarge(p)) continue;
    const continuing = isContinuing(p);
    const old = index ? findPrevious(index, p) : undefined;
    let status: KeyStatus | null;
    if (!index) status = statusFromDates(p, current.period, continuing);
    else if (!old) status = continuing ? statusFromDates(p, current.period, true) : '新引进';
    else if (old.stage === '在谈' && !continuing) status = '新引进';
    else status = statusFromStages(p, old);
    if (status) out.push({ project: p, status });
  }
  return out.sort((a, b) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || projectSize(b.project) - projectSize(a.project) ||
    (order.get(a.project.unit) ?? 1e9) - (order.get(b.project.unit) ?? 1e9) || cmp(a.project.unit, b.project.unit) || cmp(a.project.name, b.project.name));
}

/** The period model of the month just before `period` (December of last year for January), if built. */
export function monthBefore<P extends { period: string }>(periods: readonly P[], period: string): P | null {
  const prev = monthBeforePeriod(period);
  return periods.find((p) => p.period === prev) ?? null;
}
