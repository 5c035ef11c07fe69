/**
 * 催报: the units that have not reported this month (or whose file could not be read), with whom to
 * call in internal builds, and a message the clerk pastes into the units' WeChat group.
 *
 * A unit's contact is whoever filled in its last return that was read (填报人, and the phone most
 * often given beside that name): the registry holds no contacts, and the returns do. Public builds
 * carry no contacts (their projects are stripped of internal fields anyway).
 */
import { periodRange } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Project } from '../model/types.ts';
import { missingText } from './submission.ts';

export interface ChaseRow { code: string; name: string; group: string; status: string; contact: string | null }
export interface Chase { rows: ChaseRow[]; text: string }

const mostCommon = (values: (string | null)[]): string | null => {
  const n = new Map<string, number>();
  for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, k] of n) if (best === null || k > n.get(best)!) best = v;
  return best;
};

/** 填报人 and phone from a unit's rows of its last return. */
export function contactOf(rows: readonly Project[]): string | null {
  const filler = mostCommon(rows.map((p) => p.internal.filler));
  const contact = filler ?? mostCommon(rows.map((p) => p.internal.contact));
  if (!contact) return null;
  const own = rows.filter((p) => p.internal.contact === contact);
  const phone = mostCommon((own.length > 0 ? own : rows).map((p) => p.internal.phone));
  return phone ? `${contact} ${phone}` : contact;
}

export function chaseList(model: Pick<SiteModel, 'audience' | 'config' | 'periods'>, p: PeriodModel): Chase | null {
  const missing = p.units.filter((u) => !u.submitted);
  if (missing.length === 0) return null;
  const earlier = model.periods.filter((q) => q.period < p.period).reverse();
  const rows = missing.map((u): ChaseRow => {
    let contact: string | null = null;
    if (model.audience === 'internal') {
      for (const q of earlier) {
        const own = q.projects.filter((x) => x.unit === u.code);
        if (own.length > 0) { contact = contactOf(own); break; }
      }
    }
    return { code: u.code, name: u.name, group: u.group, status: missingText(u), contact };
  });
  const notSent = rows.filter((r) => r.status === '未报送').map((r) => r.name);
  const unreadable = rows.filter((r) => r.status !== '未报送').map((r) => r.name);
  const parts = [
    notSent.length > 0 ? `${notSent.join('、')}尚未报送` : null,
    unreadable.length > 0 ? `${unreadable.join('、')}报送的文件无法读取，请另存为 .xlsx 后重新报送` : null,
  ].filter(Boolean);
  const text = `【催报】${periodRange(p.period)}招商引资项目台账：${parts.join('；')}。${model.config.reportingDeadline}请抓紧报送，谢谢！`;
  return { rows, text };
}
