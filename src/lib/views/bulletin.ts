/**
 * What a period's bulletin shows (src/components/Bulletin.astro, on the home page and on each
 * period's page): the headline figures, who reported, rankings per group, 红黑榜, key projects and
 * the inputs of its charts. The drafted text itself comes ready in the model (`p.draft`).
 */
import { aheadText, pct, periodRange, usd, yi, yoyText, dateText } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { BreakdownEntry, GroupResult, Light, UnitResult } from '../model/types.ts';
import { headlineFigures, type HeadlineFigure } from './headline.ts';
import { keyProjects, monthBefore, type KeyProject, type KeyStatus } from './key-projects.ts';
import { listOf, periodIndex, siteIndex } from './period-index.ts';
import { neighbours, type Neighbours } from './periods.ts';
import { byStanding } from './ranking.ts';
import { redBlackLists, type ListedUnit } from './red-black.ts';
import { LAST_YEAR_TABLE } from './last-year.ts';
import { yearSeries } from './series.ts';
import { sentUnreadable } from './submission.ts';
import { issueStatus, type IssueStatus } from './issue-status.ts';
import { scoresByCode } from './assessment.ts';

/** A headline figure with its texts: value and target in the figure's unit, and 同比 or last year's figure. */
export interface FigureCell { figure: HeadlineFigure; value: string; target: string; yoy: string }

/** A group's ranking table: units in the order shown (views/ranking.ts). */
export interface Ranking { group: GroupResult; units: UnitResult[] }

export interface ListedCell extends ListedUnit { detail: string }
export interface RedBlackRow { group: string; red: ListedCell[]; black: ListedCell[] }

export interface KeyProjectRow extends KeyProject { unitName: string }

export interface KeyProjectTable {
  total: number;
  counts: Readonly<Record<KeyStatus, number>>;
  /** The first `max`, biggest first within each status; the rest are in the ledger. */
  shown: KeyProjectRow[];
  more: number;
  /** Compared with last month's ledger, or judged by this month's dates when there is none. */
  basis: 'ledger' | 'dates';
}

interface LinePoint { month: number; value: number | null }

/**
 * Up to this many units the bulletin draws all of them in one completion chart. A larger city's
 * chart would be metres long on a phone and only repeat the ranking tables, whose rows already
 * carry a completion bar with the 序时进度 mark; it is left out (and the page stays light: issue 16).
 */
export const CHART_ALL_UNITS = 40;

export interface BulletinCharts {
  /** null when the city has more than CHART_ALL_UNITS units. */
  completion: {
    rows: { code: string; name: string; group: string; completion: number | null; light: Light | null; lightLabel: string }[];
    options: { id: string; label: string; timeProgress: number };
  } | null;
  trend: {
    series: { name: string; style: 'main' | 'compare' | 'reference'; points: LinePoint[] }[];
    options: { id: string; label: string; unit: string; format: (v: number) => string };
    caption: string;
    note: string | undefined;
  };
  industry: { entries: BreakdownEntry[]; options: { id: string; label: string } };
  size: { entries: BreakdownEntry[]; options: { id: string; label: string } };
  stage: { entries: BreakdownEntry[]; options: { id: string; label: string; measure: 'projects' } };
}

export interface BulletinView {
  p: PeriodModel;
  /** The 成文日期 of the issue record, else the publication date of site.json (old data folders), if any. */
  published: string | undefined;
  /** Issued, revised or draft (views/issue-status.ts). */
  status: IssueStatus;
  /** Office and date under the title, or empty: either may be unset, and nothing is invented. */
  issuer: string;
  around: Neighbours;
  figures: FigureCell[];
  /** `报送9/10个单位，未报送：东山县`, or `…，全部单位已报送`, with any unreadable files named. */
  reporting: string;
  errors: number;
  warnings: number;
  rankings: Ranking[];
  /** 考核 score by unit code when the ranks follow it (rankBy "assessment"); else null. */
  scores: Map<string, string> | null;
  /** Groups with anyone on either list. */
  redBlack: RedBlackRow[];
  keyProjects: KeyProjectTable;
  charts: BulletinCharts;
}

/** Key projects shown in the bulletin's table; more are in the ledger. */
export const KEY_PROJECTS_SHOWN = 30;

function figureCell(f: HeadlineFigure): FigureCell {
  const inUnit = (n: number) => (f.unit === 'money' ? yi(n) : f.unit === 'usd' ? usd(n) : `${n}个`);
  return {
    figure: f,
    value: inUnit(f.value),
    target: f.target === null ? '' : f.unit === 'usd' ? `${f.target}万美元` : inUnit(f.target),
    yoy: f.lastYearSource === 'table' && f.lastYear !== null
      ? [yoyText(f.yoy), `${LAST_YEAR_TABLE}${f.unit === 'money' ? yi(f.lastYear) : inUnit(f.lastYear)}`].filter(Boolean).join('，')
      : f.yoy !== null ? yoyText(f.yoy) : f.lastYear !== null ? `上年同期${f.unit === 'money' ? yi(f.lastYear) : f.lastYear}` : '无上年同期数',
  };
}

/** Why a unit is on 红榜 or 黑榜, in words (with its 考核 score when the ranks follow it). */
function listedDetail(u: ListedUnit, scores: ReadonlyMap<string, string> | null): string {
  const score = scores?.get(u.code);
  return u.reason === '未报送' ? '本期未报送台账' : u.reason === '报送文件无法读取' ? '报送的文件无法读取' : `第${u.rank}名，${score ? `考核得分${score}分，` : ''}完成${pct(u.completion)}，${aheadText(u.aheadPoints)}`;
}

/**
 * The 考核 scores by code when this period's ranks follow them: rankBy "assessment" and every
 * ranked unit's rank is its score rank (an issued period keeps the ranks it was issued with).
 */
export function rankedScores(model: Pick<SiteModel, 'config'>, p: PeriodModel): Map<string, string> | null {
  const a = p.assessment;
  if (model.config.rankBy !== 'assessment' || !a) return null;
  const rank = new Map(a.units.map((u) => [u.code, u.rank]));
  return p.units.every((u) => u.rank === null || u.rank === rank.get(u.code)) ? scoresByCode(p) : null;
}

/** The key-project table of a month: counts by status and the first `max` rows. */
export function keyProjectTable(keys: readonly KeyProject[], unitName: ReadonlyMap<string, string>, basis: KeyProjectTable['basis'], max = KEY_PROJECTS_SHOWN): KeyProjectTable {
  const count = (s: KeyStatus) => keys.filter((k) => k.status === s).length;
  const shown = keys.slice(0, max).map((k) => ({ ...k, unitName: unitName.get(k.project.unit) ?? k.project.unit }));
  return { total: keys.length, counts: { 新引进: count('新引进'), 新开工: count('新开工'), 新投产: count('新投产') }, shown, more: keys.length - shown.length, basis };
}

/** The bulletin of period `p`. */
export function bulletinView(model: SiteModel, p: PeriodModel): BulletinView {
  const index = periodIndex(p);
  const { unitName, periodNames } = siteIndex(model);
  const t = p.totals;
  const notSubmitted = p.units.filter((u) => !u.submitted && !sentUnreadable(u)).map((u) => u.name);
  const unreadable = p.units.filter(sentUnreadable).map((u) => u.name);
  const status = issueStatus(model, p);
  const published = p.issued ? [p.issued.number, dateText(p.issued.date)].filter(Boolean).join(' · ') : model.config.publicationDates[p.period];
  const before = monthBefore(model.periods, p.period);
  const keys = keyProjects(p, before, model.units.map((u) => u.code));
  const scores = rankedScores(model, p);

  return {
    p, published, status,
    issuer: [model.config.office, published].filter(Boolean).join(' · '),
    around: neighbours(periodNames, p.period),
    figures: headlineFigures(model, p).map(figureCell),
    reporting: `报送${t.submittedUnits}/${t.units}个单位${notSubmitted.length ? `，未报送：${notSubmitted.join('、')}` : unreadable.length ? '' : '，全部单位已报送'}${unreadable.length ? `，报送文件无法读取：${unreadable.join('、')}` : ''}`,
    errors: p.issues.filter((i) => i.severity === 'error').length,
    warnings: p.issues.filter((i) => i.severity === 'warning').length,
    rankings: model.groups.map((g) => {
      const group = index.groupByName.get(g);
      if (!group) throw new Error(`unknown group ${g} in ${p.period}`);
      return { group, units: byStanding(listOf(index.unitsByGroup, g)) };
    }),
    scores,
    redBlack: redBlackLists(p, model.groups)
      .filter((g) => g.red.length + g.black.length > 0)
      .map((g) => ({ group: g.group, red: g.red.map((u) => ({ ...u, detail: listedDetail(u, scores) })), black: g.black.map((u) => ({ ...u, detail: listedDetail(u, scores) })) })),
    keyProjects: keyProjectTable(keys, unitName, before ? 'ledger' : 'dates'),
    charts: bulletinCharts(model, p),
  };
}

function bulletinCharts(model: SiteModel, p: PeriodModel): BulletinCharts {
  const index = periodIndex(p);
  // Units in group order, each group by rank, as in the tables.
  const rows = model.groups.flatMap((g) => byStanding(listOf(index.unitsByGroup, g)))
    .map((u) => ({ code: u.code, name: u.name, group: u.group, completion: u.fundsCompletion, light: u.light, lightLabel: u.lightLabel }));
  const city = yearSeries(model, p.period, { kind: 'city' });
  const toYi = (v: number | null) => (v === null ? null : v / 1e4);
  const hasLastYear = city.lastYear.length > 0;
  return {
    completion: rows.length > CHART_ALL_UNITS ? null : { rows, options: { id: 'ch-completion', label: `${periodRange(p.period)}各单位到位资金完成率与序时进度${pct(p.timeProgress)}对比`, timeProgress: p.timeProgress } },
    trend: {
      series: [
        { name: `${city.year}年`, style: 'main', points: city.points.map((x) => ({ month: x.month, value: toYi(x.fundsInPlace) })) },
        ...(hasLastYear ? [{ name: `${city.year - 1}年`, style: 'compare' as const, points: city.lastYear.map((x) => ({ month: x.month, value: toYi(x.fundsInPlace) })) }] : []),
        ...(city.target !== null ? [{ name: '序时目标', style: 'reference' as const, points: [{ month: 1, value: city.target / 12 / 1e4 }, { month: 12, value: city.target / 1e4 }] }] : []),
      ],
      // yi() takes 万元: the label reads as the headline figure.
      options: { id: 'ch-trend', label: `全市${city.year}年各月累计到位资金${hasLastYear ? '与上年同期' : ''}对比`, unit: '亿元', format: (v) => yi(v * 1e4) },
      caption: `全市到位资金逐月累计（${city.year}年${hasLastYear ? `与${city.year - 1}年` : ''}）`,
      note: city.target !== null ? `（年度目标${yi(city.target)}）` : undefined,
    },
    industry: { entries: p.breakdowns.industry, options: { id: 'ch-industry', label: '按产业类别的到位资金和项目个数' } },
    size: { entries: p.breakdowns.size, options: { id: 'ch-size', label: '按项目规模（总投资）的到位资金和项目个数' } },
    stage: { entries: p.breakdowns.stage, options: { id: 'ch-stage', label: '按项目阶段的项目个数和到位资金', measure: 'projects' } },
  };
}
