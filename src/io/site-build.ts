/**
 * Renders the pages with Astro. The model is handed over as a JSON file whose path travels in
 * TONGBAO_MODEL; the pages read it through src/lib/site-data.ts.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteModel } from '../lib/model.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function renderSite(model: SiteModel, outDir: string, base: string): Promise<void> {
  const finalOut = resolve(outDir);
  const key = createHash('sha1').update(finalOut).digest('hex').slice(0, 12);
  const work = join(projectRoot, '.tongbao', key);
  // Astro bundles the pages next to the output and imports packages from there, and when the output
  // lies outside the working directory it falls back to one shared `<cwd>/.astro/` that concurrent
  // builds would overwrite. So each build renders into its own folder inside the project, run from
  // the project root, and the result is moved to --out afterwards.
  const stage = join(work, 'out');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const modelFile = join(work, 'model.json');
  writeFileSync(modelFile, JSON.stringify(model));
  process.env['TONGBAO_MODEL'] = modelFile;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  // Vite lets process.env override import.meta.env; a BASE_URL inherited from a parent tool (vitest
  // sets one) would silently replace --base.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
  const { build } = await import('astro');
  const cwd = process.cwd();
  process.chdir(projectRoot);
  try {
    await build({
      root: projectRoot,
      outDir: stage,
      base,
      cacheDir: join(work, 'cache'),
      logLevel: 'error',
      vite: { logLevel: 'error', build: { emptyOutDir: true } },
    });
    rmSync(join(stage, '.prerender'), { recursive: true, force: true });
    rmSync(finalOut, { recursive: true, force: true });
    mkdirSync(dirname(finalOut), { recursive: true });
    try {
      renameSync(stage, finalOut);
    } catch {
      cpSync(stage, finalOut, { recursive: true }); // another file system
    }
  } finally {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  }
}
