/**
 * `npm run build [-- --data DIR --out DIR --strict --audience public|internal --base /path/ --offline]`
 *
 * Reads the data folder, checks and computes, renders the site with Astro and writes the open data.
 * Exit codes: 0 built (warnings allowed), 1 errors under --strict or nothing could be built,
 * 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { readReturnsWithStats } from '../src/io/read-returns.ts';
import { loadRecords, periodInputs } from '../src/io/records.ts';
import { discardPreseededPages, preloadAstro, preseedPages, renderSite, workFolder } from '../src/io/site-build.ts';
import { startDataFiles } from '../src/io/data-files-worker.ts';
import { serialiseLedgers } from '../src/io/ledger-bytes.ts';
import { makeOffline } from '../src/io/offline-copy.ts';
import { OFFLINE_BASE } from '../src/lib/outputs/offline.ts';
import { buildModel } from '../src/lib/pipeline.ts';
import type { Audience, PeriodModel } from '../src/lib/model/site-model.ts';
import type { Issue } from '../src/lib/model/types.ts';

// V8 lets the heap grow to about twice what survived the last full collection before collecting
// again; Astro's rendering leaves that much garbage, so the build peaked near twice its live heap.
// A 1.3 growth factor keeps 120 × 12 × 60 cold builds ~120 MB lower (974–995 → 843–871 MB) for no
// measurable time (docs/performance.md, memory). A soft setting, unlike a heap limit: a bigger archive
// still gets the heap it needs. Read by V8 at each collection, so setting it here takes effect.
setFlagsFromString('--heap-growing-percent=30');

const USAGE = `用法：npm run build -- [选项]
  --data 目录        数据目录（默认 data/）
  --out 目录         输出目录（默认 dist/）
  --strict           有任何“错误”级问题时以退出码 1 结束
  --audience 范围    public（默认，公开版，不含联系电话等内部信息）或 internal（内部版）
  --base 路径        网站发布在子路径下时使用，例如 --base /tongbao/
  --offline          生成离线副本（默认输出到 dist-offline/）：链接都是相对路径，
                     拷到U盘或共享盘后双击 index.html 即可打开，不需要服务器；不能与 --base 同用
  --quiet            不逐个显示文件
  --no-cache         不使用已解析文件的缓存（.cache/），全部重新读取并重建缓存
  -h, --help         显示本帮助`;

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        data: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' }, audience: { type: 'string' },
        base: { type: 'string' }, offline: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, 'no-cache': { type: 'boolean' },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (e) {
    usage(`参数错误：${e instanceof Error ? e.message : String(e)}`);
  }
  const v = args.values;
  if (v.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  const audience = (v.audience ?? 'public') as Audience;
  if (audience !== 'public' && audience !== 'internal') usage(`--audience 只能是 public 或 internal，而不是“${v.audience}”`);
  // An offline copy's links are relative to each page, so a base path has no meaning there.
  if (v.offline && v.base !== undefined) usage('--offline 生成的离线副本使用相对链接，不需要也不能同时指定 --base；请去掉其中一个');
  let base = v.base ?? '/';
  if (!base.startsWith('/') || /[\s?#"'<>\\]/.test(base)) usage(`--base 应是以 / 开头的路径，例如 /tongbao/，而不是“${base}”`);
  if (!base.endsWith('/')) base += '/';
  const dataDir = resolve(v.data ?? 'data');
  // The offline copy goes beside the published site by default, never over it.
  const outDir = resolve(v.out ?? (v.offline ? 'dist-offline' : 'dist'));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // --out is emptied on every build: refuse a folder that holds something other than a site.
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, 'index.html')) && !existsSync(join(outDir, 'data', 'index.json'))) {
    usage(`输出目录 ${outDir} 不是空目录，也不像是之前生成的网站；为避免误删文件，请指定一个新的或空的目录`);
  }

  say(`通报生成：读取 ${dataDir}`);
  const folder = loadDataFolder(dataDir);
  if (folder.fatal) {
    process.stderr.write(`无法生成：${folder.fatal}\n`);
    return 1;
  }
  // Settings notices (unknown keys in site.json, no city set) come first, where they are seen.
  for (const line of folder.notices) say(line);
  const configBase = folder.config.base && folder.config.base !== '/' && v.base === undefined ? folder.config.base : base;
  // Astro loads, and the last build's pages are copied into place on a worker thread, while the
  // returns are read (src/io/site-build.ts preloadAstro, preseedPages).
  preloadAstro();
  preseedPages(outDir, { fresh: v['no-cache'] === true });
  const timer = stageTimer();
  let { results: returns, stats: readStats } = await readReturnsWithStats(folder.returns, folder.units, undefined, { refresh: v['no-cache'] === true });
  timer.lap('read');
  const { records, issues: recordIssues } = loadRecords(dataDir);
  const periods = [...new Set(folder.returns.map((t) => t.period))];
  const model = buildModel({
    config: { ...folder.config, base: configBase }, audience, units: folder.units, targets: folder.targets, chains: folder.chains, assessment: folder.assessment, returns,
    globalIssues: [...folder.issues, ...recordIssues], records, inputs: periodInputs(dataDir, folder.returns, periods), history: folder.history,
  });
  if (v.offline) model.offline = true;
  for (const i of recordIssues) say(`注意：${i.file}：${i.message}`);
  if (model.periods.length === 0) {
    process.stderr.write('无法生成：没有任何可用的月报。\n');
    await discardPreseededPages();
    return 1;
  }
  timer.lap('model');
  // The returns as read are not needed once the model holds their projects: count their rows now and
  // let them go, so that every project is not held twice while the pages render (docs/performance.md).
  const rows = returns.reduce((s, r) => s + r.account.rowsRead, 0);
  returns = [];
  // One line per file, written once the model is built: only then is it known whether a file was
  // counted (a second return of a unit is not) and which checks found errors in it.
  const lines = fileLines(model.periods, folder.skipped, new Map(folder.units.map((u) => [u.code, u.name])));
  if (!v.quiet) for (const line of lines.text) say(line);
  // The data files are written on a worker thread while the pages render (src/io/data-files-worker.ts).
  // Each period's ledger is serialised once: moved to that worker, and hashed for the pages' keys.
  const ledgers = serialiseLedgers(model.periods);
  const dataFiles = startDataFiles(model, outDir, `${workFolder(outDir)}-data`, { fresh: v['no-cache'] === true, bulletin: folder.bulletin }, ledgers);
  await renderSite(model, outDir, v.offline ? OFFLINE_BASE : configBase, { fresh: v['no-cache'] === true, ledgerDigests: ledgers.digests });
  timer.lap('render');
  const { docxMs } = await dataFiles.placeInto(outDir);
  if (v.offline) makeOffline(outDir);
  timer.lap('write');
  timer.save({ read: readStats, periods: model.periods.length, docxMs });

  // Closing summary: global issues appear in every period, so count them once.
  // The model's own list: in a public build its messages are masked, and the periods share its objects.
  const seen = new Set<Issue>(model.globalIssues);
  const all: Issue[] = [...model.globalIssues];
  for (const p of model.periods) for (const i of p.issues) if (!seen.has(i)) all.push(i);
  const uniq = dedupe(all);
  const errors = uniq.filter((i) => i.severity === 'error');
  const warnings = uniq.filter((i) => i.severity === 'warning');
  const counted = model.periods.reduce((s, p) => s + p.files.reduce((t, f) => t + f.projects, 0), 0);
  const latest = model.periods.at(-1)!;
  // Said once, here: an issued bulletin whose data changed since (docs/issuing.md: leave it, or --revise).
  for (const p of model.periods) {
    if (p.revisions.length === 0) continue;
    const units = [...new Set(p.revisions.map((r) => r.unit))];
    say(`注意：${p.period} 的通报已签发（${p.issued!.number ?? '无文号'}，${p.issued!.date}），此后数据有变化：${units.slice(0, 5).join('、')}${units.length > 5 ? `等${units.length}个` : ''}共 ${p.revisions.length} 项数字与已签发的不同；网站仍显示已签发的数字，详见该月数据质量页“发布后更正”。如需更正：npm run issue -- ${p.period} --revise --reason 说明`);
  }
  say('');
  say(`完成：文件 ${lines.files} 个（读取 ${lines.files - lines.skipped} 个，跳过 ${lines.skipped} 个${lines.notCounted ? `，重复报送未计入 ${lines.notCounted} 个` : ''}），读取行 ${rows} 行，计入项目 ${counted} 个；${model.periods.length} 个月份，最新 ${latest.period}。`);
  say(`问题：错误 ${errors.length} 条，提示 ${warnings.length} 条。`);
  // A public build shows issued periods only once any is issued: say which months it left out.
  const drafts = periods.filter((p) => !model.periods.some((m) => m.period === p)).sort();
  if (drafts.length > 0) {
    say(`未对外发布：${drafts.join('、')}（草稿，尚未签发）。内部预览：npm run build -- --audience internal；核对无误后签发：npm run issue -- ${drafts.at(-1)}`);
  }
  say(`网站：${relative(process.cwd(), outDir) || '.'}/index.html；数据质量：${relative(process.cwd(), outDir) || '.'}/${latest.period}/quality/index.html`);
  if (v.offline) say(`离线副本：把整个 ${relative(process.cwd(), outDir) || '.'} 文件夹拷到U盘或共享盘，双击其中的 index.html 即可打开（不需要网络和服务器）。`);
  if (v.strict && errors.length > 0) {
    say('');
    say(`严格模式：有 ${errors.length} 条错误，退出码 1。按文件列出：`);
    const byFile = new Map<string, Issue[]>();
    for (const e of errors) byFile.set(e.file ?? '（无文件）', [...(byFile.get(e.file ?? '（无文件）') ?? []), e]);
    for (const [file, list] of byFile) {
      say(`  ${file}`);
      for (const e of list) say(`    ${[e.sheet, e.cell].filter(Boolean).join(' ')}${e.sheet || e.cell ? '：' : ''}${e.message}`);
    }
    return 1;
  }
  return 0;
}

/**
 * The console's per-file lines, from the built model: a skipped file says why, a file that was read
 * but not counted says so, and the error and warning counts are those of the quality page's list.
 */
function fileLines(periods: readonly PeriodModel[], folderSkipped: readonly { file: string; reason: string }[], unitName: ReadonlyMap<string, string>) {
  const text: string[] = [];
  const total = periods.reduce((s, p) => s + p.files.length, 0) + folderSkipped.length;
  const width = String(total).length;
  let n = 0;
  let skipped = 0;
  let notCounted = 0;
  const prefix = () => `[${String(++n).padStart(width)}/${total}]`;
  for (const p of periods) {
    const byFile = new Map<string, { errors: number; warnings: number }>();
    for (const i of p.issues) {
      if (!i.file) continue;
      const c = byFile.get(i.file) ?? { errors: 0, warnings: 0 };
      if (i.severity === 'error') c.errors++; else c.warnings++;
      byFile.set(i.file, c);
    }
    for (const f of p.files) {
      if (f.status === 'skipped') { skipped++; text.push(`${prefix()} ${f.file}  ✗ 跳过：${f.reason ?? ''}`); continue; }
      const c = byFile.get(f.file) ?? { errors: 0, warnings: 0 };
      const counts = `${c.errors ? `，${c.errors}个错误` : ''}${c.warnings ? `，${c.warnings}个提示` : ''}`;
      const names = f.units.map((code) => unitName.get(code) ?? code).join('、') || '（未识别单位）';
      if (f.notCounted) { notCounted++; text.push(`${prefix()} ${f.file}  ✗ ${names}：${f.notCounted}${counts}`); continue; }
      text.push(`${prefix()} ${f.file}  ${names}：${f.projects}个项目${counts}`);
    }
  }
  for (const s of folderSkipped) { skipped++; text.push(`${prefix()} ${s.file}  ✗ 跳过：${s.reason}`); }
  return { text, files: total, skipped, notCounted };
}

/** Stage times for `npm run bench`: written to the file named by TONGBAO_TIMINGS, if set. */
function stageTimer() {
  const laps: Record<string, number> = {};
  let last = performance.now();
  return {
    lap(stage: string) { const now = performance.now(); laps[stage] = Math.round(now - last); last = now; },
    save(extra: Record<string, unknown>) {
      const file = process.env['TONGBAO_TIMINGS'];
      if (file) writeFileSync(file, JSON.stringify({ ms: laps, maxRssKB: process.resourceUsage().maxRSS, ...extra }));
    },
  };
}

function dedupe(issues: Issue[]): Issue[] {
  const keys = new Set<string>();
  return issues.filter((i) => {
    const k = JSON.stringify([i.kind, i.message, i.file, i.sheet, i.cell, i.unit]);
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  });
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    // A clerk never sees a stack trace; TONGBAO_DEBUG=1 shows it to the engineer.
    process.stderr.write(`生成失败：${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env['TONGBAO_DEBUG']) console.error(e);
    await discardPreseededPages().catch(() => { /* housekeeping only */ });
    process.exit(1);
  },
);
