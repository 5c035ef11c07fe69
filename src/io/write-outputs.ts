/**
 * The output end of the build: summary.json and downloads per period, written after Astro has
 * rendered the pages into the same folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteModel } from '../lib/model.ts';
import { ledgerTable, toCsv } from '../lib/outputs/ledger-table.ts';
import { rankingTable } from '../lib/outputs/ranking-table.ts';
import { summary } from '../lib/outputs/summary.ts';
import { toXlsx } from '../lib/outputs/xlsx.ts';

export function writeDataFiles(model: SiteModel, outDir: string): string[] {
  const written: string[] = [];
  const put = (rel: string, data: string | Uint8Array) => {
    const abs = join(outDir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, data);
    written.push(rel);
  };
  for (const p of model.periods) {
    const dir = `data/${p.period}`;
    put(`${dir}/summary.json`, JSON.stringify(summary(p), null, 2) + '\n');
    const ledger = ledgerTable(p.projects, model.units, model.audience);
    put(`${dir}/projects.csv`, toCsv(ledger));
    put(`${dir}/projects.xlsx`, toXlsx([{ name: '项目台账', rows: ledger }]));
    put(`${dir}/rankings.xlsx`, toXlsx(rankingTable(p, model.groups)));
  }
  put('data/index.json', JSON.stringify({ periods: model.periods.map((p) => p.period), latest: model.periods.at(-1)?.period ?? null }, null, 2) + '\n');
  return written;
}
