/** The site model of the sample data folder (`data/`) as `npm run build` makes it, issue records included. */
import { join } from 'node:path';
import { loadDataFolder } from '../../src/io/data-folder.ts';
import { readReturnsWithStats } from '../../src/io/read-returns.ts';
import { loadRecords, periodInputs } from '../../src/io/records.ts';
import type { Audience, SiteModel } from '../../src/lib/model/site-model.ts';
import { buildModel } from '../../src/lib/pipeline.ts';

export const SAMPLE_DATA = join(import.meta.dirname, '..', '..', 'data');

export async function sampleModel(audience: Audience): Promise<SiteModel> {
  const folder = loadDataFolder(SAMPLE_DATA);
  if (folder.fatal) throw new Error(folder.fatal);
  const { results } = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir: null });
  const { records, issues } = loadRecords(SAMPLE_DATA);
  const periods = [...new Set(folder.returns.map((t) => t.period))];
  return buildModel({
    config: folder.config, audience, units: folder.units, targets: folder.targets, chains: folder.chains, returns: results,
    globalIssues: [...folder.issues, ...issues], records, inputs: periodInputs(SAMPLE_DATA, folder.returns, periods),
  });
}
