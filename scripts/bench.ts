/**
 * `npm run bench [-- --units 120 --months 12 --projects 60]`
 *
 * Generates a deterministic province archive (scripts/bench/archive.ts) in a temp folder, then
 * times what a clerk waits for: a cold build (no cache), and a rebuild after one new month is
 * dropped in. Each build runs as its own `npm run build` process, as the clerk runs it; the build
 * reports its stage times and peak memory through TONGBAO_TIMINGS. Prints the figures, the pages
 * built and their weights, and the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { readReturns } from '../src/io/read-returns.ts';
import { checkProjects } from '../src/lib/checks/projects.ts';
import { buildModel } from '../src/lib/pipeline.ts';
import type { Project } from '../src/lib/model/types.ts';
import { writeArchive, type ArchiveParams } from './bench/archive.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `用法：npm run bench -- [选项]
  --units N       单位数（默认 120，最多 300）
  --months N      冷构建的月份数（默认 12，最多 24）；另有 1 个月用于“新增一个月”后的重建
  --projects N    每个单位每月的项目数（默认 60，最多 60）
  --dir 目录      生成的档案与输出放在这里（默认系统临时目录下 tongbao-bench/）
  --json 文件     另把结果写成 JSON
  -h, --help      显示本帮助`;

interface Timings { ms: Record<string, number>; maxRssKB: number; read?: { cached: number; parsed: number }; /** Building and packing the Word documents, inside the data-file stage. */ docxMs?: number }
interface Run { label: string; wallMs: number; timings: Timings; exit: number; rendered: number | null; load: number }

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function int(value: string | undefined, fallback: number, max: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} 应为 1 到 ${max} 之间的整数，而不是“${value}”`);
  return n;
}

/** One `npm run build` in its own process, as the clerk runs it. */
function build(label: string, data: string, out: string, cache: string, extra: string[] = []): Run {
  const timingsFile = join(cache, `timings-${label}.json`);
  rmSync(timingsFile, { force: true });
  const load = loadavg()[0]!;
  const startedAt = Date.now();
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--data', data, '--out', out, '--quiet', ...extra], {
    cwd: root,
    env: { ...process.env, TONGBAO_TIMINGS: timingsFile, TONGBAO_CACHE_DIR: join(cache, 'returns'), TONGBAO_ASTRO_CACHE_DIR: join(cache, 'astro') },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0 || !existsSync(timingsFile)) {
    process.stderr.write(`${label} 失败（退出码 ${r.status}）：\n${r.stderr.toString()}\n${r.stdout.toString().slice(-2000)}\n`);
    process.exit(1);
  }
  return { label, wallMs, timings: JSON.parse(readFileSync(timingsFile, 'utf8')) as Timings, exit: r.status, rendered: renderedSince(join(cache, 'astro'), startedAt), load };
}

/**
 * Pages Astro rendered (rather than reused) in the build that started at `since`: it stores a copy
 * of each keyed page it renders. null when no page is stored (routes give no cacheKey).
 */
function renderedSince(astroCache: string, since: number): number | null {
  if (!existsSync(astroCache)) return null;
  const stored = walk(astroCache).filter((f) => f.path.endsWith('.html'));
  if (stored.length === 0) return null;
  return stored.filter((f) => statSync(f.path).mtimeMs >= since).length;
}

function walk(dir: string, out: { path: string; size: number }[] = []): { path: string; size: number }[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

/**
 * The build times checks and computation as one stage (both live inside the pure buildModel);
 * here, in this process and from the warm cache, the checks are timed apart: the same
 * checkProjects calls on each period's rows and the previous month's.
 */
async function checkVersusCompute(data: string, cache: string): Promise<{ modelMs: number; checkMs: number }> {
  const folder = loadDataFolder(data);
  const returns = await readReturns(folder.returns, folder.units, undefined, { cacheDir: join(cache, 'returns') });
  let t = performance.now();
  buildModel({ config: folder.config, audience: 'public', units: folder.units, targets: folder.targets, chains: folder.chains, assessment: folder.assessment, returns, globalIssues: folder.issues });
  const modelMs = performance.now() - t;
  const byPeriod = new Map<string, Project[]>();
  for (const r of returns) for (const l of r.ledgers) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), ...l.projects]);
  const names = new Map(folder.units.map((u) => [u.code, u.name]));
  const periods = [...byPeriod.keys()].sort();
  t = performance.now();
  periods.forEach((period, i) => {
    const prev = i > 0 && periods[i - 1]!.slice(0, 4) === period.slice(0, 4) ? byPeriod.get(periods[i - 1]!)! : null;
    checkProjects({ period, projects: byPeriod.get(period)!, previous: prev, thresholds: folder.config.checks, unitName: (c) => names.get(c) ?? c, cellOf: () => null });
  });
  return { modelMs, checkMs: performance.now() - t };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { units: { type: 'string' }, months: { type: 'string' }, projects: { type: 'string' }, dir: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  } catch (e) {
    fail(`参数错误：${e instanceof Error ? e.message : String(e)}`);
  }
  if (args.values.help) { process.stdout.write(`${USAGE}\n`); return; }
  const params: ArchiveParams = {
    units: int(args.values.units, 120, 300, 'units'),
    months: int(args.values.months, 12, 24, 'months'),
    projects: int(args.values.projects, 60, 60, 'projects'),
  };
  const size = `${params.units}x${params.months}x${params.projects}`;
  const base = resolve(args.values.dir ?? join(tmpdir(), 'tongbao-bench'));
  const work = join(base, size);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(`基准测试：${params.units} 个单位 × ${params.months} 个月 × 每单位 ${params.projects} 个项目（${work}）`);
  const t0 = performance.now();
  const archive = writeArchive(join(work, 'archive'), params, say);
  say(`档案：${archive.files} 个台账文件、${archive.rows} 行，月份 ${archive.periods[0]}…${archive.periods.at(-1)}（生成/复用 ${sec(performance.now() - t0)}）`);

  const cache = join(work, 'cache');
  const out = join(work, 'site');
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });

  say('冷构建（无缓存）…');
  const cold = build('cold', archive.dir, out, cache);
  const pages = walk(out).filter((f) => f.path.endsWith('.html'));
  const latest = archive.periods.at(-1)!;
  const bulletin = statSync(join(out, latest, 'index.html')).size;
  const unitPages = pages.filter((f) => f.path.includes(`${join(out, latest, 'units')}/`)).map((f) => f.size).sort((a, b) => a - b);
  // The ledger (docs/performance.md, hotspot 5): its index, its pages (a few units each) and the
  // city-wide search index beside them; and the largest page of the whole site, whatever it is.
  const ledgerDir = `${join(out, latest, 'projects')}/`;
  const projectsPage = statSync(join(ledgerDir, 'index.html')).size;
  const ledgerPages = pages.filter((f) => f.path.startsWith(ledgerDir) && f.path !== join(ledgerDir, 'index.html')).map((f) => f.size).sort((a, b) => a - b);
  const searchIndex = walk(ledgerDir).filter((f) => /search-\d+\.js$/.test(f.path)).map((f) => f.size);
  const largest = pages.reduce((m, f) => (f.size > m.size ? f : m), { path: '', size: 0 });
  const total = walk(out).reduce((s, f) => s + f.size, 0);

  say(`新增一个月（${archive.pendingPeriod}）后重建…`);
  const pending = join(work, 'archive', 'pending', archive.pendingPeriod);
  const inside = join(archive.dir, 'returns', archive.pendingPeriod);
  renameSync(pending, inside);
  let rebuild: Run;
  let correction: Run;
  let rebuiltPages: number;
  try {
    rebuild = build('rebuild', archive.dir, out, cache);
    rebuiltPages = walk(out).filter((f) => f.path.endsWith('.html')).length;

    // The clerk's loop: one unit corrects its return of the latest month (one amount in a CSV).
    say('更正最新月份的一个文件后重建…');
    const csv = readdirSync(inside).find((n) => n.endsWith('.csv'))!;
    const original = readFileSync(join(inside, csv));
    const text = original.toString('latin1'); // GBK: the digits are ASCII, edited in place
    const row = /\r\n1,[^\r\n]*?,(\d{3,}),/.exec(text)!;
    writeFileSync(join(inside, csv), Buffer.from(text.replace(row[0], row[0].replace(`,${row[1]},`, `,${Number(row[1]) + 1},`)), 'latin1'));
    try {
      correction = build('correction', archive.dir, out, cache);
    } finally {
      writeFileSync(join(inside, csv), original);
    }
  } finally {
    renameSync(inside, pending); // the archive stays reusable for the next bench
  }

  const split = await checkVersusCompute(archive.dir, cache);
  const cpu = cpus()[0]?.model ?? '?';
  const rows: [string, Run][] = [['冷构建', cold], ['新增一月后重建', rebuild], ['更正最新月一个文件后重建', correction]];
  say('');
  say(`机器：${cpu}，${availableParallelism()} 核，内存 ${(totalmem() / 2 ** 30).toFixed(1)} GB；Node ${process.versions.node}`);
  say('');
  say('| 构建 | 总耗时 | 读取（解析/缓存） | 核查+计算 | 页面渲染（重新渲染页数） | 数据文件 | 峰值内存 | 开始时负载 |');
  say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) {
    const m = r.timings.ms;
    const read = r.timings.read ? `（${r.timings.read.parsed}/${r.timings.read.cached}）` : '';
    const rendered = r.rendered === null ? '（全部）' : `（${r.rendered}）`;
    say(`| ${name} | ${sec(r.wallMs)} | ${sec(m['read'] ?? 0)}${read} | ${sec(m['model'] ?? 0)} | ${sec(m['render'] ?? 0)}${rendered} | ${sec(m['write'] ?? 0)} | ${(r.timings.maxRssKB / 1024).toFixed(0)} MB | ${r.load.toFixed(1)} |`);
  }
  say('');
  // The Word documents (issue 13): their share of a cold build, which the issue caps at 10 %.
  const docx = cold.timings.docxMs ?? 0;
  say(`Word 通报（bulletin.docx，${archive.periods.length} 份）：冷构建中 ${sec(docx)}，占总耗时 ${((docx / cold.wallMs) * 100).toFixed(1)}%（目标 ≤ 10%）；新增一月后重建 ${sec(rebuild.timings.docxMs ?? 0)}，更正后重建 ${sec(correction.timings.docxMs ?? 0)}`);
  say(`页面：冷构建 ${pages.length} 个，重建后 ${rebuiltPages} 个；网站共 ${(total / 2 ** 20).toFixed(0)} MB`);
  say(`页面大小（${latest}）：通报 ${kb(bulletin)}；单位页 中位 ${kb(unitPages[Math.floor(unitPages.length / 2)] ?? 0)}、最大 ${kb(unitPages.at(-1) ?? 0)}；项目台账 目录 ${kb(projectsPage)}、${ledgerPages.length} 页最大 ${kb(ledgerPages.at(-1) ?? 0)}、搜索索引 ${searchIndex.length} 个文件共 ${kb(searchIndex.reduce((a, b) => a + b, 0))}（最大 ${kb(Math.max(0, ...searchIndex))}）`);
  say(`全站最大的页面：${relative(out, largest.path)} ${kb(largest.size)}`);
  say(`核查与计算分开计时（本进程、缓存已热、${archive.periods.length} 个月）：整个 buildModel ${sec(split.modelMs)}，其中核查 checkProjects ${sec(split.checkMs)}，计算 ${sec(split.modelMs - split.checkMs)}`);
  say('（读取、核查+计算、页面渲染、数据文件为构建进程内各阶段耗时；总耗时含 Node 启动。负载为开始时的 1 分钟平均负载，高于核数说明有其他程序在争用 CPU。）');

  if (args.values.json) {
    const result = {
      params, machine: { cpu, cores: availableParallelism(), memGB: +(totalmem() / 2 ** 30).toFixed(1), node: process.versions.node },
      files: archive.files, rows: archive.rows,
      cold: { wallMs: Math.round(cold.wallMs), load: cold.load, ...cold.timings }, rebuild: { wallMs: Math.round(rebuild.wallMs), rendered: rebuild.rendered, load: rebuild.load, ...rebuild.timings },
      correction: { wallMs: Math.round(correction.wallMs), rendered: correction.rendered, load: correction.load, ...correction.timings },
      checkMs: Math.round(split.checkMs), modelMs: Math.round(split.modelMs),
      docx: { coldMs: cold.timings.docxMs ?? null, coldShare: cold.timings.docxMs === undefined ? null : +(cold.timings.docxMs / cold.wallMs).toFixed(4) },
      pages: pages.length, pagesAfterRebuild: rebuiltPages, siteBytes: total,
      weights: {
        bulletin, unitMedian: unitPages[Math.floor(unitPages.length / 2)] ?? 0, unitMax: unitPages.at(-1) ?? 0, projects: projectsPage,
        ledgerPages: ledgerPages.length, ledgerMax: ledgerPages.at(-1) ?? 0, searchIndex: searchIndex.reduce((a, b) => a + b, 0), searchIndexMax: Math.max(0, ...searchIndex),
        largest: { path: relative(out, largest.path), size: largest.size },
      },
    };
    writeFileSync(resolve(args.values.json), JSON.stringify(result, null, 2) + '\n');
  }
}

await main();
