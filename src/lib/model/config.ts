/**
 * Site configuration (`data/site.json`): its schema, its defaults, and how a clerk's file is read.
 *
 * What goes wrong here goes wrong on the masthead of a published bulletin, so nothing is guessed:
 * a file that is not valid JSON, or a setting of the wrong type or out of range, stops the build with
 * a Chinese message naming the line or the setting and what is expected. A misspelt setting name
 * cannot change what is printed (the default stays in force), so it is a warning that names the
 * nearest known setting, not an error.
 */
import { z } from 'zod';

/** 亮灯 thresholds, in points behind time progress (compute/light.ts applies them). */
export interface LightThresholds {
  /** Points behind time progress at which the light turns yellow. */
  yellowBehind: number;
  /** Points behind time progress at which the light turns red. */
  redBehind: number;
}

export const DEFAULT_LIGHTS: LightThresholds = { yellowBehind: 10, redBehind: 30 };

/** 强链/弱链/缺链 thresholds of a chain link (compute/chains.ts applies them). */
export interface ChainThresholds {
  /** A link with fewer counted projects than this is 弱链 (and 缺链 at zero). */
  strongMinProjects: number;
  /** …or with less funds in place than this (万元). */
  strongMinFunds: number;
}

export const DEFAULT_CHAIN_THRESHOLDS: ChainThresholds = { strongMinProjects: 2, strongMinFunds: 5000 };

export interface CheckThresholds {
  /** Funds this month ≥ this × last month (and ≥ minJumpAmount): 元 typed into a 万元 column. */
  unitSlipFactor: number;
  /** Funds this month ≥ this × last month: an implausible jump worth a look. */
  jumpFactor: number;
  /** Jumps below this many 万元 are not reported. */
  minJumpAmount: number;
  /** 投资强度 below this (万元/亩) is listed as low investment intensity. */
  lowIntensity: number;
}

export interface SiteConfig {
  /** City name for mastheads and titles; '' when not configured: pages then use neutral wording. */
  city: string;
  /** Issuing office; '' when not configured: the issuer line is left out. */
  office: string;
  /** Title pattern; `{range}` becomes 2026年1-4月. */
  title: string;
  /** Shown as the issuing date on bulletins, per period (`2026-04`: `2026年5月8日`); no clock is read. */
  publicationDates: Record<string, string>;
  lights: LightThresholds;
  chains: ChainThresholds;
  checks: CheckThresholds;
  /** Group display order; groups not listed follow in registry order. */
  groupOrder: string[];
  /**
   * What the bulletin ranks by: 到位资金 completion, or the 考核 score of the data folder's scheme
   * (assessment.xlsx|csv; a month without scores falls back to completion with a warning).
   */
  rankBy: 'fundsCompletion' | 'assessment';
  /** Public URL of the site, used for QR codes and og:url when set (e.g. `https://zsj.example.gov.cn/tongbao/`). */
  siteUrl: string | null;
  /** Sub-path the site is published under, always ending in `/`. */
  base: string;
  /** Reporting rule printed in the templates' 填报说明, e.g. 请于每月5日前报送上月台账。 */
  reportingDeadline: string;
}

/**
 * The defaults. City and office are empty on purpose: an invented city name on a bulletin sent out
 * by mistake is worse than a bulletin without one.
 */
export const DEFAULT_CONFIG: SiteConfig = {
  city: '',
  office: '',
  title: '关于{range}全市招商引资工作情况的通报',
  publicationDates: {},
  lights: DEFAULT_LIGHTS,
  chains: DEFAULT_CHAIN_THRESHOLDS,
  checks: { unitSlipFactor: 5000, jumpFactor: 20, minJumpAmount: 20000, lowIntensity: 200 },
  groupOrder: ['县区', '开发区', '市直部门'],
  rankBy: 'fundsCompletion',
  siteUrl: null,
  base: '/',
  reportingDeadline: '请于每月5日前报送上月台账。',
};

const D = DEFAULT_CONFIG;
/** Text where an empty value means "use the default" (a clerk clearing a field does not mean "print nothing"). */
const text = (fallback: string) => z.string().trim().transform((s) => s || fallback).default(fallback);
const positive = (fallback: number) => z.number().gt(0, '应为大于 0 的数字').default(fallback);

export const lightsSchema = z.strictObject({
  yellowBehind: z.number().min(0, '应为不小于 0 的数字（落后序时进度的百分点）').default(D.lights.yellowBehind),
  redBehind: z.number().default(D.lights.redBehind),
}).superRefine((v, ctx) => {
  if (!(v.redBehind > v.yellowBehind)) {
    ctx.addIssue({ code: 'custom', path: ['redBehind'], message: `应大于 yellowBehind（现在 redBehind 为 ${v.redBehind}，yellowBehind 为 ${v.yellowBehind}；未填写的一项取默认值）` });
  }
});

export const chainsSchema = z.strictObject({
  strongMinProjects: z.number().int('应为整数').min(1, '应为不小于 1 的整数').default(D.chains.strongMinProjects),
  strongMinFunds: z.number().min(0, '应为不小于 0 的数字（万元）').default(D.chains.strongMinFunds),
});

export const checksSchema = z.strictObject({
  unitSlipFactor: positive(D.checks.unitSlipFactor),
  jumpFactor: positive(D.checks.jumpFactor),
  minJumpAmount: positive(D.checks.minJumpAmount),
  lowIntensity: positive(D.checks.lowIntensity),
});

/** The schema of site.json; its output is a complete SiteConfig with defaults filled in. */
export const siteConfigSchema = z.strictObject({
  city: z.string().trim().default(D.city),
  office: z.string().trim().default(D.office),
  title: text(D.title),
  publicationDates: z.record(
    // A key such as "2026-4" would never match the period 2026-04 and the date would silently not show.
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写作“年-月”，月份两位，如 "2026-04"'),
    z.string().trim().min(1, '应填写发文日期，如 "2026年5月8日"'),
  ).prefault({}),
  lights: lightsSchema.prefault({}),
  chains: chainsSchema.prefault({}),
  checks: checksSchema.prefault({}),
  groupOrder: z.array(z.string().trim().min(1, '不能为空文本')).default(D.groupOrder),
  rankBy: z.enum(['fundsCompletion', 'assessment'], '应为 "fundsCompletion"（按到位资金完成率排名）或 "assessment"（按考核得分排名，需要 assessment 考核办法）').default(D.rankBy),
  siteUrl: z.string().trim()
    .regex(/^(https?:\/\/\S+)?$/i, '应为以 http:// 或 https:// 开头的网址，如 "https://zsj.example.gov.cn/tongbao/"；不填写时写 null')
    .transform((s) => s || null)
    .nullable().default(D.siteUrl),
  base: z.string().trim()
    .regex(/^(\/[^\s?#"'<>\\]*)?$/, '应为以 / 开头的路径，如 "/tongbao/"')
    .transform((s) => (s === '' ? '/' : s.endsWith('/') ? s : `${s}/`))
    .default(D.base),
  reportingDeadline: text(D.reportingDeadline),
});

// The schema and the documented interface must describe the same thing: this line stops compiling if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesSiteConfig: Same<z.output<typeof siteConfigSchema>, SiteConfig> = true;
void schemaMatchesSiteConfig;

/** The objects whose keys are fixed, by path: where an unknown key can be reported with a suggestion. */
const OBJECTS: Record<string, z.ZodObject> = { '': siteConfigSchema, lights: lightsSchema, chains: chainsSchema, checks: checksSchema };

/** A site.json that cannot be used; the message is complete and in Chinese, ready for the console. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

export interface ResolvedConfig {
  config: SiteConfig;
  /** Unknown setting names, each with the nearest known one: the build goes on without them. */
  warnings: string[];
}

/**
 * Validates a parsed site.json and fills in the defaults. Throws SiteConfigError listing every
 * invalid setting; unknown keys are returned as warnings (and ignored).
 */
export function validateConfig(raw: unknown, file = 'site.json'): ResolvedConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SiteConfigError(`${file} 的内容应为一组设置，用 { } 括起来，如 { "city": "平安市" }，现为${shown(raw)}`);
  }
  const first = siteConfigSchema.safeParse(raw, { error: typeMessage });
  if (first.success) return { config: first.data, warnings: [] };
  const unknown = first.error.issues.filter((i) => i.code === 'unrecognized_keys');
  // In the order they appear in the file (zod reports nested objects first).
  const order = keyOrder(raw);
  const warnings = unknown.flatMap((i) => i.keys.map((k) => [...i.path.map(String), k]))
    .sort((a, b) => (order.get(a.join('\0')) ?? 0) - (order.get(b.join('\0')) ?? 0))
    .map((path) => unknownKeyMessage(file, path.slice(0, -1), path.at(-1)!));
  // Parse again without the unknown keys: the remaining problems are the real errors.
  const second = unknown.length > 0 ? siteConfigSchema.safeParse(withoutKeys(raw, unknown), { error: typeMessage }) : first;
  if (second.success) return { config: second.data, warnings };
  const lines = [`${file} 中有 ${second.error.issues.length} 处设置不正确（不需要的设置可以删除，删除后使用默认值）：`, ...second.error.issues.map((i) => `  - ${issueText(i)}`)];
  // Unknown keys are listed too: a misspelt key is often why a value seems to be missing.
  if (warnings.length > 0) lines.push('另外：', ...warnings.map((w) => `  - ${w}`));
  throw new SiteConfigError(lines.join('\n'));
}

/** Validates a parsed site.json; no file (null) gives the defaults. Throws SiteConfigError. */
export function resolveConfig(raw: unknown): SiteConfig {
  return raw === null || raw === undefined ? DEFAULT_CONFIG : validateConfig(raw).config;
}

/** Reads the text of site.json (BOM allowed). Throws SiteConfigError naming the line and column of a syntax error. */
export function parseSiteConfig(textIn: string, file = 'site.json'): ResolvedConfig {
  const source = textIn.replace(/^\ufeff/, '');
  // A file saved as GBK or UTF-16 decodes to U+FFFD: JSON.parse would accept it and print garbage as the city name.
  const bad = source.indexOf('\ufffd');
  if (bad >= 0) {
    const { line } = lineColumn(source, bad);
    throw new SiteConfigError(`${file} 不是 UTF-8 编码（第 ${line} 行有无法识别的字符），请用记事本打开后“另存为”，编码选择 UTF-8`);
  }
  if (source.trim() === '') throw new SiteConfigError(`${file} 是空文件；不需要设置时请删除该文件，或写入 {}`);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (e) {
    throw new SiteConfigError(syntaxMessage(source, file, e));
  }
  return validateConfig(raw, file);
}

// ---------------------------------------------------------------------------------------------
// Messages

const KIND: Record<string, string> = {
  string: '文本（用英文双引号括起来，如 "平安市"）',
  number: '数字（不加引号，如 10）',
  object: '一组设置（用 { } 括起来）',
  array: '列表（用 [ ] 括起来，如 ["县区", "开发区"]）',
  record: '一组设置（用 { } 括起来，如 { "2026-04": "2026年5月8日" }）',
};

function shown(v: unknown): string {
  if (v === null) return '空值 null';
  if (Array.isArray(v)) return '列表 [ … ]';
  if (typeof v === 'object') return '一组设置 { … }';
  if (typeof v === 'string') return `文本 ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `数字 ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return String(v);
}

/** Zod's per-parse error map: type errors in Chinese; the schema's own messages (range, format) take precedence. */
function typeMessage(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === 'invalid_type') {
    const expected = String(iss.expected);
    return `应为${KIND[expected] ?? expected}，现为${shown(iss.input)}`;
  }
  if (iss.code === 'invalid_value') return `不是可用的值，现为${shown(iss.input)}`;
  return undefined;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (!/^[A-Za-z_]\w*$/.test(String(p))) out += `[${JSON.stringify(String(p))}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function issueText(i: z.core.$ZodIssue): string {
  if (i.path.length === 0) return i.message;
  // A bad record key: its path already ends with the key, the message is the key schema's.
  if (i.code === 'invalid_key') return `${pathText(i.path)}：${i.issues[0]?.message ?? i.message}`;
  return `${pathText(i.path)}：${i.message}`;
}

function unknownKeyMessage(file: string, path: string[], key: string): string {
  const where = path.join('.');
  const full = where ? `${where}.${key}` : key;
  const known = Object.keys(OBJECTS[where]?.shape ?? {});
  const near = nearest(key, known);
  // A known key one level off (e.g. "yellowBehind" at the top instead of inside "lights").
  const elsewhere = Object.entries(OBJECTS).find(([p, o]) => p !== where && key in o.shape)?.[0];
  const hint = near !== null
    ? `是否应为 ${where ? `${where}.` : ''}${near}？`
    : elsewhere !== undefined
      ? `它应写在 ${elsewhere ? `"${elsewhere}": { }` : '最外层'} 中`
      : `${where ? `${where} 中` : ''}可用的设置项：${known.join('、')}`;
  return `${file} 中的设置项“${full}”无法识别，已忽略；${hint}`;
}

/** The known key closest to a misspelt one, if it is close enough to be a plausible typo. */
export function nearest(key: string, known: readonly string[]): string | null {
  const typed = key.toLowerCase().replace(/[_\-\s]/g, '');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(typed, k.toLowerCase());
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  // A cut-short name ("yellow" for yellowBehind) is far in edits but plain to a reader.
  if (typed.length >= 3 && (best === null || bestDistance > 1)) {
    const prefixed = known.find((k) => k.toLowerCase().startsWith(typed));
    if (prefixed) return prefixed;
  }
  // About one edit in three characters: "ligths" → lights, "citi" → city, but "name" suggests nothing.
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** Optimal string alignment distance: Levenshtein plus swapping two neighbours, the commonest typo ("ligths"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Every key path of a parsed JSON object, numbered depth-first: the order of the file. */
function keyOrder(raw: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (o: unknown, path: string[]) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o)) { order.set([...path, k].join('\0'), order.size); walk(v, [...path, k]); }
  };
  walk(raw, []);
  return order;
}

function withoutKeys(raw: unknown, issues: readonly { path: PropertyKey[]; keys: string[] }[]): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const i of issues) {
    let o: unknown = copy;
    for (const p of i.path) o = (o as Record<PropertyKey, unknown>)[p];
    for (const k of i.keys) delete (o as Record<string, unknown>)[k];
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors: where, and what the clerk most likely typed

/** Full-width and other look-alike characters a Chinese input method produces, with what JSON needs instead. */
const LOOKALIKES: Record<string, string> = {
  '“': '全角引号（“），应改为英文半角双引号 "', '”': '全角引号（”），应改为英文半角双引号 "', '＂': '全角引号（＂），应改为英文半角双引号 "',
  '‘': '全角引号（‘），应改为英文半角双引号 "', '’': '全角引号（’），应改为英文半角双引号 "', "'": '单引号（\'），应改为英文双引号 "（JSON 不能用单引号）',
  '，': '全角逗号（，），应改为英文半角逗号 ,', '：': '全角冒号（：），应改为英文半角冒号 :', '、': '顿号（、），应改为英文半角逗号 ,',
  '｛': '全角括号（｛），应改为英文半角 {', '｝': '全角括号（｝），应改为英文半角 }', '［': '全角括号（［），应改为英文半角 [', '］': '全角括号（］），应改为英文半角 ]',
  '【': '括号（【），应改为英文半角 [', '】': '括号（】），应改为英文半角 ]', '\u3000': '全角空格，应改为普通空格或删除',
};

function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function syntaxMessage(source: string, file: string, e: unknown): string {
  const found = jsonSyntaxError(source);
  // The scanner and JSON.parse should agree; if not, JSON.parse's own words are better than nothing.
  if (!found) return `${file} 不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`;
  const { line, column } = lineColumn(source, found.offset);
  const ch = source[found.offset];
  const lookalike = ch !== undefined ? LOOKALIKES[ch] : undefined;
  const what = lookalike ? `这里是${lookalike}` : found.expected;
  const lineText = source.split('\n')[line - 1]!.replace(/\r$/, '').trim();
  const excerpt = lineText.length > 60 ? `${lineText.slice(0, 60)}…` : lineText;
  return `${file} 第 ${line} 行第 ${column} 列格式有误：${what}。\n  第 ${line} 行：${excerpt}`;
}

/**
 * The offset of the first syntax error in a JSON text, with what was expected there; null if valid.
 * JSON.parse's messages do not always give a position (V8's "Unexpected token" does not), so the
 * text is scanned here; the scanner follows RFC 8259 exactly.
 */
export function jsonSyntaxError(s: string): { offset: number; expected: string } | null {
  let i = 0;
  class Stop { readonly offset: number; readonly expected: string; constructor(offset: number, expected: string) { this.offset = offset; this.expected = expected; } }
  const fail = (expected: string): never => { throw new Stop(i, i >= s.length ? '文件在这里意外结束，可能缺少 } 或 ] 或 "' : expected); };
  const ws = () => { while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++; };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= s.length) fail('');
      const c = s[i]!;
      if (c === '"') { i++; return; }
      if (c === '\n' || c === '\r') fail('文本在这一行没有结束，缺少英文双引号 "');
      if (c < ' ') fail('文本中不能有控制字符');
      if (c === '\\') {
        i++;
        if (i < s.length && '"\\/bfnrt'.includes(s[i]!)) { i++; continue; }
        if (s[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) { i += 5; continue; }
        fail('反斜杠 \\ 后面的字符不正确（网址和路径中请用 /）');
      }
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++; ws();
      if (s[i] === '}') { i++; return; }
      for (let comma = -1; ;) {
        ws();
        if (s[i] === '}' && comma >= 0) { i = comma; fail('最后一项后面不应有逗号'); }
        if (s[i] !== '"') fail('这里应为用英文双引号括起来的设置项名称');
        string(); ws();
        if (s[i] !== ':') fail('这里应为英文冒号 :');
        i++; value(); ws();
        if (s[i] === ',') { comma = i++; continue; }
        if (s[i] === '}') { i++; return; }
        fail('这里应为英文逗号 ,（两项之间）或 }（结束）');
      }
    }
    if (c === '[') {
      i++; ws();
      if (s[i] === ']') { i++; return; }
      for (let comma = -1; ;) {
        ws();
        if (s[i] === ']' && comma >= 0) { i = comma; fail('最后一项后面不应有逗号'); }
        value(); ws();
        if (s[i] === ',') { comma = i++; continue; }
        if (s[i] === ']') { i++; return; }
        fail('这里应为英文逗号 ,（两项之间）或 ]（结束）');
      }
    }
    if (c === '"') return string();
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = i;
    if (m.exec(s)) { i = m.lastIndex; return; }
    fail('这里应为一个值：用英文双引号括起来的文本、数字、true、false、null、{ } 或 [ ]');
  };
  try {
    value(); ws();
    if (i < s.length) fail('设置在这之前已经结束（最外层的 } 之后不应再有内容）');
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, expected: e.expected };
    throw e;
  }
}
