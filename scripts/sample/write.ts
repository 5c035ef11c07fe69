/**
 * Serialises the sample model (./model.ts) into a data folder, each unit in its own messy
 * real-world layout (see LAYOUTS and the generated data/README.md). Deterministic: the same model
 * gives the same bytes; workbook properties carry fixed dates.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import type { CP$Utils } from 'xlsx/dist/cpexcel.full.mjs';
import {
  sampleModel,
  type AnnualTarget,
  type LedgerRow,
  type SampleModel,
  type SamplePeriod,
  type SampleUnit,
  type UnitReturn,
} from './model.ts';

XLSX.set_cptable(cptable);
/** The ESM build exports `utils` at top level; its typings only declare it on `cptable`. */
const cpUtils = (cptable as unknown as { utils: CP$Utils }).utils;

// ---------------------------------------------------------------------------------------------
// Cells, sheets, files

/** A cell to write: text, number, empty, or a number with a format / cached formula. */
type XCell = string | number | null | { v: number; z?: string; f?: string };

interface SheetSpec {
  name: string;
  grid: XCell[][];
  merges?: XLSX.Range[];
  widths?: number[];
}

function toSheet(spec: SheetSpec): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  spec.grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const addr = XLSX.utils.encode_cell({ r, c });
      if (typeof cell === 'string') ws[addr] = { t: 's', v: cell };
      else if (typeof cell === 'number') ws[addr] = { t: 'n', v: cell };
      else ws[addr] = { t: 'n', v: cell.v, ...(cell.z ? { z: cell.z } : {}), ...(cell.f ? { f: cell.f } : {}) };
      maxC = Math.max(maxC, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.grid.length - 1), c: maxC } });
  if (spec.merges?.length) ws['!merges'] = spec.merges;
  if (spec.widths) ws['!cols'] = spec.widths.map((wch) => ({ wch }));
  return ws;
}

/** A workbook whose properties carry a fixed date, so the bytes never depend on the clock. */
function workbookBytes(sheets: SheetSpec[], bookType: 'xlsx' | 'biff8', saved: string): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, toSheet(s), s.name);
  const date = new Date(`${saved}T09:00:00Z`);
  wb.Props = { Author: '示例市招商局', LastAuthor: '示例市招商局', CreatedDate: date, ModifiedDate: date };
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function textOf(cell: XCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return String(cell.v);
  return String(cell);
}

/** CSV as Chinese Excel saves it: CRLF line ends. */
function csvText(grid: XCell[][]): string {
  return grid.map((row) => row.map((c) => csvField(textOf(c))).join(',')).join('\r\n') + '\r\n';
}

/** GB18030/GBK (code page 936) without BOM; throws if a character would not survive. */
function gbk(text: string): Buffer {
  const bytes = Buffer.from(cpUtils.encode(936, text) as Uint8Array);
  if (cpUtils.decode(936, bytes) !== text) throw new Error('sample: text not representable in GBK');
  return bytes;
}

const utf8Bom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** Excel "Unicode text": UTF-16LE with BOM, tab-separated, CRLF. */
function unicodeText(grid: XCell[][]): Buffer {
  const text = grid.map((row) => row.map(textOf).join('\t')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An HTML table saved as .xls, the way web systems export. */
function htmlTable(title: string, header: string[], rows: XCell[][]): Buffer {
  const tr = (cells: string[], tag: 'td' | 'th') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  const html = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    '<table border="1" cellspacing="0">',
    `<tr><td colspan="${header.length}">${escapeHtml(title)}</td></tr>`,
    tr(header, 'th'),
    ...rows.map((r) => tr(r.map(textOf), 'td')),
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return Buffer.from(html, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Values

const pad2 = (n: number): string => String(n).padStart(2, '0');

function dateParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Excel serial date (1900 system). */
function serial(iso: string): number {
  const [y, m, d] = dateParts(iso);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

const dateCell = (iso: string): XCell => ({ v: serial(iso), z: 'yyyy-mm-dd' });
const slashDate = (iso: string): string => dateParts(iso).join('/');

/** Small stable hash, to vary styles cell by cell without randomness. */
function pickIndex(key: string, n: number): number {
  let h = 7;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) % 1000003;
  return h % n;
}

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** An amount in 万元 typed the way clerks do: 1.2亿, 3000万, 12,000, １２３４, text or number. */
function messyAmount(v: number, key: string): XCell {
  switch (pickIndex(key, 5)) {
    case 0:
      return v;
    case 1:
      return String(v);
    case 2:
      return v >= 10000 && v % 1000 === 0 ? `${v / 10000}亿` : `${v}万`;
    case 3:
      return withCommas(v);
    default:
      return fullWidth(String(v));
  }
}

/** A date typed the way clerks do: 2026年3月15日, 2026/3/15, 2026.3.15, a date cell or a bare serial. */
function messyDate(iso: string, key: string): XCell {
  const [y, m, d] = dateParts(iso);
  switch (pickIndex(key, 5)) {
    case 0:
      return `${y}年${m}月${d}日`;
    case 1:
      return `${y}/${m}/${d}`;
    case 2:
      return `${y}.${m}.${d}`;
    case 3:
      return { v: serial(iso), z: 'yyyy"年"m"月"d"日"' };
    default:
      return serial(iso);
  }
}

const STAGE_SYNONYMS: Record<string, readonly string[]> = {
  在谈: ['洽谈', ' 洽谈'],
  签约: ['已签约', '已签约 ', '签约落地'],
  开工: ['在建', ' 在建', '已开工'],
  投产: ['竣工投产', '已投产 '],
};
const TYPE_SYNONYMS: Record<string, readonly string[]> = {
  新建: ['新引进', ' 新引进'],
  续建: ['结转续建', '结转续建\u3000'],
};

// ---------------------------------------------------------------------------------------------
// Ledger columns

type Key =
  | 'seq' | 'code' | 'name' | 'investor' | 'origin' | 'industry' | 'chain' | 'link' | 'type' | 'stage'
  | 'total' | 'contract' | 'funds' | 'month' | 'foreign' | 'land' | 'sign' | 'start' | 'production'
  | 'leader' | 'contact' | 'phone' | 'reporter' | 'remarks';

const CANONICAL: Record<Key, string> = {
  seq: '序号', code: '项目编码', name: '项目名称', investor: '投资方', origin: '投资方所在地', industry: '产业类别',
  chain: '所属产业链', link: '产业链环节', type: '项目类型', stage: '项目阶段', total: '总投资（万元）',
  contract: '合同引资额（万元）', funds: '累计到位资金（万元）', month: '本月到位资金（万元）',
  foreign: '实际到位外资（万美元）', land: '用地面积（亩）', sign: '签约日期', start: '开工日期', production: '投产日期',
  leader: '包保领导', contact: '联系人', phone: '联系电话', reporter: '填报人', remarks: '备注',
};

const MONEY: ReadonlySet<Key> = new Set(['total', 'contract', 'funds', 'month']);
const DATES: ReadonlySet<Key> = new Set(['sign', 'start', 'production']);

/** The canonical value of a column: numbers for amounts, ISO strings for dates. */
function raw(key: Key, r: LedgerRow, i: number, ret: UnitReturn): string | number | null {
  switch (key) {
    case 'seq': return i + 1;
    case 'code': return r.code;
    case 'name': return r.name;
    case 'investor': return r.investor;
    case 'origin': return r.investorOrigin;
    case 'industry': return r.industry;
    case 'chain': return r.chain ?? null;
    case 'link': return r.link ?? null;
    case 'type': return r.projectType;
    case 'stage': return r.stage;
    case 'total': return r.totalInvestment;
    case 'contract': return r.contractAmount;
    case 'funds': return r.fundsInPlace;
    case 'month': return r.fundsThisMonth;
    case 'foreign': return r.foreignCapital ?? null;
    case 'land': return r.landArea ?? null;
    case 'sign': return r.signDate ?? null;
    case 'start': return r.startDate ?? null;
    case 'production': return r.productionDate ?? null;
    case 'leader': return r.leader;
    case 'contact': return r.contact;
    case 'phone': return r.phone;
    case 'reporter': return ret.reporter;
    case 'remarks': return r.remarks ?? null;
  }
}

type Formatter = (key: Key, value: string | number, r: LedgerRow) => XCell;

/** Dates as real Excel date cells, everything else as is. */
const excelFormat: Formatter = (key, v) => (DATES.has(key) ? dateCell(String(v)) : v);
const isoFormat: Formatter = (_key, v) => v;
const slashFormat: Formatter = (key, v) => (DATES.has(key) ? slashDate(String(v)) : v);

function dataRows(ret: UnitReturn, keys: readonly Key[], fmt: Formatter): XCell[][] {
  return ret.rows.map((r, i) =>
    keys.map((k) => {
      const v = raw(k, r, i, ret);
      return v === null ? null : fmt(k, v, r);
    }),
  );
}

const KEYS_FULL: readonly Key[] = [
  'seq', 'code', 'name', 'investor', 'origin', 'industry', 'chain', 'link', 'type', 'stage', 'total', 'contract',
  'funds', 'month', 'foreign', 'land', 'sign', 'start', 'production', 'leader', 'contact', 'phone', 'reporter', 'remarks',
];
const without = (keys: readonly Key[], ...drop: Key[]): Key[] => keys.filter((k) => !drop.includes(k));

/** Insert the model's layout quirks (blank rows) into a unit's data rows. */
function withBlankRows(model: SampleModel, unit: string, period: string, rows: XCell[][], width: number): XCell[][] {
  const q = model.layoutQuirks.find((x) => x.kind === 'blank-row' && x.unit === unit && x.periods.includes(period));
  if (!q) return rows;
  const at = q.at === 'end' ? rows.length : Math.min(q.at, rows.length);
  return [...rows.slice(0, at), new Array<XCell>(width).fill(null), ...rows.slice(at)];
}

// ---------------------------------------------------------------------------------------------
// Layouts: one per unit, stable across months

interface Ctx {
  model: SampleModel;
  period: SamplePeriod;
  unit: SampleUnit;
  ret: UnitReturn;
  /** `2026年1-10月` */
  label: string;
  /** Fixed "saved on" date of the month's files: the 3rd of the next month. */
  saved: string;
}

interface OutFile {
  name: string;
  bytes: Buffer;
}

interface Layout {
  /** 中文说明 for data/README.md. */
  description: string;
  /** File name pattern for README. */
  file: string;
  write(ctx: Ctx): OutFile;
}

/** (2)+(10) title row, 填报单位 line, header on row 3, 合计 row, footer; named 平原县2026年1-10月台账.xlsx */
function writeTitled(ctx: Ctx): OutFile {
  const keys = without(KEYS_FULL, 'reporter');
  const body = dataRows(ctx.ret, keys, excelFormat);
  const n = keys.length;
  const grid: XCell[][] = [
    [`示例市招商引资项目台账（${ctx.label}）`],
    [`填报单位：${ctx.unit.name}（盖章）                              单位：万元`],
    keys.map((k) => CANONICAL[k]),
    ...body,
  ];
  const total = ctx.model.layoutQuirks.find((q) => q.kind === 'total-row' && q.unit === ctx.unit.code && q.periods.includes(ctx.period.period));
  if (total) {
    const first = 4;
    const last = 3 + body.length;
    grid.push(
      keys.map((k, c): XCell => {
        if (k === 'seq') return '合计';
        if (!MONEY.has(k)) return null;
        const col = XLSX.utils.encode_col(c);
        const sum = ctx.ret.rows.reduce((s, r, i) => s + (raw(k, r, i, ctx.ret) as number), 0);
        return { v: sum, f: `SUM(${col}${first}:${col}${last})` };
      }),
    );
  }
  grid.push([], [`填报人：${ctx.ret.reporter}        联系电话：${ctx.ret.reporterPhone}`]);
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: n - 1 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: n - 1 } },
  ];
  const bytes = workbookBytes([{ name: 'Sheet1', grid, merges, widths: keys.map((k) => (k === 'name' || k === 'investor' ? 30 : 12)) }], 'xlsx', ctx.saved);
  return { name: `${ctx.unit.name}${ctx.label}台账.xlsx`, bytes };
}

/** (12) UTF-8 CSV with BOM, canonical headers, ISO dates. */
function writeUtf8Csv(ctx: Ctx): OutFile {
  const keys = without(KEYS_FULL, 'seq');
  const grid = [keys.map((k) => CANONICAL[k]), ...dataRows(ctx.ret, keys, isoFormat)];
  return { name: `${ctx.unit.name}.csv`, bytes: utf8Bom(csvText(grid)) };
}

/** (9)+(3) legacy .xls named by code, title row and a two-row header with merged cells. */
function writeLegacyTwoRowHeader(ctx: Ctx): OutFile {
  const keys: Key[] = [
    'seq', 'code', 'name', 'investor', 'origin', 'industry', 'chain', 'link', 'type', 'stage', 'total', 'contract',
    'month', 'funds', 'foreign', 'land', 'sign', 'start', 'production', 'leader', 'contact', 'phone', 'remarks',
  ];
  const parent = keys.indexOf('month');
  const top: XCell[] = keys.map((k, c) => (c === parent ? '到位资金（万元）' : c === parent + 1 ? null : CANONICAL[k]));
  const sub: XCell[] = keys.map((_k, c) => (c === parent ? '本月' : c === parent + 1 ? '累计' : null));
  const grid: XCell[][] = [[`${ctx.unit.name}招商引资项目台账（${ctx.label}）`], top, sub, ...dataRows(ctx.ret, keys, excelFormat)];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: keys.length - 1 } }];
  keys.forEach((_k, c) => {
    if (c === parent) merges.push({ s: { r: 1, c }, e: { r: 1, c: c + 1 } });
    else if (c !== parent + 1) merges.push({ s: { r: 1, c }, e: { r: 2, c } });
  });
  return { name: `${ctx.unit.code}.xls`, bytes: workbookBytes([{ name: '项目台账', grid, merges }], 'biff8', ctx.saved) };
}

/** (4) header aliases, stage/type synonyms with stray spaces, columns in another order. */
function writeAliases(ctx: Ctx): OutFile {
  const headers: [Key, string][] = [
    ['name', '项目名称 '], ['code', '项目编号'], ['investor', '投资主体'], ['origin', '资金来源地'], ['industry', '行业类别'],
    ['chain', '产业链'], ['link', '环节'], ['type', '项目类型'], ['stage', '进展阶段'], ['total', '计划总投资（万元）'],
    ['contract', '签约金额（万元）'], ['funds', '本年累计到位资金（万元）'], ['month', '当月到位资金（万元）'],
    ['foreign', '实际利用外资（万美元）'], ['land', '占地面积（亩）'], ['sign', '签约日期'], ['start', '开工日期'],
    ['production', '投产日期'], ['leader', '责任领导'], ['contact', '联系人'], ['phone', '联系电话'], ['reporter', '填报人'],
    ['remarks', '备注'],
  ];
  const fmt: Formatter = (key, v, r) => {
    if (key === 'stage') { const s = STAGE_SYNONYMS[String(v)] ?? [String(v)]; return s[pickIndex(r.code, s.length)] as string; }
    if (key === 'type') { const s = TYPE_SYNONYMS[String(v)] ?? [String(v)]; return s[pickIndex(r.code + 't', s.length)] as string; }
    return excelFormat(key, v, r);
  };
  const grid = [headers.map(([, h]) => h), ...dataRows(ctx.ret, headers.map(([k]) => k), fmt)];
  return { name: `${ctx.unit.name}招商引资项目台账.xlsx`, bytes: workbookBytes([{ name: ctx.unit.name, grid }], 'xlsx', ctx.saved) };
}

/** (6) amounts as 1.2亿 / 3000万 / 12,000 / full-width digits / text; dates in every clerk's style. */
function writeMessyValues(ctx: Ctx): OutFile {
  const keys = KEYS_FULL;
  const fmt: Formatter = (key, v, r) => {
    if (MONEY.has(key)) return messyAmount(v as number, `${r.code}:${key}`);
    if (DATES.has(key)) return messyDate(String(v), `${r.code}:${key}`);
    return v;
  };
  const grid = [keys.map((k) => CANONICAL[k]), ...dataRows(ctx.ret, keys, fmt)];
  return { name: `${ctx.unit.name}.xlsx`, bytes: workbookBytes([{ name: '项目台账', grid }], 'xlsx', ctx.saved) };
}

/** (11) CSV saved by Chinese Excel: GB18030/GBK without BOM, no 项目编码 column, dates 2026/3/15. */
function writeGbkCsv(ctx: Ctx): OutFile {
  const keys = without(KEYS_FULL, 'seq', 'code', 'reporter');
  const grid = [keys.map((k) => CANONICAL[k]), ...dataRows(ctx.ret, keys, slashFormat)];
  return { name: `${ctx.unit.name}.csv`, bytes: gbk(csvText(grid)) };
}

const INSTRUCTIONS = [
  ['填报说明'],
  ['1. 本表为累计数，统计口径为当年1月1日至报告期末。'],
  ['2. 金额单位：万元；实际到位外资单位：万美元；用地面积单位：亩。'],
  ['3. 项目阶段填写：在谈、签约、开工、投产；项目类型填写：新建、续建。'],
  ['4. 项目编码一经确定不得变更，跨年续建项目沿用原编码。'],
  ['5. 请于每月3日前将上月台账报送市招商局。'],
];

/** (7) a 填报说明 sheet first, the ledger on the second sheet; a blank row inside the table in 2026. */
function writeInstructionsFirst(ctx: Ctx): OutFile {
  const keys = KEYS_FULL;
  const body = withBlankRows(ctx.model, ctx.unit.code, ctx.period.period, dataRows(ctx.ret, keys, excelFormat), keys.length);
  const grid = [keys.map((k) => CANONICAL[k]), ...body];
  const bytes = workbookBytes([{ name: '填报说明', grid: INSTRUCTIONS, widths: [60] }, { name: '项目台账', grid }], 'xlsx', ctx.saved);
  return { name: `${ctx.unit.aliases[1] ?? ctx.unit.name}.xlsx`, bytes };
}

/** (5)+(10) amounts in 亿元 as the headers say; file named by alias with the suffix 管委会. */
function writeYi(ctx: Ctx): OutFile {
  const headers: Partial<Record<Key, string>> = {
    total: '总投资（亿元）', contract: '合同引资额（亿元）', funds: '累计到位资金（亿元）', month: '本月到位资金（亿元）',
  };
  const keys = KEYS_FULL;
  const fmt: Formatter = (key, v, r) => (MONEY.has(key) ? (v as number) / 10000 : excelFormat(key, v, r));
  const grid: XCell[][] = [[`${ctx.unit.name}招商引资项目台账`], keys.map((k) => headers[k] ?? CANONICAL[k]), ...dataRows(ctx.ret, keys, fmt)];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: keys.length - 1 } }];
  return { name: `${ctx.unit.aliases[0] ?? ctx.unit.name}管委会.xlsx`, bytes: workbookBytes([{ name: '高新区台账', grid, merges }], 'xlsx', ctx.saved) };
}

/** (14) HTML table saved as .xls by a web system. */
function writeHtml(ctx: Ctx): OutFile {
  const keys = without(KEYS_FULL, 'seq');
  const title = `${ctx.unit.name}招商项目信息导出（${ctx.label}） 导出时间：${ctx.saved}`;
  return { name: `${ctx.unit.name}.xls`, bytes: htmlTable(title, keys.map((k) => CANONICAL[k]), dataRows(ctx.ret, keys, isoFormat)) };
}

/** (13) Excel "Unicode text": UTF-16LE with BOM, tab-separated, dates 2026/3/15. */
function writeUnicodeText(ctx: Ctx): OutFile {
  const keys = without(KEYS_FULL, 'seq');
  const grid = [keys.map((k) => CANONICAL[k]), ...dataRows(ctx.ret, keys, slashFormat)];
  return { name: `${ctx.unit.name}.txt`, bytes: unicodeText(grid) };
}

const LAYOUTS: Record<string, Layout> = {
  A01: { file: '平原县2026年1-10月台账.xlsx', description: '文件名含单位名称和期间（每期不同，如 2026-01 为“平原县2026年1月台账.xlsx”）；标题行“示例市招商引资项目台账（2026年1-10月）”、“填报单位：平原县（盖章）  单位：万元”行，表头在第3行；2026年各期表尾有“合计”行（SUM公式）和“填报人/联系电话”落款', write: writeTitled },
  A02: { file: '东山县.csv', description: 'UTF-8 带 BOM 的 CSV，标准表头，日期为 2026-03-15', write: writeUtf8Csv },
  A03: { file: 'A03.xls', description: '旧版 .xls（BIFF8），文件名为单位编码；标题行下是两行合并表头：“到位资金（万元）”下分“本月 / 累计”，其余表头上下两行合并', write: writeLegacyTwoRowHeader },
  A04: { file: '南湖区招商引资项目台账.xlsx', description: '表头用别名（项目编号、投资主体、资金来源地、行业类别、进展阶段、计划总投资、签约金额、本年累计到位资金、当月到位资金、责任领导等），“项目名称 ”带空格；阶段和类型用同义词（洽谈、已签约、签约落地、在建、已开工、竣工投产、已投产、新引进、结转续建），部分带多余空格或全角空格', write: writeAliases },
  A05: { file: '北城区.xlsx', description: '金额写法混杂：数字、文本数字、“1.2亿”、“3000万”、“12,000”、全角数字“１２３４”；日期写法混杂：2026年3月15日、2026/3/15、2026.3.15、Excel 日期、无格式的日期序列号', write: writeMessyValues },
  A06: { file: '青山县.csv', description: '中文版 Excel 另存的 CSV：GB18030/GBK 编码、无 BOM；没有“项目编码”列（按单位+项目名称+投资方识别项目）；日期为 2026/3/15', write: writeGbkCsv },
  B01: { file: '示例经开区.xlsx', description: '第一个工作表是“填报说明”，台账在第二个工作表“项目台账”；文件名用别名；2026年各期表中第3个项目后有一行空行', write: writeInstructionsFirst },
  B02: { file: '高新区管委会.xlsx', description: '金额单位为亿元（表头“总投资（亿元）”“合同引资额（亿元）”“累计到位资金（亿元）”“本月到位资金（亿元）”）；标题行下是表头；文件名为别名加“管委会”', write: writeYi },
  B03: { file: '临港产业园.xls', description: '网上填报系统导出的 HTML 表格，扩展名为 .xls（UTF-8，meta charset），第一行为标题和导出时间', write: writeHtml },
  B04: { file: '综合保税区.txt', description: 'Excel“Unicode 文本”：UTF-16LE 带 BOM、制表符分隔，日期为 2026/3/15', write: writeUnicodeText },
};

/** The four 市直部门 in one workbook, one sheet each, named by the unit's name or alias. */
const DEPARTMENT_SHEETS: Record<string, string> = { C01: '市发改委', C02: '市工信局', C03: '市商务局', C04: '市农业农村局' };
const DEPARTMENT_FILE = '市直部门台账.xlsx';

function writeDepartments(period: SamplePeriod, saved: string): OutFile | null {
  const sheets: SheetSpec[] = [];
  for (const ret of period.returns) {
    const name = DEPARTMENT_SHEETS[ret.unit];
    if (!name) continue;
    sheets.push({ name, grid: [KEYS_FULL.map((k) => CANONICAL[k]), ...dataRows(ret, KEYS_FULL, excelFormat)] });
  }
  return sheets.length ? { name: DEPARTMENT_FILE, bytes: workbookBytes(sheets, 'xlsx', saved) } : null;
}

// ---------------------------------------------------------------------------------------------
// Registry, chains, targets

function unitsBytes(model: SampleModel): Buffer {
  const grid: XCell[][] = [['编码', '名称', '分组', '别名', '排序']];
  for (const u of model.units) grid.push([u.code, u.name, u.group, u.aliases.join(u.code === 'C04' ? '、' : ';') || null, u.order]);
  return workbookBytes([{ name: '单位名册', grid, widths: [8, 28, 10, 24, 6] }], 'xlsx', '2026-01-05');
}

function chainsBytes(model: SampleModel): Buffer {
  const grid: XCell[][] = [['产业链编码', '产业链', '环节', '层级', '链长', '牵头部门', '环节说明', '招商目标企业']];
  for (const c of model.chains) {
    for (const l of c.links) {
      grid.push([c.code, c.name, l.name, l.position, c.leader, c.department, l.description ?? null, l.targetCompanies?.join('、') ?? null]);
    }
  }
  return workbookBytes([{ name: '产业链', grid, widths: [10, 12, 16, 6, 16, 18, 30, 30] }], 'xlsx', '2026-01-05');
}

/** How each year's target table names the units: 2024 by name, 2025 partly by code, 2026 a mix. */
function targetLabel(unit: SampleUnit, year: number): string {
  if (year === 2024) return unit.name;
  if (year === 2025) return unit.group === '县区' ? unit.code : unit.name;
  const byAlias = ['B01', 'B02', 'B04', 'C01', 'C02'];
  if (byAlias.includes(unit.code)) return unit.aliases[0] ?? unit.name;
  if (unit.code === 'A02' || unit.code === 'A05') return unit.code;
  return unit.name;
}

function targetGrid(model: SampleModel, year: number): XCell[][] {
  const grid: XCell[][] = [['序号', '单位', '到位资金（万元）', '合同引资额（万元）', '签约项目数', '亿元以上项目数', '实际到位外资（万美元）']];
  model.units.forEach((u, i) => {
    const t = model.targets.find((x: AnnualTarget) => x.unit === u.code && x.year === year);
    if (t) grid.push([i + 1, targetLabel(u, year), t.fundsInPlace, t.contractAmount, t.projects, t.largeProjects, t.foreignCapital]);
  });
  return grid;
}

/**
 * The sample's 考核办法 (data/assessment.xlsx), the example of issue 14: 100 points of indicators by
 * 完成率, 功效系数 and 时序完成率, a bonus for 十亿元以上项目, deductions for months not reported and data errors.
 */
export const SAMPLE_SCHEME: readonly (readonly [string, string, number, string, string | null])[] = [
  ['指标', '到位资金', 40, '完成率', '120%'],
  ['指标', '亿元以上项目数', 20, '完成率', '100%'],
  ['指标', '签约项目', 20, '功效系数', null],
  ['指标', '实际到位外资', 20, '时序完成率', '100%'],
  ['加分', '十亿元以上项目', 2, '每个', '6'],
  ['扣分', '未报送', 2, '每次', null],
  ['扣分', '数据错误', 0.5, '每条', '5'],
];

function schemeBytes(): Buffer {
  const grid: XCell[][] = [['类别', '指标', '分值', '计分方法', '封顶'], ...SAMPLE_SCHEME.map((r) => [...r])];
  return workbookBytes([{ name: '考核办法', grid, widths: [8, 18, 8, 12, 8] }], 'xlsx', '2026-01-10');
}

// ---------------------------------------------------------------------------------------------
// README

function readme(model: SampleModel): string {
  const byCode = new Map(model.units.map((u) => [u.code, u]));
  const lines: string[] = [
    '# 示例数据：示例市招商引资月报',
    '',
    '本目录是虚构城市“示例市”的招商引资月报样例，由 `npm run sample` 根据 `scripts/sample/model.ts`（固定随机种子，',
    `种子 ${model.seed}）生成，请勿手工修改；重新生成的文件逐字节相同。单位、企业、项目、人名和电话号码均为虚构。`,
    '',
    '## 文件',
    '',
    '- `units.xlsx` 单位名册：编码、名称、分组（县区 6 个、开发区 4 个、市直部门 4 个）、别名（`;` 或 `、` 分隔）、排序。',
    '- `chains.xlsx` 产业链：新能源汽车、绿色食品、电子信息 3 条链，每条 5–7 个环节，另有链长、牵头部门；',
    `  ${model.chains.flatMap((c) => c.links.filter((l) => l.gap).map((l) => `${c.name}“${l.name}”`)).join('、')}没有任何项目（缺链），附招商目标企业。`,
    '- `targets/2024.csv`（UTF-8 带 BOM，单位用名称）、`targets/2025.xlsx`（县区用编码）、`targets/2026.xlsx`（名称、别名、编码混用）：',
    '  年度目标任务，列为 单位、到位资金（万元）、合同引资额（万元）、签约项目数、亿元以上项目数、实际到位外资（万美元）。',
    '- `assessment.xlsx` 考核办法（见 docs/assessment.md）：到位资金 40 分按完成率（封顶 120%）、亿元以上项目数 20 分按完成率、',
    '  签约项目 20 分按功效系数、实际到位外资 20 分按时序完成率；十亿元以上项目每个加 2 分（最多 6 分）；未报送每次扣 2 分，',
    '  数据错误每条扣 0.5 分（最多 5 分）。考核办法和目标表的后两列是在各月签发之后加上的：已签发月份的考核得分按签发时的数字计算。',
    `- \`returns/YYYY-MM/\` 月报台账，${model.periods[0]?.period} 至 ${model.periods.at(-1)?.period} 共 ${model.periods.length} 期（最近 12 个月及上年同期），`,
    '  均为当年 1 月 1 日至月末的累计数；项目编码跨月、跨年稳定，跨年未完工项目次年为“续建”，累计到位资金每年 1 月重新累计。',
    '- `issued/YYYY-MM.json` 签发记录（不由 `npm run sample` 生成，由 `scripts/sample/issue-sample.sh` 逐月运行 `npm run issue` 写入）：',
    `  ${model.periods[0]?.period} 至 ${model.periods.at(-2)?.period} 已签发（文号“示招商通〔年〕N号”，成文日期为次月 10 日前后），${model.periods.at(-1)?.period} 为草稿。`,
    '  对外网站只显示已签发的月份；`npm run build -- --audience internal` 可预览草稿。改动上述输入后，删除 `issued/` 再运行该脚本重新签发。',
    '- `site.json` 网站设置（城市、发文机关、亮灯和检查阈值），手写，不由 `npm run sample` 生成。',
    '- `bulletin.json`（主送机关、抄送、印发机关、署名）和 `下步工作要求.txt`：通报公文（Word，`bulletin.docx`）的设置，手写，',
    '  不由 `npm run sample` 生成，见 `docs/bulletin-docx.md`。',
    '',
    '## 各单位的报表格式（每月相同）',
    '',
    '| 编码 | 单位 | 文件 | 格式特点 |',
    '| --- | --- | --- | --- |',
  ];
  for (const u of model.units) {
    const layout = LAYOUTS[u.code];
    if (layout) lines.push(`| ${u.code} | ${u.name} | \`${layout.file}\` | ${layout.description} |`);
    else lines.push(`| ${u.code} | ${u.name} | \`${DEPARTMENT_FILE}\` 工作表“${DEPARTMENT_SHEETS[u.code]}” | 四个市直部门合用一个工作簿，每个部门一个工作表，以部门名称或简称命名；标准表头在第 1 行 |`);
  }
  lines.push(
    '',
    '除青山县外，各台账都有“项目编码”列；除平原县（落款）、西河县、青山县外都有“填报人”列；所有台账都有包保领导（或责任领导）、',
    '联系人、联系电话等内部字段，对外发布时必须去掉。',
    '',
    '## 未报送',
    '',
  );
  for (const p of model.periods) {
    for (const code of p.missing) lines.push(`- ${p.period}：${byCode.get(code)?.name ?? code}（${code}）未报送。`);
  }
  lines.push('', '## 预置的数据问题（仅 2026 年）', '', '质量报告应当发现以下问题：', '');
  for (const f of model.plantedFaults) lines.push(`- \`${f.kind}\`（${f.periods.join('、')}）：${f.description}；项目编码 ${f.project}${f.otherProject ? ` / ${f.otherProject}` : ''}。`);
  lines.push('', '## 版式上的非数据行（不是错误，也不是项目）', '');
  for (const q of model.layoutQuirks) lines.push(`- ${q.description}（${q.periods[0]} 至 ${q.periods.at(-1)}）。`);
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

const periodLabel = (p: SamplePeriod): string => (p.month === 1 ? `${p.year}年1月` : `${p.year}年1-${p.month}月`);

function savedDate(p: SamplePeriod): string {
  const y = p.month === 12 ? p.year + 1 : p.year;
  const m = p.month === 12 ? 1 : p.month + 1;
  return `${y}-${pad2(m)}-03`;
}

function put(path: string, bytes: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/**
 * Write the sample into `dir`: units.xlsx, chains.xlsx, targets/, returns/ and README.md.
 * `returns/` and `targets/` are deleted first, so a rerun gives exactly the same files.
 */
export function writeSample(dir: string, model: SampleModel = sampleModel()): void {
  rmSync(join(dir, 'returns'), { recursive: true, force: true });
  rmSync(join(dir, 'targets'), { recursive: true, force: true });
  put(join(dir, 'units.xlsx'), unitsBytes(model));
  put(join(dir, 'chains.xlsx'), chainsBytes(model));
  put(join(dir, 'assessment.xlsx'), schemeBytes());

  for (const year of model.years) {
    const grid = targetGrid(model, year);
    if (year === 2024) put(join(dir, 'targets', `${year}.csv`), utf8Bom(csvText(grid)));
    else put(join(dir, 'targets', `${year}.xlsx`), workbookBytes([{ name: `${year}年目标任务`, grid, widths: [6, 24, 16, 18, 12, 14, 20] }], 'xlsx', `${year}-01-10`));
  }

  for (const period of model.periods) {
    const folder = join(dir, 'returns', period.period);
    mkdirSync(folder, { recursive: true });
    const saved = savedDate(period);
    for (const ret of period.returns) {
      const layout = LAYOUTS[ret.unit];
      const unit = model.units.find((u) => u.code === ret.unit);
      if (!layout || !unit) continue;
      const out = layout.write({ model, period, unit, ret, label: periodLabel(period), saved });
      put(join(folder, out.name), out.bytes);
    }
    const dept = writeDepartments(period, saved);
    if (dept) put(join(folder, dept.name), dept.bytes);
  }
  put(join(dir, 'README.md'), readme(model));
}
