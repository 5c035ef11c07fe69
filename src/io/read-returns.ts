/**
 * Reads every return of the data folder: cached results by content hash (src/io/cache.ts), the
 * rest on a pool of reader processes (src/io/read-worker.ts) running the same pure
 * `readReturnFile`. The result is the same, in the same order, as a sequential read.
 *
 * Returns are untrusted bytes, and a few KB can make the reader run for days or eat gigabytes (see
 * docs/data-quality.md). So no return is ever parsed on this thread: each is read in a child
 * process under a time limit (a watchdog kills the process) and a heap limit
 * (`--max-old-space-size`); a file that hits either is reported and skipped, the rest are read.
 * Child processes rather than worker threads: a worker thread that reaches its `resourceLimits`
 * while allocating a large string or array aborts the whole build (nodejs/node#47224); a child
 * that runs out of heap takes only itself down.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReturnFile } from '../lib/return-file.ts';
import type { Unit } from '../lib/model/types.ts';
import { cacheKey, defaultCacheDir, entryPath, readEntry, readerFingerprint, registryFingerprint } from './cache.ts';
import type { ReturnTask } from './data-folder.ts';
import { stringPool } from './string-pool.ts';
import { typescriptExecArgv } from './ts-loader.ts';
import { internalError, skipped, type FromReader, type ToReader } from './read-job.ts';

/** Called once per file, in file order, as soon as that file and all before it are read. */
export interface ReadProgress { (done: number, total: number, result: ReturnFile): void }

export interface ReadOptions {
  /** Folder of the parsed-returns cache; null reads everything afresh and stores nothing. */
  cacheDir?: string | null;
  /** `--no-cache`: ignore stored entries, read every file and store the fresh results. */
  refresh?: boolean;
  /**
   * Most reader processes; default one per core. At most one per 4 files to parse, at least one:
   * there is no reading on the calling thread (0 means 1).
   */
  workers?: number;
  /** Longest time one file may take to read, in ms (DEFAULT_TIME_LIMIT_MS). */
  timeLimitMs?: number;
  /** Heap limit of each reader process, in MB (DEFAULT_MEMORY_LIMIT_MB). */
  memoryLimitMb?: number;
  /** Longest time a reader process may take to start, in ms (DEFAULT_START_LIMIT_MS). */
  startLimitMs?: number;
  /** The reader script; only tests replace src/io/read-worker.ts (with one that crashes, say). */
  workerUrl?: URL;
}

/**
 * 60 s per file. The largest return the reader accepts (20 000 rows; a 20 000 × 60 .xlsx of 15 MB)
 * takes about 6 s on the 2-core development machine, a 60-row return 6 ms: ten times the worst
 * honest file leaves room for a slow office PC under load, while a hostile file costs one minute.
 */
export const DEFAULT_TIME_LIMIT_MS = 60_000;
/**
 * 512 MB of JavaScript heap per reader process. That 20 000 × 60 .xlsx peaks at about 170 MB of
 * heap (490 MB resident with the unzipped XML); two readers on a 2-core PC stay near 1.5 GB at most.
 */
export const DEFAULT_MEMORY_LIMIT_MB = 512;
/** A reader loads in about 1 s; a minute means it never will (a broken install, say). */
export const DEFAULT_START_LIMIT_MS = 60_000;

/** What readReturns did, for the bench and the build's timing line. */
export interface ReadStats { files: number; cached: number; parsed: number; workers: number }

const fileName = (file: string) => file.replace(/^.*\//, '');


/** A file whose reading was stopped at a limit. Never cached: a faster or less busy machine may read it. */
function overLimit(file: string, period: string, limit: 'time' | 'memory', limits: Limits): ReturnFile {
  const name = fileName(file);
  const advice = '文件内容可能异常（例如单元格中有大量异常字符）或被篡改，请在 Excel/WPS 中打开检查，另存为 .xlsx 后重新报送';
  if (limit === 'time') {
    const s = limits.timeMs / 1000;
    return skipped(file, period, `读取超过时间限制（${s} 秒）`, 'read-timeout', `读取文件“${name}”超过时间限制（${s} 秒）仍未完成，已中止读取，该文件未计入；${advice}`);
  }
  const mb = limits.heapMb;
  return skipped(file, period, `读取所需内存超过限制（${mb} MB）`, 'read-memory', `读取文件“${name}”所需内存超过限制（${mb} MB），已中止读取，该文件未计入；${advice}`);
}

/** No reader process could start: the files are reported, not parsed here without a bound. */
function notRead(file: string, period: string, why: string): ReturnFile {
  return skipped(file, period, '读取进程无法启动', 'internal', `读取进程无法启动（${why}），文件“${fileName(file)}”未读取、未计入；这不是该文件的问题，请联系维护人员`);
}

function readBytes(task: ReturnTask): Uint8Array | Error {
  try { return readFileSync(task.abs); } catch (e) { return e instanceof Error ? e : new Error(String(e)); }
}

/** Node options for a reader: its heap limit, and how it runs TypeScript source (src/io/ts-loader.ts). */
function readerExecArgv(readerUrl: URL, heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, ...typescriptExecArgv(readerUrl)];
}

export async function readReturns(tasks: readonly ReturnTask[], units: Unit[], onProgress?: ReadProgress, options: ReadOptions = {}): Promise<ReturnFile[]> {
  return (await readReturnsWithStats(tasks, units, onProgress, options)).results;
}

/** readReturns, also telling how many files came from the cache and how many reader processes ran. */
export async function readReturnsWithStats(tasks: readonly ReturnTask[], units: Unit[], onProgress?: ReadProgress, options: ReadOptions = {}): Promise<{ results: ReturnFile[]; stats: ReadStats }> {
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const registry = registryFingerprint(units);
  const reader = cacheDir ? readerFingerprint() : '';
  const results: (ReturnFile | undefined)[] = new Array(tasks.length);
  let reported = 0;
  const intern = stringPool();
  const settle = (i: number, r: ReturnFile) => {
    results[i] = intern(r);
    // Progress stays in file order although readers finish out of order.
    while (reported < tasks.length && results[reported]) {
      reported++;
      onProgress?.(reported, tasks.length, results[reported - 1]!);
    }
  };

  // Cache pass: hash every file; files with no stored entry go to the readers at once, so that a
  // reader starts (about a second) while the stored entries are unpacked here.
  const misses: Miss[] = [];
  const stored: Miss[] = [];
  for (const [i, task] of tasks.entries()) {
    if (!cacheDir) { misses.push({ i, key: null }); continue; }
    const bytes = readBytes(task);
    if (bytes instanceof Error) { settle(i, internalError(task.file, task.period, bytes)); continue; }
    const key = cacheKey(bytes, task.file, task.period, registry, reader);
    if (!options.refresh && existsSync(entryPath(cacheDir, key))) stored.push({ i, key }); else misses.push({ i, key });
  }

  const wanted = Math.max(1, options.workers ?? availableParallelism());
  const limits: Limits = {
    timeMs: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    heapMb: options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB,
    startMs: options.startLimitMs ?? DEFAULT_START_LIMIT_MS,
  };
  const url = options.workerUrl ?? new URL('./read-worker.ts', import.meta.url);
  // One reader per 4 files at most (starting one costs about a second), and at least one even for a
  // single file: the main thread has no way to stop a parse that never ends.
  let workers = 0;
  const pool = (queue: Miss[]): Promise<void> => {
    const size = Math.min(wanted, Math.ceil(queue.length / 4));
    workers += size;
    return size > 0 ? runPool(size, units, tasks, queue, cacheDir, settle, url, limits) : Promise.resolve();
  };
  const reading = pool(misses);
  // An entry found damaged here (readEntry deletes it) is read afresh once the first readers are done.
  const damaged: Miss[] = [];
  let cached = 0;
  for (const m of stored) {
    const hit = readEntry(cacheDir!, m.key!);
    if (hit) { cached++; settle(m.i, hit); } else damaged.push(m);
  }
  await reading;
  await pool(damaged);
  return { results: results as ReturnFile[], stats: { files: tasks.length, cached, parsed: misses.length + damaged.length, workers } };
}

interface Miss { i: number; key: string | null }
interface Limits { timeMs: number; heapMb: number; startMs: number }

/** Files a reader holds at once: the one it reads and one queued behind it. */
const READER_QUEUE = 2;

/** What V8 prints when a process reaches its heap limit (`--max-old-space-size`). */
const OUT_OF_HEAP = /heap out of memory|Reached heap limit|Allocation failed/i;

/**
 * Removes whatever a stopped reader may have stored for its file: the entry (it can have written
 * one just before the watchdog fired) and a half-written temp file, so that a file reported as
 * over a limit is never served from the cache as read.
 */
function forget(cacheDir: string | null, key: string | null, pid: number | undefined): void {
  if (!cacheDir || !key) return;
  const path = entryPath(cacheDir, key);
  try {
    rmSync(path, { force: true });
    if (pid === undefined) return;
    const prefix = `${basename(path)}.${pid}.`;
    for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix)) rmSync(join(dirname(path), name), { force: true });
  } catch {
    // The shard folder does not exist: nothing was written.
  }
}

/** The first error line a reader printed when it failed to load, without the stack. */
function loadError(stderr: string, code: number | null, signal: string | null): string {
  // Node prints the source line, a caret, then `Error: message` (or `TypeError [CODE]: …`) and the stack, indented.
  const line = stderr.split(/\r?\n/).find((l) => /^\w*Error\b/.test(l));
  return (line?.trim().slice(0, 120)) ?? (signal ? `信号 ${signal}` : `退出码 ${code}`);
}

/** Readers still running when this process exits (an uncaught error, process.exit): stopped with it. */
const running = new Set<ChildProcess>();
let exitHook = false;

/**
 * Feeds the misses to `size` reader processes, each holding at most READER_QUEUE files (read one
 * after the other), each file under the time limit from when its reader turns to it. A reader that
 * dies or is stopped costs the file it was on (reported: over the time limit, over the heap limit,
 * or a crash), hands back the one it had queued, and is replaced. Readers that cannot start are retried a few times;
 * when none can, the files left are reported, not read.
 */
function runPool(
  size: number, units: Unit[], tasks: readonly ReturnTask[], misses: Miss[], cacheDir: string | null,
  settle: (i: number, r: ReturnFile) => void, url: URL, limits: Limits,
): Promise<void> {
  const script = fileURLToPath(url);
  const execArgv = readerExecArgv(url, limits.heapMb);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => { for (const c of running) c.kill('SIGKILL'); });
  }
  let next = 0;
  let alive = 0;
  // Exits that cost no file (failed to load, crashed while idle): bounded, or a reader that can never
  // start would be restarted forever. Exits that cost a file are bounded by the number of files.
  let idleFailures = 0;
  let why = '';
  // Files handed back by a reader that stopped before starting them: read first, by the next reader.
  const retry: Miss[] = [];
  const take = () => retry.pop() ?? (next < misses.length ? misses[next++]! : null);
  const left = () => retry.length > 0 || next < misses.length;

  return new Promise<void>((resolveAll) => {
    const end = () => {
      if (--alive > 0) return;
      for (let m = take(); m; m = take()) settle(m.i, notRead(tasks[m.i]!.file, tasks[m.i]!.period, why || '原因不明'));
      resolveAll();
    };

    const start = () => {
      alive++;
      // stdout is dropped (SheetJS chatter must not mix with the progress lines); stderr is kept
      // (capped) to tell running out of heap from other crashes.
      const child = fork(script, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      running.add(child);
      let stderr = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (s: string) => { if (stderr.length < 16_384) stderr += s; });
      let ready = false;
      // Files sent to this reader and not answered yet, in the order it reads them: the first is the
      // one it is reading (and the one the time limit runs for), the next waits in its queue so that
      // the reader never idles while this thread answers and sends.
      const inFlight: Miss[] = [];
      // The file this reader was stopped on at the time limit: its cache entry is cleared once the reader is gone.
      let overran: Miss | null = null;
      // Why this pool stopped the reader: its work is done, a file overran, or it never loaded.
      let stopped: 'done' | 'time' | 'start' | null = null;
      let timer: NodeJS.Timeout | undefined = setTimeout(() => { stopped = 'start'; child.kill('SIGKILL'); }, limits.startMs);
      const send = (msg: ToReader) => { child.send(msg, () => { /* a failed send shows as the reader's exit */ }); };
      // The time limit of the file at the head of the queue, from when the reader turns to it.
      const watch = () => {
        if (inFlight.length === 0) return;
        timer = setTimeout(() => {
          overran = inFlight.shift()!;
          stopped = 'time';
          child.kill('SIGKILL');
          settle(overran.i, overLimit(tasks[overran.i]!.file, tasks[overran.i]!.period, 'time', limits));
        }, limits.timeMs);
      };

      const feed = () => {
        while (inFlight.length < READER_QUEUE) {
          const m = take();
          if (!m) break;
          const task = tasks[m.i]!;
          const bytes = readBytes(task);
          if (bytes instanceof Error) { settle(m.i, internalError(task.file, task.period, bytes)); continue; }
          inFlight.push(m);
          send({ type: 'job', id: m.i, file: task.file, period: task.period, bytes, cache: cacheDir && m.key ? { dir: cacheDir, key: m.key } : null });
          if (inFlight.length === 1) watch();
        }
        if (inFlight.length > 0) return;
        stopped = 'done';
        child.kill();
      };

      child.on('message', (msg: FromReader) => {
        if (stopped) return; // a late answer from a reader already stopped
        if (msg.type === 'ready' && !ready) {
          ready = true;
          clearTimeout(timer);
          send({ type: 'init', units });
          feed();
        } else if (msg.type === 'result' && inFlight[0] && msg.id === inFlight[0].i) {
          clearTimeout(timer);
          inFlight.shift();
          settle(msg.id, msg.result);
          watch();
          feed();
        }
      });

      let closed = false;
      const onClose = (code: number | null, signal: string | null) => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        running.delete(child);
        if (overran) forget(cacheDir, overran.key, child.pid);
        // Files it had queued but not started go back to the pool for the next reader (after a time
        // limit the file it was reading is already out of the queue, reported as overran).
        for (const m of inFlight.splice(overran ? 0 : 1).reverse()) { forget(cacheDir, m.key, child.pid); retry.push(m); }
        if (inFlight.length > 0) {
          // Died on a file: out of heap (V8 aborts the process and says so on stderr) or a crash.
          const m = inFlight.shift()!;
          forget(cacheDir, m.key, child.pid);
          const task = tasks[m.i]!;
          settle(m.i, OUT_OF_HEAP.test(stderr)
            ? overLimit(task.file, task.period, 'memory', limits)
            : internalError(task.file, task.period, new Error(`读取进程意外退出，${signal ? `信号 ${signal}` : `退出码 ${code}`}`)));
        } else if (stopped !== 'done' && stopped !== 'time') {
          idleFailures++;
          why = stopped === 'start' ? `${limits.startMs / 1000} 秒内未能启动` : loadError(stderr, code, signal);
        }
        if (left() && idleFailures <= size) start();
        end();
      };
      child.on('close', onClose);
      // Spawning itself failed (a 'close' may or may not follow); other errors (a send to a dead reader) end in 'close'.
      child.on('error', (e) => { if (child.pid === undefined) { stderr += String(e); onClose(null, null); } });
    };

    for (let k = 0; k < size; k++) start();
  });
}
