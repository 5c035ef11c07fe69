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

  it('offers drop-down lists for stage, type, industry, chain and link', () => {
    const bytes = unitTemplate(units[0]!, opts);
    const xml = sheetXml(bytes, 'xl/worksheets/sheet1.xml');
    const options = XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes, { type: 'buffer' }).Sheets['选项']!, { header: 1 });
    expect(options.map((r) => r[0]).filter(Boolean)).toEqual(['项目阶段', '在谈', '签约', '开工', '投产']);
    expect(options.map((r) => r[4]).filter(Boolean)).toEqual(['产业链环节', '动力电池', '整车制造']);
    const lists = [...xml.matchAll(/<dataValidation type="list"[^>]*sqref="([A-Z]+)4:[A-Z]+1003"><formula1>'选项'!\$([A-Z])\$2:\$[A-Z]\$(\d+)<\/formula1>/g)].map((m) => [m[1], m[2], m[3]]);
    // 项目阶段 is column J of the ledger and column A of 选项 (4 values: rows 2–5).
    expect(lists).toEqual(expect.arrayContaining([['J', 'A', '5'], ['I', 'B', '3'], ['G', 'D', '2'], ['H', 'E', '3']]));
    expect(xml.indexOf('<dataValidations')).toBeGreaterThan(xml.indexOf('</sheetData>'));
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
    expect(r.ignoredSheets).toEqual(['填报说明', '选项']);
    expect(r.ledgers).toHaveLength(1);
    expect(r.ledgers[0]!.unit).toBe('B02');
    const [a, b] = r.ledgers[0]!.projects;
    expect(a).toMatchObject({ code: 'B02-2026-001', name: '动力电池项目', investor: '甲公司', investorOrigin: '江苏', industry: '工业', chain: '新能源汽车', link: '动力电池', projectType: '新建', stage: '开工', totalInvestment: 50000, contractAmount: 30000, fundsInPlace: 12000, fundsThisMonth: 800, foreignCapital: 120, landArea: 150, signDate: '2026-03-15', startDate: '2026-04-01', productionDate: null });
    expect(a!.internal).toEqual({ leader: '王局长', contact: '李四', phone: '13900009999', filler: '张三' });
    expect(b).toMatchObject({ code: 'B02-2026-002', stage: '签约', projectType: '续建', fundsInPlace: 1500.5, remarks: '备注' });
    expect(r.account).toMatchObject({ projects: 2, rejected: 0 });
  });
});
