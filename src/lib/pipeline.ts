/**
 * The pure middle of the build: reference tables + read returns → the site model.
 *
 *   returns ─ readReturnFile ─┐
 *   units, targets, chains ───┼─ assemblePeriod ─ checkProjects ─ compute ─ draftBulletin ─► SiteModel
 *   site.json ────────────────┘
 */
import { draftBulletin } from './views/draft.ts';
import { breakdowns } from './compute/breakdowns.ts';
import { placeOnChains, projectRef } from './compute/chains.ts';
import { actuals, addActuals, indicators, sumTargets, type Actuals } from './compute/indicators.ts';
import { light, LIGHT_LABEL } from './compute/light.ts';
import { rankChange, rankDescending } from './compute/rank.ts';
import { checkProjects } from './checks/projects.ts';
import type { SiteConfig } from './model/config.ts';
import { a1 } from './recognise/header.ts';
import type { Audience, PeriodModel, SiteModel } from './model/site-model.ts';
import type { ReturnFile } from './return-file.ts';
import type { Targets } from './recognise/registry.ts';
import { cmp } from './model/util.ts';
import type { Chain, FileAccount, GroupResult, Issue, Project, Unit, UnitResult } from './model/types.ts';
import { parsePeriod, previousMonth, sameMonthLastYear } from './model/period.ts';
import { checkPeriod, type CellOf } from './checks/period.ts';
import { issue } from './model/issues.ts';
import { latestVersion, versionNotes, type IssueRecord } from './model/record.ts';
import { changedInputs, diffPeriods, fileOfChange } from './compute/revisions.ts';
import { assess, type ScoredPeriod } from './compute/assessment.ts';
import type { Assessment, AssessmentScheme } from './model/assessment.ts';
import type { HistoryKey, HistoryTable } from './recognise/history.ts';

export interface PipelineInput {
  config: SiteConfig;
  audience: Audience;
  units: Unit[];
  targets: ReadonlyMap<number, Targets>;
  chains: Chain[];
  returns: ReturnFile[];
  /** Issues found while loading the reference tables and folders. */
  globalIssues: Issue[];
  /** Issue records (签发记录) by period, already validated (src/io/records.ts). */
  records?: ReadonlyMap<string, IssueRecord>;
  /** sha256 of the inputs each period depends on, as now (src/io/records.ts `periodInputs`). */
  inputs?: ReadonlyMap<string, Record<string, string>>;
  /** The 考核 scheme (assessment.xlsx|csv), when the data folder has a usable one. */
  assessment?: AssessmentScheme | null;
  /** 上年同期汇总表 by the month they hold (history/2025-04.xlsx → `2025-04`), already read. */
  history?: ReadonlyMap<string, HistoryTable>;
}

/**
 * Last year's total of `key` over `codes` from a history table: null unless every unit has it (a
 * group total missing a unit would understate last year and overstate 同比).
 */
function tableSum(table: HistoryTable, codes: readonly string[], key: HistoryKey): number | null {
  let sum = 0;
  for (const c of codes) {
    const v = table.units[c]?.[key];
    if (v === undefined) return null;
    sum += v;
  }
  return codes.length > 0 ? sum : null;
}


interface Assembled {
  period: string;
  projects: Project[];
  byUnit: Map<string, Project[]>;
  filesByUnit: Map<string, string[]>;
  submitted: Set<string>;
  issues: Issue[];
  files: FileAccount[];
  columns: Map<string, Record<string, number>>;
  /** Unit → files that name it but could not be read. */
  unreadable: Map<string, string[]>;
}

/** Gathers a period's returns: one return per unit (a second one is reported, not counted). */
function assemble(period: string, returns: readonly ReturnFile[], units: readonly Unit[]): Assembled {
  const files = [...returns].sort((a, b) => cmp(a.file, b.file));
  const a: Assembled = { period, projects: [], byUnit: new Map(), filesByUnit: new Map(), submitted: new Set(), issues: [], files: [], columns: new Map(), unreadable: new Map() };
  const owner = new Map<string, string>(); // unit → "file｜sheet" that first reported it
  const known = new Set(units.map((u) => u.code));
  for (const rf of files) {
    const account = { ...rf.account };
    a.issues.push(...rf.issues);
    if (rf.account.status === 'skipped' && rf.unitHint) a.unreadable.set(rf.unitHint, [...(a.unreadable.get(rf.unitHint) ?? []), rf.file]);
    const refusedNotes: string[] = [];
    for (const ledger of rf.ledgers) {
      const where = `${rf.file}｜${ledger.sheet}`;
      a.columns.set(`${rf.file}\u0000${ledger.sheet}`, ledger.columns);
      const ledgerUnits = new Set(ledger.projects.map((p) => p.unit));
      if (ledger.unit) ledgerUnits.add(ledger.unit);
      const refused = new Set<string>();
      for (const u of ledgerUnits) {
        if (!known.has(u)) continue;
        const first = owner.get(u);
        if (first && first !== where) {
          refused.add(u);
          const name = units.find((x) => x.code === u)?.name ?? u;
          a.issues.push(issue({
            kind: 'duplicate-return', at: { file: rf.file, sheet: ledger.sheet }, unit: u,
            message: `“${name}”本期已由 ${first.replace('｜', ' 的工作表 ')} 报送，此处为第二份报表，未计入；请确认哪一份是正式报表并删除另一份`,
          }));
          refusedNotes.push(`“${name}”已由 ${first.replace(/｜.*$/, '')} 报送`);
        } else {
          owner.set(u, where);
          a.submitted.add(u);
          a.filesByUnit.set(u, [...(a.filesByUnit.get(u) ?? []), rf.file]);
        }
      }
      for (const p of ledger.projects) {
        if (refused.has(p.unit)) { account.projects--; account.rejected++; continue; }
        a.projects.push(p);
        let list = a.byUnit.get(p.unit);
        if (!list) { list = []; a.byUnit.set(p.unit, list); }
        list.push(p);
      }
    }
    // The file was read but (some of) its figures were not counted: say so wherever files are listed.
    if (refusedNotes.length > 0) account.notCounted = `重复报送，未计入（${refusedNotes.join('；')}）`;
    a.files.push(account);
  }
  return a;
}

function targetsFor(targets: ReadonlyMap<number, Targets>, year: number): Map<string, Record<string, number>> {
  const t = targets.get(year);
  return new Map((t?.rows ?? []).map((r) => [r.unit, r.values]));
}

/** Builds the whole site model. Pure: same input, same model. */
export function buildModel(input: PipelineInput): SiteModel {
  const { config, units, targets, chains } = input;
  const byPeriod = new Map<string, ReturnFile[]>();
  for (const rf of input.returns) byPeriod.set(rf.period, [...(byPeriod.get(rf.period) ?? []), rf]);
  const periods = [...byPeriod.keys()].sort();
  // A record for a month with no returns cannot be shown: say so with the other folder-level issues.
  // Masked once for a public build, so that every period shares the same objects (the CLI counts
  // global issues once, by identity).
  const globalIssues = input.audience === 'public' ? input.globalIssues.map(publicIssue) : [...input.globalIssues];
  for (const p of [...input.records?.keys() ?? []].sort()) {
    if (!byPeriod.has(p)) globalIssues.push(issue({ kind: 'record-without-returns', message: `有 ${p} 的签发记录，但 returns/ 中没有该月的月报；该记录未使用，请核对月份或补回月报`, at: { file: `issued/${p}.json` } }));
  }
  const groups = orderGroups(units, config.groupOrder);
  const unitByCode = new Map<string, Unit>();
  for (const u of units) if (!unitByCode.has(u.code)) unitByCode.set(u.code, u); // first wins, as find() did
  const assembled = new Map(periods.map((p) => [p, assemble(p, byPeriod.get(p)!, units)]));
  const unitActuals = new Map<string, Map<string, Actuals>>();
  for (const [p, a] of assembled) unitActuals.set(p, new Map(units.map((u) => [u.code, actuals(a.byUnit.get(u.code) ?? [])])));

  const models: PeriodModel[] = [];
  const byPeriodModel = new Map<string, PeriodModel>();
  /** A period's 考核 scores, from its figures as shown and the months of its year shown before it. */
  const score = (p: ScoredPeriod): { assessment: Assessment | null; issues: Issue[] } => {
    if (!input.assessment) return { assessment: null, issues: [] };
    const t = targets.get(p.year);
    const prev = previousMonth(p.period);
    return assess({
      scheme: input.assessment, period: p, groups,
      targetIndicators: t?.indicators ?? [], targetsFile: t?.file ?? null,
      earlier: models.filter((m) => m.year === p.year && m.period < p.period),
      previous: prev ? byPeriodModel.get(prev)?.assessment ?? null : null,
    });
  };
  for (const period of periods) {
    const a = assembled.get(period)!;
    const { year, month } = parsePeriod(period);
    const timeProgress = month / 12;
    const prev = previousMonth(period);
    const lastYear = sameMonthLastYear(period);
    const prevAssembled = prev ? assembled.get(prev) ?? null : null;
    const lastYearActuals = unitActuals.get(lastYear) ?? null;
    const lastYearAssembled = assembled.get(lastYear) ?? null;
    // Last year's returns win; the 汇总表 stands in only for a month whose returns are absent.
    const table = lastYearAssembled ? null : input.history?.get(lastYear) ?? null;
    const unitTargets = targetsFor(targets, year);
    const unitName = (code: string) => unitByCode.get(code)?.name ?? code;
    const issues: Issue[] = [...globalIssues, ...a.issues];

    const cellOf: CellOf = (p, field) => {
      const col = a.columns.get(`${p.source.file}\u0000${p.source.sheet}`)?.[field];
      return col === undefined ? null : a1(p.source.row - 1, col);
    };
    issues.push(...checkProjects({ period, projects: a.projects, previous: prevAssembled?.projects ?? null, thresholds: config.checks, unitName, cellOf }));
    // A public build places the projects in their public form (stripInternal: phones typed into a
    // name masked), so that the references its chain pages resolve in the ledger are the ledger's own.
    // From here on the public form is the only one (the same order, the same figures).
    const formed = input.audience === 'public' ? a.projects.map(stripInternal) : a.projects;
    const placement = placeOnChains(chains, formed, config.chains);
    issues.push(...checkPeriod({
      year, units, hasTargets: targets.has(year), fundsTarget: (code) => unitTargets.get(code)?.['fundsInPlace'],
      submitted: a.submitted, unreadable: a.unreadable, unplaced: placement.unplaced, cellOf,
    }));

    const notSubmitted: string[] = [];
    const unitResults: UnitResult[] = units.map((u) => {
      const submitted = a.submitted.has(u.code);
      if (!submitted) notSubmitted.push(u.code);
      const act = unitActuals.get(period)!.get(u.code)!;
      const lastYearFunds = table ? table.units[u.code]?.fundsInPlace ?? null
        : lastYearAssembled?.submitted.has(u.code) ? lastYearActuals!.get(u.code)!.fundsInPlace : null;
      const ind = indicators(act, unitTargets.get(u.code) ?? null, lastYearFunds, timeProgress);
      // A unit that did not report has no completion, 同比 or schedule gap this month (not 0%).
      if (!submitted) Object.assign(ind, { fundsCompletion: null, fundsYoY: null, aheadPoints: null, targets: {} });
      const l = submitted ? light(ind.fundsCompletion, timeProgress, config.lights) : null;
      const unreadable = submitted ? [] : a.unreadable.get(u.code) ?? [];
      return {
        code: u.code, name: u.name, group: u.group, submitted, ...ind,
        rank: null, rankChange: null, light: l, lightLabel: l ? LIGHT_LABEL[l] : submitted ? '无目标' : unreadable.length > 0 ? '文件无法读取' : '未报送',
        files: a.filesByUnit.get(u.code) ?? [],
        ...(unreadable.length > 0 ? { unreadable } : {}),
      };
    });

    // Ranks within each group; an unsubmitted unit is not ranked.
    const prevModel = prev ? byPeriodModel.get(prev) : undefined;
    const prevRanks = prevModel && new Map(prevModel.units.map((x) => [x.code, x.rank]));
    for (const g of groups) {
      const members = unitResults.filter((u) => u.group === g);
      const ranks = rankDescending(members, (u) => (u.submitted ? u.fundsCompletion : null));
      members.forEach((u, i) => {
        u.rank = ranks[i]!;
        u.rankChange = rankChange(prevRanks?.get(u.code), u.rank);
      });
    }

    const groupResults: GroupResult[] = groups.map((g) => {
      const members = units.filter((u) => u.group === g);
      const act = addActuals(members.map((u) => unitActuals.get(period)!.get(u.code)!));
      const lyFunds = table ? tableSum(table, members.map((u) => u.code), 'fundsInPlace')
        : lastYearAssembled ? addActuals(members.map((u) => lastYearActuals!.get(u.code)!)).fundsInPlace : null;
      const t = sumTargets(members.map((u) => unitTargets.get(u.code) ?? null));
      return { name: g, units: members.length, submittedUnits: members.filter((u) => a.submitted.has(u.code)).length, ...indicators(act, t, lyFunds, timeProgress) };
    });
    const cityAct = addActuals(units.map((u) => unitActuals.get(period)!.get(u.code)!));
    const cityTarget = targets.get(year)?.city ?? sumTargets(units.map((u) => unitTargets.get(u.code) ?? null));
    // A 全市 row of the table is the city's own figure; else the units', when the table has them all.
    const cityTable = (key: HistoryKey) => (table ? table.city?.[key] ?? tableSum(table, units.map((u) => u.code), key) : null);
    const cityLastYear = table ? cityTable('fundsInPlace') : lastYearAssembled ? addActuals(units.map((u) => lastYearActuals!.get(u.code)!)).fundsInPlace : null;
    const totals = {
      ...indicators(cityAct, cityTarget, cityLastYear, timeProgress),
      units: units.length, submittedUnits: a.submitted.size, startedProjects: cityAct.startedProjects,
    };

    const known = new Set(units.map((u) => u.code));
    const projects = formed.filter((p) => known.has(p.unit)).sort(compareProjects(units));

    // 考核: scored on this month's figures, before the draft (which names the top and bottom units).
    const scored = score({ period, year, month, units: unitResults, projects, issues });
    issues.push(...scored.issues);
    if (config.rankBy === 'assessment') {
      if (scored.assessment) rankByScore(unitResults, scored.assessment, prevModel);
      else issues.push(issue({ kind: 'assessment-rank', at: { file: 'site.json' }, message: `site.json 设置按考核得分排名（"rankBy": "assessment"），但${period}没有考核得分（${input.assessment ? '考核办法所需的目标列缺失，见上一条' : '数据目录中没有可用的 assessment 考核办法'}）；本期排名和红黑榜仍按到位资金完成率` }));
    }
    const model: PeriodModel = {
      period, year, month, timeProgress, totals, groups: groupResults, units: unitResults,
      breakdowns: breakdowns(projects), chains: placement.chains,
      unplaced: placement.unplaced.map((u) => ({ ref: projectRef(u.project), unit: u.project.unit, name: u.project.name, chain: u.project.chain, link: u.project.link, reason: u.reason })),
      projects,
      issues: sortIssues(issues), files: a.files, notSubmitted,
      previousPeriod: prevModel ? prev : null, lastYearPeriod: lastYearAssembled ? lastYear : null,
      ...(table ? { lastYearTable: { file: table.file, city: { fundsInPlace: cityTable('fundsInPlace'), contractAmount: cityTable('contractAmount'), projects: cityTable('projects') } } } : {}),
      draft: { title: '', sections: [] },
      issued: null, versions: [], revisions: [], changedFromFirst: [], assessment: scored.assessment,
    };
    model.draft = draftBulletin(model, config);
    const record = input.records?.get(period);
    // An issued period shows what was issued; the data as it is now only says what would differ.
    // Later months compare with what leaders were shown (the issued ranks).
    const shown = record ? issuedModel(record, model, input.inputs?.get(period) ?? {}, input.audience) : model;
    // Scores of an issued month: as recorded when it was issued with them, else worked out from its
    // issued figures (a scheme adopted later scores the months already issued, as issued).
    if (record) shown.assessment = shown.assessment ?? score(shown).assessment;
    models.push(input.audience === 'public' ? publicPeriod(shown) : shown);
    byPeriodModel.set(period, shown);
  }
  // Once anything is issued, the public sees issued bulletins only; drafts stay internal.
  const visible = input.audience === 'public' && models.some((m) => m.issued) ? models.filter((m) => m.issued) : models;
  return { config, audience: input.audience, units, chains, groups, periods: visible, globalIssues };
}

/** The period as issued (latest version), with what would now differ and what a 更正版 changed. */
function issuedModel(record: IssueRecord, current: PeriodModel, inputsNow: Record<string, string>, audience: Audience): PeriodModel {
  const latest = latestVersion(record);
  const figures = latest.figures;
  const unitFiles = (m: PeriodModel) => (code: string) => {
    const u = m.units.find((x) => x.code === code);
    return u ? [...u.files, ...(u.unreadable ?? [])] : [];
  };
  const changed = changedInputs(latest.inputs, inputsNow);
  const fileNow = fileOfChange(changed, (code) => [...unitFiles(current)(code), ...unitFiles(figures)(code)]);
  const first = record.versions[0]!;
  const revisedFiles = changedInputs(first.inputs, latest.inputs);
  return {
    ...(audience === 'public' ? publicRecord(figures) : figures),
    issued: { number: latest.number, date: latest.date, version: latest.version },
    versions: versionNotes(record),
    revisions: diffPeriods(figures, current, fileNow),
    changedFromFirst: record.versions.length > 1 ? diffPeriods(first.figures, figures, fileOfChange(revisedFiles, (code) => [...unitFiles(first.figures)(code), ...unitFiles(figures)(code)])) : [],
  };
}

/**
 * `rankBy: "assessment"`: the bulletin's ranks (tables, 红黑榜, rank change) follow the 考核 score.
 * A unit that did not report stays unranked, as it is under the completion ranking.
 */
function rankByScore(units: UnitResult[], assessment: Assessment, prevModel: PeriodModel | undefined): void {
  const byCode = new Map(assessment.units.map((s) => [s.code, s]));
  const prevRanks = new Map(prevModel?.units.map((x) => [x.code, x.rank]) ?? []);
  for (const u of units) {
    const s = byCode.get(u.code);
    u.rank = u.submitted && s ? s.rank : null;
    u.rankChange = rankChange(prevRanks.get(u.code), u.rank);
  }
}

function orderGroups(units: readonly Unit[], preferred: readonly string[]): string[] {
  const present = [...new Set(units.map((u) => u.group))];
  return [...preferred.filter((g) => present.includes(g)), ...present.filter((g) => !preferred.includes(g))];
}

function compareProjects(units: readonly Unit[]) {
  const order = new Map(units.map((u, i) => [u.code, i]));
  return (a: Project, b: Project) =>
    (order.get(a.unit)! - order.get(b.unit)!) || cmp(a.source.file, b.source.file) || cmp(a.source.sheet, b.source.sheet) || a.source.row - b.source.row;
}

/** Removes personal and internal fields (包保领导, 联系人, 联系电话, 填报人) for a public build, and phones typed into its free-text cells (the code is left as typed). */
export function stripInternal(p: Project): Project {
  return {
    ...p,
    name: maskPhones(p.name)!, investor: maskPhones(p.investor), remarks: maskPhones(p.remarks),
    investorOrigin: maskPhones(p.investorOrigin), industry: maskPhones(p.industry), chain: maskPhones(p.chain), link: maskPhones(p.link),
    internal: { leader: null, contact: null, phone: null, filler: null },
  };
}

/**
 * What a public build shows of a period besides its projects: phone numbers typed into free text
 * masked in the data-quality messages and the drafted bulletin, which quote names and cells. (The
 * projects, and what is placed and counted from them, are in their public form from the start.)
 */
function publicPeriod(m: PeriodModel): PeriodModel {
  return { ...m, issues: m.issues.map(publicIssue), draft: maskTexts(m.draft) };
}

/**
 * An issued period's recorded figures as a public build shows them. The record was made from an
 * internal build: its projects, 未归链 list and breakdowns hold free text as typed, and its chain
 * references were made from those names — a code-less row's reference names its phone, and must
 * name the masked one to find its row in the masked ledger.
 */
function publicRecord(figures: PeriodModel): PeriodModel {
  const projects = figures.projects.map(stripInternal);
  const inLedger = new Set(projects.map(projectRef));
  const ref = (r: string) => (inLedger.has(r) ? r : maskPhones(r)!);
  return {
    ...figures,
    projects,
    chains: figures.chains.map((c) => ({ ...c, links: c.links.map((l) => ({ ...l, projectRefs: l.projectRefs.map(ref), reserveRefs: l.reserveRefs.map(ref) })) })),
    unplaced: figures.unplaced.map((u) => ({ ...u, ref: ref(u.ref), name: maskPhones(u.name)!, chain: maskPhones(u.chain), link: maskPhones(u.link), reason: maskPhones(u.reason)! })),
    breakdowns: maskTexts(figures.breakdowns),
  };
}

/** An issue with phones masked in what it says; the same object when there was none (global issues are counted by identity). */
function publicIssue(i: Issue): Issue {
  const message = maskPhones(i.message)!;
  const project = maskPhones(i.project);
  return message === i.message && project === i.project ? i : { ...i, message, project };
}

/** Every string of a plain data structure (the drafted bulletin, the breakdowns) with phones masked. */
function maskTexts<T>(v: T): T {
  if (typeof v === 'string') return maskPhones(v) as T;
  if (Array.isArray(v)) return v.map(maskTexts) as T;
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskTexts(x)])) as T;
  return v;
}

/**
 * A mobile or landline number standing alone in a text. Digits followed by a decimal part or by
 * 元/万元/万 are an amount (a message quoting a cell typed in 元: “累计到位资金15012345678万元”), not a phone.
 */
const PHONE_IN_TEXT = /(?<!\d)(?:(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?\d{7,8})(?!\d|\.\d|\s*(?:万元|元|万))/g;

const THREE_DIGITS = /\d{3}/;

/** Phone numbers typed into free text (备注: “联系人张三13900001111”) are hidden in public builds too. */
export function maskPhones(text: string | null): string | null {
  // Every number the pattern takes starts with three digits in a row; most cells (工业, 生物医药) have none.
  if (text === null || !THREE_DIGITS.test(text)) return text;
  return text.replace(PHONE_IN_TEXT, '（电话已隐去）');
}

const severityOrder = { error: 0, warning: 1 } as const;
function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) =>
    severityOrder[a.severity] - severityOrder[b.severity] || cmp(a.file ?? '', b.file ?? '') || cmp(a.sheet ?? '', b.sheet ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) || cmp(a.kind, b.kind) || cmp(a.message, b.message));
}
