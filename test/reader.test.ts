/**
 * Every messy layout of SPEC's list, one fixture per quirk, must read to the same numbers as the
 * clean template.
 */
import { describe, expect, it } from 'vitest';
import { readReturnFile } from '../src/lib/return-file.ts';
import { unitIndex } from '../src/lib/recognise/unit-names.ts';
import type { Unit } from '../src/lib/model/types.ts';
import { csv, gbk, htmlTable, utf16, workbook, type Aoa } from './helpers/workbooks.ts';

const units: Unit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: ['平原'], order: 1 },
  { code: 'A03', name: '西河区', group: '县区', aliases: [], order: 2 },
  { code: 'B02', name: '示例高新技术产业开发区', group: '开发区', aliases: ['高新区'], order: 3 },
  { code: 'C01', name: '市商务局', group: '市直部门', aliases: [], order: 4 },
  { code: 'C02', name: '市发展和改革委员会', group: '市直部门', aliases: ['市发改委'], order: 5 },
];
const index = unitIndex(units);

const CLEAN: Aoa = [
  ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '签约日期'],
  ['P1', '新能源电池项目', '甲公司', '工业', '新建', '开工', 50000, 30000, 12000, '2026-03-15'],
  ['P2', '冷链物流项目', '乙公司', '服务业', '续建', '签约', 8000, 6000, 1500.5, '2026-01-20'],
  ['P3', '文旅综合体', '丙公司', '文旅', '新建', '在谈', 20000, null, null, null],
];
const EXPECTED = [
  { code: 'P1', name: '新能源电池项目', stage: '开工', projectType: '新建', totalInvestment: 50000, contractAmount: 30000, fundsInPlace: 12000, signDate: '2026-03-15' },
  { code: 'P2', name: '冷链物流项目', stage: '签约', projectType: '续建', totalInvestment: 8000, contractAmount: 6000, fundsInPlace: 1500.5, signDate: '2026-01-20' },
  { code: 'P3', name: '文旅综合体', stage: '在谈', projectType: '新建', totalInvestment: 20000, contractAmount: null, fundsInPlace: null, signDate: null },
];

function read(bytes: Uint8Array | string, file = 'returns/2026-04/平原县.xlsx') {
  const buf = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return readReturnFile(buf, file, '2026-04', index);
}
function projectsOf(r: ReturnType<typeof read>) {
  return r.ledgers.flatMap((l) => l.projects).map((p) => ({
    code: p.code, name: p.name, stage: p.stage, projectType: p.projectType, totalInvestment: p.totalInvestment,
    contractAmount: p.contractAmount, fundsInPlace: p.fundsInPlace, signDate: p.signDate,
  }));
}
function expectBalanced(r: ReturnType<typeof read>) {
  const a = r.account;
  expect(a.rowsRead).toBe(a.projects + a.rejected + a.nonData);
}

describe('readReturnFile reads every messy layout to the numbers of the clean template', () => {
  it('clean template', () => {
    const r = read(workbook([{ name: 'Sheet1', rows: CLEAN }]));
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.unit).toBe('A01');
    expectBalanced(r);
  });

  it('title rows, 填报单位 line with （盖章）, 单位：万元 line and footer', () => {
    const rows: Aoa = [
      ['示例市招商引资项目台账（2026年1-4月）'],
      ['填报单位：西河区（盖章）', null, null, null, null, null, null, '单位：万元'],
      ...CLEAN,
      ['合计', null, null, null, null, null, 78000, 36000, 13500.5, null],
      [null],
      ['填报人：张三', null, '联系电话：13900001111'],
    ];
    const r = read(workbook([{ name: 'Sheet1', rows }]), 'returns/2026-04/台账.xlsx');
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.unit).toBe('A03');
    expect(r.account).toMatchObject({ rowsRead: 9, projects: 3, rejected: 0, nonData: 6 });
  });

  it('two-row header with merged cells: 到位资金 over 本月 / 累计', () => {
    const top = ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（万元）', '合同引资额（万元）', '到位资金（万元）', null, '签约日期'];
    const sub = [null, null, null, null, null, null, null, null, '本月', '累计', null];
    const body = CLEAN.slice(1).map((r) => [...r.slice(0, 8), 100, r[8]!, r[9]!]);
    const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1', 'K1:K2'];
    const r = read(workbook([{ name: 'Sheet1', rows: [top, sub, ...body], merges }]));
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.projects[0]!.fundsThisMonth).toBe(100);
    expectBalanced(r);
  });

  it('parent header over sub-headers without merge information (CSV)', () => {
    const top = ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（万元）', '合同引资额（万元）', '到位资金（万元）', '', '签约日期'];
    const sub = ['', '', '', '', '', '', '', '', '当月', '累计', ''];
    const body = CLEAN.slice(1).map((r) => [...r.slice(0, 8), 0, r[8]!, r[9]!]);
    const r = read(csv([top, sub, ...body]), 'returns/2026-04/平原县.csv');
    expect(projectsOf(r)).toEqual(EXPECTED);
  });

  it('header aliases and stage/type synonyms with stray spaces', () => {
    const rows: Aoa = [
      ['项目编号', '项目名称', '投资主体', '行业类别', '项目类型', '进展阶段', '计划总投资', '签约金额', '本年累计到位资金', '签约日期'],
      ['P1', '新能源电池项目', '甲公司', '工业项目', ' 新引进 ', ' 在 建 ', 50000, 30000, 12000, '2026/3/15'],
      ['P2', '冷链物流项目', '乙公司', '服务业', '结转续建', '已签约', 8000, 6000, 1500.5, '2026.1.20'],
      ['P3', '文旅综合体', '丙公司', '文旅', '新建', '洽谈', 20000, null, null, null],
    ];
    const r = read(workbook([{ name: 'Sheet1', rows }]));
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.projects[0]!.industry).toBe('工业');
  });

  it('amounts in 亿元 and 元 as the header says', () => {
    const rows: Aoa = [
      ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（亿元）', '合同引资额(亿元)', '累计到位资金（元）', '签约日期'],
      ['P1', '新能源电池项目', '甲公司', '工业', '新建', '开工', 5, 3, 120000000, '2026-03-15'],
      ['P2', '冷链物流项目', '乙公司', '服务业', '续建', '签约', 0.8, 0.6, 15005000, '2026-01-20'],
      ['P3', '文旅综合体', '丙公司', '文旅', '新建', '在谈', 2, null, null, null],
    ];
    expect(projectsOf(read(workbook([{ name: 'Sheet1', rows }])))).toEqual(EXPECTED);
  });

  it('amount strings: 1.2亿, 3000万, 12,000, full-width digits, numbers as text', () => {
    const rows: Aoa = [
      CLEAN[0]!,
      ['P1', '新能源电池项目', '甲公司', '工业', '新建', '开工', '5亿', '30000万', '12,000', '２０２６年３月１５日'],
      ['P2', '冷链物流项目', '乙公司', '服务业', '续建', '签约', '８０００', '0.6亿元', '1,500.5', 46042],
      ['P3', '文旅综合体', '丙公司', '文旅', '新建', '在谈', '20000', '—', '', null],
    ];
    expect(projectsOf(read(workbook([{ name: 'Sheet1', rows }])))).toEqual(EXPECTED);
  });

  it('dates: Excel serials, 2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日, 2026年3月', () => {
    const forms = [46096, '2026-03-15', '2026/3/15', '2026.3.15', '2026年3月15日', '2026年3月'];
    const rows: Aoa = [CLEAN[0]!, ...forms.map((d, i) => ['P' + i, '项目' + i, '甲', '工业', '新建', '签约', 1, 1, 1, d])];
    const dates = read(workbook([{ name: 'Sheet1', rows }])).ledgers[0]!.projects.map((p) => p.signDate);
    expect(dates).toEqual(['2026-03-15', '2026-03-15', '2026-03-15', '2026-03-15', '2026-03-15', '2026-03']);
  });

  it('the ledger on a sheet after a 填报说明 sheet', () => {
    const r = read(workbook([
      { name: '填报说明', rows: [['填报说明'], ['1. 金额单位为万元'], ['2. 累计到位资金为1月至本月累计']] },
      { name: '项目台账', rows: CLEAN },
    ]));
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ignoredSheets).toEqual(['填报说明']);
  });

  it('several units in one workbook, one sheet each, named by name or alias', () => {
    const r = read(workbook([
      { name: '市商务局', rows: CLEAN },
      { name: '市发改委', rows: [CLEAN[0]!, CLEAN[1]!] },
    ]), 'returns/2026-04/市直部门台账.xlsx');
    expect(r.ledgers.map((l) => [l.unit, l.projects.length])).toEqual([['C01', 3], ['C02', 1]]);
    expect(r.account.units).toEqual(['C01', 'C02']);
  });

  it.each([
    ['A03.xls', 'A03'],
    ['平原县2026年1-4月台账.xlsx', 'A01'],
    ['高新区管委会.xlsx', 'B02'],
    ['示例高新技术产业开发区（盖章）.xlsx', 'B02'],
  ])('the unit from the file name %s', (name, code) => {
    const r = read(workbook([{ name: 'Sheet1', rows: CLEAN }]), `returns/2026-04/${name}`);
    expect(r.ledgers[0]!.unit).toBe(code);
  });

  it('a 填报单位 line with an alias and a suffix: 高新区管委会', () => {
    const rows: Aoa = [['填报单位：高新区管委会'], ...CLEAN];
    expect(read(workbook([{ name: 'Sheet1', rows }]), 'returns/2026-04/x.xlsx').ledgers[0]!.unit).toBe('B02');
  });

  it('legacy .xls (BIFF8) with Chinese text', () => {
    const r = read(workbook([{ name: '台账', rows: CLEAN }], 'biff8'), 'returns/2026-04/A03.xls');
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.unit).toBe('A03');
  });

  it('CSV saved by Chinese Excel: GB18030 without BOM', () => {
    const r = read(gbk(csv(CLEAN)), 'returns/2026-04/平原县.csv');
    expect(projectsOf(r)).toEqual(EXPECTED);
  });

  it('CSV in UTF-8 with BOM', () => {
    const r = read('\ufeff' + csv(CLEAN), 'returns/2026-04/平原县.csv');
    expect(projectsOf(r)).toEqual(EXPECTED);
  });

  it('Excel "Unicode text": UTF-16LE with BOM, tab-separated', () => {
    const r = read(utf16(csv(CLEAN, '\t')), 'returns/2026-04/平原县.txt');
    expect(projectsOf(r)).toEqual(EXPECTED);
  });

  it('an HTML table saved as .xls by a web system', () => {
    const r = read(htmlTable([['填报单位：平原县'], ...CLEAN]), 'returns/2026-04/export.xls');
    expect(projectsOf(r)).toEqual(EXPECTED);
    expect(r.ledgers[0]!.unit).toBe('A01');
  });

  it('formula cells are read by their cached value', () => {
    const bytes = workbook([{ name: 'Sheet1', rows: CLEAN }]);
    // Re-open, put a formula with a cached value into the funds cell of P1, and save again.
    return import('xlsx').then((XLSX) => {
      const wb = XLSX.read(bytes, { type: 'buffer' });
      wb.Sheets['Sheet1']!['I2'] = { t: 'n', v: 12000, f: 'SUM(1000,11000)' };
      const out = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      expect(projectsOf(read(out))).toEqual(EXPECTED);
    });
  });
});

describe('readReturnFile reports what it cannot use, and drops no row silently', () => {
  it('a row without a project name is rejected with its cell', () => {
    const rows: Aoa = [...CLEAN, [null, null, '丁公司', '工业', '新建', '签约', 100, 100, 50, null]];
    const r = read(workbook([{ name: 'Sheet1', rows }]));
    expect(r.account).toMatchObject({ projects: 3, rejected: 1 });
    const issue = r.issues.find((i) => i.kind === 'missing-name')!;
    expect(issue).toMatchObject({ severity: 'error', sheet: 'Sheet1', cell: 'B5', row: 5 });
    expectBalanced(r);
  });

  it('an amount that is not a number names its cell and is not counted', () => {
    const rows: Aoa = [CLEAN[0]!, ['P1', '新能源电池项目', '甲公司', '工业', '新建', '开工', 50000, 30000, '约一万', null]];
    const r = read(workbook([{ name: '台账', rows }]));
    const issue = r.issues.find((i) => i.kind === 'not-a-number')!;
    expect(issue).toMatchObject({ severity: 'error', file: 'returns/2026-04/平原县.xlsx', sheet: '台账', cell: 'I2', unit: 'A01', project: '新能源电池项目', projectCode: 'P1' });
    expect(issue.message).toContain('约一万');
    expect(r.ledgers[0]!.projects[0]!.fundsInPlace).toBeNull();
  });

  it('a negative amount is an error at its cell and is not counted', () => {
    const rows: Aoa = [CLEAN[0]!, ['P1', '新能源电池项目', '甲公司', '工业', '新建', '开工', 50000, -30000, 12000, null]];
    const r = read(workbook([{ name: '台账', rows }]));
    expect(r.issues.find((i) => i.kind === 'negative-amount')).toMatchObject({ severity: 'error', cell: 'H2' });
    expect(r.ledgers[0]!.projects[0]!.contractAmount).toBeNull();
  });

  it('an unknown unit is reported and its rows are rejected, not counted', () => {
    const rows: Aoa = [['填报单位：火星县'], ...CLEAN];
    const r = read(workbook([{ name: 'Sheet1', rows }]), 'returns/2026-04/未知.xlsx');
    expect(r.issues.some((i) => i.kind === 'unknown-unit' && i.message.includes('火星县'))).toBe(true);
    expect(r.account).toMatchObject({ projects: 0, rejected: 3 });
    expectBalanced(r);
  });

  it('a file without a ledger is skipped with a reason', () => {
    const r = read(workbook([{ name: 'Sheet1', rows: [['随便写点什么'], [1, 2, 3]] }]));
    expect(r.account.status).toBe('skipped');
    expect(r.issues[0]!.message).toContain('没有找到项目台账');
  });
});

describe('readReturnFile reads the rarer real-world layouts', () => {
  it('section headings inside the table are not projects and give the type when there is no type column', () => {
    const header = ['序号', '项目名称', '投资方', '项目阶段', '累计到位资金（万元）'];
    const rows: Aoa = [header, ['一、新建项目'], [1, '电池项目', '甲', '签约', 10], ['（二）结转续建项目'], [1, '食品项目', '乙', '开工', 20], ['小计：', null, null, null, 30]];
    const r = read(workbook([{ name: 'Sheet1', rows }]));
    expect(r.ledgers[0]!.projects.map((p) => [p.name, p.projectType])).toEqual([['电池项目', '新建'], ['食品项目', '续建']]);
    expect(r.account).toMatchObject({ projects: 2, rejected: 0, nonData: 4 });
  });

  it('填报单位（盖章）：name, 报送单位, and a unit in brackets on the sheet name', () => {
    expect(read(workbook([{ name: 'Sheet1', rows: [['填报单位（盖章）：西河区'], ...CLEAN] }]), 'returns/2026-04/x.xlsx').ledgers[0]!.unit).toBe('A03');
    expect(read(workbook([{ name: 'Sheet1', rows: [['报送单位：市商务局', null, '单位：万元'], ...CLEAN] }]), 'returns/2026-04/x.xlsx').ledgers[0]!.unit).toBe('C01');
    expect(read(workbook([{ name: '高新区（管委会）', rows: CLEAN }]), 'returns/2026-04/x.xlsx').ledgers[0]!.unit).toBe('B02');
  });

  it('a known parent over unknown children, and 其中：本月 under 到位资金', () => {
    const top = ['项目名称', '合同引资额（万元）', null, '到位资金（万元）', null, '项目阶段'];
    const sub = [null, '总额', '其中：外资', '本年累计', '其中：本月', null];
    const rows: Aoa = [top, sub, ['电池项目', 30000, 500, 12000, 800, '在建']];
    const r = read(workbook([{ name: 'Sheet1', rows, merges: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:F2'] }]));
    const p = r.ledgers[0]!.projects[0]!;
    expect([p.contractAmount, p.fundsInPlace, p.fundsThisMonth, p.stage]).toEqual([30000, 12000, 800, '开工']);
  });

  it('stage descriptions that contain a synonym', async () => {
    const { parseStage } = await import('../src/lib/model/glossary.ts');
    expect(['已签约，待开工', '正在洽谈', '主体已竣工', '尚未签约'].map(parseStage)).toEqual(['签约', '在谈', '投产', null]);
  });
});

describe('hidden sheets and odd encodings', () => {
  it('a hidden sheet with an old copy is ignored when a visible ledger exists', async () => {
    const XLSX = await import('xlsx');
    const wb = XLSX.read(workbook([{ name: '台账', rows: CLEAN }, { name: '上月', rows: CLEAN }]), { type: 'buffer' });
    wb.Workbook = { Sheets: [{ name: '台账', Hidden: 0 }, { name: '上月', Hidden: 1 }] };
    const r = read(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    expect(r.ledgers.map((l) => l.sheet)).toEqual(['台账']);
    expect(r.ignoredSheets).toEqual(['上月（隐藏）']);
  });

  it('UTF-16LE tab-separated text without a BOM', () => {
    const body = Buffer.from(csv(CLEAN, '\t'), 'utf16le');
    expect(projectsOf(read(new Uint8Array(body), 'returns/2026-04/平原县.txt'))).toEqual(EXPECTED);
  });
});

describe('month ranges in headers', () => {
  it('“2026年1-4月累计到位资金” and “4月到位资金” name the cumulative and the month’s funds', () => {
    const rows: Aoa = [['项目名称', '投资方', '项目阶段', '2026年1-4月累计到位资金（万元）', '4月到位资金（万元）'], ['电池项目', '甲', '签约', 1200, 300]];
    const p = read(workbook([{ name: 'Sheet1', rows }])).ledgers[0]!.projects[0]!;
    expect([p.fundsInPlace, p.fundsThisMonth]).toEqual([1200, 300]);
  });
  it('a parent 累计到位资金 over 本月 / 1-4月, and 到位资金 over 4月 / 1-4月累计', () => {
    for (const [parent, a, b] of [['累计到位资金（万元）', '本月', '1-4月'], ['到位资金（万元）', '4月', '1-4月累计']] as const) {
      const rows: Aoa = [['项目名称', '投资方', '项目阶段', parent, null], [null, null, null, a, b], ['电池项目', '甲', '签约', 300, 1200]];
      const p = read(workbook([{ name: 'Sheet1', rows, merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'] }])).ledgers[0]!.projects[0]!;
      expect([p.fundsThisMonth, p.fundsInPlace], String(parent)).toEqual([300, 1200]);
    }
  });
});

describe('a unit column', () => {
  it('assigns each row to the unit it names, and rejects rows naming an unknown unit', () => {
    const rows: Aoa = [['填报单位', '项目名称', '投资方', '项目阶段', '累计到位资金（万元）'], ['平原县', '甲项目', '甲', '签约', 10], ['高新区', '乙项目', '乙', '开工', 20], ['火星县', '丙项目', '丙', '签约', 30]];
    const r = read(workbook([{ name: '汇总', rows }]), 'returns/2026-04/汇总.xlsx');
    expect(r.ledgers[0]!.projects.map((p) => [p.unit, p.name])).toEqual([['A01', '甲项目'], ['B02', '乙项目']]);
    expect(r.issues.find((i) => i.kind === 'unknown-unit')).toMatchObject({ cell: 'A4', project: '丙项目' });
    expect(r.account).toMatchObject({ projects: 2, rejected: 1, units: ['A01', 'B02'] });
  });
});
