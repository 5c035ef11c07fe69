/**
 * Issue records on disk: `issued/<YYYY-MM>.json` in the data folder (model/record.ts has the
 * format). Reading never throws: a broken, duplicated or misnamed record is an error issue naming
 * the file, and its period is built as a draft rather than from half a record.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issue, type Issue } from '../lib/model/issues.ts';
import { parsePeriod, previousMonth, sameMonthLastYear } from '../lib/model/period.ts';
import { parseRecord, serialiseRecord, type IssueRecord } from '../lib/model/record.ts';
import { cmp } from '../lib/model/util.ts';
import type { ReturnTask } from './data-folder.ts';

export const RECORDS_DIR = 'issued';

export function recordPath(dir: string, period: string): string {
  return join(dir, RECORDS_DIR, `${period}.json`);
}

/**
 * Every valid record by period, an issue for each record that cannot be used, and by period the
 * issue that keeps it from being issued again blindly (a broken or duplicated record of that month).
 */
export function loadRecords(dir: string): { records: Map<string, IssueRecord>; issues: Issue[]; blocked: Map<string, Issue> } {
  const records = new Map<string, IssueRecord>();
  const issues: Issue[] = [];
  const blocked = new Map<string, Issue>();
  const folder = join(dir, RECORDS_DIR);
  if (!existsSync(folder)) return { records, issues, blocked };
  const byPeriod = new Map<string, string[]>();
  for (const name of readdirSync(folder).sort(cmp)) {
    if (name.startsWith('.') || !name.endsWith('.json')) continue;
    const file = `${RECORDS_DIR}/${name}`;
    const named = /^(\d{4}-\d{2})\.json$/.exec(name)?.[1] ?? null;
    let text: string;
    try { text = readFileSync(join(folder, name), 'utf8'); } catch (e) {
      issues.push(issue({ kind: 'bad-record', message: `签发记录无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}），该月按草稿生成`, at: { file } }));
      if (named) blocked.set(named, issues.at(-1)!);
      continue;
    }
    const parsed = parseRecord(text, named);
    if (!parsed.ok) {
      issues.push(issue({ kind: 'bad-record', message: `签发记录${parsed.reason}；该月按草稿生成，请从备份恢复或重新签发`, at: { file } }));
      if (named) blocked.set(named, issues.at(-1)!);
      continue;
    }
    const p = parsed.record.period;
    byPeriod.set(p, [...(byPeriod.get(p) ?? []), file]);
    records.set(p, parsed.record);
  }
  for (const [p, files] of byPeriod) {
    if (files.length < 2) continue;
    records.delete(p);
    issues.push(issue({ kind: 'duplicate-record', message: `${p} 有 ${files.length} 份签发记录（${files.join('、')}），无法确定哪一份有效；该月按草稿生成，请删除多余的记录`, at: { file: files[1]! } }));
    blocked.set(p, issues.at(-1)!);
  }
  return { records, issues, blocked };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The inputs a period's figures depend on, with their content hashes: its returns and those of the
 * months it is compared with (last month, same month last year), the registry, that year's targets,
 * the chains, the 考核 scheme and site.json. Recorded at issue time; a later difference names the file that changed.
 */
export function periodInputs(dir: string, returns: readonly ReturnTask[], periods: readonly string[]): Map<string, Record<string, string>> {
  const hashes = new Map<string, string>();
  const hashOf = (rel: string, abs: string) => {
    let h = hashes.get(rel);
    if (h === undefined) {
      try { h = sha(readFileSync(abs)); } catch { h = 'unreadable'; }
      hashes.set(rel, h);
    }
    return h;
  };
  const shared = readdirSync(dir).filter((n) => /^(units|chains|assessment)\.(xlsx|xls|csv)$|^site\.json$/.test(n)).sort(cmp);
  const targets = existsSync(join(dir, 'targets')) ? readdirSync(join(dir, 'targets')).sort(cmp) : [];
  const byPeriod = new Map<string, ReturnTask[]>();
  for (const t of returns) byPeriod.set(t.period, [...(byPeriod.get(t.period) ?? []), t]);
  const out = new Map<string, Record<string, string>>();
  for (const p of periods) {
    const inputs: Record<string, string> = {};
    for (const n of shared) inputs[n] = hashOf(n, join(dir, n));
    const year = String(parsePeriod(p).year);
    for (const n of targets) if (n.includes(year)) inputs[`targets/${n}`] = hashOf(`targets/${n}`, join(dir, 'targets', n));
    for (const q of [p, previousMonth(p), sameMonthLastYear(p)]) {
      for (const t of q ? byPeriod.get(q) ?? [] : []) inputs[t.file] = hashOf(t.file, t.abs);
    }
    out.set(p, Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => cmp(a, b))));
  }
  return out;
}

export { serialiseRecord };
