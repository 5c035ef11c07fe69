/**
 * 重点项目: projects of 1亿元 or more (亿元以上, by 总投资, else 合同引资额, as the indicators count
 * them) that are new this month: signed since the previous month's ledger, or moved on to 开工 or
 * 投产. Ledgers are cumulative, so “new this month” is what the previous ledger did not have.
 */
import { isCounted, LARGE_PROJECT } from '../compute/indicators.ts';
import type { PeriodModel } from '../model.ts';
import type { Project, Stage } from '../types.ts';
import { cmp } from '../util.ts';

/**
 * Identity of a project across months: the unit and its 项目编码, or without a code the project
 * name and investor (as SPEC says), normalised for stray spaces and full-width forms.
 */
export function projectKey(p: Pick<Project, 'unit' | 'code' | 'name' | 'investor'>): string {
  const n = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');
  return p.code ? `${p.unit}\u0000code\u0000${n(p.code)}` : `${p.unit}\u0000name\u0000${n(p.name)}\u0000${n(p.investor)}`;
}

export type KeyStatus = '新引进' | '新开工' | '新投产';

export interface KeyProject { project: Project; status: KeyStatus }

const STAGE_ORDER: Readonly<Record<Stage, number>> = { 在谈: 0, 签约: 1, 开工: 2, 投产: 3 };
const STATUS_ORDER: Readonly<Record<KeyStatus, number>> = { 新引进: 0, 新开工: 1, 新投产: 2 };

/** 亿元以上: 总投资 of 1亿元 or more, or 合同引资额 where 总投资 is not given (as the indicators count). */
export function isLarge(p: Project): boolean {
  return (p.totalInvestment ?? p.contractAmount ?? 0) >= LARGE_PROJECT;
}

/** `2026-04-15` falls in period `2026-04`. */
const inMonth = (date: string | null, period: string) => date !== null && date.startsWith(period);

function statusFromDates(p: Project, period: string): KeyStatus | null {
  if (p.stage === '投产' && inMonth(p.productionDate, period)) return '新投产';
  if ((p.stage === '开工' || p.stage === '投产') && inMonth(p.startDate, period)) return '新开工';
  if (inMonth(p.signDate, period)) return '新引进';
  return null;
}

/**
 * Large projects new this month, 新引进 first, then 新开工 and 新投产, the biggest first within each.
 * `previous` is the ledger of the month before (December for January: a carried-over project is
 * not new). Without it, the 签约/开工/投产 dates in this month decide.
 */
export function keyProjects(current: Pick<PeriodModel, 'period' | 'projects'>, previous: Pick<PeriodModel, 'projects'> | null, unitOrder: readonly string[] = []): KeyProject[] {
  const before = previous ? new Map(previous.projects.map((p) => [projectKey(p), p])) : null;
  const order = new Map(unitOrder.map((c, i) => [c, i]));
  const out: KeyProject[] = [];
  for (const p of current.projects) {
    if (!isCounted(p) || !isLarge(p)) continue;
    let status: KeyStatus | null;
    if (before) {
      const old = before.get(projectKey(p));
      const now = STAGE_ORDER[p.stage ?? '签约'];
      const was = old ? (old.stage === null ? 1 : STAGE_ORDER[old.stage]) : -1;
      if (!old || was === 0) status = '新引进';
      else if (now > was) status = p.stage === '投产' ? '新投产' : '新开工';
      else status = null;
    } else {
      status = statusFromDates(p, current.period);
    }
    if (status) out.push({ project: p, status });
  }
  const size = (p: Project) => p.totalInvestment ?? p.contractAmount ?? 0;
  return out.sort((a, b) =>
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || size(b.project) - size(a.project) ||
    (order.get(a.project.unit) ?? 1e9) - (order.get(b.project.unit) ?? 1e9) || cmp(a.project.unit, b.project.unit) || cmp(a.project.name, b.project.name));
}

/** The period model of the month just before `period` (December of last year for January), if built. */
export function monthBefore<P extends { period: string }>(periods: readonly P[], period: string): P | null {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return periods.find((p) => p.period === prev) ?? null;
}
