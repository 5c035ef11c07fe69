/**
 * Reads every return of the data folder. Sequential here; see docs/pipeline.md for the worker pool
 * and content-hash cache that wrap the same pure `readReturnFile`.
 */
import { readFileSync } from 'node:fs';
import { readReturnFile, type ReturnFile } from '../lib/read/return-file.ts';
import { unitIndex } from '../lib/recognise/unit-names.ts';
import type { Unit } from '../lib/types.ts';
import type { ReturnTask } from './data-folder.ts';

export interface ReadProgress { (done: number, total: number, result: ReturnFile): void }

export async function readReturns(tasks: readonly ReturnTask[], units: Unit[], onProgress?: ReadProgress): Promise<ReturnFile[]> {
  const index = unitIndex(units);
  const out: ReturnFile[] = [];
  for (const [i, task] of tasks.entries()) {
    let result: ReturnFile;
    try {
      result = readReturnFile(readFileSync(task.abs), task.file, task.period, index);
    } catch (e) {
      // readReturnFile does not throw on bad input; this guards against a bug taking the build down.
      result = {
        file: task.file, period: task.period, ledgers: [], ignoredSheets: [],
        account: { file: task.file, period: task.period, units: [], status: 'skipped', rowsRead: 0, projects: 0, rejected: 0, nonData: 0, reason: '读取时发生内部错误' },
        issues: [{ severity: 'error', kind: 'internal', message: `读取该文件时发生内部错误（${e instanceof Error ? e.message : String(e)}），该文件未计入`, file: task.file, sheet: null, cell: null, row: null, unit: null, project: null }],
      };
    }
    out.push(result);
    onProgress?.(i + 1, tasks.length, result);
  }
  return out;
}
