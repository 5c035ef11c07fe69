/**
 * Every URL of the site, in one place. Slugs are made from codes, never from free text, so links
 * are stable and safe; all links go through `href` so a sub-path (`--base`) just works.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import { ledgerPaging } from './ledger-paging.ts';
import { searchShardCount } from './search.ts';

/** A unit code as a URL segment: kept when it is plain ASCII, else hex-encoded. */
export function slug(code: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(code)) return code;
  return 'x' + [...new TextEncoder().encode(code)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const paths = {
  home: () => '',
  bulletin: (period: string) => `${period}/`,
  unit: (period: string, code: string) => `${period}/units/${slug(code)}/`,
  /** The ledger's index: units by group, the downloads, the city-wide search. */
  projects: (period: string) => `${period}/projects/`,
  /** A page of the ledger: a group's units, a few to a page (views/ledger-paging.ts). */
  ledger: (period: string, n: number) => `${period}/projects/${n}/`,
  /** A script file of the city-wide search index (views/search.ts), beside the index page. */
  searchShard: (period: string, n: number) => `${period}/projects/search-${n}.js`,
  quality: (period: string) => `${period}/quality/`,
  chains: (period: string) => `${period}/chains/`,
  assessment: (period: string) => `${period}/assessment/`,
  chain: (period: string, chainSlug: string) => `${period}/chains/${slug(chainSlug)}/`,
  data: (period: string, file: string) => `data/${period}/${file}`,
};

/** Anchors on a ledger page: a unit's section, and a row by its position in the unit's ledger. */
export const anchors = {
  unit: (code: string) => `u-${slug(code)}`,
  row: (code: string, position: number) => `r-${slug(code)}-${position}`,
};

/** Prefixes a site path with the base (`/` or `/sub/path/`). */
export function href(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\//, '')}`;
}

/**
 * A period's incremental-build key (see site-data.ts `pageKey`): Astro reuses a page of the previous
 * build when its key and code are unchanged. Without a key function every page is rendered.
 */
export type KeyOf = (period: string) => string;

/*
 * getStaticPaths for the dynamic routes. The period and the entity come as props too: a page types
 * them with `InferGetStaticPropsType<typeof getStaticPaths>` rather than reading `Astro.params`
 * (strings that may be undefined) or casting. Params carry slugs, props the codes themselves.
 */

/** One page per period: the bulletin, ledger, quality and chains overview. */
export function periodPaths(model: SiteModel, keyOf?: KeyOf) {
  return model.periods.map((p) => ({ params: { period: p.period }, props: { period: p.period }, ...(keyOf ? { cacheKey: keyOf(p.period) } : {}) }));
}

/** The 考核 page of each period that has scores. */
export function assessmentPaths(model: SiteModel, keyOf?: KeyOf) {
  return periodPaths({ ...model, periods: model.periods.filter((p) => p.assessment) }, keyOf);
}

/** One page per unit per period. */
export function unitPaths(model: SiteModel, keyOf?: KeyOf) {
  return model.periods.flatMap((p) => {
    const key = keyOf ? { cacheKey: keyOf(p.period) } : {};
    return p.units.map((u) => ({ params: { period: p.period, code: slug(u.code) }, props: { period: p.period, code: u.code }, ...key }));
  });
}

/** One page per chain per period. */
export function chainPaths(model: SiteModel, keyOf?: KeyOf) {
  return model.periods.flatMap((p) => {
    const key = keyOf ? { cacheKey: keyOf(p.period) } : {};
    return p.chains.map((c) => ({ params: { period: p.period, chain: slug(c.slug) }, props: { period: p.period, slug: c.slug }, ...key }));
  });
}

/** `count(p)` numbered paths of each period (1, 2, …), under the route parameter `param`. */
function numberedPaths<K extends string>(model: SiteModel, param: K, count: (p: PeriodModel) => number, keyOf?: KeyOf) {
  return model.periods.flatMap((p) => {
    const key = keyOf ? { cacheKey: keyOf(p.period) } : {};
    return Array.from({ length: count(p) }, (_, i) => ({ params: { period: p.period, [param]: String(i + 1) } as { period: string } & Record<K, string>, props: { period: p.period, n: i + 1 }, ...key }));
  });
}

/** The ledger's pages of each period (views/ledger-paging.ts): `/<YYYY-MM>/projects/<n>/`. */
export function ledgerPaths(model: SiteModel, keyOf?: KeyOf, pagesOf: (p: PeriodModel) => number = (p) => ledgerPaging(p).pages.length) {
  return numberedPaths(model, 'page', pagesOf, keyOf);
}

/** The script files of each period's city-wide search index (views/search.ts). */
export function searchShardPaths(model: SiteModel, keyOf?: KeyOf, shardsOf: (p: PeriodModel) => number = searchShardCount) {
  return numberedPaths(model, 'shard', shardsOf, keyOf);
}
