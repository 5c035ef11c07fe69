/**
 * What a unit's page shows (src/pages/[period]/units/[code].astro): the unit against its target and
 * its group, its rank month by month, its ledger by stage, its issues, links to its peers and to
 * its own page in other months. Texts whose wording depends on the data are chosen here, so the page
 * only lays them out and a test can read what a leader reads.
 *
 * Everything is looked up through the period's index (period-index.ts): a unit page costs its own
 * rows, not a pass over the whole month's ledger.
 */
import { LIGHT_LABEL } from '../compute/light.ts';
import { aheadText, intensityNumber, pct, percent, pointsShort, rankChangeText, wan, yi, yiNumber } from '../model/format.ts';
import { yoyWithSource } from './last-year.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import { STAGES, type GroupResult, type Light, type Project, type UnitResult } from '../model/types.ts';
import { describeUnit } from './describe.ts';
import { fileInMonth } from './files.ts';
import { unitFeedback } from './feedback.ts';
import { paths } from './routes.ts';
import { intensitySummary, investmentIntensity, type IntensitySummary } from './intensity.ts';
import { keyProjects, monthBefore } from './key-projects.ts';
import { listOf, periodIndex } from './period-index.ts';
import { neighbours, periodsByYear, visiblePeriods, type Neighbours } from './periods.ts';
import { aroundUnit, byStanding, type GroupWindow } from './ranking.ts';
import { yearSeries, type YearSeries } from './series.ts';
import { severityLabel } from './severity.ts';
import { missingShort, sentUnreadable } from './submission.ts';
import { ledgerPaging } from './ledger-paging.ts';
import { unitLedgerLink } from './ledger.ts';

/** One cell of the figures strip: the value and the note under it. */
export interface Figure { value: string; note: string }

export interface CompareRow { completion: string; ahead: string; funds: string; target: string; yoy: string }

export interface MonthRow {
  period: string;
  current: boolean;
  /** Cumulative funds (万元), or 未报送. */
  funds: string;
  added: string;
  completion: string;
  rank: string;
  submitted: boolean;
  light: Light | null;
  lightLabel: string;
}

export interface LedgerRow {
  project: Project;
  /** ` · 链/环节` after the industry, or empty. */
  chain: string;
  /** 万元/亩, `（偏低）` below site.json `checks.lowIntensity`, or —. */
  intensity: string;
  lowIntensity: boolean;
  /** `东山县.csv · 台账 · 第5行`. */
  source: string;
}

/** `more`: rows of the stage not shown here (a unit whose ledger is paged; see `STAGE_ROWS_WHEN_PAGED`). */
export interface StageTable { stage: string; rows: LedgerRow[]; more: number }

/**
 * A unit whose ledger takes more than one ledger page (views/ledger-paging.ts: over 400 rows, or
 * rows of long text) shows the first rows of each stage here and links to its ledger pages for the
 * rest: the whole by-stage ledger of a 20 000-row return would make this page megabytes.
 */
export const STAGE_ROWS_WHEN_PAGED = 50;

export interface IssueLine { severity: string; label: string; where: string; message: string }

export interface Peer { code: string; name: string; standing: string }

/** A month to link to: `4月` under its year. */
export interface MonthLink { period: string; label: string; current: boolean }

/** Inputs of the three charts (src/lib/charts), drawn by the page: views come before charts. */
export interface UnitCharts {
  group: {
    rows: { code: string; name: string; group: string; completion: number | null; light: Light | null; lightLabel: string; highlight: boolean }[];
    options: { id: string; label: string; timeProgress: number; groupHeadings: boolean };
  };
  rank: { points: { month: number; rank: number | null }[]; options: { id: string; label: string; groupSize: number; months: number } } | null;
  progress: {
    series: { name: string; style: 'main' | 'compare' | 'reference'; points: { month: number; value: number | null }[] }[];
    options: { id: string; label: string; unit: string; format: (v: number) => string };
  } | null;
}

export interface UnitPage {
  unit: UnitResult;
  group: GroupResult;
  /** The unit's group in registry order. */
  members: readonly UnitResult[];
  /** The group as its ranking table lists it (views/ranking.ts): whole, or around the unit in a large group. */
  ranking: UnitResult[];
  /** Which part of the group `ranking`, the group chart and `peers` show (`whole` for a small group). */
  window: Omit<GroupWindow<UnitResult>, 'rows'>;
  description: string;
  /** After `编码 …` in the lede: the files counted, the files that could not be read, or 本期未报送. */
  source: string;
  around: Neighbours;
  figures: {
    funds: Figure;
    completion: Figure & { ahead: { text: string; behind: boolean } | null };
    rank: Figure;
    groupNote: string;
    projects: { value: string; note: string | null };
    intensity: Figure | null;
  };
  compare: { unit: CompareRow; group: CompareRow };
  charts: UnitCharts;
  months: MonthRow[];
  /** No ledger rows at all this period. */
  noProjects: boolean;
  /** `A项目（新引进）、B项目（新开工）`: 亿元以上 projects new this month, or null. */
  newLarge: string | null;
  /** The ledger by stage (在谈 … 投产, then rows without one), stages without rows left out. */
  stages: StageTable[];
  /** The unit's section in the city's ledger pages (views/ledger.ts), or null without rows. */
  ledger: string | null;
  internal: boolean;
  issues: IssueLine[];
  peers: Peer[];
  /** This unit's page in the months a page may name (views/periods.ts), latest year first. */
  years: { year: number; months: MonthLink[] }[];
  /** The unit's 退回修改 workbook (views/feedback.ts), when it has problems to fix. */
  feedback: string | null;
}

const orDash = (s: string) => s || '—';

/** The page of unit `code` in period `p`; throws for a unit or group the period does not have. */
export function unitPage(model: SiteModel, p: PeriodModel, code: string): UnitPage {
  const index = periodIndex(p);
  const u = index.unitByCode.get(code);
  if (!u) throw new Error(`unknown unit ${code} in ${p.period}`);
  const group = index.groupByName.get(u.group);
  if (!group) throw new Error(`unknown group ${u.group} in ${p.period}`);
  const members = listOf(index.unitsByGroup, u.group);
  const { rows: shown, ...window } = aroundUnit(standingOf(p, u.group), u.code);
  const ledger = listOf(index.projectsByUnit, u.code);
  const allPeriods = model.periods.map((x) => x.period);
  const series = yearSeries(model, p.period, { kind: 'unit', code: u.code });
  const before = monthBefore(model.periods, p.period);
  const newLarge = keyProjects({ period: p.period, projects: [...ledger] }, before ? { projects: [...listOf(periodIndex(before).projectsByUnit, u.code)] } : null);
  const intensity = intensitySummary(ledger);
  const low = model.config.checks.lowIntensity;

  return {
    unit: u, group, members, ranking: shown, window,
    description: describeUnit(u, p.period, members.length),
    source: u.submitted ? `来源：${u.files.map(fileInMonth).join('、')}`
      : sentUnreadable(u) ? `本期报送的文件无法读取：${(u.unreadable ?? []).map(fileInMonth).join('、')}` : '本期未报送',
    around: neighbours(allPeriods, p.period),
    figures: {
      funds: {
        value: u.submitted ? yi(u.fundsInPlace) : missingShort(u),
        note: u.fundsYoY !== null ? yoyWithSource(u.fundsYoY, p) : u.submitted ? '无上年同期数' : sentUnreadable(u) ? '报送的文件无法读取' : '本期未报送台账',
      },
      completion: {
        value: pct(u.fundsCompletion),
        note: u.fundsTarget === null ? '无年度目标，不参加排名' : `目标${yi(u.fundsTarget)}`,
        ahead: u.aheadPoints !== null ? { text: aheadText(u.aheadPoints), behind: u.aheadPoints < 0 } : null,
      },
      rank: { value: u.rank !== null ? `第${u.rank}名` : '—', note: rankChangeText(u.rankChange).label },
      groupNote: `${u.group}整体完成${pct(group.fundsCompletion)}`,
      projects: {
        value: u.submitted ? `${u.projects}个` : missingShort(u),
        note: u.submitted ? `合同引资额${yi(u.contractAmount)}；亿元以上${u.largeProjects}个；在谈${u.reserveProjects}个` : null,
      },
      intensity: intensityFigure(intensity),
    },
    compare: {
      unit: {
        completion: u.submitted ? pct(u.fundsCompletion) : missingShort(u), ahead: pointsShort(u.aheadPoints),
        funds: u.submitted ? yiNumber(u.fundsInPlace) : '—', target: yiNumber(u.fundsTarget), yoy: orDash(yoyWithSource(u.fundsYoY, p)),
      },
      group: {
        completion: pct(group.fundsCompletion), ahead: pointsShort(group.aheadPoints),
        funds: yiNumber(group.fundsInPlace), target: yiNumber(group.fundsTarget), yoy: orDash(yoyWithSource(group.fundsYoY, p)),
      },
    },
    charts: unitCharts(model, p, u, members, shown, series),
    months: series.points.map((h) => ({
      period: h.period, current: h.period === p.period,
      funds: h.submitted ? wan(h.fundsInPlace, 0) : '未报送', added: wan(h.fundsThisMonth, 0), completion: pct(h.completion),
      rank: h.rank === null ? '—' : String(h.rank),
      submitted: h.submitted, light: h.light, lightLabel: h.light ? LIGHT_LABEL[h.light] : '无目标',
    })),
    noProjects: ledger.length === 0,
    newLarge: newLarge.length > 0 ? newLarge.map((k) => `${k.project.name}（${k.status}）`).join('、') : null,
    stages: [...STAGES, null].flatMap((stage) => {
      const rows = ledger.filter((x) => x.stage === stage);
      const cap = (ledgerPaging(p).byCode.get(u.code)?.pages.length ?? 0) > 1 ? STAGE_ROWS_WHEN_PAGED : rows.length;
      return rows.length === 0 ? [] : [{ stage: stage ?? '未填阶段', rows: rows.slice(0, cap).map((x) => ledgerRow(x, low)), more: rows.length - Math.min(cap, rows.length) }];
    }),
    ledger: unitLedgerLink(p, u.code),
    internal: model.audience === 'internal',
    feedback: (() => { const f = unitFeedback(model, p, u); return f && paths.data(p.period, f.file); })(),
    issues: listOf(index.issuesByUnit, u.code).map((i) => ({
      severity: i.severity, label: severityLabel(i.severity), where: [i.file, i.sheet, i.cell].filter(Boolean).join(' · '), message: i.message,
    })),
    peers: (window.whole ? members : shown).filter((x) => x.code !== u.code).map((x) => ({ code: x.code, name: x.name, standing: x.rank !== null ? `第${x.rank}名` : x.lightLabel })),
    years: periodsByYear(visiblePeriods(allPeriods, p.period)).map((y) => ({
      year: y.year, months: y.periods.map((period) => ({ period, label: `${Number(period.slice(5))}月`, current: period === p.period })),
    })),
  };
}

function intensityFigure(s: IntensitySummary): Figure | null {
  if (s.intensity === null) return null;
  return { value: intensityNumber(s.intensity), note: `${s.projects}个项目填报用地${wan(s.landArea, 0)}亩` };
}

function ledgerRow(x: Project, lowIntensity: number): LedgerRow {
  const i = investmentIntensity(x);
  return {
    project: x,
    chain: x.chain ? ` · ${x.chain}${x.link ? `/${x.link}` : ''}` : '',
    intensity: i === null ? '—' : `${intensityNumber(i)}${i < lowIntensity ? '（偏低）' : ''}`,
    lowIntensity: i !== null && i < lowIntensity,
    source: `${fileInMonth(x.source.file)} · ${x.source.sheet} · 第${x.source.row}行`,
  };
}

/** A group in standing order, sorted once per period and group rather than once per unit page. */
const standings = new WeakMap<PeriodModel, Map<string, UnitResult[]>>();
function standingOf(p: PeriodModel, group: string): UnitResult[] {
  let byGroup = standings.get(p);
  if (!byGroup) { byGroup = new Map(); standings.set(p, byGroup); }
  let list = byGroup.get(group);
  if (!list) { list = byStanding(listOf(periodIndex(p).unitsByGroup, group)); byGroup.set(group, list); }
  return list;
}

function unitCharts(model: SiteModel, p: PeriodModel, u: UnitResult, members: readonly UnitResult[], shown: readonly UnitResult[], series: YearSeries): UnitCharts {
  const groupSeries = yearSeries(model, p.period, { kind: 'group', name: u.group });
  const asPct = (v: number | null) => (v === null ? null : v * 100);
  return {
    group: {
      rows: shown.map((x) => ({ code: x.code, name: x.name, group: x.group, completion: x.fundsCompletion, light: x.light, lightLabel: x.lightLabel, highlight: x.code === u.code })),
      options: { id: 'ch-group', label: `${u.group}各单位完成率与序时进度对比，${u.name}以▶标出`, timeProgress: p.timeProgress, groupHeadings: false },
    },
    rank: series.points.some((x) => x.rank !== null)
      ? { points: series.points.map((x) => ({ month: x.month, rank: x.rank })), options: { id: 'ch-rank', label: `${u.name}${p.year}年各月在${u.group}的排名`, groupSize: members.length, months: p.month } }
      : null,
    progress: series.points.some((x) => x.completion !== null)
      ? {
          series: [
            { name: u.name, style: 'main', points: series.points.map((x) => ({ month: x.month, value: asPct(x.completion) })) },
            { name: `${u.group}整体`, style: 'compare', points: groupSeries.points.map((x) => ({ month: x.month, value: asPct(x.completion) })) },
            { name: '序时进度', style: 'reference', points: [{ month: 1, value: 100 / 12 }, { month: 12, value: 100 }] },
          ],
          options: { id: 'ch-progress', label: `${u.name}${p.year}年各月累计完成率与${u.group}整体、序时进度对比`, unit: '完成率（%）', format: (v) => percent(v) },
        }
      : null,
  };
}
