/**
 * Renders the pages with Astro. The model is handed over as a JSON file whose path travels in
 * TONGBAO_MODEL; the pages read it through src/lib/site-data.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteModel } from '../lib/model.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function renderSite(model: SiteModel, outDir: string, base: string): Promise<void> {
  const key = createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12);
  const work = join(projectRoot, '.tongbao', key);
  mkdirSync(work, { recursive: true });
  const modelFile = join(work, 'model.json');
  writeFileSync(modelFile, JSON.stringify(model));
  process.env['TONGBAO_MODEL'] = modelFile;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const { build } = await import('astro');
  try {
    await build({
      root: projectRoot,
      outDir: resolve(outDir),
      base,
      cacheDir: join(work, 'cache'),
      logLevel: 'error',
      vite: { logLevel: 'error', build: { emptyOutDir: true } },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
