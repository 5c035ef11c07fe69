/**
 * What the build's main process and its reader processes share: the messages between them and the
 * one call a reader makes per file. Its own module so that neither side imports the other.
 */
import { readReturnFile, type ReturnFile } from '../lib/return-file.ts';
import type { Unit } from '../lib/model/types.ts';
import type { UnitIndex } from '../lib/recognise/unit-names.ts';
import { issue, type IssueKind } from '../lib/model/issues.ts';

/** From the pool: the unit registry once (after `ready`), then one job at a time. */
export type ToReader =
  | { type: 'init'; units: Unit[] }
  | { type: 'job'; id: number; file: string; period: string; bytes: Uint8Array; cache: { dir: string; key: string } | null };
/** To the pool: `ready` once loaded (the pool times files from then on, not the loading), then one result per job. */
export type FromReader = { type: 'ready' } | { type: 'result'; id: number; result: ReturnFile };

/** The account reason of a file that hit a bug in the reader: such results are never cached. */
export const INTERNAL_REASON = '读取时发生内部错误';

/**
 * `readReturnFile` that cannot throw: a bug costs one file, not the build. Runs in the reader
 * processes only (src/io/read-worker.ts): it parses untrusted bytes without any bound.
 */
export function readOne(bytes: Uint8Array, file: string, period: string, index: UnitIndex): ReturnFile {
  try {
    return readReturnFile(bytes, file, period, index);
  } catch (e) {
    return internalError(file, period, e);
  }
}

export const skipped = (file: string, period: string, reason: string, kind: IssueKind, message: string): ReturnFile => ({
  file, period, ledgers: [], ignoredSheets: [],
  account: { file, period, units: [], status: 'skipped', rowsRead: 0, projects: 0, rejected: 0, nonData: 0, reason },
  issues: [issue({ kind, message, at: { file } })],
});

export function internalError(file: string, period: string, e: unknown): ReturnFile {
  return skipped(file, period, INTERNAL_REASON, 'internal', `读取该文件时发生内部错误（${e instanceof Error ? e.message : String(e)}），该文件未计入`);
}
