/**
 * What the chain pages show, computed from the SiteModel: the overview of all chains, the 补链
 * target list with its change since last month, and each link's projects. Pure functions.
 */
import { locator, projectRef, type LinkStatus } from '../compute/chains.ts';
import type { ChainThresholds } from '../model/config.ts';
import { isCounted } from '../compute/indicators.ts';
import { squash } from '../model/glossary.ts';
import { wan } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Chain, ChainLinkResult, ChainResult, Project } from '../model/types.ts';

/** The id of a link's project list on its chain page: from the link's place, never from its name. */
export function linkAnchor(index: number): string {
  return `link-${index + 1}`;
}

/** Id of the 补链 target list on a chain page. */
export const TARGETS_ANCHOR = 'targets';

/** `新能源汽车` → `新能源汽车产业链`; a name that already ends in 链 is kept. */
export function chainTitle(name: string): string {
  return /链$/.test(name) ? name : `${name}产业链`;
}

/** Why a link is weak, in words: `项目少于2个`, `到位资金不足5000万元`, or both. Empty for strong links and gaps. */
export function weakReason(link: Pick<ChainLinkResult, 'status' | 'projects' | 'fundsInPlace'>, t: ChainThresholds): string {
  if (link.status !== '弱链') return '';
  const parts: string[] = [];
  if (link.projects < t.strongMinProjects) parts.push(`项目少于${t.strongMinProjects}个`);
  if (link.fundsInPlace < t.strongMinFunds) parts.push(`到位资金不足${wan(t.strongMinFunds)}万元`);
  return parts.join('，');
}

/** The status rules as printed under a map and in 统计口径. */
export function statusRules(t: ChainThresholds): { status: LinkStatus; rule: string }[] {
  return [
    { status: '强链', rule: `有${t.strongMinProjects}个及以上项目，且到位资金达到${wan(t.strongMinFunds)}万元` },
    { status: '弱链', rule: `有项目，但项目少于${t.strongMinProjects}个或到位资金不足${wan(t.strongMinFunds)}万元` },
    { status: '缺链', rule: '没有签约、开工或投产的项目（在谈项目不计）' },
  ];
}

/** The period compared with for “较上月”, and its chain of the same slug (or name). */
export function previousChain(model: Pick<SiteModel, 'periods'>, period: Pick<PeriodModel, 'previousPeriod'>, chain: Pick<ChainResult, 'slug' | 'name'>): ChainResult | null {
  if (!period.previousPeriod) return null;
  const prev = model.periods.find((p) => p.period === period.previousPeriod);
  if (!prev) return null;
  return prev.chains.find((c) => c.slug === chain.slug) ?? prev.chains.find((c) => squash(c.name) === squash(chain.name)) ?? null;
}

/** A link compared with the same link last month. `previous` undefined: no comparison (January, first period). */
export interface LinkChange {
  compared: boolean;
  /** Last month's status; null when the link was not defined last month. */
  before: LinkStatus | null;
  projectsDelta: number | null;
  fundsDelta: number | null;
  /** `本月补链`, `由弱转强`, `新增缺链`, `项目+1，到位资金+1,200万元`, `无变化`… */
  text: string;
}

const RANK: Record<LinkStatus, number> = { 缺链: 0, 弱链: 1, 强链: 2 };

/** Compares a link with last month's chain (null: nothing to compare with). */
export function linkChange(link: ChainLinkResult, previous: ChainResult | null): LinkChange {
  if (!previous) return { compared: false, before: null, projectsDelta: null, fundsDelta: null, text: '—' };
  const old = previous.links.find((l) => squash(l.name) === squash(link.name));
  if (!old) return { compared: true, before: null, projectsDelta: null, fundsDelta: null, text: '本月新增环节' };
  const projectsDelta = link.projects - old.projects;
  const fundsDelta = Math.round((link.fundsInPlace - old.fundsInPlace) * 1e4) / 1e4;
  const moves: string[] = [];
  if (old.status !== link.status) {
    if (old.status === '缺链') moves.push('本月补链');
    else if (link.status === '缺链') moves.push('本月变为缺链');
    else moves.push(RANK[link.status] > RANK[old.status] ? '由弱转强' : '由强转弱');
  }
  const amounts: string[] = [];
  if (projectsDelta !== 0) amounts.push(`项目${signed(projectsDelta)}个`);
  if (fundsDelta !== 0) amounts.push(`到位资金${signed(fundsDelta, wan)}万元`);
  const text = [...moves, ...amounts].join('，') || (link.gap ? '仍为缺链' : '无变化');
  return { compared: true, before: old.status, projectsDelta, fundsDelta, text };
}

export interface TargetEntry {
  index: number;
  link: ChainLinkResult;
  /** Why it is on the list: `缺链` or the weak-link reason. */
  reason: string;
  change: LinkChange;
}

export interface TargetList {
  /** Gaps first, then weak links, each in chain order. */
  entries: TargetEntry[];
  /** Links that were 缺链 or 弱链 last month and are 强链 now (or filled from a gap). */
  improved: TargetEntry[];
  /** Links that became 缺链 or 弱链 this month. */
  worsened: TargetEntry[];
  /** Previous period compared with, or null (January, or no earlier period). */
  comparedWith: string | null;
}

/** The 补链 target list of a chain: its gap and weak links, their target enterprises and the change since last month. */
export function targetList(chain: ChainResult, previous: ChainResult | null, comparedWith: string | null, t: ChainThresholds): TargetList {
  const all = chain.links.map((link, index): TargetEntry => ({
    index, link, reason: link.gap ? '没有签约、开工或投产的项目' : weakReason(link, t), change: linkChange(link, previous),
  }));
  const entries = [...all.filter((e) => e.link.status === '缺链'), ...all.filter((e) => e.link.status === '弱链')];
  const improved = all.filter((e) => e.change.before !== null && e.change.before !== '强链' && RANK[e.link.status] > RANK[e.change.before]);
  const worsened = all.filter((e) => e.change.before !== null && RANK[e.link.status] < RANK[e.change.before]);
  return { entries, improved, worsened, comparedWith: previous ? comparedWith : null };
}

export interface OverviewRow {
  chain: ChainResult;
  covered: number;
  strong: number;
  weak: number;
  gaps: number;
  /** Share of all the city's counted projects that lie on this chain; null when the city has none. */
  projectShare: number | null;
  fundsShare: number | null;
  /** Projects on the chain compared with last month; null without a comparison. */
  projectsDelta: number | null;
  gapsDelta: number | null;
}

export interface Overview {
  rows: OverviewRow[];
  links: number;
  covered: number;
  coverage: number | null;
  strong: number;
  weak: number;
  gaps: number;
  projects: number;
  contractAmount: number;
  fundsInPlace: number;
  reserveProjects: number;
  /** Projects on any chain / all counted projects (a project lies on one link at most). */
  projectShare: number | null;
  fundsShare: number | null;
  comparedWith: string | null;
}

/** Coverage, projects and funds by chain, and the chains' share of all the period's projects. */
export function chainsOverview(model: Pick<SiteModel, 'periods'>, period: PeriodModel): Overview {
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const rows = period.chains.map((chain): OverviewRow => {
    const count = (s: LinkStatus) => chain.links.filter((l) => l.status === s).length;
    const prev = previousChain(model, period, chain);
    return {
      chain, covered: chain.links.filter((l) => !l.gap).length, strong: count('强链'), weak: count('弱链'), gaps: count('缺链'),
      projectShare: share(chain.projects, period.totals.projects), fundsShare: share(chain.fundsInPlace, period.totals.fundsInPlace),
      projectsDelta: prev ? chain.projects - prev.projects : null,
      gapsDelta: prev ? count('缺链') - prev.links.filter((l) => l.status === '缺链').length : null,
    };
  });
  const sum = (f: (r: OverviewRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const links = sum((r) => r.chain.links.length);
  const projects = sum((r) => r.chain.projects);
  const fundsInPlace = Math.round(sum((r) => r.chain.fundsInPlace) * 1e6) / 1e6;
  return {
    rows, links, covered: sum((r) => r.covered), coverage: share(sum((r) => r.covered), links),
    strong: sum((r) => r.strong), weak: sum((r) => r.weak), gaps: sum((r) => r.gaps),
    projects, contractAmount: Math.round(sum((r) => r.chain.contractAmount) * 1e6) / 1e6, fundsInPlace,
    reserveProjects: sum((r) => r.chain.reserveProjects),
    projectShare: share(projects, period.totals.projects), fundsShare: share(fundsInPlace, period.totals.fundsInPlace),
    comparedWith: period.previousPeriod,
  };
}

/**
 * The projects on a link, biggest funds first: counted ones and 在谈 reserve. Resolved from the
 * link's references and checked against the definitions, so two projects that share a reference
 * (same unit, same name, no code) still land on their own links.
 */
export function linkProjects(period: Pick<PeriodModel, 'projects'>, definitions: readonly Chain[], chain: ChainResult, index: number): { counted: Project[]; reserve: Project[] } {
  const link = chain.links[index];
  if (!link) throw new Error(`invalid link index: ${index}`);
  const def = definitions.find((c) => c.slug === chain.slug);
  const where = def ? locator([def]) : null;
  const onLink = (p: Project) => {
    if (!where) return true;
    const at = where(p);
    return at !== null && !('reason' in at) && at.link.name === link.name;
  };
  const byRef = refIndex(period.projects);
  const pick = (refs: string[], counted: boolean) => {
    // The projects with a wanted reference, through the period's index instead of a pass over all
    // of its projects per link (a chain page has a dozen links; a province month 18 000 projects).
    const found = new Set<number>();
    for (const ref of refs) for (const i of byRef.get(ref) ?? []) found.add(i);
    return [...found]
      .map((i) => ({ p: period.projects[i]!, i }))
      .filter(({ p }) => isCounted(p) === counted && onLink(p))
      .sort((a, b) => (b.p.fundsInPlace ?? 0) - (a.p.fundsInPlace ?? 0) || (b.p.contractAmount ?? 0) - (a.p.contractAmount ?? 0) || a.i - b.i)
      .map(({ p }) => p);
  };
  return { counted: pick(link.projectRefs, true), reserve: pick(link.reserveRefs, false) };
}

/** Positions of a period's projects by `projectRef`, built once per projects list (pure memo). */
const refIndexes = new WeakMap<readonly Project[], Map<string, number[]>>();
export function refIndex(projects: readonly Project[]): Map<string, number[]> {
  let index = refIndexes.get(projects);
  if (!index) {
    index = new Map();
    projects.forEach((p, i) => {
      const ref = projectRef(p);
      const list = index!.get(ref);
      if (list) list.push(i); else index!.set(ref, [i]);
    });
    refIndexes.set(projects, index);
  }
  return index;
}

/** Unplaced projects that name this chain (by its name, with or without 产业链). */
export function unplacedFor(period: Pick<PeriodModel, 'unplaced'>, chain: Pick<ChainResult, 'name'>): PeriodModel['unplaced'] {
  const key = (s: string) => squash(s).replace(/产业链$|链$/, '');
  return period.unplaced.filter((u) => u.chain !== null && key(u.chain) === key(chain.name));
}

function signed(x: number, f: (n: number) => string = String): string {
  return x > 0 ? `+${f(x)}` : `−${f(-x)}`;
}
