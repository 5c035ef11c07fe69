/**
 * The build's pipeline without Astro: data folder → returns read afresh (no cache, so a stale
 * cache entry can never stand in for the code under test) → site model. What the pages and
 * `/data/<period>/summary.json` are rendered from, in a second or two instead of a full build.
 */
import { loadDataFolder } from '../../src/io/data-folder.ts';
import { readReturnsWithStats } from '../../src/io/read-returns.ts';
import type { Audience, SiteModel } from '../../src/lib/model/site-model.ts';
import { buildModel } from '../../src/lib/pipeline.ts';

export async function modelOf(dataDir: string, audience: Audience = 'public'): Promise<SiteModel> {
  const folder = loadDataFolder(dataDir);
  if (folder.fatal) throw new Error(`${dataDir}: ${folder.fatal}`);
  const { results } = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir: null });
  return buildModel({ config: folder.config, audience, units: folder.units, targets: folder.targets, chains: folder.chains, assessment: folder.assessment, returns: results, globalIssues: folder.issues, history: folder.history });
}
