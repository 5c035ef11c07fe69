/**
 * The data files (src/io/write-outputs.ts) written on a worker thread while Astro renders the pages
 * on the main one: at 120 × 12 × 60 a cold build spent 6–7 s writing them after the render, one
 * core idle all the while (docs/performance.md). The worker writes into a folder of its own;
 * `placeInto` moves the result into the built site, which renderSite has just replaced as a whole.
 * The files are the same bytes as when written on the main thread: the same function on the same
 * model, and its output depends on nothing the process did before.
 *
 * The worker does not get a copy of the whole model. A period's project ledger is 96 % of it, and a
 * month's files read their own ledger and last month's: each ledger goes over serialised once
 * (moved, not copied), waits in a file of the worker's folder (`diskStore`), is turned back into
 * objects only when read, at most two at a time, and is let go once its month and the next are
 * written (`lazyLedgers`). A cloned model kept ~300 MB alive in the worker at 120 × 12 × 60 while
 * Astro rendered, and cost the main thread 0.3 s to clone; the ledgers' bytes kept in memory were
 * ~280 MB at the start of a 300 × 24 × 60 build.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { PeriodModel, SiteModel } from '../lib/model/site-model.ts';
import { defaultOutputCache, writeDataFiles, type WriteOptions } from './write-outputs.ts';
import { serialiseLedgers, type LedgerBytes } from './ledger-bytes.ts';
import { typescriptExecArgv } from './ts-loader.ts';

/** The model with every period's `projects` set to null, and those ledgers apart, serialised. */
interface Job { model: SiteModel; ledgers: Uint8Array[]; dir: string; options: WriteOptions }

/** Ledgers turned back into objects and kept at once: a month's own and last month's. */
const LEDGERS_KEPT = 2;

/** The model with lazily read ledgers, and what to call once a month's files are written. */
export interface LazyLedgers {
  model: SiteModel;
  /**
   * Months are written in order and a month's files read only its own ledger and last month's: once
   * `period` is written, every ledger before it is released from the store and dropped. Reading one
   * of those afterwards throws, which fails the worker and makes the build write the files on the
   * main thread (correct, slower).
   */
  written(period: string): void;
}

/**
 * Where the worker keeps each ledger's bytes until its month is written. In memory they were
 * ~280 MB of the worker at the start of a 300 × 24 × 60 build, still ~200 MB when Astro's render
 * peaked; on disk (`diskStore`) they cost the worker one write and one read per ledger and no memory.
 */
export interface LedgerStore {
  /** Ledger `i`'s bytes; null once released. */
  read(i: number): Uint8Array | null;
  release(i: number): void;
}

/** The bytes kept as they are, in memory. */
export function memoryStore(ledgers: readonly Uint8Array[]): LedgerStore {
  const bytes: (Uint8Array | null)[] = [...ledgers];
  return { read: (i) => bytes[i] ?? null, release: (i) => { bytes[i] = null; } };
}

/**
 * The bytes written to files in `dir` (made here) and let go; a ledger that cannot be written (a
 * full disk) stays in memory. The files go with `dir`, which the caller removes.
 */
export function diskStore(ledgers: Uint8Array[], dir: string): LedgerStore {
  const files: (string | Uint8Array | null)[] = [];
  mkdirSync(dir, { recursive: true });
  ledgers.forEach((b, i) => {
    const file = join(dir, `${i}.bin`);
    try { writeFileSync(file, b); files[i] = file; } catch { files[i] = b; }
  });
  ledgers.length = 0;
  return {
    read(i) {
      const f = files[i];
      if (f === null || f === undefined) return null;
      return typeof f === 'string' ? readFileSync(f) : f;
    },
    release(i) {
      const f = files[i];
      files[i] = null;
      if (typeof f === 'string') rmSync(f, { force: true });
    },
  };
}

/**
 * Gives each period of `model` its ledger back as a property read on demand: deserialised from
 * `store` when first read, dropped again (the bytes stay there) when more than LEDGERS_KEPT are held.
 */
export function lazyLedgers(model: SiteModel, store: LedgerStore): LazyLedgers {
  // Indexes of the periods whose ledgers are held as objects, oldest first.
  const held: number[] = [];
  const drops: (() => void)[] = [];
  model.periods.forEach((p, i) => {
    let value: PeriodModel['projects'] | null = null;
    drops[i] = () => { value = null; };
    // Redefining the existing key keeps its place among the period's keys (JSON.stringify order).
    Object.defineProperty(p, 'projects', {
      enumerable: true,
      configurable: true,
      get() {
        if (value === null) {
          const b = store.read(i);
          if (!b) throw new Error(`data-file worker: the ledger of ${p.period} was read after its month was done`);
          value = deserialize(b) as PeriodModel['projects'];
          held.push(i);
          while (held.length > LEDGERS_KEPT) drops[held.shift()!]!();
        }
        return value;
      },
    });
  });
  return {
    model,
    written(period) {
      const at = model.periods.findIndex((p) => p.period === period);
      for (let i = 0; i < at; i++) {
        store.release(i);
        drops[i]!();
      }
      for (let k = held.length - 1; k >= 0; k--) if (held[k]! < at) held.splice(k, 1);
    },
  };
}

/**
 * A full collection after each month packed. Packing a month's workbooks and Word document leaves
 * tens of MB of garbage, and V8, far from its heap limit, let it pile up to ~250 MB in the worker at
 * 120 × 12 × 60 while Astro's own heap grew on the main thread; collecting costs the worker's core
 * ~20–50 ms a month and never the main thread. (A heap limit for the worker is no alternative: reaching
 * it can abort the whole process, nodejs/node#47224.) Without the function (an engine that refuses
 * the flag), nothing is collected early.
 */
function collectGarbage(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => (gc as () => void)();
  } catch { /* not available */ }
  return () => {};
}

/** The job for the worker: the model without ledgers (shallow copies), and the ledgers' bytes, to be moved. */
function jobOf(model: SiteModel, ledgers: LedgerBytes, dir: string, options: WriteOptions): { job: Job; transfer: ArrayBuffer[] } {
  const light: SiteModel = { ...model, periods: model.periods.map((p) => ({ ...p, projects: null as unknown as PeriodModel['projects'] })) };
  return { job: { model: light, ledgers: ledgers.bytes, dir, options }, transfer: ledgers.bytes.map((l) => l.buffer as ArrayBuffer) };
}

/** What writeDataFiles reports (awaited: it may return a promise). */
type Written = Awaited<ReturnType<typeof writeDataFiles>>;

if (!isMainThread && parentPort && (workerData as { tongbaoDataFiles?: Job } | null)?.tongbaoDataFiles) {
  const job = (workerData as { tongbaoDataFiles: Job }).tongbaoDataFiles;
  const port = parentPort;
  // The ledgers wait on disk, beside the files (the folder goes when they are placed), not in memory.
  const lazy = lazyLedgers(job.model, diskStore(job.ledgers, join(job.dir, 'ledgers')));
  const collect = collectGarbage();
  // Only packing a month leaves garbage worth a full collection; a month copied from the cache does not.
  const afterPeriod = (period: string, packed: boolean) => { lazy.written(period); if (packed) collect(); };
  void Promise.resolve(writeDataFiles(lazy.model, job.dir, { ...job.options, afterPeriod })).then((result) => port.postMessage({ done: result }));
}

export interface DataFiles {
  /**
   * Waits for the files and moves their `data/` folder into `outDir` (the built site). `onWorker`
   * is false when the worker failed and the files were written on this thread instead.
   */
  placeInto(outDir: string): Promise<Written & { onWorker: boolean }>;
}

/**
 * Starts writing the data files of `model` for the site that will be at `outDir`, into `staging`
 * (emptied first). The month cache is the one of `outDir`, as when written there directly. If the
 * worker cannot run, the files are written on this thread when `placeInto` is called. `ledgers`
 * (src/io/ledger-bytes.ts) are moved to the worker: their bytes are unusable here afterwards.
 */
export function startDataFiles(model: SiteModel, outDir: string, staging: string, options: WriteOptions = {}, ledgers: LedgerBytes = serialiseLedgers(model.periods)): DataFiles {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const writeOptions: WriteOptions = { ...options, cacheDir: options.cacheDir === undefined ? defaultOutputCache(outDir) : options.cacheDir, ledgerDigests: ledgers.digests };
  const url = new URL(import.meta.url);
  const execArgv = typescriptExecArgv(url);
  let done: Promise<{ result: Written } | null>;
  try {
    const { job, transfer } = jobOf(model, ledgers, staging, writeOptions);
    const worker = new Worker(fileURLToPath(url), { workerData: { tongbaoDataFiles: job }, transferList: transfer, execArgv, stdout: false, stderr: false });
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
    async placeInto(out: string): Promise<Written & { onWorker: boolean }> {
      const finished = await done;
      if (!finished) {
        // The worker failed (it cannot start, or a bug threw there): write here, as before, so that
        // the error, if any, is the build's.
        rmSync(staging, { recursive: true, force: true });
        return { ...(await writeDataFiles(model, out, writeOptions)), onWorker: false };
      }
      const target = join(out, 'data');
      rmSync(target, { recursive: true, force: true });
      try {
        renameSync(join(staging, 'data'), target);
      } catch {
        if (existsSync(join(staging, 'data'))) cpSync(join(staging, 'data'), target, { recursive: true }); // another file system
      }
      rmSync(staging, { recursive: true, force: true });
      return { ...finished.result, onWorker: true };
    },
  };
}
