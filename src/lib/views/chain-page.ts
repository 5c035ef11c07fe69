/**
 * What the two chain pages show: one chain in one period (src/pages/[period]/chains/[chain].astro)
 * and all chains in one period (…/chains/index.astro). The rules (status, change since last month,
 * the 补链 list) are in chain-view.ts; this module puts them together and words them for the pages.
 */
import type { ChainThresholds } from '../model/config.ts';
import { pct, periodMonth, wan } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { ChainLinkResult, ChainResult, Project } from '../model/types.ts';
import {
  chainsOverview, chainTitle, linkAnchor, linkChange, linkProjects, previousChain, targetList, unplacedFor,
  type Overview, type OverviewRow, type TargetEntry, type TargetList,
} from './chain-view.ts';
import { siteIndex } from './period-index.ts';
import { visiblePeriods } from './periods.ts';

/** A ledger row with its unit's name, as the chain pages list projects. */
export interface NamedProject { project: Project; unitName: string }
export type UnplacedRow = PeriodModel['unplaced'][number] & { unitName: string };

export interface LinkRow {
  link: ChainLinkResult;
  index: number;
  anchor: string;
  /** Compared with last month: `本月补链`, `项目+1个`…, or —. */
  change: string;
}

/** A link's section under its anchor: what it has and the projects on it. */
export interface LinkSection {
  link: ChainLinkResult;
  anchor: string;
  /** `2个项目，合同引资额…万元，到位资金…万元。`, or that it has none. */
  summary: string;
  counted: NamedProject[];
  reserve: NamedProject[];
}

/** The 补链 list with its wording (src/components/chain/TargetList.astro). */
export interface TargetsView {
  list: TargetList;
  gaps: number;
  weak: number;
  /** `2026年3月` when compared with last month, else null. */
  since: string | null;
  /** Why there is no comparison (January restarts the year; or no earlier month). */
  noComparison: string;
  /** `化学制剂（缺链→强链）、…`, or empty. */
  improved: string;
  worsened: string;
  /** Some entry lists no target enterprises: the page says where to add them. */
  unlisted: boolean;
}

export interface ChainPage {
  chain: ChainResult;
  title: string;
  thresholds: ChainThresholds;
  /** `链长：… · 牵头部门：…`, or empty. */
  people: string;
  covered: number;
  gaps: number;
  weak: number;
  /** `占全市项目12.5%；另有在谈2个`. */
  projectsNote: string;
  targets: TargetsView;
  /** `；较上月与2026年3月相比`, or empty. */
  comparedNote: string;
  links: LinkRow[];
  /** The footer's change of projects since last month, or —. */
  projectsChange: string;
  sections: LinkSection[];
  unplaced: UnplacedRow[];
  /** Units that did not report this period, by name. */
  missing: string[];
  /** This chain's page in the months of the year a page may name (views/periods.ts). */
  sameYear: string[];
}

export interface GapLink { name: string; anchor: string }

export interface OverviewPageRow extends OverviewRow {
  title: string;
  /** The coverage bar's width in per cent, one decimal. */
  coverageWidth: number;
  /** `+2个`, `持平`, or —. */
  projectsChange: string;
  gapLinks: GapLink[];
  weakLinks: GapLink[];
}

export interface ChainsOverviewPage {
  overview: Overview;
  rows: OverviewPageRow[];
  /** `；较上月与2026年3月相比`, or empty. */
  comparedNote: string;
  thresholds: ChainThresholds;
  unplaced: UnplacedRow[];
  missing: string[];
}

const comparedNote = (period: string | null) => (period ? `；较上月与${periodMonth(period)}相比` : '');

/** `+2个`, `−1个`, `持平`, or — without a comparison. */
function delta(d: number | null, unit: string): string {
  return d === null ? '—' : d === 0 ? '持平' : `${d > 0 ? '+' : '−'}${Math.abs(d)}${unit}`;
}

const change = (e: TargetEntry) => `${e.link.name}（${e.change.before}→${e.link.status}）`;

function targetsView(list: TargetList, period: string): TargetsView {
  const gaps = list.entries.filter((e) => e.link.status === '缺链').length;
  return {
    list, gaps, weak: list.entries.length - gaps,
    since: list.comparedWith ? periodMonth(list.comparedWith) : null,
    noComparison: Number(period.slice(5)) === 1 ? '1月为年度首期，台账从1月重新累计，不与上年12月比较。' : '没有上月数据，本期不作比较。',
    improved: list.improved.map(change).join('、'),
    worsened: list.worsened.map(change).join('、'),
    unlisted: list.entries.some((e) => e.link.targetCompanies.length === 0),
  };
}

function named(unitName: ReadonlyMap<string, string>) {
  return (project: Project): NamedProject => ({ project, unitName: unitName.get(project.unit) ?? project.unit });
}

function unplacedRows(rows: PeriodModel['unplaced'], unitName: ReadonlyMap<string, string>): UnplacedRow[] {
  return rows.map((u) => ({ ...u, unitName: unitName.get(u.unit) ?? u.unit }));
}

const missingUnits = (p: PeriodModel, unitName: ReadonlyMap<string, string>) => p.notSubmitted.map((code) => unitName.get(code) ?? code);

/** The page of chain `slug` in period `p`; throws for a chain the period does not have. */
export function chainPage(model: SiteModel, p: PeriodModel, slug: string): ChainPage {
  const c = p.chains.find((x) => x.slug === slug);
  if (!c) throw new Error(`unknown chain ${slug} in ${p.period}`);
  const { unitName } = siteIndex(model);
  const t = model.config.chains;
  const prev = previousChain(model, p, c);
  const list = targetList(c, prev, p.previousPeriod, t);
  const withName = named(unitName);
  const shown = new Set(visiblePeriods(model.periods.map((x) => x.period), p.period));
  return {
    chain: c, title: chainTitle(c.name), thresholds: t,
    people: [c.leader && `链长：${c.leader}`, c.department && `牵头部门：${c.department}`].filter(Boolean).join(' · '),
    covered: c.links.filter((l) => !l.gap).length,
    gaps: c.links.filter((l) => l.status === '缺链').length,
    weak: c.links.filter((l) => l.status === '弱链').length,
    projectsNote: `${p.totals.projects > 0 ? `占全市项目${pct(c.projects / p.totals.projects)}` : '全市暂无项目'}${c.reserveProjects > 0 ? `；另有在谈${c.reserveProjects}个` : ''}`,
    targets: targetsView(list, p.period),
    comparedNote: comparedNote(list.comparedWith),
    links: c.links.map((link, index) => ({ link, index, anchor: linkAnchor(index), change: linkChange(link, prev).text })),
    projectsChange: prev ? `项目${c.projects - prev.projects >= 0 ? '+' : '−'}${Math.abs(c.projects - prev.projects)}个` : '—',
    sections: c.links.map((link, index) => {
      const { counted, reserve } = linkProjects(p, model.chains, c, index);
      return {
        link, anchor: linkAnchor(index),
        summary: link.gap ? '暂无签约、开工或投产项目。' : `${link.projects}个项目，合同引资额${wan(link.contractAmount)}万元，到位资金${wan(link.fundsInPlace)}万元。`,
        counted: counted.map(withName), reserve: reserve.map(withName),
      };
    }),
    unplaced: unplacedRows(unplacedFor(p, c), unitName),
    missing: missingUnits(p, unitName),
    sameYear: model.periods.filter((x) => shown.has(x.period) && x.year === p.year && x.chains.some((y) => y.slug === c.slug)).map((x) => x.period),
  };
}

/** The chains overview of period `p`. */
export function chainsOverviewPage(model: SiteModel, p: PeriodModel): ChainsOverviewPage {
  const { unitName } = siteIndex(model);
  const overview = chainsOverview(model, p);
  const linksWith = (chain: ChainResult, status: ChainLinkResult['status']) =>
    chain.links.map((l, i) => ({ l, i })).filter((x) => x.l.status === status).map((x) => ({ name: x.l.name, anchor: linkAnchor(x.i) }));
  return {
    overview,
    rows: overview.rows.map((r) => ({
      ...r, title: chainTitle(r.chain.name), coverageWidth: Math.round(r.chain.coverage * 1000) / 10,
      projectsChange: delta(r.projectsDelta, '个'), gapLinks: linksWith(r.chain, '缺链'), weakLinks: linksWith(r.chain, '弱链'),
    })),
    comparedNote: comparedNote(overview.comparedWith),
    thresholds: model.config.chains,
    unplaced: unplacedRows(p.unplaced, unitName),
    missing: missingUnits(p, unitName),
  };
}
