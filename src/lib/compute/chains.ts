/**
 * Industry chains: projects placed on links, link status (强链 / 弱链 / 缺链) and coverage.
 */
import { squash } from '../glossary.ts';
import type { Chain, ChainResult, Project } from '../types.ts';
import { isCounted } from './indicators.ts';

export interface ChainThresholds {
  /** A link with fewer counted projects than this is 弱链 (and 缺链 at zero). */
  strongMinProjects: number;
  /** …or with less funds in place than this (万元). */
  strongMinFunds: number;
}

export const DEFAULT_CHAIN_THRESHOLDS: ChainThresholds = { strongMinProjects: 2, strongMinFunds: 5000 };

export interface Placement {
  chains: ChainResult[];
  /** Projects that name a chain or link not in the definitions. */
  unplaced: { project: Project; reason: string }[];
}

/** Stable key of a project for references from chain links to the project list. */
export function projectRef(p: Project): string {
  return `${p.unit}:${p.code ?? p.name}`;
}

export function placeOnChains(chains: readonly Chain[], projects: readonly Project[], t: ChainThresholds = DEFAULT_CHAIN_THRESHOLDS): Placement {
  const byChain = new Map(chains.map((c) => [squash(c.name), c]));
  const acc = new Map<string, { projects: Project[] }>();
  const unplaced: Placement['unplaced'] = [];
  for (const p of projects) {
    if (!isCounted(p) || (!p.chain && !p.link)) continue;
    const chain = p.chain ? byChain.get(squash(p.chain)) ?? findChainLoose(chains, p.chain) : null;
    if (!chain) {
      unplaced.push({ project: p, reason: p.chain ? `产业链“${p.chain}”未在产业链定义中` : `填写了环节“${p.link}”但没有填写所属产业链` });
      continue;
    }
    const link = p.link ? chain.links.find((l) => squash(l.name) === squash(p.link!)) : undefined;
    if (!link) {
      unplaced.push({ project: p, reason: p.link ? `环节“${p.link}”不是“${chain.name}”产业链的环节` : `没有填写“${chain.name}”的产业链环节` });
      continue;
    }
    const key = `${chain.name}\u0000${link.name}`;
    let a = acc.get(key);
    if (!a) { a = { projects: [] }; acc.set(key, a); }
    a.projects.push(p);
  }
  const results: ChainResult[] = chains.map((chain) => {
    const links = chain.links.map((link) => {
      const ps = acc.get(`${chain.name}\u0000${link.name}`)?.projects ?? [];
      const contractAmount = round(ps.reduce((s, p) => s + (p.contractAmount ?? 0), 0));
      const fundsInPlace = round(ps.reduce((s, p) => s + (p.fundsInPlace ?? 0), 0));
      const status = ps.length === 0 ? '缺链' as const : ps.length < t.strongMinProjects || fundsInPlace < t.strongMinFunds ? '弱链' as const : '强链' as const;
      return {
        name: link.name, position: link.position, projects: ps.length, contractAmount, fundsInPlace,
        gap: ps.length === 0, status, description: link.description, targetCompanies: link.targetCompanies,
        projectRefs: ps.map(projectRef).sort(),
      };
    });
    return {
      name: chain.name, slug: chain.slug, leader: chain.leader, department: chain.department, links,
      projects: links.reduce((s, l) => s + l.projects, 0),
      contractAmount: round(links.reduce((s, l) => s + l.contractAmount, 0)),
      fundsInPlace: round(links.reduce((s, l) => s + l.fundsInPlace, 0)),
      coverage: links.length === 0 ? 0 : links.filter((l) => !l.gap).length / links.length,
    };
  });
  return { chains: results, unplaced };
}

/** `新能源汽车产业链` and `新能源汽车` name the same chain. */
function findChainLoose(chains: readonly Chain[], name: string): Chain | null {
  const n = squash(name).replace(/产业链$|链$/, '');
  return chains.find((c) => squash(c.name).replace(/产业链$|链$/, '') === n) ?? null;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
