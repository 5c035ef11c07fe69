/**
 * What a page says about a period's status as a record (签发): issued with 文号 and date, a 更正版
 * with its reason, or a draft. Drafts are marked only in internal builds: public builds show issued
 * periods only once anything is issued, and a data folder with no records builds as before.
 */
import { dateText } from '../model/format.ts';
import type { PeriodModel, Revision, SiteModel } from '../model/site-model.ts';

export interface IssueStatus {
  /** 草稿 mark (on screen and as a print watermark). */
  draft: boolean;
  issued: boolean;
  /** `示招商通〔2026〕4号 · 2026年5月8日`, `2026年5月8日`, or '' for a draft. */
  line: string;
  /** For a 更正版: `更正版（第2版，2026年5月20日）：平原县更正4月到位资金`. */
  revised: string | null;
  /** The earlier versions, oldest first: `第1版 示招商通〔2026〕4号 2026年5月8日`. */
  history: string[];
  /** Figures that now differ from the issued ones (发布后更正). */
  revisions: Revision[];
  /** Figures the 更正版 changed from version 1. */
  changedFromFirst: Revision[];
  /** Short status for lists: `已签发 示招商通〔2026〕4号` / `更正版` / `草稿`. */
  short: string;
}

export function issueStatus(model: Pick<SiteModel, 'audience'>, p: PeriodModel): IssueStatus {
  const i = p.issued;
  if (!i) {
    return { draft: model.audience === 'internal', issued: false, line: '', revised: null, history: [], revisions: [], changedFromFirst: [], short: '草稿（未签发）' };
  }
  const latest = p.versions[p.versions.length - 1];
  const line = [i.number, dateText(i.date)].filter(Boolean).join(' · ');
  return {
    draft: false, issued: true, line,
    revised: i.version > 1 ? `更正版（第${i.version}版，${dateText(i.date)}）${latest?.reason ? `：${latest.reason}` : ''}` : null,
    history: p.versions.slice(0, -1).map((v) => `第${v.version}版 ${[v.number, dateText(v.date)].filter(Boolean).join(' ')}${v.reason ? `（${v.reason}）` : ''}`),
    revisions: p.revisions, changedFromFirst: p.changedFromFirst,
    short: `${i.version > 1 ? `更正版（第${i.version}版）` : '已签发'}${i.number ? ` ${i.number}` : ''} · ${dateText(i.date)}`,
  };
}
