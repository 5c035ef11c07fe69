/**
 * The data files (src/io/write-outputs.ts) written on a worker thread while Astro renders the pages
 * on the main one: at 120 × 12 × 60 a cold build spent 6–7 s writing them after the render, one
 * core idle all the while (docs/performance.md). The worker gets a copy of the model and writes into
 * a folder of its own; `placeInto` moves the result into the built site, which renderSite has just
 * replaced as a whole. The files are the same bytes as when written on the main thread: the same
 * function on the same model, and its output depends on nothing the process did before.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SiteModel } from '../lib/model/site-model.ts';
import { defaultOutputCache, writeDataFiles, type WriteOptions } from './write-outputs.ts';

interface Job { model: SiteModel; dir: string; options: WriteOptions }

/** What writeDataFiles reports (awaited: it may return a promise). */
type Written = Awaited<ReturnType<typeof writeDataFiles>>;

if (!isMainThread && parentPort && (workerData as { tongbaoDataFiles?: Job } | null)?.tongbaoDataFiles) {
  const job = (workerData as { tongbaoDataFiles: Job }).tongbaoDataFiles;
  const port = parentPort;
  void Promise.resolve(writeDataFiles(job.model, job.dir, job.options)).then((result) => port.postMessage({ done: result }));
}

export interface DataFiles {
  /** Waits for the files and moves their `data/` folder into `outDir` (the built site). */
  placeInto(outDir: string): Promise<Written>;
}

/**
 * Starts writing the data files of `model` for the site that will be at `outDir`, into `staging`
 * (emptied first). The month cache is the one of `outDir`, as when written there directly. If the
 * worker cannot run, the files are written on this thread when `placeInto` is called.
 */
export function startDataFiles(model: SiteModel, outDir: string, staging: string, options: WriteOptions = {}): DataFiles {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const job: Job = { model, dir: staging, options: { ...options, cacheDir: options.cacheDir === undefined ? defaultOutputCache(outDir) : options.cacheDir } };
  const url = new URL(import.meta.url);
  // Running from TypeScript source, the worker needs tsx's loader, as the main thread has.
  const execArgv = url.pathname.endsWith('.ts') ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  let done: Promise<{ result: Written } | null>;
  try {
    const worker = new Worker(fileURLToPath(url), { workerData: { tongbaoDataFiles: job }, execArgv, stdout: false, stderr: false });
    done = new Promise((resolve) => {
      let result: { result: Written } | null = null;
      worker.on('message', (m: { done: Written }) => { result = { result: m.done }; });
      worker.on('error', () => { /* seen as no result on exit */ });
      worker.on('exit', () => resolve(result));
    });
  } catch {
    done = Promise.resolve(null);
  }
  return {
    async placeInto(out: string): Promise<Written> {
      const finished = await done;
      if (!finished) {
        // The worker failed (it cannot start, or a bug threw there): write here, as before, so that
        // the error, if any, is the build's.
        rmSync(staging, { recursive: true, force: true });
        return await writeDataFiles(model, out, job.options);
      }
      const target = join(out, 'data');
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(join(staging, 'data'), target);
      } catch {
        if (existsSync(join(staging, 'data'))) cpSync(join(staging, 'data'), target, { recursive: true }); // another file system
      }
      rmSync(staging, { recursive: true, force: true });
      return finished.result;
    },
  };
}
