/**
 * Reads every return of the data folder: cached results by content hash (src/io/cache.ts), the
 * rest in parallel on a pool of worker threads (src/io/read-worker.ts) running the same pure
 * `readReturnFile`. The result is the same, in the same order, as a sequential read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readReturnFile, type ReturnFile } from '../lib/read/return-file.ts';
import { unitIndex, type UnitIndex } from '../lib/recognise/unit-names.ts';
import type { Unit } from '../lib/types.ts';
import { cacheKey, defaultCacheDir, readEntry, readerFingerprint, registryFingerprint, writeEntry } from './cache.ts';
import type { ReturnTask } from './data-folder.ts';
import type { WorkerInit, WorkerJob, WorkerReply } from './read-worker.ts';

/** Called once per file, in file order, as soon as that file and all before it are read. */
export interface ReadProgress { (done: number, total: number, result: ReturnFile): void }

export interface ReadOptions {
  /** Folder of the parsed-returns cache; null reads everything afresh and stores nothing. */
  cacheDir?: string | null;
  /** `--no-cache`: ignore stored entries, read every file and store the fresh results. */
  refresh?: boolean;
  /** Worker threads; default one per core. 0 reads on the calling thread. */
  workers?: number;
  /** The worker script; only tests replace src/io/read-worker.ts (with one that crashes, say). */
  workerUrl?: URL;
}

/** What readReturns did, for the bench and the build's timing line. */
export interface ReadStats { files: number; cached: number; parsed: number; workers: number }

/** The account reason of a file that hit a bug in the reader: such results are never cached. */
export const INTERNAL_REASON = '读取时发生内部错误';

/** Below this many files to parse, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/** `readReturnFile` that cannot throw: a bug costs one file, not the build. */
export function readOne(bytes: Uint8Array, file: string, period: string, index: UnitIndex): ReturnFile {
  try {
    return readReturnFile(bytes, file, period, index);
  } catch (e) {
    return internalError(file, period, e);
  }
}

function internalError(file: string, period: string, e: unknown): ReturnFile {
  return {
    file, period, ledgers: [], ignoredSheets: [],
    account: { file, period, units: [], status: 'skipped', rowsRead: 0, projects: 0, rejected: 0, nonData: 0, reason: INTERNAL_REASON },
    issues: [{ severity: 'error', kind: 'internal', message: `读取该文件时发生内部错误（${e instanceof Error ? e.message : String(e)}），该文件未计入`, file, sheet: null, cell: null, row: null, unit: null, project: null }],
  };
}

function readBytes(task: ReturnTask): Uint8Array | Error {
  try { return readFileSync(task.abs); } catch (e) { return e instanceof Error ? e : new Error(String(e)); }
}

/** Node options for a worker: running from TypeScript source, it needs tsx's loader as the main thread has. */
function workerExecArgv(workerUrl: URL): string[] {
  if (!workerUrl.pathname.endsWith('.ts')) return [];
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

export async function readReturns(tasks: readonly ReturnTask[], units: Unit[], onProgress?: ReadProgress, options: ReadOptions = {}): Promise<ReturnFile[]> {
  return (await readReturnsWithStats(tasks, units, onProgress, options)).results;
}

/** readReturns, also telling how many files came from the cache and how many workers ran. */
export async function readReturnsWithStats(tasks: readonly ReturnTask[], units: Unit[], onProgress?: ReadProgress, options: ReadOptions = {}): Promise<{ results: ReturnFile[]; stats: ReadStats }> {
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const registry = registryFingerprint(units);
  const reader = cacheDir ? readerFingerprint() : '';
  const results: (ReturnFile | undefined)[] = new Array(tasks.length);
  let reported = 0;
  const settle = (i: number, r: ReturnFile) => {
    results[i] = r;
    // Progress stays in file order although workers finish out of order.
    while (reported < tasks.length && results[reported]) {
      reported++;
      onProgress?.(reported, tasks.length, results[reported - 1]!);
    }
  };

  // Cache pass: hash every file, take what is stored, queue the rest.
  const misses: { i: number; key: string | null }[] = [];
  let cached = 0;
  for (const [i, task] of tasks.entries()) {
    if (!cacheDir) { misses.push({ i, key: null }); continue; }
    const bytes = readBytes(task);
    if (bytes instanceof Error) { settle(i, internalError(task.file, task.period, bytes)); continue; }
    const key = cacheKey(bytes, task.file, task.period, registry, reader);
    const hit = options.refresh ? null : readEntry(cacheDir, key);
    if (hit) { cached++; settle(i, hit); } else misses.push({ i, key });
  }

  const wanted = options.workers ?? availableParallelism();
  const poolSize = misses.length >= MIN_FILES_FOR_WORKERS ? Math.min(wanted, Math.ceil(misses.length / 4)) : 0;
  if (poolSize <= 1) {
    const index = unitIndex(units);
    for (const { i, key } of misses) {
      const task = tasks[i]!;
      const bytes = readBytes(task);
      const r = bytes instanceof Error ? internalError(task.file, task.period, bytes) : readOne(bytes, task.file, task.period, index);
      if (cacheDir && key && r.account.reason !== INTERNAL_REASON) writeEntry(cacheDir, key, r);
      settle(i, r);
    }
  } else {
    await runPool(poolSize, units, tasks, misses, cacheDir, settle, options.workerUrl ?? new URL('./read-worker.ts', import.meta.url));
  }
  return { results: results as ReturnFile[], stats: { files: tasks.length, cached, parsed: misses.length, workers: poolSize > 1 ? poolSize : 0 } };
}

/**
 * Bytes a worker can own. Node marks its Buffer pool (and so small readFileSync results) as not
 * transferable; a copy into a fresh ArrayBuffer (a few KB, far below the parse cost) always is.
 */
function transferable(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/**
 * Feeds the misses to `size` workers, one job each at a time. A worker that dies costs its one
 * file and is replaced; when workers cannot start at all (no TypeScript loader, say), the
 * remaining files are read on this thread.
 */
async function runPool(
  size: number, units: Unit[], tasks: readonly ReturnTask[], misses: { i: number; key: string | null }[], cacheDir: string | null,
  settle: (i: number, r: ReturnFile) => void, url: URL,
): Promise<void> {
  const execArgv = workerExecArgv(url);
  let next = 0;
  let failures = 0;
  let alive = 0;
  let replied = false;
  // Jobs of workers that failed before any worker ever replied (could not load): read again.
  const retry: { i: number; key: string | null }[] = [];
  const take = () => retry.pop() ?? (next < misses.length ? misses[next++]! : null);
  const left = () => retry.length > 0 || next < misses.length;
  await new Promise<void>((resolveAll) => {
    const finishLocally = () => {
      const index = unitIndex(units);
      for (let m = take(); m; m = take()) {
        const { i, key } = m;
        const task = tasks[i]!;
        const bytes = readBytes(task);
        const r = bytes instanceof Error ? internalError(task.file, task.period, bytes) : readOne(bytes, task.file, task.period, index);
        if (cacheDir && key && r.account.reason !== INTERNAL_REASON) writeEntry(cacheDir, key, r);
        settle(i, r);
      }
    };
    const start = () => {
      alive++;
      const worker = new Worker(url, { workerData: { units } satisfies WorkerInit, execArgv });
      let current: { i: number; key: string | null } | null = null;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        if (--alive === 0) {
          finishLocally(); // only does something when every worker failed
          resolveAll();
        }
      };
      const feed = () => {
        for (let m = take(); m; m = take()) {
          const task = tasks[m.i]!;
          const bytes = readBytes(task);
          if (bytes instanceof Error) { settle(m.i, internalError(task.file, task.period, bytes)); continue; }
          const job: WorkerJob = { id: m.i, file: task.file, period: task.period, bytes: transferable(bytes), cache: cacheDir && m.key ? { dir: cacheDir, key: m.key } : null };
          try {
            worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
          } catch {
            // Cannot hand the job over (should not happen): read it here rather than stall the pool.
            const r = readOne(bytes, task.file, task.period, unitIndex(units));
            if (cacheDir && m.key && r.account.reason !== INTERNAL_REASON) writeEntry(cacheDir, m.key, r);
            settle(m.i, r);
            continue;
          }
          current = m;
          return;
        }
        current = null;
        void worker.terminate();
        end();
      };
      worker.on('message', (reply: WorkerReply) => {
        replied = true;
        current = null;
        settle(reply.id, reply.result);
        feed();
      });
      // A crash (out of memory on a hostile file, an exit from inside the reader) costs its one
      // file; a worker that fails before any worker replied (cannot load) is not restarted forever.
      let lastError: unknown = null;
      worker.on('error', (e) => { lastError = e; });
      worker.on('exit', () => {
        if (ended) return; // terminated by feed() once the queue is empty
        failures++;
        if (current && !replied) retry.push(current);
        else if (current) settle(current.i, internalError(tasks[current.i]!.file, tasks[current.i]!.period, lastError ?? new Error('读取线程意外退出')));
        current = null;
        if (left() && (replied || failures < size) && failures <= misses.length) start();
        end();
      });
      feed();
    };
    for (let k = 0; k < size; k++) start();
  });
}
