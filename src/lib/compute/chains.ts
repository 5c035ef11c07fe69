/**
 * Industry chains: projects placed on links, link status (强链 / 弱链 / 缺链) and coverage.
 *
 * Rules (docs/chains.md):
 * - only counted projects (签约, 开工, 投产) make a link strong or weak; a link without one is 缺链;
 * - a link with fewer than `strongMinProjects` projects, or less than `strongMinFunds` 万元 in place, is 弱链;
 * - 在谈 projects are placed too, as reserve: they never fill a gap, but the 补链 list shows them;
 * - a row naming a chain or link that is not defined is unplaced (whatever its stage), so the
 *   pipeline can report it: every ledger row is either on a link or reported.
 */
import { squash } from '../model/glossary.ts';
import type { Chain, ChainLink, ChainLinkResult, ChainResult, Project } from '../model/types.ts';
import { DEFAULT_CHAIN_THRESHOLDS, type ChainThresholds } from '../model/config.ts';
import { isCounted } from './indicators.ts';

export type LinkStatus = ChainLinkResult['status'];

export interface Placement {
  chains: ChainResult[];
  /** Projects that name a chain or link not in the definitions. */
  unplaced: { project: Project; reason: string; field: 'chain' | 'link' }[];
}

/**
 * Reference from a chain link to a row of the same period's project list (site data keeps it, and
 * chains/view.ts resolves it back). Not the cross-month identity of a project: that is
 * compute/identity.ts. Kept raw (no normalisation) because it only has to find rows of one ledger.
 */
export function projectRef(p: Project): string {
  return `${p.unit}:${p.code ?? p.name}`;
}

/**
 * The status of a link from its counted projects and funds in place (万元).
 * `linkStatus(0, 0, t)` is 缺链; below either threshold 弱链; otherwise 强链.
 */
export function linkStatus(projects: number, fundsInPlace: number, t: ChainThresholds = DEFAULT_CHAIN_THRESHOLDS): LinkStatus {
  if (projects === 0) return '缺链';
  return projects < t.strongMinProjects || fundsInPlace < t.strongMinFunds ? '弱链' : '强链';
}

/** Where a ledger row belongs: its chain and link, or why it has none. Null when it names no chain at all. */
/** Where a row sits on the chains, or why it does not, and which of its two cells (产业链, 环节) to point at. */
export type Location = { chain: Chain; link: ChainLink } | { reason: string; field: 'chain' | 'link' };

/**
 * Finds the chain and link a project names. Chain names match after squashing spaces and full-width
 * forms, and with or without the 产业链 / 链 suffix (`新能源汽车产业链` is `新能源汽车`); link names
 * match after squashing, with or without a trailing 环节.
 */
export function locate(chains: readonly Chain[], p: Pick<Project, 'chain' | 'link'>): Location | null {
  if (blank(p.chain) && blank(p.link)) return null;
  if (blank(p.chain)) return { reason: `填写了环节“${p.link}”但没有填写所属产业链`, field: 'link' };
  const chain = chains.find((c) => squash(c.name) === squash(p.chain!)) ?? findChainLoose(chains, p.chain!);
  if (!chain) return { reason: `产业链“${p.chain}”未在产业链定义中`, field: 'chain' };
  if (blank(p.link)) return { reason: `没有填写“${chain.name}”的产业链环节`, field: 'link' };
  const want = linkKey(p.link!);
  const link = chain.links.find((l) => squash(l.name) === squash(p.link!)) ?? chain.links.find((l) => linkKey(l.name) === want);
  if (!link) return { reason: `环节“${p.link}”不是“${chain.name}”产业链的环节`, field: 'link' };
  return { chain, link };
}

/**
 * `locate`, remembered by the (chain, link) pair a row names. A period's thousands of rows name a few
 * dozen pairs, and locate normalises every chain and link name it compares: once per row it was
 * ~0.1 s of a 120 × 12 model and as much again in the chain pages of a rebuild.
 */
export function locator(chains: readonly Chain[]): (p: Pick<Project, 'chain' | 'link'>) => Location | null {
  const located = new Map<string | null, Map<string | null, Location | null>>();
  return (p) => {
    let byLink = located.get(p.chain);
    if (!byLink) located.set(p.chain, (byLink = new Map()));
    let at = byLink.get(p.link);
    if (at === undefined) byLink.set(p.link, (at = locate(chains, p)));
    return at;
  };
}

/** Places the period's projects on the defined chains and sums each link. Pure; order follows the definitions. */
export function placeOnChains(chains: readonly Chain[], projects: readonly Project[], t: ChainThresholds = DEFAULT_CHAIN_THRESHOLDS): Placement {
  const counted = new Map<ChainLink, Project[]>();
  const reserve = new Map<ChainLink, Project[]>();
  const unplaced: Placement['unplaced'] = [];
  const where = locator(chains);
  for (const p of projects) {
    const at = where(p);
    if (!at) continue;
    if ('reason' in at) {
      unplaced.push({ project: p, reason: at.reason, field: at.field });
      continue;
    }
    const bucket = isCounted(p) ? counted : reserve;
    const list = bucket.get(at.link);
    if (list) list.push(p);
    else bucket.set(at.link, [p]);
  }
  const results: ChainResult[] = chains.map((chain) => {
    const links = chain.links.map((link): ChainLinkResult => {
      const ps = counted.get(link) ?? [];
      const rs = reserve.get(link) ?? [];
      const contractAmount = round(ps.reduce((s, p) => s + (p.contractAmount ?? 0), 0));
      const fundsInPlace = round(ps.reduce((s, p) => s + (p.fundsInPlace ?? 0), 0));
      return {
        name: link.name, position: link.position, projects: ps.length, contractAmount, fundsInPlace,
        gap: ps.length === 0, status: linkStatus(ps.length, fundsInPlace, t), description: link.description,
        targetCompanies: link.targetCompanies, projectRefs: ps.map(projectRef).sort(),
        reserveProjects: rs.length, reserveRefs: rs.map(projectRef).sort(),
      };
    });
    return {
      name: chain.name, slug: chain.slug, leader: chain.leader, department: chain.department, links,
      projects: links.reduce((s, l) => s + l.projects, 0),
      contractAmount: round(links.reduce((s, l) => s + l.contractAmount, 0)),
      fundsInPlace: round(links.reduce((s, l) => s + l.fundsInPlace, 0)),
      coverage: links.length === 0 ? 0 : links.filter((l) => !l.gap).length / links.length,
      reserveProjects: links.reduce((s, l) => s + l.reserveProjects, 0),
    };
  });
  return { chains: results, unplaced };
}

const blank = (s: string | null) => s === null || squash(s) === '';

/** `新能源汽车产业链` and `新能源汽车` name the same chain. */
function findChainLoose(chains: readonly Chain[], name: string): Chain | null {
  const n = chainKey(name);
  return chains.find((c) => chainKey(c.name) === n) ?? null;
}

const chainKey = (name: string) => squash(name).replace(/产业链$|链$/, '');
const linkKey = (name: string) => squash(name).replace(/环节$/, '');

const round = (n: number) => Math.round(n * 1e6) / 1e6;
