/**
 * The parallel, cached reader gives exactly what a sequential read (one reader process) gives, in
 * file order, and the cache serves unchanged files only. Limits on hostile files: read-limits.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../scripts/bench/archive.ts';
import { entryPath, cacheKey, readerFingerprint, registryFingerprint } from '../src/io/cache.ts';
import { loadDataFolder, type DataFolder } from '../src/io/data-folder.ts';
import { readReturns, readReturnsWithStats } from '../src/io/read-returns.ts';
import type { ReturnFile } from '../src/lib/return-file.ts';
import { put, htmlTable } from './helpers/workbooks.ts';

let root: string;
let folder: DataFolder;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tongbao-read-'));
  // 12 units in the six bench layouts (xlsx, titled xlsx, two-row header, .xls, GBK CSV, 亿元), 2 months.
  const archive = writeArchive(join(root, 'archive'), { units: 12, months: 2, projects: 8 });
  const month = join(archive.dir, 'returns', archive.periods[0]!);
  // Files that must be reported, not crash a worker: garbage, empty, an Excel lock file, an HTML table.
  writeFileSync(join(month, '坏文件.xlsx'), Buffer.from('PK\u0003\u0004 this is not a zip at all'));
  writeFileSync(join(month, '空文件.csv'), '');
  writeFileSync(join(month, '~$东西区.xlsx'), Buffer.from([1, 2, 3]));
  put(month, '未知单位.xls', htmlTable([['项目名称', '项目阶段', '累计到位资金（万元）'], ['某项目', '签约', 100]]));
  folder = loadDataFolder(archive.dir);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const fresh = (workers: number) => readReturns(folder.returns, folder.units, undefined, { cacheDir: null, workers });

describe('readReturns', () => {
  it('reads in parallel exactly what a sequential read gives, in file order', async () => {
    expect(folder.returns.length).toBe(28);
    const sequential = await fresh(1);
    const parallel = await fresh(2);
    expect(parallel.map((r) => r.file)).toEqual(folder.returns.map((t) => t.file));
    expect(parallel).toEqual(sequential);
    // The layouts were really read: every unit file gives its 8 projects; broken files are skipped with a reason.
    const read = sequential.filter((r) => r.account.status === 'read');
    expect(read.map((r) => r.account.projects).filter((n) => n === 8).length).toBe(24);
    const skipped = sequential.filter((r) => r.account.status === 'skipped').map((r) => r.file.replace(/^.*\//, ''));
    expect(skipped.sort()).toEqual(['~$东西区.xlsx', '坏文件.xlsx', '空文件.csv'].sort());
    expect(sequential.find((r) => r.file.endsWith('坏文件.xlsx'))!.issues[0]!.severity).toBe('error');
  }, 60_000);

  it('reports progress once per file, in file order, with the running count', async () => {
    const seen: [number, number, string][] = [];
    await readReturns(folder.returns, folder.units, (done, total, r) => seen.push([done, total, r.file]), { cacheDir: null, workers: 2 });
    expect(seen).toEqual(folder.returns.map((t, i) => [i + 1, folder.returns.length, t.file]));
  }, 60_000);

  it('serves unchanged files from the cache, identical to a fresh read', async () => {
    const cacheDir = join(root, 'cache1');
    const first = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 2 });
    expect(first.stats).toMatchObject({ files: 28, cached: 0, parsed: 28 });
    const second = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 2 });
    expect(second.stats).toMatchObject({ cached: 28, parsed: 0 }); // skipped files too: their report is a result
    expect(second.results).toEqual(first.results);
    expect(second.results).toEqual(await fresh(1));
  }, 60_000);

  it('re-reads only a changed file; --no-cache re-reads all and refreshes the entries', async () => {
    const cacheDir = join(root, 'cache2');
    await readReturns(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
    const task = folder.returns.find((t) => t.file.endsWith('.csv') && !t.file.includes('空文件'))!;
    const original = readBytes(task.abs);
    try {
      writeFileSync(task.abs, Buffer.concat([original, Buffer.from('\r\n')]));
      const after = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
      expect(after.stats.parsed).toBe(1);
      const refreshed = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 1, refresh: true });
      expect(refreshed.stats).toMatchObject({ cached: 0, parsed: 28 });
      expect(refreshed.results).toEqual(after.results);
    } finally {
      writeFileSync(task.abs, original);
    }
  }, 60_000);

  it('re-reads everything when the unit registry changes, and recognises units by the new registry', async () => {
    const cacheDir = join(root, 'cache3');
    await readReturns(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
    // Rename one unit: its files (named by the old name) no longer name a known unit.
    const target = folder.units.find((u) => u.code === 'A001')!;
    const renamed = folder.units.map((u) => (u === target ? { ...u, name: '改名县', aliases: [] } : u));
    const again = await readReturnsWithStats(folder.returns, renamed, undefined, { cacheDir, workers: 1 });
    expect(again.stats.cached).toBe(0);
    const before = await fresh(1);
    const file = before.find((r) => r.account.units.includes('A001') && r.file.includes(target.name))!.file;
    expect(again.results.find((r) => r.file === file)!.account.units).not.toContain('A001');
  }, 60_000);

  it('ignores a corrupt cache entry, reads the file again and repairs the entry', async () => {
    const cacheDir = join(root, 'cache4');
    const first = await readReturns(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
    const task = folder.returns[0]!;
    const key = cacheKey(readBytes(task.abs), task.file, task.period, registryFingerprint(folder.units), readerFingerprint());
    writeFileSync(entryPath(cacheDir, key), Buffer.from('not gzip, half an entry'));
    const second = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
    expect(second.stats.parsed).toBe(1);
    expect(second.results).toEqual(first);
    const third = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir, workers: 1 });
    expect(third.stats.parsed).toBe(0);
    // No temp file is left behind by the atomic writes.
    const leftovers = readdirSync(cacheDir, { recursive: true }).filter((n) => String(n).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 60_000);

  it('a reader that dies costs its one file, reported; the others are read by a replacement', async () => {
    // A stand-in reader that answers like the real one but exits on the files of one unit.
    const script = join(root, 'crashing-worker.mjs');
    writeFileSync(script, `
      process.on('message', (job) => {
        if (job.type !== 'job') return;
        if (job.file.includes('A003')) process.exit(3);
        process.send({ type: 'result', id: job.id, result: { file: job.file, period: job.period, ledgers: [], issues: [], ignoredSheets: [],
          account: { file: job.file, period: job.period, units: [], status: 'read', rowsRead: job.bytes.length, projects: 0, rejected: 0, nonData: 0 } } });
      });
      process.send({ type: 'ready' });`);
    const results = await readReturns(folder.returns, folder.units, undefined, { cacheDir: null, workers: 2, workerUrl: pathToFileURL(script) });
    expect(results.map((r) => r.file)).toEqual(folder.returns.map((t) => t.file));
    const crashed = results.filter((r) => r.file.includes('A003'));
    expect(crashed).toHaveLength(2);
    for (const r of crashed) {
      expect(r.account.status).toBe('skipped');
      expect(r.issues[0]).toMatchObject({ severity: 'error', kind: 'internal', file: r.file });
    }
    // Every other file was answered by a reader: the stand-in reports the byte count as rowsRead.
    const others = results.filter((r) => !r.file.includes('A003'));
    expect(others.every((r) => r.account.status === 'read' && r.account.rowsRead === readFileSync(folder.returns.find((t) => t.file === r.file)!.abs).length)).toBe(true);
  }, 60_000);

  it('when readers cannot start at all, reports every file (naming it and the cause) instead of parsing it unbounded here', async () => {
    const script = join(root, 'broken-worker.mjs');
    writeFileSync(script, `throw new Error('cannot load');`);
    const results = await readReturns(folder.returns, folder.units, undefined, { cacheDir: null, workers: 2, workerUrl: pathToFileURL(script) });
    expect(results.map((r) => r.file)).toEqual(folder.returns.map((t) => t.file));
    for (const r of results) {
      expect(r.account).toMatchObject({ status: 'skipped', reason: '读取进程无法启动' });
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ severity: 'error', kind: 'internal', file: r.file });
      expect(r.issues[0]!.message).toContain(`文件“${r.file.replace(/^.*\//, '')}”`);
      expect(r.issues[0]!.message).toContain('Error: cannot load');
      expect(r.issues[0]!.message).not.toMatch(/\bat\s/); // no stack trace
    }
  }, 60_000);

  it('reports a file that vanished after listing instead of failing the build', async () => {
    const tasks = [...folder.returns, { file: 'returns/2026-09/已删除.xlsx', abs: join(root, 'nope.xlsx'), period: '2026-09' }];
    const results: ReturnFile[] = await readReturns(tasks, folder.units, undefined, { cacheDir: join(root, 'cache5'), workers: 2 });
    const gone = results.at(-1)!;
    expect(gone.account.status).toBe('skipped');
    expect(gone.issues[0]!.kind).toBe('internal');
  }, 60_000);
});

const readBytes = (abs: string): Buffer => readFileSync(abs);
