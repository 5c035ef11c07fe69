/**
 * Every return is read under a time limit and a heap limit, however few files there are: a file
 * that would hang or exhaust the reader is reported by name and skipped, the others are read, and
 * nothing over a limit is cached.
 */
import * as XLSX from 'xlsx';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, entryPath, readerFingerprint, registryFingerprint, writeEntry } from '../src/io/cache.ts';
import type { ReturnTask } from '../src/io/data-folder.ts';
import { readReturnsWithStats } from '../src/io/read-returns.ts';
import type { ReturnFile } from '../src/lib/return-file.ts';
import type { Unit } from '../src/lib/model/types.ts';
import { workbook } from './helpers/workbooks.ts';

type Zip = { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): Zip; write(z: Zip, o: object): Buffer; utils: { cfb_add(z: Zip, p: string, c: Uint8Array): void } } }).CFB;

const UNITS: Unit[] = ['平原县', '东山县', '西河区', '南湖区', '北岭县', '中州区', '青石县', '白沙县', '红旗区', '金水县']
  .map((name, i) => ({ code: `A${String(i + 1).padStart(2, '0')}`, name, group: '县区', aliases: [], order: i + 1 }));
const LEDGER = [['项目名称', '投资方', '项目阶段', '累计到位资金（万元）'], ['电池项目', '甲公司', '签约', 100], ['光伏项目', '乙公司', '开工', 50]];
/** Short limits so that a hostile file costs the test two seconds, not the default minute. */
const FAST = { timeLimitMs: 2000 } as const;
/**
 * The crafted file: 1500 unclosed openers. SheetJS expands them to about 34 million characters,
 * 2.8 s of parsing on the 2-core development machine (the header recogniser, since fixed, used to
 * add hours to it). Below 2000 openers SheetJS does not overflow its stack and drop the sheet.
 * Read under a 500 ms limit, which a honest 3-row return meets a hundredfold.
 */
const BOMB_OPENERS = 1500;
const BOMB_LIMIT = { timeLimitMs: 500 } as const;

/**
 * An .xlsx whose first shared string is `<![CDATA[` repeated `n` times and never closed.
 * SheetJS 0.20.3's `unescapexml` handles a CDATA section with no `]]>` by recursing on the text
 * after the opener's first two characters and keeping the rest of it each time: L characters become
 * a string of about L²/4 (400 openers, 3.6 KB of XML: 3 million characters) through L/2 nested calls.
 * The header recogniser used to strip bracketed notes from the whole cell with a regex that
 * scans to the end from each of its million unclosed `[`: quadratic again, hours of CPU in one cell
 * (recognise/header.ts now cuts a header candidate to 120 characters first). (With a few thousand openers the string reaches 10⁸ characters and a gigabyte; on a 1 MB
 * stack SheetJS overflows first and drops the sheet, on a worker thread's 4 MB stack it does not.)
 */
function cdataBomb(n: number): Uint8Array {
  // A ledger with a fifth header cell 备注 kept in the shared-strings table, then that string rewritten.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(LEDGER.map((row, r) => [...row, r === 0 ? '备注' : null])), '台账');
  const z = CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer, { type: 'buffer' });
  const i = z.FullPaths.findIndex((p) => p.endsWith('xl/sharedStrings.xml'));
  const sst = new TextDecoder().decode(z.FileIndex[i]!.content);
  expect(sst).toContain('<t>备注</t>');
  CFB.utils.cfb_add(z, '/xl/sharedStrings.xml', new TextEncoder().encode(sst.replace('<t>备注</t>', `<t>${'<![CDATA['.repeat(n)}</t>`)));
  return new Uint8Array(CFB.write(z, { type: 'buffer', fileType: 'zip', compression: true }));
}

let root: string;
beforeAll(() => { root = mkdtempSync(join(tmpdir(), 'tongbao-limits-')); });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `count` honest returns, one per unit, with `hostile` (a file name and its bytes) placed at `at`. */
function folder(name: string, count: number, hostile: [string, Uint8Array], at: number): ReturnTask[] {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  const tasks: ReturnTask[] = [];
  for (let k = 0; k < count; k++) {
    const file = `${UNITS[k]!.name}.xlsx`;
    const abs = join(root, `${name}-${file}`);
    writeFileSync(abs, workbook([{ name: '台账', rows: LEDGER }]));
    tasks.push({ file: `returns/2026-04/${file}`, abs, period: '2026-04' });
  }
  const abs = join(root, `${name}-${hostile[0]}`);
  writeFileSync(abs, hostile[1]);
  tasks.splice(at, 0, { file: `returns/2026-04/${hostile[0]}`, abs, period: '2026-04' });
  return tasks;
}

function expectOthersRead(results: ReturnFile[], tasks: ReturnTask[], hostile: string): void {
  expect(results.map((r) => r.file)).toEqual(tasks.map((t) => t.file));
  for (const r of results.filter((x) => !x.file.endsWith(hostile))) {
    expect(r.account, r.file).toMatchObject({ status: 'read', projects: 2 });
  }
}

function expectReported(r: ReturnFile, kind: string, reason: string, limit: string): void {
  const name = r.file.replace(/^.*\//, '');
  expect(r.account).toMatchObject({ status: 'skipped', reason, projects: 0 });
  expect(r.ledgers).toEqual([]);
  expect(r.issues).toHaveLength(1);
  expect(r.issues[0]).toMatchObject({ severity: 'error', kind, file: r.file });
  expect(r.issues[0]!.message).toContain(`读取文件“${name}”`);
  expect(r.issues[0]!.message).toContain(limit);
}

/** A stand-in reader that answers like the real one, except that it spins or eats memory on a file named `trap`. */
function standIn(name: string, trap: string, does: 'spin' | 'eat'): URL {
  const script = join(root, name);
  writeFileSync(script, `
    process.on('message', (job) => {
      if (job.type !== 'job') return;
      if (job.file.endsWith(${JSON.stringify(trap)})) {
        ${does === 'spin' ? 'for (;;) {} // never answers' : 'const a = []; for (;;) a.push(new Array(10000).fill(a.length));'}
      }
      process.send({ type: 'result', id: job.id, result: { file: job.file, period: job.period, ledgers: [], issues: [], ignoredSheets: [],
        account: { file: job.file, period: job.period, units: [], status: 'read', rowsRead: job.bytes.length, projects: 2, rejected: 0, nonData: 0 } } });
    });
    process.send({ type: 'ready' });`);
  return pathToFileURL(script);
}

describe('read limits', () => {
  it('a reader that never answers on one file is stopped at the time limit; the file is reported, the rest read', async () => {
    const workerUrl = standIn('hanging-reader.mjs', '挂起.xlsx', 'spin');
    for (const count of [9, 2]) { // the pool path, and what used to be read on the main thread
      const tasks = folder(`hang${count}`, count, ['挂起.xlsx', workbook([{ name: '台账', rows: LEDGER }])], 1);
      const t = performance.now();
      const { results, stats } = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir: null, workers: 2, workerUrl, ...FAST });
      expect(performance.now() - t).toBeLessThan(10_000);
      expect(stats.workers).toBeGreaterThanOrEqual(1);
      expectReported(results[1]!, 'read-timeout', '读取超过时间限制（2 秒）', '超过时间限制（2 秒）');
      expectOthersRead(results, tasks, '挂起.xlsx');
    }
  }, 30_000);

  it('a reader that exhausts its heap on one file is reported as over the memory limit, not as a crash of the build', async () => {
    const workerUrl = standIn('greedy-reader.mjs', '吃内存.xlsx', 'eat');
    const tasks = folder('heap', 3, ['吃内存.xlsx', workbook([{ name: '台账', rows: LEDGER }])], 0);
    const { results } = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir: null, workers: 2, workerUrl, memoryLimitMb: 64 });
    expectReported(results[0]!, 'read-memory', '读取所需内存超过限制（64 MB）', '所需内存超过限制（64 MB）');
    expectOthersRead(results, tasks, '吃内存.xlsx');
  }, 30_000);

  it.each([[8, 4], [2, 1]])('a crafted workbook that makes the real reader spin is stopped (%i honest files)', async (count, at) => {
    const tasks = folder(`cdata${count}`, count, ['异常.xlsx', cdataBomb(BOMB_OPENERS)], at);
    const t = performance.now();
    const { results } = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir: null, ...BOMB_LIMIT });
    expect(performance.now() - t).toBeLessThan(15_000);
    expectReported(results[at]!, 'read-timeout', '读取超过时间限制（0.5 秒）', '超过时间限制（0.5 秒）');
    expectOthersRead(results, tasks, '异常.xlsx');
  }, 30_000);

  it('a large return read just before a file that hangs its reader still arrives whole', async () => {
    // The reader holds the next file while it reads one (src/io/read-returns.ts READER_QUEUE). Its
    // answer for a large return (3000 rows: megabytes) is written to the pipe piece by piece; a
    // reader that turned to the next file before the last piece was out, and hung there, lost it.
    // The limit must sit well between the two files' times on any machine: the large return is a
    // CSV (parsed in ~0.1 s), the crafted file takes 1.3 s (a fast machine) to 2.8 s. With 2 s and
    // an .xlsx, a fast machine read the crafted file within the limit and the test failed.
    const rows = [LEDGER[0]!, ...Array.from({ length: 3000 }, (_, i) => [`项目${i + 1}`, `投资方${i % 97}`, '签约', i + 1])];
    const big = join(root, 'queue-big.csv');
    writeFileSync(big, `\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
    const bomb = join(root, 'queue-异常.xlsx');
    writeFileSync(bomb, cdataBomb(BOMB_OPENERS));
    const tasks: ReturnTask[] = [
      { file: 'returns/2026-04/平原县.csv', abs: big, period: '2026-04' },
      { file: 'returns/2026-04/异常.xlsx', abs: bomb, period: '2026-04' },
    ];
    const { results } = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir: null, workers: 1, timeLimitMs: 600 });
    expect(results[0]!.account).toMatchObject({ status: 'read', projects: 3000 });
    expectReported(results[1]!, 'read-timeout', '读取超过时间限制（0.6 秒）', '超过时间限制（0.6 秒）');
  }, 30_000);

  it('a file stopped at a limit is never cached: the next build tries it again, the others come from the cache', async () => {
    const cacheDir = join(root, 'cache');
    const tasks = folder('cached', 2, ['异常.xlsx', cdataBomb(BOMB_OPENERS)], 2);
    const first = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir, ...BOMB_LIMIT });
    expect(first.stats).toMatchObject({ cached: 0, parsed: 3 });
    expect(first.results[2]!.issues[0]!.kind).toBe('read-timeout');
    // An entry stored for the file earlier (a faster machine read it) is removed when a fresh read
    // stops at a limit: the cache never contradicts what this build reported.
    const key = cacheKey(readFileSync(tasks[2]!.abs), tasks[2]!.file, tasks[2]!.period, registryFingerprint(UNITS), readerFingerprint());
    writeEntry(cacheDir, key, first.results[0]!);
    const refreshed = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir, refresh: true, ...BOMB_LIMIT });
    expect(refreshed.results[2]!.issues[0]!.kind).toBe('read-timeout');
    expect(existsSync(entryPath(cacheDir, key))).toBe(false);
    const second = await readReturnsWithStats(tasks, UNITS, undefined, { cacheDir, ...BOMB_LIMIT });
    expect(second.stats).toMatchObject({ cached: 2, parsed: 1 });
    expect(second.results).toEqual(first.results);
  }, 40_000);
});
