/**
 * `npm run issue -- <YYYY-MM> [--number 文号] [--date YYYY-MM-DD] [--data DIR] [--force] [--revise --reason 说明]`
 *
 * Issues (签发) a period's bulletin: writes `issued/<YYYY-MM>.json` in the data folder with the 文号,
 * the 成文日期, the figures as they are now and the hashes of the inputs they come from. From then on
 * builds show exactly those figures (docs/issuing.md). The date defaults to today, read here once
 * and written into the record, so no build ever reads the clock.
 * Exit codes: 0 issued, 1 refused (with the reason in Chinese), 2 bad usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { readReturnsWithStats } from '../src/io/read-returns.ts';
import { loadRecords, periodInputs, recordPath } from '../src/io/records.ts';
import { periodRange } from '../src/lib/model/format.ts';
import { parseRecord, RECORD_FORMAT, serialiseRecord, type IssueRecord, type IssueVersion } from '../src/lib/model/record.ts';
import type { PeriodModel } from '../src/lib/model/site-model.ts';
import { buildModel } from '../src/lib/pipeline.ts';

const USAGE = `用法：npm run issue -- 年-月 [选项]
  --number 文号       发文字号，例如 示招商通〔2026〕4号
  --date 日期         成文日期 YYYY-MM-DD（默认今天，写入签发记录）
  --data 目录         数据目录（默认 data/）
  --force             本月数据仍有“错误”时也签发（记录中注明）
  --revise            签发已签发月份的更正版（须同时给出 --reason）
  --reason 说明       更正说明，例如 “平原县更正3月到位资金”
  -h, --help          显示本帮助`;

const refuse = (message: string): number => { process.stderr.write(`未签发：${message}\n`); return 1; };

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { number: { type: 'string' }, date: { type: 'string' }, data: { type: 'string' }, force: { type: 'boolean' }, revise: { type: 'boolean' }, reason: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true, strict: true,
    });
  } catch (e) {
    process.stderr.write(`参数错误：${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    return 2;
  }
  const v = args.values;
  if (v.help) { process.stdout.write(`${USAGE}\n`); return 0; }
  const period = args.positionals[0];
  if (!period || args.positionals.length > 1 || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    process.stderr.write(`请给出要签发的月份，写作 年-月，例如 2026-04\n\n${USAGE}\n`);
    return 2;
  }
  const date = v.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return refuse(`成文日期“${date}”应写作 YYYY-MM-DD，例如 2026-05-08`);
  if (v.revise && !v.reason?.trim()) return refuse('更正版须用 --reason 写明更正说明');
  if (!v.revise && v.reason) return refuse('--reason 只用于更正版（--revise）');

  const dataDir = resolve(v.data ?? 'data');
  const folder = loadDataFolder(dataDir);
  if (folder.fatal) return refuse(folder.fatal);
  if (!folder.returns.some((t) => t.period === period)) return refuse(`returns/ 中没有 ${period} 的月报`);

  const file = recordPath(dataDir, period);
  const { records, blocked } = loadRecords(dataDir);
  let existing: IssueRecord | null = null;
  if (existsSync(file)) {
    const parsed = parseRecord(readFileSync(file, 'utf8'), period);
    if (!parsed.ok) return refuse(`已有的签发记录 issued/${period}.json 有误（${parsed.reason}）；请先从备份恢复或删除它`);
    existing = parsed.record;
  }
  // A duplicated record of this month (or one named for it that cannot be read) must be sorted out first.
  const broken = blocked.get(period);
  if (broken && (!existing || broken.kind === 'duplicate-record')) return refuse(`${broken.file}：${broken.message}`);
  if (existing && !v.revise) return refuse(`${period} 已于 ${existing.versions.at(-1)!.date} 签发（${existing.versions.at(-1)!.number ?? '无文号'}）；如需更正，请用 --revise --reason 说明`);
  if (!existing && v.revise) return refuse(`${period} 尚未签发，不能签发更正版；去掉 --revise 即为首次签发`);

  // The period as it is now, with the other periods as issued (its 升降 is against issued ranks).
  const others = new Map([...records].filter(([p]) => p !== period));
  const { results: returns } = await readReturnsWithStats(folder.returns, folder.units);
  const periods = [...new Set(folder.returns.map((t) => t.period))];
  const inputs = periodInputs(dataDir, folder.returns, periods);
  const model = buildModel({ config: folder.config, audience: 'internal', units: folder.units, targets: folder.targets, chains: folder.chains, assessment: folder.assessment, returns, globalIssues: folder.issues, records: others, inputs, history: folder.history });
  const p = model.periods.find((x) => x.period === period)!;
  // A stray record of another month is that month's problem, not a reason to hold this bulletin.
  const errors = p.issues.filter((i) => i.severity === 'error' && i.kind !== 'record-without-returns');
  if (errors.length > 0 && !v.force) {
    return refuse(`${period} 还有 ${errors.length} 条“错误”（见数据质量页），有错误的数值未计入；请先处理，或确认后加 --force 签发（记录中注明）`);
  }
  const figures: PeriodModel = { ...p, issued: null, versions: [], revisions: [], changedFromFirst: [] };
  const version: IssueVersion = {
    version: (existing?.versions.length ?? 0) + 1, number: v.number?.trim() || null, date,
    reason: v.revise ? v.reason!.trim() : null, forced: errors.length > 0, inputs: inputs.get(period) ?? {}, figures,
  };
  const record: IssueRecord = { format: RECORD_FORMAT, period, versions: [...(existing?.versions ?? []), version] };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serialiseRecord(record));
  const what = version.version === 1 ? '已签发' : `已签发更正版（第${version.version}版）`;
  process.stdout.write(`${what}：${periodRange(period)}通报，${version.number ?? '无文号'}，成文日期 ${date}${version.forced ? `（带 ${errors.length} 条错误签发）` : ''}。\n签发记录：${file}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`签发失败：${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env['TONGBAO_DEBUG']) console.error(e);
    process.exit(1);
  },
);
