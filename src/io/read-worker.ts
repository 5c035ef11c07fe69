/**
 * Worker thread of the read pool (src/io/read-returns.ts): runs the pure `readReturnFile` on the
 * bytes it is sent and, when given a cache folder, stores the result there itself, so that
 * serialising and compressing entries happens on the pool's cores, not the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { unitIndex } from '../lib/recognise/unit-names.ts';
import type { Unit } from '../lib/types.ts';
import { writeEntry } from './cache.ts';
import { INTERNAL_REASON, readOne } from './read-returns.ts';

/** Sent once, as workerData. */
export interface WorkerInit { units: Unit[] }
/** One job: a file's bytes (transferred, not copied) and where to cache the result. */
export interface WorkerJob { id: number; file: string; period: string; bytes: Uint8Array; cache: { dir: string; key: string } | null }
export interface WorkerReply { id: number; result: import('../lib/read/return-file.ts').ReturnFile }

if (parentPort) {
  const port = parentPort;
  const index = unitIndex((workerData as WorkerInit).units);
  port.on('message', (job: WorkerJob) => {
    const result = readOne(job.bytes, job.file, job.period, index);
    if (job.cache && result.account.reason !== INTERNAL_REASON) writeEntry(job.cache.dir, job.cache.key, result);
    port.postMessage({ id: job.id, result } satisfies WorkerReply);
  });
}
