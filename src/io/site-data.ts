/**
 * The model as the pages see it. The CLI renders the pages in its own process and hands the model
 * over in memory (a global symbol), so a province-sized model is never serialised for Astro; a
 * JSON file named by TONGBAO_MODEL works too (for tools that render in another process).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SiteModel, PeriodModel } from '../lib/model/site-model.ts';
import { ledgerDigest, periodKeyText } from './ledger-bytes.ts';
import { ledgerPaging } from '../lib/views/ledger-paging.ts';
import { searchShardCount } from '../lib/views/search.ts';

/** Where the CLI puts the model for the pages; a registered symbol, so every bundle copy sees it. */
export const MODEL_SLOT = Symbol.for('tongbao.siteModel');
/** Where the CLI puts the digests of the periods' ledgers it has serialised (src/io/ledger-bytes.ts), if any. */
export const LEDGER_DIGESTS_SLOT = Symbol.for('tongbao.ledgerDigests');
/** Where the CLI puts the paging counts the last build stored (src/io/site-build.ts `pagingStore`). */
export const PAGING_SLOT = Symbol.for('tongbao.pagingCounts');

/** A period's number of ledger pages and of search-index scripts. */
export type PagingCounts = readonly [ledgerPages: number, searchShards: number];
/** Counts by page key: those of the last build (same paging code), and those this build used. */
export interface PagingStore { stored: ReadonlyMap<string, PagingCounts>; used: Map<string, PagingCounts> }

/**
 * Bump when a period's pages start to depend on something the page key below does not cover,
 * so that pages stored by an incremental build are rendered again.
 */
const PAGE_KEY_VERSION = 4;

interface Slot { model: SiteModel; byPeriod: Map<string, PeriodModel>; keys: Map<string, string> | null }

let cached: Slot | null = null;

function slot(): Slot {
  const handed = (globalThis as Record<symbol, SiteModel | undefined>)[MODEL_SLOT];
  if (cached && (handed === undefined || cached.model === handed)) return cached;
  let model = handed;
  if (!model) {
    const file = process.env['TONGBAO_MODEL'];
    if (!file) throw new Error('请用 npm run build 生成网站（页面需要由构建脚本准备的数据）');
    model = JSON.parse(readFileSync(file, 'utf8')) as SiteModel;
  }
  // Indexed once: pages look periods up thousands of times at province scale.
  cached = { model, byPeriod: new Map(model.periods.map((p) => [p.period, p])), keys: null };
  return cached;
}

/** The whole site model. */
export function site(): SiteModel {
  return slot().model;
}

/** The model of one period; throws for a period that is not built. */
export function periodModel(period: string): PeriodModel {
  const p = slot().byPeriod.get(period);
  if (!p) throw new Error(`unknown period: ${period}`);
  return p;
}

/** The latest period (periods are in ascending order). */
export function latestPeriod(): PeriodModel {
  const periods = site().periods;
  return periods[periods.length - 1]!;
}

/**
 * The incremental-build key of a period's pages (Astro's `cacheKey` in getStaticPaths): equal keys
 * promise equal pages, so Astro may reuse the page of the previous build.
 *
 * The contract it encodes: a period's pages may show anything of the site's shared data (config,
 * units, chains, groups, audience, global issues), of that period and of every earlier period (last
 * month, same month last year, the year's trend), and the name of the next period (its “next”
 * link); never anything of later periods. So a correction to the latest month re-renders only that
 * month's pages, a correction in March re-renders March onwards, and a new month re-renders the new
 * month and the one before it. test/cache-incremental
 * .test.ts compares incremental rebuilds with clean builds and so guards the contract.
 */
export function pageKey(period: string): string {
  const s = slot();
  if (!s.keys) {
    const handed = (globalThis as Record<symbol, string[] | undefined>)[LEDGER_DIGESTS_SLOT];
    s.keys = pageKeys(s.model, handed?.length === s.model.periods.length ? handed : undefined);
  }
  const key = s.keys.get(period);
  if (!key) throw new Error(`unknown period: ${period}`);
  return key;
}

/**
 * All periods' page keys, each chaining the digests of the periods before it. A period's digest is
 * its ledger's (`ledgerDigests`, computed here when not given) and the JSON of everything else in it.
 */
export function pageKeys(model: SiteModel, ledgerDigests: readonly string[] = model.periods.map(ledgerDigest)): Map<string, string> {
  const { periods, config, audience, units, chains, groups, globalIssues } = model;
  const offline = model.offline === true;
  let chain = createHash('sha256').update(`tongbao-pages:${PAGE_KEY_VERSION}\0`).update(JSON.stringify({ config, audience, units, chains, groups, globalIssues, offline })).digest('hex');
  const keys = new Map<string, string>();
  periods.forEach((p, i) => {
    chain = createHash('sha256').update(chain).update(periodKeyText(p, ledgerDigests[i]!)).digest('hex');
    // Pages name the periods up to the next one (views/periods.ts visiblePeriods), never later ones.
    keys.set(p.period, createHash('sha256').update(chain).update(periods[i + 1]?.period ?? '-').digest('hex'));
  });
  return keys;
}

/**
 * How many ledger pages and search-index scripts a period has: all that listing them
 * (getStaticPaths) needs. Working them out cuts the period's whole ledger into pages and builds its
 * search index, 0.8 s for 13 periods at 120 units in every rebuild, though a rebuild renders only the
 * changed months' pages. So the counts the last build used come back by page key: an equal key means
 * equal ledger, units and groups, and the store is dropped when the paging code changes.
 */
export function pagingCounts(period: string): PagingCounts {
  const key = pageKey(period);
  const store = (globalThis as Record<symbol, PagingStore | undefined>)[PAGING_SLOT];
  let counts = store?.used.get(key) ?? store?.stored.get(key);
  if (!counts) {
    const p = periodModel(period);
    counts = [ledgerPaging(p).pages.length, searchShardCount(p)];
  }
  store?.used.set(key, counts);
  return counts;
}
