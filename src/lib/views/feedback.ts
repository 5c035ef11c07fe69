/**
 * 退回修改: what each unit is sent back to fix. A unit's issues are those that name it, or that point
 * at one of its files (a file that could not be read names no unit yet). The rows are the quality
 * page's, for one unit: file, sheet, cell, project, the value found, the problem and what to do.
 *
 * Public builds keep a unit's list only if it holds nothing internal: a list that quotes a phone
 * number (typed into a remark, say) is left to the internal build.
 */
import { issueAdvice, issueLabel } from '../model/issues.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Issue, UnitResult } from '../model/types.ts';
import { periodRange } from '../model/format.ts';
import { fileInMonth } from './files.ts';
import { slug } from './routes.ts';
import { severityLabel } from './severity.ts';

export const FEEDBACK_HEADER = ['序号', '类别', '问题', '文件', '工作表', '单元格', '项目名称', '项目编码', '填报值', '问题说明', '修改办法'] as const;

export interface UnitFeedback {
  code: string;
  name: string;
  /** `feedback/A01.xlsx` under the period's data folder. */
  file: string;
  title: string;
  errors: number;
  warnings: number;
  rows: (string | number)[][];
}

const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)|(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/;

/** `feedback/<slug of code>.xlsx`: named from the code, like every URL of the site. */
export function feedbackFile(code: string): string {
  return `feedback/${slug(code)}.xlsx`;
}

/** The issues of one unit in period `p`, errors first, in the quality page's order otherwise. */
export function unitIssues(p: PeriodModel, u: Pick<UnitResult, 'code' | 'files' | 'unreadable'>): Issue[] {
  const files = new Set([...u.files, ...(u.unreadable ?? [])]);
  const mine = p.issues.filter((i) => i.unit === u.code || (i.unit === null && i.file !== null && files.has(i.file)));
  return [...mine.filter((i) => i.severity === 'error'), ...mine.filter((i) => i.severity !== 'error')];
}

/** A unit's feedback in period `p`, or null when it has nothing to fix (or, in public, holds a phone number). */
export function unitFeedback(model: Pick<SiteModel, 'audience'>, p: PeriodModel, u: Pick<UnitResult, 'code' | 'name' | 'files' | 'unreadable'>): UnitFeedback | null {
  const issues = unitIssues(p, u);
  if (issues.length === 0) return null;
  const rows = issues.map((i, n): (string | number)[] => [
    n + 1, severityLabel(i.severity), issueLabel(i.kind), i.file ? fileInMonth(i.file) : '', i.sheet ?? '', i.cell ?? (i.row ? `第${i.row}行` : ''),
    i.project ?? '', i.projectCode ?? '', i.value ?? '', i.message, issueAdvice(i.kind),
  ]);
  if (model.audience === 'public' && rows.some((r) => r.some((c) => typeof c === 'string' && PHONE.test(c)))) return null;
  return {
    code: u.code, name: u.name, file: feedbackFile(u.code),
    title: `${u.name}${periodRange(p.period)}招商引资台账退回修改清单`,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity !== 'error').length,
    rows,
  };
}

/** Every unit of `p` with something to fix, in the period's unit order. */
export function feedbackList(model: Pick<SiteModel, 'audience'>, p: PeriodModel): UnitFeedback[] {
  return p.units.map((u) => unitFeedback(model, p, u)).filter((f): f is UnitFeedback => f !== null);
}
