/**
 * What a period's data-quality page shows (src/pages/[period]/quality.astro): the issues by kind
 * with what to do about each, who reported and in which files, every file's row account, and every
 * issue with its place. The clerk works through this page before the bulletin goes out.
 */
import { issueAdvice, issueLabel } from '../model/issues.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { FileAccount, Severity } from '../model/types.ts';
import { fileInMonth } from './files.ts';
import { siteIndex } from './period-index.ts';
import { severityLabel } from './severity.ts';
import { missingText } from './submission.ts';
import { chaseList, type Chase } from './chase.ts';
import { feedbackList } from './feedback.ts';
import { paths } from './routes.ts';

export interface KindRow {
  kind: string;
  label: string;
  advice: string;
  severity: Severity;
  severityLabel: string;
  count: number;
  /** The id of the kind's first row in the issue list. */
  anchor: string;
}

export interface SubmissionRow {
  code: string;
  name: string;
  group: string;
  /** 未报送 / 报送文件无法读取; null when the unit reported. */
  missing: string | null;
  /** Files counted and files that could not be read, or —. */
  files: string;
}

export interface FileRow {
  /** The path under the data folder, for the tooltip. */
  file: string;
  name: string;
  units: string;
  rowsRead: number;
  projects: number;
  rejected: number;
  nonData: number;
  status: string;
}

export interface IssueRow {
  severity: Severity;
  severityLabel: string;
  file: string;
  sheet: string;
  /** The A1 cell, else the row, else —. */
  where: string;
  unit: string;
  project: string;
  kind: string;
  message: string;
  /** Set on the first issue of each kind: the kinds table links to it. */
  anchor: string | undefined;
}

export interface QualityPage {
  errors: number;
  warnings: number;
  /** Kinds, errors first, then by count (most first); equal counts keep the order they first appear in. */
  kinds: KindRow[];
  submissions: SubmissionRow[];
  files: FileRow[];
  fileTotals: { files: number; rowsRead: number; projects: number; rejected: number; nonData: number };
  issues: IssueRow[];
  /** 退回修改 workbooks, one per unit with problems (data/<period>/feedback/<code>.xlsx). */
  feedback: { code: string; name: string; path: string; errors: number; warnings: number }[];
  /** 催报: units still missing, with contacts in internal builds, and a text to paste. */
  chase: Chase | null;
  /**
   * How to get the chain pages when no chains are defined: an instruction for the clerk, so it is
   * said here (and in the README), never on the 产业链 page a leader opens.
   */
  chainsHint: string | null;
}

const kindAnchor = (kind: string) => `kind-${kind}`;

/** A file's status: read (or read but not counted, and why), with sheets left unread; or skipped and why. */
function fileStatus(f: FileAccount): string {
  if (f.status !== 'read') return `已跳过：${f.reason ?? ''}`;
  return `${f.notCounted ?? '已读取'}${f.ignoredSheets?.length ? `（未读取的工作表：${f.ignoredSheets.join('、')}）` : ''}`;
}

/** The quality page of period `p`. */
export function qualityPage(model: SiteModel, p: PeriodModel): QualityPage {
  const { unitName } = siteIndex(model);
  const nameOf = (code: string) => unitName.get(code) ?? code;

  // A kind's severity is that of its last issue: the pipeline gives a kind one severity, so this only
  // matters if it ever does not, and then the page shows what it always showed.
  const byKind = new Map<string, { severity: Severity; n: number }>();
  const firstOfKind = new Map<string, number>();
  p.issues.forEach((i, n) => {
    byKind.set(i.kind, { severity: i.severity, n: (byKind.get(i.kind)?.n ?? 0) + 1 });
    if (!firstOfKind.has(i.kind)) firstOfKind.set(i.kind, n);
  });
  const kinds = [...byKind]
    .sort((a, b) => (a[1].severity === b[1].severity ? b[1].n - a[1].n : a[1].severity === 'error' ? -1 : 1))
    .map(([kind, v]): KindRow => ({
      kind, label: issueLabel(kind), advice: issueAdvice(kind), severity: v.severity, severityLabel: severityLabel(v.severity), count: v.n, anchor: kindAnchor(kind),
    }));

  return {
    errors: p.issues.filter((i) => i.severity === 'error').length,
    warnings: p.issues.filter((i) => i.severity === 'warning').length,
    kinds,
    submissions: p.units.map((u) => ({
      code: u.code, name: u.name, group: u.group, missing: u.submitted ? null : missingText(u),
      files: [...u.files, ...(u.unreadable ?? [])].map(fileInMonth).join('、') || '—',
    })),
    files: p.files.map((f) => ({
      file: f.file, name: fileInMonth(f.file), units: f.units.map(nameOf).join('、') || '—',
      rowsRead: f.rowsRead, projects: f.projects, rejected: f.rejected, nonData: f.nonData, status: fileStatus(f),
    })),
    fileTotals: p.files.reduce(
      (t, f) => ({ ...t, rowsRead: t.rowsRead + f.rowsRead, projects: t.projects + f.projects, rejected: t.rejected + f.rejected, nonData: t.nonData + f.nonData }),
      { files: p.files.length, rowsRead: 0, projects: 0, rejected: 0, nonData: 0 },
    ),
    issues: p.issues.map((i, n) => ({
      severity: i.severity, severityLabel: severityLabel(i.severity),
      file: i.file ?? '—', sheet: i.sheet ?? '—', where: i.cell ?? (i.row ? `第${i.row}行` : '—'),
      unit: i.unit ? nameOf(i.unit) : '—',
      project: i.project ? `${i.project}${i.projectCode ? `（${i.projectCode}）` : ''}` : '—',
      kind: issueLabel(i.kind), message: i.message,
      anchor: firstOfKind.get(i.kind) === n ? kindAnchor(i.kind) : undefined,
    })),
    feedback: feedbackList(model, p).map((f) => ({ code: f.code, name: f.name, path: paths.data(p.period, f.file), errors: f.errors, warnings: f.warnings })),
    chase: chaseList(model, p),
    chainsHint: model.chains.length > 0 ? null : '未定义产业链，产业链页只显示“本期未设置重点产业链”。在数据目录中添加 chains.xlsx（产业链、环节、层级三列，格式见 README“产业链图谱”），即可生成产业链图谱和补链目标清单。',
  };
}
