import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/lib/model/config.ts';
import { readReturnFile } from '../src/lib/return-file.ts';
import { unitIndex } from '../src/lib/recognise/unit-names.ts';
import { templateFileName, unitTemplate } from '../src/lib/outputs/template.ts';
import type { Chain, Unit } from '../src/lib/model/types.ts';

const units: Unit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 },
  { code: 'B02', name: '示例高新技术产业开发区', group: '开发区', aliases: ['高新区'], order: 2 },
];
const chains: Chain[] = [{ name: '新能源汽车', slug: 'nev', leader: null, department: null, links: [
  { name: '动力电池', position: '上游', description: null, targetCompanies: [] }, { name: '整车制造', position: '中游', description: null, targetCompanies: [] },
] }];
const opts = { config: DEFAULT_CONFIG, chains };

function sheetXml(bytes: Uint8Array, part: string): string {
  type Zip = { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
  const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): Zip } }).CFB;
  const zip = CFB.read(bytes, { type: 'buffer' });
  return new TextDecoder().decode(zip.FileIndex[zip.FullPaths.findIndex((p) => p.endsWith(part))]!.content);
}

describe('unitTemplate', () => {
  it('has the canonical headers, 填报单位, a 填报说明 sheet and an options sheet', () => {
    const wb = XLSX.read(unitTemplate(units[0]!, opts), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['项目台账', '填报说明', '选项']);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['项目台账']!, { header: 1 });
    expect(rows[1]![0]).toBe('填报单位：平原县（盖章）');
    expect(rows[2]).toEqual(expect.arrayContaining(['项目名称', '累计到位资金（万元）', '项目阶段', '所属产业链', '产业链环节']));
    const guide = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['填报说明']!, { header: 1 }).flat().join('');
    expect(guide).toContain('万元');
    expect(guide).toContain(DEFAULT_CONFIG.reportingDeadline);
  });

  it('offers drop-down lists for stage, type, industry and chain; the link list is that of the chosen chain', () => {
    const bytes = unitTemplate(units[0]!, opts);
    const xml = sheetXml(bytes, 'xl/worksheets/sheet1.xml');
    const options = XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'buffer' }).Sheets['选项']!, { header: 1 });
    expect(options.map((r) => r[0]).filter(Boolean)).toEqual(['项目阶段', '在谈', '签约', '开工', '投产']);
    expect(options.map((r) => r[3]).filter(Boolean)).toEqual(['所属产业链', '新能源汽车']);
    // One column per chain: its name, then its links.
    expect(options.map((r) => r[4]).filter(Boolean)).toEqual(['新能源汽车', '动力电池', '整车制造']);
    const lists = [...xml.matchAll(/<dataValidation type="list"[^>]*sqref="([A-Z]+)4:[A-Z]+1003"><formula1>&#39;选项&#39;!\$([A-Z])\$2:\$[A-Z]\$(\d+)<\/formula1>/g)].map((m) => [m[1], m[2], m[3]]);
    // 项目阶段 is column J of the ledger and column A of 选项 (4 values: rows 2–5).
    expect(lists).toEqual(expect.arrayContaining([['J', 'A', '5'], ['I', 'B', '3'], ['G', 'D', '2']]));
    // 产业链环节 (H): the links of the chain in G of the same row, through the chain's numbered name.
    expect(xml).toContain('sqref="H4:H1003"><formula1>INDIRECT(&quot;链_&quot;&amp;MATCH($G4,链_列表,0))</formula1>');
    const names = Object.fromEntries((XLSX.read(bytes, { type: 'buffer' }).Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]));
    expect(names).toEqual({ 链_列表: "'选项'!$D$2:$D$2", 链_1: "'选项'!$E$2:$E$3" });
    // dataValidations before every element the schema puts after it (SheetJS writes ignoredErrors).
    expect(xml.indexOf('<dataValidations')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    for (const later of ['<ignoredErrors', '<pageMargins', '<hyperlinks']) if (xml.includes(later)) expect(xml.indexOf('<dataValidations')).toBeLessThan(xml.indexOf(later));
  });

  it('names each chain’s links 链_1, 链_2… in chains.xlsx order, whatever the chain is called', () => {
    const odd: Chain[] = [
      { name: 'A1 新能源（汽车）& 电池', slug: 'a', leader: null, department: null, links: [{ name: '电芯', position: '上游', description: null, targetCompanies: [] }] },
      { name: '生物医药', slug: 'b', leader: null, department: null, links: [] },
      { name: '数字经济', slug: 'c', leader: null, department: null, links: ['软件', '算力', '数据'].map((name) => ({ name, position: '中游', description: null, targetCompanies: [] })) },
    ];
    const wb = XLSX.read(unitTemplate(units[0]!, { config: DEFAULT_CONFIG, chains: odd }), { type: 'buffer' });
    const names = (wb.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]);
    expect(names).toEqual([
      ['链_列表', "'选项'!$D$2:$D$4"], ['链_1', "'选项'!$E$2:$E$2"], ['链_2', "'选项'!$F$2:$F$2"], ['链_3', "'选项'!$G$2:$G$4"],
    ]);
    // Valid Excel names: a letter or underscore first, then letters, digits, underscores; not a cell.
    for (const [n] of names) expect(n).toMatch(/^[\p{L}_][\p{L}\p{N}_]*$/u);
    const options = XLSX.utils.sheet_to_json<(string | undefined)[]>(wb.Sheets['选项']!, { header: 1 });
    expect(options.map((r) => r[6]).filter(Boolean)).toEqual(['数字经济', '软件', '算力', '数据']);
  });

  it('hides the 选项 sheet and protects the ledger sheet except its input rows', () => {
    const bytes = unitTemplate(units[0]!, opts);
    const wb = XLSX.read(bytes, { type: 'buffer' });
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 1]);
    expect(sheetXml(bytes, 'xl/workbook.xml')).toMatch(/<sheet name="选项"[^>]*state="hidden"/);
    const xml = sheetXml(bytes, 'xl/worksheets/sheet1.xml');
    const protection = /<sheetProtection [^>]*\/>/.exec(xml)?.[0] ?? '';
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toContain('password');
    // Column and row sizes may still change; the schema puts sheetProtection right after sheetData.
    expect(protection).toContain('formatColumns="0"');
    expect(xml.indexOf('<sheetProtection')).toBe(xml.indexOf('</sheetData>') + '</sheetData>'.length);
    // The unlocked format, and rows 4–1003 (only those) carrying it; the header rows keep the locked default.
    const styles = sheetXml(bytes, 'xl/styles.xml');
    const xfs = [.../<cellXfs count="(\d+)">(.*?)<\/cellXfs>/.exec(styles)![2]!.matchAll(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    expect(Number(/<cellXfs count="(\d+)">/.exec(styles)![1])).toBe(xfs.length);
    const unlocked = xfs.findIndex((x) => x.includes('<protection locked="0"/>'));
    expect(unlocked).toBeGreaterThan(0);
    const styledRows = [...xml.matchAll(/<row r="(\d+)" s="(\d+)" customFormat="1"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(styledRows).toHaveLength(1000);
    expect(styledRows[0]).toEqual([4, unlocked]);
    expect(styledRows.at(-1)).toEqual([1003, unlocked]);
    for (const r of [1, 2, 3]) expect(xml).toMatch(new RegExp(`<row r="${r}">`));
    expect(xml).not.toMatch(/<c r="[A-Z]+[123]" s=/);
  });

  it('says nothing of chain drop-downs when no chains are defined, and offers none', () => {
    const bytes = unitTemplate(units[0]!, { config: DEFAULT_CONFIG, chains: [] });
    const wb = XLSX.read(bytes, { type: 'buffer' });
    const guide = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['填报说明']!, { header: 1 }).flat().join('\n');
    expect(guide).not.toMatch(/产业链[^\n]*下拉/);
    expect(guide).toContain('暂未设置重点产业链');
    expect(guide).toMatch(/项目阶段请从下拉列表中选择/);
    const xml = sheetXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/sqref="[GH]4:/);
    expect(xml).not.toContain('INDIRECT');
    expect(wb.Workbook?.Names ?? []).toEqual([]);
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets['选项']!, { header: 1 })[0]).toEqual(['项目阶段', '项目类型', '产业类别']);
    const withChains = XLSX.utils.sheet_to_json<string[]>(XLSX.read(unitTemplate(units[0]!, opts), { type: 'buffer' }).Sheets['填报说明']!, { header: 1 }).flat().join('\n');
    expect(withChains).toContain('产业链环节的下拉列表只列出该产业链的环节');
  });

  it('reads back as a return with no projects and no issues, blank', () => {
    const r = readReturnFile(unitTemplate(units[0]!, opts), 'returns/2026-04/平原县.xlsx', '2026-04', unitIndex(units));
    expect(r.issues).toEqual([]);
    expect(r.ledgers[0]?.projects ?? []).toEqual([]);
  });

  it('is deterministic and named after the unit', () => {
    expect(Buffer.compare(unitTemplate(units[1]!, opts), unitTemplate(units[1]!, opts))).toBe(0);
    expect(templateFileName(units[1]!)).toBe('示例高新技术产业开发区.xlsx');
  });

  it('reads back exactly once filled in', () => {
    const wb = XLSX.read(unitTemplate(units[1]!, opts), { type: 'buffer' });
    const ws = wb.Sheets['项目台账']!;
    XLSX.utils.sheet_add_aoa(ws, [
      [1, 'B02-2026-001', '动力电池项目', '甲公司', '江苏', '工业', '新能源汽车', '动力电池', '新建', '开工', 50000, 30000, 12000, 800, 120, 150, '2026-03-15', '2026-04-01', null, '王局长', '李四', '13900009999', '张三', null],
      [2, 'B02-2026-002', '软件园', '乙公司', '北京', '服务业', null, null, '续建', '签约', 8000, 6000, 1500.5, 0, null, null, '2026-01-20', null, null, null, null, null, null, '备注'],
    ], { origin: 'A4' });
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = readReturnFile(bytes, 'returns/2026-04/示例高新技术产业开发区.xlsx', '2026-04', unitIndex(units));
    expect(r.issues).toEqual([]);
    expect(r.ignoredSheets).toEqual(['填报说明', '选项（隐藏）']); // the reader names a hidden sheet as such
    expect(r.ledgers).toHaveLength(1);
    expect(r.ledgers[0]!.unit).toBe('B02');
    const [a, b] = r.ledgers[0]!.projects;
    expect(a).toMatchObject({ code: 'B02-2026-001', name: '动力电池项目', investor: '甲公司', investorOrigin: '江苏', industry: '工业', chain: '新能源汽车', link: '动力电池', projectType: '新建', stage: '开工', totalInvestment: 50000, contractAmount: 30000, fundsInPlace: 12000, fundsThisMonth: 800, foreignCapital: 120, landArea: 150, signDate: '2026-03-15', startDate: '2026-04-01', productionDate: null });
    expect(a!.internal).toEqual({ leader: '王局长', contact: '李四', phone: '13900009999', filler: '张三' });
    expect(b).toMatchObject({ code: 'B02-2026-002', stage: '签约', projectType: '续建', fundsInPlace: 1500.5, remarks: '备注' });
    expect(r.account).toMatchObject({ projects: 2, rejected: 0 });
  });
});
