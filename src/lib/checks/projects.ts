/**
 * Data-quality checks on the normalised ledger of one period. Pure; every finding names the file,
 * sheet, row and cell it comes from. Month-to-month matching and duplicate detection go through
 * indexes (Maps), never pairwise scans, so they stay linear in the number of rows.
 */
import { findPrevious, indexProjects, projectKey } from '../normalise/identity.ts';
import type { CheckThresholds } from '../model/config.ts';
import { squash } from '../model/glossary.ts';
import { STAGES, type Issue, type Project } from '../model/types.ts';
import { amountText } from '../model/format.ts';
import { periodEndBound } from '../model/period.ts';
import { issue, type IssueKind } from '../model/issues.ts';

/** Columns of the template, to point at a cell in the same row as the project's name. */
export interface ColumnLocator { (p: Project, field: string): string | null }

/** An issue about a project's row, at the cell of the field concerned (or the name's cell). */
function make(p: Project, kind: IssueKind, message: string, cell: string | null = null, value: string | null = null): Issue {
  return issue({ kind, message, at: { file: p.source.file, sheet: p.source.sheet, row: p.source.row, cell: cell ?? p.source.cell ?? null }, unit: p.unit, project: p, value });
}

/** A field's value as the row holds it after reading, for the feedback's 填报值 column. */
function valueOf(p: Project, field: keyof Project): string | null {
  const v = p[field];
  return typeof v === 'number' ? amountText(v) : typeof v === 'string' ? v : null;
}

/** The cell held something unusable, already reported by the reader: one bad cell, one issue. */
const isInvalid = (p: Project, field: string) => p.invalid?.includes(field) ?? false;

/** Project names that denote the same project: equal or contained once generic words are removed. */
export function sameProjectName(a: string, b: string): boolean {
  return sameStrippedName(stripProjectName(a), stripProjectName(b));
}

/** A project name without the generic words, as `sameProjectName` compares it. */
function stripProjectName(t: string): string {
  return squash(t).replace(/(建设|新建|扩建)?项目$|[（(]?[一二三四五]期[)）]?|工程$/g, '');
}

function sameStrippedName(x: string, y: string): boolean {
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x)));
}

const fmt = amountText;

export interface PeriodCheckInput {
  period: string;
  projects: readonly Project[];
  /** The same year's previous month, if reported. */
  previous: readonly Project[] | null;
  thresholds: CheckThresholds;
  unitName: (code: string) => string;
  /** A1 cell of a field in a project's row, where the column is known. */
  cellOf: (p: Project, field: string) => string | null;
}

/** Runs the row-level and month-to-month checks of one period. */
export function checkProjects(input: PeriodCheckInput): Issue[] {
  const { period, projects, previous, thresholds: t, unitName, cellOf } = input;
  const issues: Issue[] = [];
  const periodEnd = periodEndBound(period);
  const periodEndMonth = period;

  for (const p of projects) {
    if (p.stage === null) issues.push(make(p, 'missing-stage', '没有填写项目阶段，按已签约项目计', cellOf(p, 'stage'), valueOf(p, 'stage')));
    if (p.stage !== '在谈' && p.fundsInPlace === null && p.stage !== null && !isInvalid(p, 'fundsInPlace')) {
      issues.push(make(p, 'missing-funds', '没有填写累计到位资金，按0计', cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
    }
    if (p.stage === '在谈' && (p.fundsInPlace ?? 0) > 0) {
      issues.push(make(p, 'reserve-with-funds', `在谈项目填报了到位资金${fmt(p.fundsInPlace!)}万元；在谈项目不计入到位资金，请核实项目阶段`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
    }
    if (p.fundsInPlace !== null && p.contractAmount !== null && p.contractAmount > 0 && p.fundsInPlace >= p.contractAmount * 1000 && p.fundsInPlace >= t.minJumpAmount) {
      issues.push(make(p, 'unit-slip', `累计到位资金${fmt(p.fundsInPlace)}万元是合同引资额${fmt(p.contractAmount)}万元的${Math.round(p.fundsInPlace / p.contractAmount)}倍，疑似把“元”填进了“万元”列`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
    } else if (p.fundsInPlace !== null && p.contractAmount !== null && p.fundsInPlace > p.contractAmount + 1e-6) {
      issues.push(make(p, 'funds-above-contract', `累计到位资金${fmt(p.fundsInPlace)}万元超过合同引资额${fmt(p.contractAmount)}万元，请核实`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
    }
    if (p.contractAmount !== null && p.totalInvestment !== null && p.contractAmount > p.totalInvestment + 1e-6) {
      issues.push(make(p, 'contract-above-total', `合同引资额${fmt(p.contractAmount)}万元超过总投资${fmt(p.totalInvestment)}万元，请核实`, cellOf(p, 'contractAmount'), valueOf(p, 'contractAmount')));
    }
    for (const [field, label] of [['signDate', '签约日期'], ['startDate', '开工日期'], ['productionDate', '投产日期']] as const) {
      const d = p[field];
      if (d && (d.length === 7 ? d > periodEndMonth : d > periodEnd)) {
        issues.push(make(p, 'date-after-period', `${label}${d}晚于本期截止（${periodEndMonth}月底），请核实`, cellOf(p, field), valueOf(p, field)));
      }
    }
    if (p.signDate && p.startDate && p.startDate.length === 10 && p.signDate.length === 10 && p.startDate < p.signDate) {
      issues.push(make(p, 'date-order', `开工日期${p.startDate}早于签约日期${p.signDate}`, cellOf(p, 'startDate'), valueOf(p, 'startDate')));
    }
  }

  // Same project reported twice in one unit (same code, or same name and investor).
  const seen = new Map<string, Project>();
  for (const p of projects) {
    const k = projectKey(p);
    const first = seen.get(k);
    if (first) issues.push(make(p, 'duplicate-row', `与${first.source.sheet}第${first.source.row}行是同一项目（${p.code ? '项目编码相同' : '名称和投资方相同'}），重复填报，请删除其中一行`));
    else seen.set(k, p);
  }

  // The same project reported by two units: same investor and a matching project name (equal, or
  // one contained in the other once 项目/一期 and the like are removed). Grouped by investor first,
  // so the comparison only runs within one investor's handful of projects.
  const byInvestor = new Map<string, Project[]>();
  for (const p of projects) {
    if (!p.investor) continue;
    const k = squash(p.investor).replace(/[（(].*?[)）]/g, '');
    let list = byInvestor.get(k);
    if (!list) { list = []; byInvestor.set(k, list); }
    list.push(p);
  }
  // Each name is stripped once (stripping inside the pairwise loop made a frequent investor cost
  // squash + regex per pair: 8 s of checks at 300 units × 24 months); b is paired with the first
  // earlier row of another unit whose name matches.
  for (const list of byInvestor.values()) {
    if (list.length < 2 || new Set(list.map((p) => p.unit)).size < 2) continue;
    const names = list.map((p) => stripProjectName(p.name));
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (let j = 0; j < i; j++) {
        const a = list[j]!;
        if (a.unit === b.unit || !sameStrippedName(names[j]!, names[i]!)) continue;
        issues.push(make(b, 'cross-unit-duplicate', `与“${unitName(a.unit)}”报送的“${a.name}”投资方相同、项目名称一致（${a.source.file} 第${a.source.row}行），疑似重复统计，请两单位核实归属`));
        break;
      }
    }
  }

  if (previous) {
    const index = indexProjects(previous);
    const stageOrder = new Map(STAGES.map((s, i) => [s, i]));
    for (const p of projects) {
      const before = findPrevious(index, p);
      if (!before) continue;
      // An unusable amount this month or last is reported where it is; comparing it as 0 would
      // add a second, wrong finding (“累计到位资金减少”) for the same cell.
      const comparable = !isInvalid(p, 'fundsInPlace') && !isInvalid(before, 'fundsInPlace');
      const now = p.fundsInPlace ?? 0;
      const then = before.fundsInPlace ?? 0;
      if (!comparable) { /* reported by the reader */ } else if (now + 1e-6 < then) {
        issues.push(make(p, 'funds-decrease', `累计到位资金${fmt(now)}万元低于上月的${fmt(then)}万元；累计数不应减少，请核实`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
      } else if (then > 0 && now >= then * t.unitSlipFactor && now >= t.minJumpAmount) {
        issues.push(make(p, 'unit-slip', `累计到位资金由上月${fmt(then)}万元变为${fmt(now)}万元（约${Math.round(now / then)}倍），疑似把“元”填进了“万元”列`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
      } else if (then > 0 && now >= then * t.jumpFactor && now - then >= t.minJumpAmount) {
        issues.push(make(p, 'funds-jump', `累计到位资金由上月${fmt(then)}万元增至${fmt(now)}万元（${Math.round(now / then)}倍），增幅异常，请核实`, cellOf(p, 'fundsInPlace'), valueOf(p, 'fundsInPlace')));
      }
      if (p.stage && before.stage && (stageOrder.get(p.stage) ?? 0) < (stageOrder.get(before.stage) ?? 0)) {
        issues.push(make(p, 'stage-backwards', `项目阶段由上月“${before.stage}”退回“${p.stage}”，请核实`, cellOf(p, 'stage'), valueOf(p, 'stage')));
      }
    }
  }
  return issues;
}

