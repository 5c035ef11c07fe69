/**
 * The city-wide search index of a period, as script files beside the ledger's index page
 * (src/lib/views/search.ts says why scripts, and how they are cut).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { anchors, href, paths, searchShardPaths } from '../../../lib/views/routes.ts';
import { searchShards, shardScript } from '../../../lib/views/search.ts';
import { siteIndex } from '../../../lib/views/period-index.ts';
import { periodModel, site, pageKey, pagingCounts } from '../../../io/site-data.ts';

export const getStaticPaths = (() => searchShardPaths(site(), pageKey, (p) => pagingCounts(p.period)[1])) satisfies GetStaticPaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => {
  const p = periodModel(props.period);
  const shard = searchShards(p)[props.n - 1]!;
  const base = import.meta.env.BASE_URL;
  const { unitName } = siteIndex(site());
  const names = new Map(p.units.map((u) => [u.code, u.name]));
  const body = shardScript(shard, (n) => href(base, paths.ledger(p.period, n)), (code) => names.get(code) ?? unitName.get(code) ?? code, (code) => anchors.row(code, 0).slice(0, -1));
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
