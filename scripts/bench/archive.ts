/**
 * A deterministic province archive for `npm run bench`: N units × M months × P projects, each unit
 * in one of several layouts the reader supports (plain .xlsx, titled .xlsx with 填报单位 line,
 * 合计 row and footer, two-row merged header, legacy .xls with a 填报说明 sheet first, GBK CSV, an
 * .xlsx whose amounts are in 亿元 with aliased headers). Same parameters → same bytes: a seeded
 * generator, no clock, fixed workbook dates.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from 'xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(cptable);
const cpUtils = (cptable as unknown as { utils: CP$Utils }).utils;

/** Bump when the generated archive changes, so a kept archive folder is regenerated. */
export const ARCHIVE_VERSION = 1;

export interface ArchiveParams {
  units: number;
  /** Months in the cold build; the archive also holds one more month, kept aside for the rebuild. */
  months: number;
  projects: number;
}

export interface Archive {
  /** The data folder (units.csv, targets/, chains.csv, returns/<period>/). */
  dir: string;
  /** The held-back month: `returns/<period>` to move in for the rebuild, kept at `pending/<period>`. */
  pendingPeriod: string;
  periods: string[];
  files: number;
  rows: number;
}

/** Small deterministic PRNG (mulberry32): the bench must not depend on Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Two-character place names from a fixed syllable list: 40 × 39 distinct names, none a substring of
// another (all share one length), so file-name recognition never confuses two units.
const SYLLABLES = '东西南北清明安平新永长兴华阳宁德宝丰和泰云龙江河山川林石金玉春秋瑞祥嘉福康乐广远'.split('');
const GROUPS = [
  { name: '县区', share: 0.5, suffix: (i: number) => (i % 3 === 0 ? '区' : '县') },
  { name: '开发区', share: 0.2, suffix: () => '开发区' },
  { name: '市直部门', share: 0.3, suffix: () => '局' },
] as const;

export interface BenchUnit { code: string; name: string; group: string; order: number; layout: number }

/** The registry: codes A001…, groups in fixed shares, names from the syllable list. */
export function benchUnits(n: number): BenchUnit[] {
  const out: BenchUnit[] = [];
  const counts = GROUPS.map((g) => Math.round(n * g.share));
  counts[0] = n - counts[1]! - counts[2]!;
  let k = 0;
  GROUPS.forEach((g, gi) => {
    for (let j = 0; j < counts[gi]!; j++, k++) {
      const a = SYLLABLES[k % SYLLABLES.length]!;
      const b = SYLLABLES[(Math.floor(k / SYLLABLES.length) + 1 + (k % SYLLABLES.length)) % SYLLABLES.length]!;
      const letter = 'ABC'[gi]!;
      out.push({ code: `${letter}${String(j + 1).padStart(3, '0')}`, name: `${gi === 2 ? '市' : ''}${a}${b}${g.suffix(j)}`, group: g.name, order: k + 1, layout: k % LAYOUTS });
    }
  });
  return out;
}

const CHAINS: { name: string; links: [string, string][] }[] = [
  { name: '新能源汽车', links: [['电池材料', '上游'], ['动力电池', '中游'], ['电机电控', '中游'], ['整车制造', '下游'], ['充换电服务', '下游']] },
  { name: '电子信息', links: [['电子材料', '上游'], ['元器件', '中游'], ['集成电路', '中游'], ['智能终端', '下游'], ['软件服务', '下游']] },
  { name: '生物医药', links: [['原料药', '上游'], ['医疗器械', '中游'], ['化学制剂', '中游'], ['中医药', '中游'], ['医药流通', '下游']] },
  { name: '绿色食品', links: [['种养基地', '上游'], ['粮油加工', '中游'], ['肉制品', '中游'], ['冷链物流', '下游']] },
  { name: '先进装备', links: [['基础零部件', '上游'], ['数控机床', '中游'], ['工业机器人', '中游'], ['农机装备', '下游']] },
  { name: '文化旅游', links: [['景区开发', '上游'], ['酒店民宿', '中游'], ['文创产品', '下游']] },
];
const INDUSTRIES = ['工业', '工业', '工业', '服务业', '农业', '文旅', '基础设施'];
const ORIGINS = ['北京市', '上海市', '广东省深圳市', '浙江省杭州市', '江苏省苏州市', '香港', '本省'];
const INVESTOR_WORDS = ['科技', '实业', '新材料', '智能', '生物', '能源', '食品', '文旅', '装备', '电子'];
const PROJECT_WORDS = ['年产', '智能制造', '产业园', '生产线', '研发中心', '物流基地', '综合体', '扩建'];

/** Ledger columns in canonical order (the layouts rename, reorder or regroup them). */
const FIELDS = ['seq', 'code', 'name', 'investor', 'origin', 'industry', 'chain', 'link', 'type', 'stage', 'total', 'contract', 'month', 'funds', 'land', 'sign', 'start', 'leader', 'phone', 'remarks'] as const;
type Field = (typeof FIELDS)[number];
const HEAD: Record<Field, string> = {
  seq: '序号', code: '项目编码', name: '项目名称', investor: '投资方', origin: '投资方所在地', industry: '产业类别', chain: '所属产业链',
  link: '产业链环节', type: '项目类型', stage: '项目阶段', total: '总投资（万元）', contract: '合同引资额（万元）', month: '本月到位资金（万元）',
  funds: '累计到位资金（万元）', land: '用地面积（亩）', sign: '签约日期', start: '开工日期', leader: '包保领导', phone: '联系电话', remarks: '备注',
};

interface Row { code: string; name: string; investor: string; origin: string; industry: string; chain: string; link: string; type: string; stage: string; total: number; contract: number; month: number; funds: number; land: number; sign: string; start: string; leader: string; phone: string; remarks: string }

interface ProjectPlan { code: string; name: string; investor: string; origin: string; industry: string; chain: string; link: string; type: string; total: number; contract: number; land: number; signMonth: number; startMonth: number; pace: number; leader: string; phone: string }

/** A unit's projects of one year: fixed names and amounts, funds accumulating month by month. */
function yearPlan(unit: BenchUnit, year: number, n: number): ProjectPlan[] {
  const rnd = prng(hash(`${unit.code}/${year}`));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const plans: ProjectPlan[] = [];
  for (let i = 0; i < n; i++) {
    const chain = rnd() < 0.7 ? pick(CHAINS) : null;
    const total = Math.round(500 + rnd() * rnd() * 80000);
    const signMonth = 1 + Math.floor(rnd() * 4);
    const startMonth = signMonth + 1 + Math.floor(rnd() * 6);
    plans.push({
      code: `${unit.code}-${year}-${String(i + 1).padStart(3, '0')}`,
      name: `${unit.name.replace(/^市/, '').slice(0, 2)}${pick(INVESTOR_WORDS)}${pick(PROJECT_WORDS)}项目${i + 1}`,
      investor: `${pick(ORIGINS).slice(0, 2)}${pick(INVESTOR_WORDS)}${pick(INVESTOR_WORDS)}有限公司`,
      origin: pick(ORIGINS),
      industry: chain?.name === '文化旅游' ? '文旅' : pick(INDUSTRIES),
      chain: chain?.name ?? '', link: chain ? pick(chain.links)[0] : '',
      type: rnd() < 0.6 ? '新建' : '续建',
      total, contract: Math.round(total * (0.6 + rnd() * 0.4)), land: Math.round(10 + rnd() * 300),
      signMonth, startMonth, pace: 0.4 + rnd() * 0.7,
      leader: `${pick(['张', '王', '李', '赵', '刘'])}${pick(['伟', '芳', '军', '敏', '强'])}`,
      phone: `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
    });
  }
  return plans;
}

/** The ledger rows of one unit for one month (cumulative from 1 January, as the returns are). */
function ledgerRows(plans: ProjectPlan[], year: number, month: number): Row[] {
  return plans.map((p) => {
    const share = (m: number) => (m < p.signMonth ? 0 : Math.min(1, ((m - p.signMonth + 1) / 12) * p.pace));
    const funds = Math.round(p.contract * share(month));
    const prev = month === 1 ? 0 : Math.round(p.contract * share(month - 1));
    const stage = month < p.signMonth ? '在谈' : month < p.startMonth ? '签约' : funds >= p.contract * 0.9 ? '投产' : '开工';
    const d = (m: number) => `${year}-${String(Math.min(m, 12)).padStart(2, '0')}-15`;
    return {
      code: p.code, name: p.name, investor: p.investor, origin: p.origin, industry: p.industry, chain: p.chain, link: p.link, type: p.type, stage,
      total: p.total, contract: p.contract, month: funds - prev, funds, land: p.land,
      sign: month >= p.signMonth ? d(p.signMonth) : '', start: month >= p.startMonth ? d(p.startMonth) : '',
      leader: p.leader, phone: p.phone, remarks: '',
    };
  });
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Cell = string | number | null;
const value = (r: Row, f: Field, i: number): Cell => (f === 'seq' ? i + 1 : (r[f as keyof Row] as string | number));

function sheetOf(grid: Cell[][], merges: XLSX.Range[] = []): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(grid);
  if (merges.length) ws['!merges'] = merges;
  return ws;
}

function xlsxBytes(sheets: [string, XLSX.WorkSheet][], bookType: 'xlsx' | 'biff8'): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  const date = new Date('2026-01-01T09:00:00Z');
  wb.Props = { Author: '招商局', CreatedDate: date, ModifiedDate: date };
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
}

const LAYOUTS = 6;

/** One unit's return of one month, as file name + bytes, in the unit's layout. */
function unitReturn(unit: BenchUnit, rows: Row[], year: number, month: number): [string, Buffer] {
  const plain = (fields: readonly Field[]) => rows.map((r, i) => fields.map((f) => value(r, f, i)));
  const sum = (f: Field) => rows.reduce((s, r) => s + (r[f as keyof Row] as number), 0);
  switch (unit.layout) {
    case 0: // plain .xlsx named by unit name, header on row 1
      return [`${unit.name}.xlsx`, xlsxBytes([['台账', sheetOf([FIELDS.map((f) => HEAD[f]), ...plain(FIELDS)])]], 'xlsx')];
    case 1: { // title, 填报单位 line, 单位：万元, header row 4, 合计 row, footer
      const grid: Cell[][] = [
        [`${year}年1-${month}月招商引资项目台账`],
        [`填报单位：${unit.name}（盖章）`, null, null, null, null, null, null, null, null, null, '单位：万元'],
        [],
        FIELDS.map((f) => HEAD[f]),
        ...plain(FIELDS),
        FIELDS.map((f) => (f === 'seq' ? '合计' : f === 'total' || f === 'contract' || f === 'funds' || f === 'month' ? sum(f) : null)),
        [],
        ['填报人：王五', null, null, '联系电话：0371-12345678'],
      ];
      return [`${unit.name}${year}年1-${month}月台账.xlsx`, xlsxBytes([['Sheet1', sheetOf(grid, [{ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } }])]], 'xlsx')];
    }
    case 2: { // two-row header: 到位资金 over 本月 / 累计, the other headers merged down; named by code
      const fields = FIELDS.filter((f) => f !== 'month' && f !== 'funds');
      const at = fields.indexOf('contract') + 1;
      const top: Cell[] = [...fields.slice(0, at).map((f) => HEAD[f]), '到位资金（万元）', null, ...fields.slice(at).map((f) => HEAD[f])];
      const sub: Cell[] = top.map((_, c) => (c === at ? '本月' : c === at + 1 ? '累计' : null));
      const merges: XLSX.Range[] = top.map((_, c) => c).filter((c) => c !== at && c !== at + 1).map((c) => ({ s: { r: 0, c }, e: { r: 1, c } }));
      merges.push({ s: { r: 0, c: at }, e: { r: 0, c: at + 1 } });
      const order: Field[] = [...fields.slice(0, at), 'month', 'funds', ...fields.slice(at)];
      return [`${unit.code}.xlsx`, xlsxBytes([['项目台账', sheetOf([top, sub, ...plain(order)], merges)]], 'xlsx')];
    }
    case 3: { // legacy .xls, a 填报说明 sheet before the ledger
      const notes = [['填报说明'], ['1. 金额单位为万元'], ['2. 累计到位资金为1月1日至本月末累计数']];
      return [`${unit.name}.xls`, xlsxBytes([['填报说明', sheetOf(notes)], ['项目台账', sheetOf([FIELDS.map((f) => HEAD[f]), ...plain(FIELDS)])]], 'biff8')];
    }
    case 4: { // CSV saved by Chinese Excel: GBK without BOM, CRLF
      const esc = (v: Cell) => { const s = v === null ? '' : String(v); return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
      const text = [FIELDS.map((f) => HEAD[f]), ...plain(FIELDS)].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
      return [`${unit.name}.csv`, Buffer.from(cpUtils.encode(936, text) as Uint8Array)];
    }
    default: { // aliased headers, amounts in 亿元, columns reordered
      const alias: Partial<Record<Field, string>> = { code: '项目编号', investor: '投资主体', industry: '行业类别', stage: '进展阶段', total: '计划总投资（亿元）', contract: '签约金额（亿元）', funds: '本年累计到位资金（亿元）', month: '当月到位资金（亿元）', leader: '责任领导' };
      const fields: Field[] = ['seq', 'name', 'code', 'stage', 'type', 'investor', 'origin', 'industry', 'chain', 'link', 'contract', 'funds', 'month', 'total', 'land', 'sign', 'start', 'leader', 'phone', 'remarks'];
      const yi = new Set<Field>(['total', 'contract', 'funds', 'month']);
      const grid: Cell[][] = [fields.map((f) => alias[f] ?? HEAD[f]), ...rows.map((r, i) => fields.map((f) => (yi.has(f) ? (r[f as keyof Row] as number) / 10000 : value(r, f, i))))];
      return [`${unit.name}管委会.xlsx`, xlsxBytes([['台账', sheetOf(grid)]], 'xlsx')];
    }
  }
}

/** Periods: `months` consecutive months ending at 2026-09, plus 2026-10 held back for the rebuild. */
export function benchPeriods(months: number): string[] {
  const out: string[] = [];
  for (let k = months; k >= 0; k--) {
    const idx = 2026 * 12 + 9 - k; // 2026-10 is index 2026*12+9 (0-based months)
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * Writes the archive into `root` (reused when a complete archive of the same parameters and
 * version is already there). The last period lies in `pending/` until the bench moves it in.
 */
export function writeArchive(root: string, params: ArchiveParams, log: (line: string) => void = () => {}): Archive {
  const periods = benchPeriods(params.months);
  const pendingPeriod = periods.at(-1)!;
  const stamp = JSON.stringify({ v: ARCHIVE_VERSION, ...params });
  const files = periods.length * params.units;
  const archive: Archive = { dir: join(root, 'data'), pendingPeriod, periods: periods.slice(0, -1), files: params.units * params.months, rows: params.units * params.months * params.projects };
  const marker = join(root, 'archive.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) {
    // A previous bench may have left the held-back month inside returns/: put it back aside.
    const inside = join(archive.dir, 'returns', pendingPeriod);
    if (existsSync(inside)) renameSync(inside, join(root, 'pending', pendingPeriod));
    return archive;
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(archive.dir, 'targets'), { recursive: true });
  const units = benchUnits(params.units);
  const csv = (rows: Cell[][]) => '\ufeff' + rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n') + '\r\n';
  writeFileSync(join(archive.dir, 'units.csv'), csv([['编码', '名称', '分组', '别名', '排序'], ...units.map((u) => [u.code, u.name, u.group, u.group === '开发区' ? `${u.name.replace('开发区', '')}园区` : '', u.order])]));
  writeFileSync(join(archive.dir, 'chains.csv'), csv([['产业链', '环节', '层级'], ...CHAINS.flatMap((c) => c.links.map(([l, pos]) => [c.name, l, pos]))]));
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
  for (const y of years) {
    const targets = units.map((u) => [u.name, Math.round(yearPlan(u, y, params.projects).reduce((s, p) => s + p.contract, 0) * (0.7 + (hash(u.code) % 40) / 100))]);
    writeFileSync(join(archive.dir, 'targets', `${y}.csv`), csv([['单位', '到位资金（万元）'], ...targets]));
  }
  let done = 0;
  for (const period of periods) {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const dir = period === pendingPeriod ? join(root, 'pending', period) : join(archive.dir, 'returns', period);
    mkdirSync(dir, { recursive: true });
    for (const u of units) {
      const [name, bytes] = unitReturn(u, ledgerRows(yearPlan(u, year, params.projects), year, month), year, month);
      writeFileSync(join(dir, name), bytes);
      if (++done % 500 === 0) log(`  生成 ${done}/${files} 个文件`);
    }
  }
  writeFileSync(marker, stamp);
  return archive;
}
