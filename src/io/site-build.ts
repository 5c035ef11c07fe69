/**
 * Renders the pages with Astro, in this process: the model is handed to the pages in memory
 * (src/io/site-data.ts, MODEL_SLOT), never serialised. Astro's incremental build keeps the pages
 * of the previous build of the same --out under .cache/astro/, and re-renders only the pages whose
 * key (site-data.ts pageKey) or code changed.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { SiteModel } from '../lib/model/site-model.ts';
import { LEDGER_DIGESTS_SLOT, MODEL_SLOT, PAGING_SLOT, type PagingCounts, type PagingStore } from './site-data.ts';
import { sourceFingerprint } from './cache.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RenderOptions {
  /** `--no-cache`: render every page and record them afresh for the next build. */
  fresh?: boolean;
  /** The digests of the periods' ledgers, when the caller has serialised them (src/io/ledger-bytes.ts). */
  ledgerDigests?: readonly string[];
}

let astro: Promise<typeof import('astro')> | null = null;

/**
 * Starts loading Astro (Vite, rolldown, their plugins: 1.5–2.5 s of module loading and compiling)
 * without waiting for it. The CLI calls this before reading the returns, when the main thread
 * mostly waits for the reader processes, so the rebuild does not pay for it after the model is built.
 */
export function preloadAstro(): void {
  void loadAstro().catch(() => { /* renderSite awaits the same promise and reports the error */ });
}

function loadAstro(): Promise<typeof import('astro')> {
  if (!astro) {
    astroEnvironment(); // before the first import, as when Astro was imported by renderSite itself
    astro = import('astro');
  }
  return astro;
}

function astroEnvironment(): void {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  // Vite lets process.env override import.meta.env; a BASE_URL inherited from a parent tool (vitest
  // sets one) would silently replace --base.
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
}

/** The build's own folder inside the project for the site at `outDir` (one per output folder). */
export function workFolder(outDir: string): string {
  return join(projectRoot, '.tongbao', createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12));
}

/** Pages in flight at once (Astro's `build.concurrency`); see renderSite. */
export const RENDER_CONCURRENCY = 8;

/** Where a build of the site at `outDir` works: its own folder, its stage, its page store. */
function buildFolders(outDir: string): { finalOut: string; work: string; key: string; astroCache: string; stage: string } {
  const finalOut = resolve(outDir);
  const work = workFolder(finalOut);
  const key = basename(work);
  // Kept between builds of the same output folder: the stored pages of the incremental build.
  // Absolute: the store is read before the build changes into the project root and written after.
  const astroCache = resolve(process.env['TONGBAO_ASTRO_CACHE_DIR'] ?? join(projectRoot, '.cache', 'astro'), key);
  // Astro bundles the pages next to the output and imports packages from there, and when the output
  // lies outside the working directory it falls back to one shared `<cwd>/.astro/` that concurrent
  // builds would overwrite. So each build renders into its own folder inside the project, run from
  // the project root, and the result is moved to --out afterwards.
  return { finalOut, work, key, astroCache, stage: join(work, 'out') };
}

/** The stored pages being put into place for a build (preseedPages), by output folder and --no-cache. */
let preseeded: { finalOut: string; fresh: boolean; seeded: Promise<Map<string, number>> } | null = null;

/**
 * Starts putting the stored pages of the last build into the stage of the build of `outDir` on a
 * worker thread, without waiting: the CLI calls it before reading the returns, so the copy (0.3–0.5 s
 * of the main thread in a 120 × 12 rebuild, 1850 files) runs on the other core while the returns are
 * read and the model is built. renderSite takes the result; without a call it seeds the pages itself.
 */
export function preseedPages(outDir: string, options: { fresh?: boolean } = {}): void {
  const { finalOut, work, astroCache, stage } = buildFolders(outDir);
  const fresh = options.fresh === true;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const seeded = fresh ? Promise.resolve(new Map<string, number>()) : seedOnWorker(astroCache, stage);
  // Marked handled: a failed copy is reported when renderSite awaits it, not as an unhandled
  // rejection (a stack trace) while the returns are still being read.
  seeded.catch(() => { /* awaited by renderSite or discardPreseededPages */ });
  preseeded = { finalOut, fresh, seeded };
}

/**
 * For a build that stops before rendering (no month to publish, an error): waits for the pages being
 * seeded and removes the build's folder, so that no half-made copy of the site is left behind.
 */
export async function discardPreseededPages(): Promise<void> {
  const ahead = preseeded;
  preseeded = null;
  if (!ahead) return;
  await ahead.seeded.catch(() => { /* removed below all the same */ });
  rmSync(workFolder(ahead.finalOut), { recursive: true, force: true });
}

export async function renderSite(model: SiteModel, outDir: string, base: string, options: RenderOptions = {}): Promise<void> {
  const { finalOut, work, key, astroCache, stage } = buildFolders(outDir);
  const fresh = options.fresh === true;
  // The pages seeded ahead of time for this very build, or none yet: then the folder starts empty.
  const ahead = preseeded && preseeded.finalOut === finalOut && preseeded.fresh === fresh ? preseeded.seeded : null;
  if (ahead) preseeded = null;
  else {
    // Pages seeded ahead for another build (another folder or --no-cache): that copy finishes and
    // goes first, or it could still be writing into a stage this build is about to use.
    await discardPreseededPages();
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
  }
  (globalThis as Record<symbol, unknown>)[MODEL_SLOT] = model;
  (globalThis as Record<symbol, unknown>)[LEDGER_DIGESTS_SLOT] = options.ledgerDigests;
  const paging = pagingStore(astroCache, fresh);
  (globalThis as Record<symbol, unknown>)[PAGING_SLOT] = paging;
  delete process.env['TONGBAO_MODEL']; // a stale pointer must not win over the model in hand
  astroEnvironment();
  const cwd = process.cwd();
  try {
    // Both inside the try: if either fails, the stage (a whole copy of the site, once seeded) goes.
    const seeded = ahead ? await ahead : fresh ? new Map<string, number>() : seedStoredPages(astroCache, stage);
    const { build } = await loadAstro();
    process.chdir(projectRoot);
    await build({
      root: projectRoot,
      outDir: stage,
      base,
      cacheDir: astroCache,
      experimental: { incrementalBuild: true },
      // Pages are rendered eight at a time: Astro awaits each page's folder and two file writes
      // (site and page store) before starting the next, so one at a time left the main thread idle
      // ~2.5 s of a 120 × 12 cold render. Rendering is pure (the model is read-only), so the pages
      // are the same bytes in any order (docs/performance.md, third round).
      build: { concurrency: RENDER_CONCURRENCY },
      force: options.fresh === true,
      logLevel: 'error',
      // The stage is new: it holds only the stored pages put there just now, which must stay.
      vite: { logLevel: 'error', build: { emptyOutDir: false } },
    });
    rmSync(join(stage, '.prerender'), { recursive: true, force: true });
    removeUnclaimedPages(astroCache, stage, seeded);
    savePagingStore(astroCache, paging);
    // The previous site is moved aside, not deleted here: deleting its thousands of files and
    // folders took 4–9 s of a rebuild at 120 × 12 × 60 (docs/performance.md), and nothing waits
    // for it. A process of its own deletes it after this build has finished.
    const trash = join(projectRoot, '.tongbao', 'trash');
    if (existsSync(finalOut)) {
      try {
        mkdirSync(trash, { recursive: true });
        renameSync(finalOut, join(trash, `${key}-${process.pid}`));
      } catch {
        rmSync(finalOut, { recursive: true, force: true }); // another file system: delete it now
      }
    }
    mkdirSync(dirname(finalOut), { recursive: true });
    try {
      renameSync(stage, finalOut);
    } catch {
      cpSync(stage, finalOut, { recursive: true }); // another file system
    }
  } finally {
    delete (globalThis as Record<symbol, unknown>)[MODEL_SLOT];
    delete (globalThis as Record<symbol, unknown>)[LEDGER_DIGESTS_SLOT];
    delete (globalThis as Record<symbol, unknown>)[PAGING_SLOT];
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  }
  pruneStoredPages(dirname(astroCache), astroCache);
  emptyTrash(join(projectRoot, '.tongbao', 'trash'));
}

/** Beside Astro's store: the paging counts of the last build (site-data.ts `pagingCounts`). */
const PAGING_FILE = 'paging-counts.json';

/** One stored entry: a page key and its period's [ledger pages, search scripts]. */
const count = z.number().int().nonnegative();
const STORED_COUNT = z.tuple([z.string(), z.tuple([count, count])]);

/** The code the counts come from: the ledger's paging and the search index, with what they import. */
function pagingCode(): string {
  return sourceFingerprint([join(projectRoot, 'src/lib/views/ledger-paging.ts'), join(projectRoot, 'src/lib/views/search.ts')], 'tongbao-paging:1\0');
}

/**
 * The counts the last build of this --out stored, if made by the same paging code; none for a fresh
 * build, or when the file is missing or damaged (then every period is counted, as in a cold build).
 */
export function pagingStore(astroCache: string, fresh: boolean): PagingStore & { code: string } {
  const code = pagingCode();
  const stored = new Map<string, PagingCounts>();
  if (!fresh) {
    try {
      const file = JSON.parse(readFileSync(join(astroCache, PAGING_FILE), 'utf8')) as { code?: unknown; counts?: unknown };
      if (file.code === code && Array.isArray(file.counts)) {
        // Entry by entry: a damaged one is counted afresh, the others still count.
        for (const entry of file.counts as unknown[]) {
          const ok = STORED_COUNT.safeParse(entry);
          if (ok.success) stored.set(ok.data[0], ok.data[1]);
        }
      }
    } catch { /* none stored, or damaged: count afresh */ }
  }
  return { code, stored, used: new Map() };
}

/** Keeps the counts this build used (only those: a withdrawn month's go), written whole or not at all. */
export function savePagingStore(astroCache: string, store: PagingStore & { code: string }): void {
  try {
    mkdirSync(astroCache, { recursive: true });
    const tmp = join(astroCache, `${PAGING_FILE}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ code: store.code, counts: [...store.used] }));
    renameSync(tmp, join(astroCache, PAGING_FILE));
  } catch { /* an optimisation only: the next build counts afresh */ }
}

/** The copy itself, one implementation for both threads (src/io/seed-pages.cjs). */
const seedPagesFile = new URL('./seed-pages.cjs', import.meta.url);
const { seed } = createRequire(import.meta.url)(fileURLToPath(seedPagesFile)) as { seed: (astroCache: string, stage: string) => [string, number][] };

/**
 * Puts a copy of every page Astro stored in the last build (`<cacheDir>/dist/`, laid out like the
 * site) into the new site before Astro runs: a page whose key and code are unchanged is then already
 * in place, and Astro skips it without copying it itself — one awaited copy at a time, 1.5 s for
 * 1700 pages of a rebuild at 120 × 12 × 60, against ~0.3 s for this one synchronous pass. A page
 * Astro renders again overwrites its copy. Returns each seeded file with its modification time.
 */
function seedStoredPages(astroCache: string, stage: string): Map<string, number> {
  return new Map(seed(astroCache, stage));
}

/**
 * seedStoredPages on a worker thread (src/io/seed-pages.cjs, plain JavaScript: it starts in
 * milliseconds, with no loader). If the worker cannot start or fails, whatever it left is cleared
 * and the pages are seeded here; if that fails too, the promise rejects with the error the
 * synchronous seeding would have thrown.
 */
export function seedOnWorker(astroCache: string, stage: string): Promise<Map<string, number>> {
  return new Promise((resolveSeeded, rejectSeeded) => {
    let answered = false;
    const here = () => {
      if (answered) return;
      answered = true;
      try {
        rmSync(stage, { recursive: true, force: true });
        resolveSeeded(seedStoredPages(astroCache, stage));
      } catch (e) {
        rejectSeeded(e);
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(seedPagesFile, { workerData: { seedPages: true, astroCache, stage }, execArgv: [] });
    } catch {
      here();
      return;
    }
    worker.once('message', (pairs: [string, number][]) => {
      if (answered) return;
      answered = true;
      resolveSeeded(new Map(pairs));
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

/**
 * Deletes the seeded copies this build did not claim: pages whose route no longer lists them (a
 * month or a ledger page that went away), which Astro's manifest of this build does not name and
 * which Astro did not write. Without this a stale page would stay in the published site.
 */
function removeUnclaimedPages(astroCache: string, stage: string, seeded: ReadonlyMap<string, number>): void {
  if (seeded.size === 0) return;
  const claimed = new Set<string>();
  try {
    const manifest = JSON.parse(readFileSync(join(astroCache, 'incremental-build.json'), 'utf8')) as { routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }> };
    for (const route of Object.values(manifest.routes ?? {})) for (const path of Object.values(route.paths ?? {})) if (path.outputFile) claimed.add(path.outputFile);
  } catch { /* no manifest: nothing is claimed, only pages Astro wrote stay */ }
  for (const [rel, mtime] of seeded) {
    if (claimed.has(rel)) continue;
    const file = join(stage, rel);
    try {
      if (statSync(file).mtimeMs !== mtime) continue;
      rmSync(file, { force: true });
      // Folders left empty (a month's pages all gone) go too.
      for (let dir = dirname(file); dir.startsWith(stage + sep) && readdirSync(dir).length === 0; dir = dirname(dir)) rmSync(dir, { recursive: true });
    } catch { /* already gone */ }
  }
}

/**
 * Deletes everything under `trash` (previous sites moved aside, and any a killed build left) in a
 * detached process that outlives this one: plain JavaScript with no TypeScript loader, so it starts in
 * milliseconds. Concurrent deleters may meet in the same folder; each ignores what the other
 * removed first. Housekeeping only: nothing reads the trash.
 */
function emptyTrash(trash: string): void {
  if (!existsSync(trash)) return;
  const code = "const fs = require('node:fs'), path = require('node:path'); const t = process.argv[1]; for (const n of fs.readdirSync(t)) { try { fs.rmSync(path.join(t, n), { recursive: true, force: true, maxRetries: 3 }); } catch {} }";
  try {
    spawn(process.execPath, ['-e', code, trash], { detached: true, stdio: 'ignore', windowsHide: true }).unref();
  } catch {
    /* left for the next build */
  }
}

/** Output folders whose stored pages are kept (each holds a copy of that site). */
const KEEP_STORED_SITES = 6;

/**
 * Every --out gets its own store of pages, so throw-away outputs (tests, one-off builds) would pile
 * up: keep the most recently used few. A store touched in the last hour may belong to a build still
 * running in another process and is never removed. Housekeeping only: it never changes a page.
 */
function pruneStoredPages(parent: string, current: string): void {
  let stores: { dir: string; used: number }[];
  try {
    stores = readdirSync(parent).map((n) => join(parent, n)).filter((d) => d !== current).map((dir) => {
      let used = statSync(dir).mtimeMs;
      try { used = Math.max(used, statSync(join(dir, 'incremental-build.json')).mtimeMs); } catch { /* never finished */ }
      return { dir, used };
    });
  } catch {
    return;
  }
  const hourAgo = Date.now() - 3_600_000;
  stores.sort((a, b) => b.used - a.used);
  for (const s of stores.slice(KEEP_STORED_SITES - 1)) if (s.used < hourAgo) rmSync(s.dir, { recursive: true, force: true });
}
