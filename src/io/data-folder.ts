/**
 * The input end of the build: lists and reads the data folder. The only module that touches input
 * files; everything after it is pure.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { DEFAULT_CONFIG, parseSiteConfig, SiteConfigError, type SiteConfig } from '../lib/model/config.ts';
import { readChains, readTargets, readUnits, type Targets } from '../lib/recognise/registry.ts';
import { readAssessmentScheme } from '../lib/recognise/assessment-scheme.ts';
import type { AssessmentScheme } from '../lib/model/assessment.ts';
import { historyPeriodOfFile, readHistory, type HistoryTable } from '../lib/recognise/history.ts';
import { quietly } from './quiet.ts';
import type { Chain, Issue, Unit } from '../lib/model/types.ts';
import { cmp } from '../lib/model/util.ts';
import { periodOf } from '../lib/model/period.ts';
import { issue, type IssueKind } from '../lib/model/issues.ts';
import { NO_BULLETIN_INPUTS, type BulletinInputs } from '../lib/model/bulletin-settings.ts';
import { loadBulletinInputs } from './bulletin-doc.ts';

export interface ReturnTask { file: string; abs: string; period: string }

export interface DataFolder {
  dir: string;
  config: SiteConfig;
  units: Unit[];
  targets: Map<number, Targets>;
  chains: Chain[];
  /** The 考核 scheme (assessment.xlsx|csv); null when there is none or it has errors (in `issues`). */
  assessment: AssessmentScheme | null;
  /** 上年同期汇总表 (history/<YYYY-MM>.xlsx|csv) by the month they hold. */
  history: Map<string, HistoryTable>;
  returns: ReturnTask[];
  /** Files under returns/ that were not read, and why (outside a month folder, folder name not a month). */
  skipped: { file: string; reason: string }[];
  issues: Issue[];
  /** Set when nothing can be built (no registry, no returns, an unusable site.json). */
  fatal: string | null;
  /** Lines for the console about the settings: unknown keys in site.json, no city or office set. */
  notices: string[];
  /** The office's settings for the Word documents: bulletin.json, 下步工作要求, bulletin-template.docx. */
  bulletin: BulletinInputs;
}

const IGNORED = /^(\.|~\$.*\.tmp$|Thumbs\.db$|desktop\.ini$)/i;

const folderIssue = (file: string | null, message: string, kind: IssueKind): Issue => issue({ kind, message, at: { file } });

/** `2026-04`, `2026-4`, `202604`, `2026年4月` → `2026-04`; null for other folder names. */
export function periodOfFolder(name: string): string | null {
  const m = /^(\d{4})[-_.年]?(\d{1,2})月?$/.exec(name.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? periodOf(Number(m[1]), month) : null;
}

/** A path as the clerk would type it: relative to the working folder when inside it. */
function shownPath(abs: string): string {
  const r = relative(process.cwd(), abs);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : abs;
}

function firstExisting(dir: string, names: string[]): string | null {
  for (const n of names) if (existsSync(join(dir, n))) return n;
  return null;
}

const rel = (dir: string, abs: string) => relative(dir, abs).split(sep).join('/');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name))) {
    if (IGNORED.test(entry.name)) continue;
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out;
}

export function loadDataFolder(dir: string): DataFolder {
  const issues: Issue[] = [];
  const result: DataFolder = { dir, config: DEFAULT_CONFIG, units: [], targets: new Map(), chains: [], assessment: null, history: new Map(), returns: [], skipped: [], issues, fatal: null, notices: [], bulletin: NO_BULLETIN_INPUTS };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) { result.fatal = `数据目录不存在：${dir}`; return result; }

  // site.json decides the masthead: a file that cannot be read as written stops the build rather than
  // publishing under defaults. Unknown keys change nothing that is printed, so they only warn.
  const siteFile = join(dir, 'site.json');
  const siteName = shownPath(siteFile);
  if (existsSync(siteFile)) {
    let text: string;
    try {
      text = readFileSync(siteFile, 'utf8');
    } catch (e) {
      result.fatal = `无法读取设置文件 ${siteName}（${(e as NodeJS.ErrnoException).code ?? String(e)}），未生成任何内容`;
      return result;
    }
    try {
      // Messages say "site.json", not the server's path: the warnings are also printed on the quality page.
      const { config, warnings } = parseSiteConfig(text, 'site.json');
      result.config = config;
      for (const w of warnings) {
        result.notices.push(`注意：${w}`);
        issues.push(folderIssue('site.json', w, 'bad-config'));
      }
    } catch (e) {
      if (!(e instanceof SiteConfigError)) throw e;
      result.fatal = `设置文件 ${siteName} 有误，未生成任何内容。\n${e.message}`;
      return result;
    }
  }
  // No city name is ever invented: without one the pages use neutral wording; say how to set it.
  const { city, office } = result.config;
  if (!city || !office) {
    const what = !city && !office ? '城市名称和发文机关，通报落款使用中性写法' : !city ? '城市名称，通报标题和页眉不写城市名' : '发文机关，通报不写落款机关';
    const keys = [city ? '' : '"city"', office ? '' : '"office"'].filter(Boolean).join(' 和 ');
    const create = existsSync(siteFile) ? '' : '（该文件还没有，可照 README 中的示例新建）';
    result.notices.push(`提示：未设置${what}；请在 ${siteName} 中填写 ${keys}${create}`);
  }

  // The Word document's settings go on its masthead and 版记: a file that cannot be used stops the build, as site.json does.
  const bulletin = loadBulletinInputs(dir);
  if (bulletin.fatal) { result.fatal = bulletin.fatal; return result; }
  result.bulletin = bulletin.inputs;
  for (const w of bulletin.warnings) {
    result.notices.push(`注意：${w}`);
    issues.push(folderIssue(/^\S+/.exec(w)?.[0] ?? null, w, 'bad-bulletin-setting'));
  }

  const unitsFile = firstExisting(dir, ['units.xlsx', 'units.xls', 'units.csv']);
  if (!unitsFile) { result.fatal = `数据目录中没有单位名册（units.xlsx 或 units.csv）：${dir}`; return result; }
  const units = quietly(() => readUnits(readFileSync(join(dir, unitsFile)), unitsFile));
  result.units = units.value;
  issues.push(...units.issues);
  if (result.units.length === 0) { result.fatal = `单位名册 ${unitsFile} 中没有可用的单位`; return result; }

  const targetsDir = join(dir, 'targets');
  if (existsSync(targetsDir)) {
    for (const abs of listFiles(targetsDir)) {
      const file = rel(dir, abs);
      const year = /(\d{4})[^/]*$/.exec(file)?.[1];
      if (!year) { issues.push(folderIssue(file, '目标任务文件名应为年份，例如 targets/2026.xlsx，该文件未读取', 'bad-target-file')); continue; }
      if (result.targets.has(Number(year))) { issues.push(folderIssue(file, `${year}年的目标任务表有多个，只读取了第一个`, 'duplicate-target-file')); continue; }
      const t = quietly(() => readTargets(readFileSync(abs), file, Number(year), result.units, result.config.city));
      result.targets.set(Number(year), t.value);
      issues.push(...t.issues);
    }
  }

  const historyDir = join(dir, 'history');
  if (existsSync(historyDir)) {
    for (const abs of listFiles(historyDir)) {
      const file = rel(dir, abs);
      const period = historyPeriodOfFile(file);
      if (!period) { issues.push(folderIssue(file, '上年同期汇总表的文件名应为月份，例如 history/2025-04.xlsx，该文件未读取', 'bad-history-file')); continue; }
      if (result.history.has(period)) { issues.push(folderIssue(file, `${period} 的上年同期汇总表有多个，只读取了 ${result.history.get(period)!.file}`, 'duplicate-history')); continue; }
      const h = quietly(() => readHistory(readFileSync(abs), file, period, result.units, result.config.city));
      result.history.set(period, h.value);
      issues.push(...h.issues);
    }
  }

  const chainsFile = firstExisting(dir, ['chains.xlsx', 'chains.xls', 'chains.csv']);
  if (chainsFile) {
    const c = quietly(() => readChains(readFileSync(join(dir, chainsFile)), chainsFile));
    result.chains = c.value;
    issues.push(...c.issues);
  }

  const schemeFile = firstExisting(dir, ['assessment.xlsx', 'assessment.xls', 'assessment.csv']);
  if (schemeFile) {
    const a = quietly(() => readAssessmentScheme(readFileSync(join(dir, schemeFile)), schemeFile));
    result.assessment = a.value;
    issues.push(...a.issues);
  }

  const returnsDir = join(dir, 'returns');
  if (!existsSync(returnsDir)) { result.fatal = `数据目录中没有 returns 文件夹：${returnsDir}`; return result; }
  for (const entry of readdirSync(returnsDir, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name))) {
    if (IGNORED.test(entry.name)) continue;
    const abs = join(returnsDir, entry.name);
    if (!entry.isDirectory()) {
      issues.push(folderIssue(rel(dir, abs), '文件应放在 returns/年-月/ 文件夹中（例如 returns/2026-04/），该文件未读取', 'misplaced-file'));
      result.skipped.push({ file: rel(dir, abs), reason: '不在“年-月”文件夹中' });
      continue;
    }
    const period = periodOfFolder(entry.name);
    if (!period) {
      const inside = listFiles(abs);
      issues.push(folderIssue(rel(dir, abs), `文件夹名“${entry.name}”不是“年-月”格式（例如 2026-04），其中的${inside.length}个文件未读取`, 'bad-period-folder'));
      for (const f of inside) result.skipped.push({ file: rel(dir, f), reason: `文件夹名“${entry.name}”不是“年-月”格式` });
      continue;
    }
    if (result.returns.some((r) => r.period === period && !r.file.startsWith(`returns/${entry.name}/`))) {
      issues.push(folderIssue(rel(dir, abs), `与另一个文件夹表示同一个月份（${period}），其中的文件一并读取`, 'duplicate-period-folder'));
    }
    for (const f of listFiles(abs)) result.returns.push({ file: rel(dir, f), abs: f, period });
  }
  if (result.returns.length === 0) result.fatal = `returns 文件夹中没有任何月报文件：${returnsDir}`;
  return result;
}
