/**
 * What the two chain pages show: one chain in one period (src/pages/[period]/chains/[chain].astro)
 * and all chains in one period (…/chains/index.astro). The rules (status, change since last month,
 * the 补链 list) are in chain-view.ts; this module puts them together and words them for the pages.
 *
 * A chain page used to list every project on the chain: 426 KB at 120 units, 1 MB at 300
 * (docs/performance.md). Now each link lists its largest projects only (LINK_LIST), each linked to
 * its row in the ledger (ledger.ts `ledgerRowLink`), and states what it leaves out (count and
 * amounts), so every figure of the page stays while its size no longer follows the number of units.
 * The 未归链 lists are bounded the same way (UNPLACED_LIST). docs/chains.md says why these numbers.
 */
import type { ChainThresholds } from '../model/config.ts';
import { pct, periodMonth, wan } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { ChainLinkResult, ChainResult, Project } from '../model/types.ts';
import {
  chainsOverview, chainTitle, linkAnchor, linkChange, linkProjects, previousChain, refIndex, targetList, unplacedFor,
  type Overview, type OverviewRow, type TargetEntry, type TargetList,
} from './chain-view.ts';
import { ledgerRowLink } from './ledger.ts';
import { htmlBytes } from './ledger-paging.ts';
import { siteIndex } from './period-index.ts';
import { visiblePeriods } from './periods.ts';

/**
 * How much of a link a chain page lists. A leader reading a link wants its totals and its few
 * largest projects; the whole list is the ledger's job (every row there, searchable, and the XLSX
 * download). Ten rows list a city's link in full (the sample city has at most 8 projects a link),
 * so a small city's page is as before; at province scale (the bench puts ~170 projects on a link
 * at 120 units, ~420 at 300) the page stops growing with units. `maxBytes` is the estimated HTML of
 * all the link lists of a page, split evenly between its links, so a chain of many links or of very
 * long project names lists fewer rows rather than outgrow the 500 KB page budget. docs/chains.md.
 */
export const LINK_LIST = {
  /** Counted (签约、开工、投产) projects listed per link, largest funds in place first. */
  maxRows: 10,
  /** 在谈 projects named per link. */
  maxReserve: 5,
  maxBytes: 300_000,
};

/**
 * How many 未归链 rows a chain page or the overview lists: they are a correction to make in the
 * ledger or chains.xlsx, listed in full on the quality page, cell by cell; here the first ones
 * show what kind of mistake it is.
 */
export const UNPLACED_LIST = { maxRows: 20, maxBytes: 60_000 };

/** Markup of a listed project beyond its texts: cells, data-labels, scoped-style attributes and two links, from above. */
const ROW_MARKUP = 900;

/** A ledger row with its unit's name and its row in the ledger, as the chain pages list projects. */
export interface NamedProject {
  project: Project;
  unitName: string;
  /** Site path of its row on its ledger page (`2026-04/projects/3/#r-A01-12`); null when no ledger page holds it. */
  row: string | null;
}
export type UnplacedRow = PeriodModel['unplaced'][number] & { unitName: string; row: string | null };

/** Projects a list leaves out, with their amounts (万元), so the page's figures stay whole. */
export interface Rest { count: number; contractAmount: number; fundsInPlace: number }

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
  /** The link's counted projects that are listed: the largest by funds in place (LINK_LIST). */
  counted: NamedProject[];
  /** The counted projects not listed; count 0 when all are. */
  rest: Rest;
  /** `列出到位资金最多的10个，占本环节到位资金62.5%`, or empty when every project is listed. */
  listed: string;
  /** 在谈 projects named, and how many there are in all. */
  reserve: NamedProject[];
  reserveTotal: number;
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
  /** The first of the rows naming this chain with a link it lacks (UNPLACED_LIST), and how many there are. */
  unplaced: UnplacedRow[];
  unplacedTotal: number;
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
  unplacedTotal: number;
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

function named(p: PeriodModel, unitName: ReadonlyMap<string, string>) {
  return (project: Project): NamedProject => ({ project, unitName: unitName.get(project.unit) ?? project.unit, row: ledgerRowLink(p, project) });
}

/**
 * The longest prefix of `items` (already in the order shown) of at most `maxRows` whose estimated
 * HTML fits `maxBytes`. A prefix, so that what is left out is always the smaller projects.
 */
export function boundedList<T>(items: readonly T[], maxRows: number, maxBytes: number, weight: (x: T) => number): T[] {
  const out: T[] = [];
  let bytes = 0;
  for (const x of items) {
    const w = weight(x);
    if (out.length >= maxRows || bytes + w > maxBytes) break;
    out.push(x);
    bytes += w;
  }
  return out;
}

/** A listed project's HTML, from above: its texts as escaped UTF-8 (ledger-paging.ts `htmlBytes`) and the row's markup. */
function listedWeight(x: NamedProject): number {
  return ROW_MARKUP + htmlBytes(x.project.name) + htmlBytes(x.project.investor) + htmlBytes(x.unitName) + htmlBytes(x.project.stage) + 2 * htmlBytes(x.row);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function restOf(rows: readonly Project[]): Rest {
  return {
    count: rows.length,
    contractAmount: round(rows.reduce((s, x) => s + (x.contractAmount ?? 0), 0)),
    fundsInPlace: round(rows.reduce((s, x) => s + (x.fundsInPlace ?? 0), 0)),
  };
}

/**
 * The unplaced rows of period `p` with their unit names and ledger rows, the first UNPLACED_LIST of
 * them. An unplaced entry names its row by reference (`unit:code-or-name`), chain and link; two rows
 * alike in all of these are matched in ledger order, the order the pipeline listed them in.
 */
function unplacedRows(p: PeriodModel, rows: PeriodModel['unplaced'], unitName: ReadonlyMap<string, string>): UnplacedRow[] {
  const key = (ref: string, chain: string | null, link: string | null) => `${ref}\u0000${chain ?? ''}\u0000${link ?? ''}`;
  const wanted = rows.slice(0, UNPLACED_LIST.maxRows);
  // The rows of each reference come from the period's index (built once for all of its chain pages,
  // not a pass over every row per page); the n-th entry alike in reference, chain and link gets the
  // n-th such row in ledger order.
  const byRef = refIndex(p.projects);
  const taken = new Map<string, number>();
  const named = wanted.map((u): UnplacedRow => {
    const k = key(u.ref, u.chain, u.link);
    const n = taken.get(k) ?? 0;
    taken.set(k, n + 1);
    const i = (byRef.get(u.ref) ?? []).filter((j) => (p.projects[j]!.chain ?? '') === (u.chain ?? '') && (p.projects[j]!.link ?? '') === (u.link ?? ''))[n];
    const x = i === undefined ? undefined : p.projects[i];
    return { ...u, unitName: unitName.get(u.unit) ?? u.unit, row: x ? ledgerRowLink(p, x) : null };
  });
  return boundedList(named, UNPLACED_LIST.maxRows, UNPLACED_LIST.maxBytes, (u) => ROW_MARKUP + htmlBytes(u.name) + htmlBytes(u.unitName) + htmlBytes(u.chain) + htmlBytes(u.link) + htmlBytes(u.reason) + 2 * htmlBytes(u.row));
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
  const withName = named(p, unitName);
  // Each link's lists share the page's budget equally, so the page's size is bounded whatever the links hold.
  const linkBytes = LINK_LIST.maxBytes / Math.max(1, c.links.length);
  const unplaced = unplacedFor(p, c);
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
      const shown = boundedList(counted.map(withName), LINK_LIST.maxRows, linkBytes, listedWeight);
      const used = shown.reduce((n, x) => n + listedWeight(x), 0);
      const shownReserve = boundedList(reserve.map(withName), LINK_LIST.maxReserve, linkBytes - used, listedWeight);
      const shownFunds = shown.reduce((s, x) => s + (x.project.fundsInPlace ?? 0), 0);
      return {
        link, anchor: linkAnchor(index),
        summary: link.gap ? '暂无签约、开工或投产项目。' : `${link.projects}个项目，合同引资额${wan(link.contractAmount)}万元，到位资金${wan(link.fundsInPlace)}万元。`,
        counted: shown, rest: restOf(counted.slice(shown.length)),
        listed: shown.length === counted.length ? '' : `列出到位资金最多的${shown.length}个${link.fundsInPlace > 0 ? `，占本环节到位资金${pct(shownFunds / link.fundsInPlace)}` : ''}`,
        reserve: shownReserve, reserveTotal: reserve.length,
      };
    }),
    unplaced: unplacedRows(p, unplaced, unitName), unplacedTotal: unplaced.length,
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
    unplaced: unplacedRows(p, p.unplaced, unitName), unplacedTotal: p.unplaced.length,
    missing: missingUnits(p, unitName),
  };
}
