/**
 * Checks of a whole period rather than of rows: targets missing, units that sent nothing (or a file
 * that could not be read), rows naming a chain or link that is not defined. Pure; the pipeline
 * hands in what assembling the period found.
 */
import { issue, type Issue } from '../model/issues.ts';
import type { Project, Unit } from '../model/types.ts';

/** A1 cell of a field in a project's row, where the ledger has that column. */
export type CellOf = (p: Project, field: string) => string | null;

export interface PeriodCheckInput {
  year: number;
  units: readonly Unit[];
  /** Whether targets/<year> exists at all. */
  hasTargets: boolean;
  /** Unit code → its 到位资金 target, if any. */
  fundsTarget: (code: string) => number | undefined;
  submitted: ReadonlySet<string>;
  /** Unit code → files that name it but could not be read. */
  unreadable: ReadonlyMap<string, readonly string[]>;
  /** Rows that name a chain or link not defined (compute/chains placeOnChains). */
  unplaced: readonly { project: Project; reason: string; field: 'chain' | 'link' }[];
  cellOf: CellOf;
}

export function checkPeriod(input: PeriodCheckInput): Issue[] {
  const { year, units } = input;
  const issues: Issue[] = [];
  if (!input.hasTargets) {
    issues.push(issue({ kind: 'no-targets', message: `没有找到${year}年的目标任务表（targets/${year}.xlsx 或 .csv），完成率和排名无法计算` }));
  }
  for (const { project: p, reason, field } of input.unplaced) {
    issues.push(issue({
      kind: 'unknown-chain', message: `${reason}，该项目列为“未归链”`,
      at: { file: p.source.file, sheet: p.source.sheet, row: p.source.row, cell: input.cellOf(p, field) }, unit: p.unit, project: p,
    }));
  }
  for (const u of units) {
    if (input.submitted.has(u.code)) continue;
    const unreadable = input.unreadable.get(u.code);
    issues.push(unreadable
      ? issue({ kind: 'return-unreadable', message: `“${u.name}”报送的文件无法读取（${unreadable.join('、')}），本期数据未计入；请该单位另存为 .xlsx 后重新报送`, at: { file: unreadable[0]! }, unit: u.code })
      : issue({ kind: 'not-submitted', message: `“${u.name}”本期未报送台账`, unit: u.code }));
  }
  if (input.hasTargets) {
    for (const u of units) {
      if (!input.fundsTarget(u.code)) issues.push(issue({ kind: 'no-target', message: `“${u.name}”没有${year}年到位资金目标，不参加排名`, at: { file: `targets/${year}` }, unit: u.code }));
    }
  }
  return issues;
}
