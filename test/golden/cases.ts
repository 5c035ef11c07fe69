/**
 * The data folders of the golden tests (test/golden.test.ts), generated in code so that each shows
 * what it is about in a few lines. Every case writes into an empty folder; its golden files are
 * test/golden/<case>/<period>.summary.json.
 */
import { join } from 'node:path';
import { HEADER, put, UNITS, workbook, type Aoa } from '../helpers/workbooks.ts';

export interface GoldenCase {
  name: string;
  /** What the case guards, for the failure message. */
  about: string;
  /** Writes the data folder into an empty `dir`; or `folder` names an existing one. */
  write?(dir: string): void;
  folder?: string;
  /** Periods to compare; all built periods when absent. */
  periods?: string[];
}

const SITE = JSON.stringify({ city: '示例市', office: '示例市投资促进局' });
const HEAD = [...HEADER.slice(0, 10), '所属产业链', '产业链环节'];
const TARGETS = [
  '单位,到位资金（万元）,合同引资额（万元）',
  '平原县,100000,150000',
  '东山县,80000,100000',
  'A03,50000,60000',
  '经开区,60000,90000',
  '高新区,60000,90000',
  '市商务局,20000,30000',
].join('\r\n') + '\r\n';
const CHAINS = [
  '产业链编码,产业链,环节,层级',
  'xny,新能源,电池材料,上游',
  'xny,新能源,电芯制造,中游',
  'xny,新能源,储能应用,下游',
].join('\r\n') + '\r\n';

type Row = (string | number | null)[];
/** A ledger row: code, name, investor, industry, type, stage, total, contract, funds, sign date, chain, link. */
const row = (code: string, name: string, industry: string, type: string, stage: string, total: number, contract: number, funds: number | string, chain: string | null = null, link: string | null = null): Row =>
  [code, name, `${name}投资方`, industry, type, stage, total, contract, funds, '2026-01-15', chain, link];
const ledger = (rows: Row[]): Aoa => [HEAD, ...rows];
const one = (rows: Row[]) => workbook([{ name: '台账', rows: ledger(rows) }]);

/** Two months, every unit reporting, targets with a second indicator, one chain with a gap. */
function clean(dir: string): void {
  put(dir, 'site.json', SITE);
  put(dir, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(dir, 'targets/2026.csv', TARGETS);
  put(dir, 'chains.csv', CHAINS);
  for (const [period, k] of [['2026-03', 1], ['2026-04', 2]] as const) {
    const f = `returns/${period}`;
    put(dir, `${f}/平原县.xlsx`, one([
      row('P1', '正极材料项目', '工业', '新建', '开工', 120000, 80000, 15000 * k, '新能源', '电池材料'),
      row('P2', '储能电站项目', '能源', '新建', k === 1 ? '签约' : '开工', 30000, 20000, 4000 * k, '新能源', '储能应用'),
      row('P3', '物流园项目', '服务业', '续建', '在谈', 8000, 0, 0),
    ]));
    put(dir, `${f}/东山县.xlsx`, one([row('D1', '食品加工项目', '工业', '新建', '投产', 9000, 7000, 3000 * k)]));
    put(dir, `${f}/西河区.xlsx`, one([row('X1', '文旅综合体项目', '文旅', '新建', '签约', 60000, 40000, 5000 * k)]));
    put(dir, `${f}/经开区.xlsx`, one([
      row('K1', '汽车零部件项目', '工业', '新建', '开工', 45000, 30000, 9000 * k),
      row('K2', '电芯项目', '工业', '新建', '签约', 2000, 1500, 300 * k, '新能源', '电池材料'),
    ]));
    put(dir, `${f}/高新区.xlsx`, one([row('G1', '软件园项目', '数字经济', '续建', '开工', 700, 600, 200 * k)]));
    put(dir, `${f}/市商务局.xlsx`, one([row('S1', '商贸中心项目', '服务业', '新建', '签约', 5000, 4000, 1000 * k)]));
  }
}

/**
 * The faults a month brings: an unreadable file, a second return of a unit, a unit not in the
 * registry, bad cells (text amount, negative amount, impossible date), cumulative funds that go
 * down, units that send nothing, a stray Word file, no target table.
 */
function faults(dir: string): void {
  put(dir, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(dir, 'returns/2026-03/平原县.xlsx', one([row('P1', '电池项目', '工业', '新建', '开工', 50000, 30000, 10000)]));
  put(dir, 'returns/2026-03/东山县.xlsx', one([row('D1', '食品项目', '工业', '新建', '签约', 2000, 1500, 900)]));
  const f = 'returns/2026-04';
  put(dir, `${f}/平原县.xlsx`, one([row('P1', '电池项目', '工业', '新建', '开工', 50000, 30000, 20000)]));
  put(dir, `${f}/平原县（更正）.xlsx`, one([row('P1', '电池项目', '工业', '新建', '开工', 50000, 30000, 99999)]));
  put(dir, `${f}/东山县.xlsx`, one([row('D1', '食品项目', '工业', '新建', '签约', 2000, 1500, 500)]));
  put(dir, `${f}/西河区.xlsx`, workbook([{ name: 'Sheet1', rows: [
    HEAD,
    row('X1', '文旅项目', '文旅', '新建', '签约', 100, 100, '一百'),
    row('X2', '酒店项目', '服务业', '新建', '签约', 3000, 2000, -50),
    ['X3', '民宿项目', '丁', '文旅', '新建', '签约', 800, 500, 100, '2026-13-45', null, null],
    [null, null, null, null, null, '开工', 100, 100, 100, null, null, null],
  ] }]));
  put(dir, `${f}/损坏.xlsx`, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  put(dir, `${f}/火星县.xlsx`, workbook([{ name: 'Sheet1', rows: [['填报单位：火星县'], HEAD, row('M1', '火星项目', '工业', '新建', '签约', 1, 1, 1)] }]));
  put(dir, `${f}/说明.docx`, 'not a ledger');
}

/** One workbook per year with a sheet per month (and an instructions sheet), beside an ordinary return. */
function yearWorkbook(dir: string): void {
  put(dir, 'site.json', SITE);
  put(dir, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(dir, 'targets/2026.csv', TARGETS);
  const months = (upTo: number) => [
    { name: '填报说明', rows: [['金额单位：万元'], ['每月新增一张工作表']] },
    ...Array.from({ length: upTo }, (_, i) => ({ name: `${i + 1}月`, rows: ledger([row('P1', '电池项目', '工业', '新建', '开工', 50000, 30000, 1000 * (i + 1))]) })),
  ];
  put(dir, 'returns/2026-03/平原县2026年台账.xlsx', workbook(months(3)));
  put(dir, 'returns/2026-04/平原县2026年台账.xlsx', workbook(months(4)));
  put(dir, 'returns/2026-03/东山县.xlsx', one([row('D1', '食品项目', '工业', '新建', '签约', 2000, 1500, 300)]));
  put(dir, 'returns/2026-04/东山县.xlsx', one([row('D1', '食品项目', '工业', '新建', '签约', 2000, 1500, 600)]));
}

export const CASES: GoldenCase[] = [
  { name: 'clean', about: 'two clean months with targets and a chain', write: clean },
  { name: 'faults', about: 'unreadable, duplicate, unknown-unit and bad-cell returns, non-reporting units', write: faults },
  { name: 'year-workbook', about: 'a workbook per year with a sheet per month', write: yearWorkbook },
  // 24 months of messy returns; the latest month (which reads the months before it) is compared.
  { name: 'sample', about: 'the latest month of the committed sample data', folder: join(import.meta.dirname, '..', '..', 'data'), periods: ['2026-10'] },
];
