/**
 * Issue 10 §3–4: a year workbook with a sheet per month counts this month's sheet; every issue is
 * one a clerk can act on (the project by name, one issue per bad cell, a corrupt file is not a
 * missing return, a stray Word file is a warning).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { DEFAULT_CONFIG } from '../src/lib/model/config.ts';
import { buildModel } from '../src/lib/pipeline.ts';
import { readReturnFile, type ReturnFile } from '../src/lib/return-file.ts';
import { isPeriodSheet, sheetMonth } from '../src/lib/recognise/month-sheet.ts';
import { unitIndex } from '../src/lib/recognise/unit-names.ts';
import type { Unit } from '../src/lib/model/types.ts';
import { put, workbook, type Aoa } from './helpers/workbooks.ts';

const units: Unit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 },
  { code: 'A02', name: '东山县', group: '县区', aliases: [], order: 2 },
];
const index = unitIndex(units);
const HEAD = ['项目编码', '项目名称', '投资方', '项目阶段', '合同引资额（万元）', '累计到位资金（万元）'];
const ledger = (funds: number | string): Aoa => [HEAD, ['P1', '电池项目', '甲公司', '开工', 30000, funds]];
const read = (bytes: Uint8Array, file: string, period = '2026-04') => readReturnFile(bytes, file, period, index);
const model = (returns: ReturnFile[]) => buildModel({ config: DEFAULT_CONFIG, audience: 'public', units, targets: new Map(), chains: [], returns, globalIssues: [] });

describe('sheet names that are months', () => {
  it('recognises the ways clerks name a month and nothing else', () => {
    for (const [name, month, year] of [['4月', 4, null], ['04月', 4, null], ['四月', 4, null], ['1-4月', 4, null], ['1—4月份', 4, null], ['2026年4月', 4, 2026], ['2026年1-4月', 4, 2026], ['2026-04', 4, 2026], ['202604', 4, 2026], ['4月台账', 4, null], ['十二月', 12, null]] as const) {
      expect(sheetMonth(name), name).toEqual({ month, year });
    }
    for (const name of ['Sheet1', '台账', '平原县', '13月', '填报说明', '4月（旧）']) expect(sheetMonth(name), name).toBeNull();
    expect(isPeriodSheet({ month: 4, year: 2025 }, '2026-04')).toBe(false);
    expect(isPeriodSheet({ month: 4, year: null }, '2026-04')).toBe(true);
  });
});

describe('one workbook per year, one sheet per month', () => {
  it('counts the period’s sheet, lists the other months as ignored, and reports no error', () => {
    const wb = workbook([{ name: '1月', rows: ledger(100) }, { name: '2月', rows: ledger(200) }, { name: '3月', rows: ledger(300) }, { name: '4月', rows: ledger(400) }, { name: '5月', rows: [HEAD] }]);
    const r = read(wb, 'returns/2026-04/平原县2026年台账.xlsx');
    expect(r.ledgers.map((l) => l.sheet)).toEqual(['4月']);
    expect(r.ledgers[0]!.projects[0]!.fundsInPlace).toBe(400);
    expect(r.ignoredSheets).toEqual(expect.arrayContaining(['1月（其他月份）', '2月（其他月份）', '3月（其他月份）']));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const m = model([r]).periods[0]!;
    expect(m.units.find((u) => u.code === 'A01')).toMatchObject({ submitted: true, fundsInPlace: 400 });
    expect(m.issues.filter((i) => i.kind === 'duplicate-return')).toEqual([]);
  });

  it('matches 1-4月 and 2026年4月 names, and a wrong year is another month', () => {
    const wb = workbook([{ name: '2025年1-4月', rows: ledger(40) }, { name: '2026年1-3月', rows: ledger(300) }, { name: '2026年1-4月', rows: ledger(400) }]);
    const r = read(wb, 'returns/2026-04/平原县.xlsx');
    expect(r.ledgers.map((l) => l.sheet)).toEqual(['2026年1-4月']);
  });

  it('says so when no sheet is the period’s, and does not count last month’s figures', () => {
    const wb = workbook([{ name: '1月', rows: ledger(100) }, { name: '2月', rows: ledger(200) }, { name: '3月', rows: ledger(300) }]);
    const r = read(wb, 'returns/2026-04/平原县.xlsx');
    expect(r.ledgers).toEqual([]);
    expect(r.account.status).toBe('skipped');
    const issue = r.issues.find((i) => i.kind === 'no-period-sheet')!;
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain('没有本期（2026年4月）的工作表');
    expect(issue.message).toContain('1月、2月、3月');
  });

  it('reads a lone sheet named for another month, with a warning to check it', () => {
    const r = read(workbook([{ name: '3月', rows: ledger(300) }]), 'returns/2026-04/平原县.xlsx');
    expect(r.ledgers).toHaveLength(1);
    expect(r.issues.find((i) => i.kind === 'sheet-month-mismatch')).toMatchObject({ severity: 'warning', sheet: '3月' });
  });

  it('leaves workbooks with a sheet per unit alone', () => {
    const wb = workbook([{ name: '平原县', rows: ledger(1) }, { name: '东山县', rows: [HEAD, ['D1', '物流项目', '乙公司', '签约', 100, 50]] }]);
    expect(read(wb, 'returns/2026-04/汇总.xlsx').ledgers.map((l) => l.unit)).toEqual(['A01', 'A02']);
  });
});

describe('issues a clerk can act on', () => {
  it('names the project by its name, with its code beside it', () => {
    const r = read(workbook([{ name: '台账', rows: ledger('约3000万') }]), 'returns/2026-04/平原县.xlsx');
    expect(r.issues.find((i) => i.kind === 'not-a-number')).toMatchObject({ project: '电池项目', projectCode: 'P1', cell: 'F2' });
  });

  it('reports a non-numeric amount once: not also as missing, nor as a decrease from last month', () => {
    const march = read(workbook([{ name: '台账', rows: ledger(500) }]), 'returns/2026-03/平原县.xlsx', '2026-03');
    const april = read(workbook([{ name: '台账', rows: ledger('约3000万') }]), 'returns/2026-04/平原县.xlsx');
    const m = model([march, april]).periods.find((p) => p.period === '2026-04')!;
    const aboutP1 = m.issues.filter((i) => i.projectCode === 'P1');
    expect(aboutP1.map((i) => i.kind)).toEqual(['not-a-number']);
  });

  it('calls a corrupt file “报送文件无法读取”, not “未报送”', () => {
    const corrupt = read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'returns/2026-04/平原县.xlsx');
    expect(corrupt.issues[0]).toMatchObject({ kind: 'unreadable', severity: 'error' });
    expect(corrupt.issues[0]!.message).toMatch(/^报送文件无法读取/);
    const m = model([corrupt, read(workbook([{ name: '台账', rows: ledger(1) }]), 'returns/2026-04/东山县.xlsx')]).periods[0]!;
    const u = m.units.find((x) => x.code === 'A01')!;
    expect(u).toMatchObject({ submitted: false, lightLabel: '文件无法读取', unreadable: ['returns/2026-04/平原县.xlsx'] });
    expect(m.issues.some((i) => i.kind === 'not-submitted' && i.unit === 'A01')).toBe(false);
    expect(m.issues.find((i) => i.kind === 'return-unreadable')!.message).toContain('报送的文件无法读取');
    expect(m.draft.sections.flatMap((s) => s.paragraphs).join('')).toContain('平原县报送的文件无法读取');
  });

  it('treats a stray Word or PDF file as a warning, not an error', () => {
    for (const name of ['说明.docx', '盖章件.pdf', '照片.jpg']) {
      const r = read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), `returns/2026-04/${name}`);
      expect(r.issues.map((i) => [i.kind, i.severity])).toEqual([['not-a-return', 'warning']]);
      expect(r.account.status).toBe('skipped');
    }
  });
});

describe('files outside month folders', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tongbao-folder-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  it('are counted as skipped, each with its reason', () => {
    put(tmp, 'units.csv', '编码,名称,分组\r\nA01,平原县,县区\r\n');
    put(tmp, 'returns/2026-04/平原县.xlsx', workbook([{ name: '台账', rows: ledger(1) }]));
    put(tmp, 'returns/四月/平原县.xlsx', workbook([{ name: '台账', rows: ledger(1) }]));
    put(tmp, 'returns/四月/东山县.xlsx', workbook([{ name: '台账', rows: ledger(1) }]));
    put(tmp, 'returns/散落.xlsx', workbook([{ name: '台账', rows: ledger(1) }]));
    const f = loadDataFolder(tmp);
    expect(f.returns.map((r) => r.file)).toEqual(['returns/2026-04/平原县.xlsx']);
    expect(f.skipped).toEqual([
      { file: 'returns/四月/东山县.xlsx', reason: '文件夹名“四月”不是“年-月”格式' },
      { file: 'returns/四月/平原县.xlsx', reason: '文件夹名“四月”不是“年-月”格式' },
      { file: 'returns/散落.xlsx', reason: '不在“年-月”文件夹中' },
    ]);
  });
});
