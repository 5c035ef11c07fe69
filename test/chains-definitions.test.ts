/**
 * chains.xlsx | chains.csv as a city office writes it (docs/chains.md): the SPEC's minimal form,
 * the optional columns, grouped tables with merged or blank cells, one sheet per chain, one row
 * per chain with 上游/中游/下游 columns, and the mistakes that must be reported.
 */
import { describe, expect, it } from 'vitest';
import { readChains } from '../src/lib/recognise/registry.ts';
import type { Chain } from '../src/lib/model/types.ts';
import { csv, gbk, workbook } from './helpers/workbooks.ts';

const shape = (chains: Chain[]) => chains.map((c) => [c.name, c.slug, c.links.map((l) => `${l.position}:${l.name}`)]);
const where = (issues: { kind: string; cell: string | null; severity: string }[]) => issues.map((i) => [i.severity, i.kind, i.cell]);

describe('readChains(bytes, file)', () => {
  it('reads the SPEC minimal form (产业链, 环节, 层级) from a GBK CSV', () => {
    const text = csv([['产业链', '环节', '层级'], ['生物医药', '原料药', '上游'], ['生物医药', '医疗器械', '中游'], ['生物医药', '医药流通', '下游']]);
    const { value, issues } = readChains(gbk(text), 'chains.csv');
    expect(issues).toEqual([]);
    expect(shape(value)).toEqual([['生物医药', 'chain-1', ['上游:原料药', '中游:医疗器械', '下游:医药流通']]]);
    expect(value[0]).toMatchObject({ leader: null, department: null });
    expect(value[0]!.links[0]).toEqual({ name: '原料药', position: '上游', description: null, targetCompanies: [] });
  });

  it('reads the optional columns: 产业链编码, 链长, 牵头部门, 环节说明, 招商目标企业 (several per cell)', () => {
    const rows = [
      ['示例市重点产业链图谱'],
      ['序号', '产业链', '产业链编码', '链长', '牵头部门', '环节', '层级', '环节说明', '招商目标企业'],
      [1, '生物医药', 'bio', '副市长 甲', '市卫健委', '原料药', '上游', '', ''],
      [2, '生物医药', '', '', '', '医疗器械', '中游', '缺少高端影像设备', '联影医疗；迈瑞医疗、鱼跃医疗'],
    ];
    const { value, issues } = readChains(workbook([{ name: '产业链', rows }]), 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(value[0]).toMatchObject({ name: '生物医药', slug: 'bio', leader: '副市长 甲', department: '市卫健委' });
    expect(value[0]!.links[1]).toEqual({ name: '医疗器械', position: '中游', description: '缺少高端影像设备', targetCompanies: ['联影医疗', '迈瑞医疗', '鱼跃医疗'] });
  });

  it('reads a grouped table: merged or blank 产业链 and 层级 cells repeat the row above', () => {
    const rows = [
      ['产业链', '层级', '环节'],
      ['生物医药', '上游', '原料药'],
      [null, null, '药用辅料'],
      [null, '中游', '化学制剂'],
      ['现代物流', '上游', '仓储'],
      [null, null, '运输'],
    ];
    const { value, issues } = readChains(workbook([{ name: 'S', rows, merges: ['A2:A4', 'B2:B3'] }]), 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(shape(value)).toEqual([
      ['生物医药', 'chain-1', ['上游:原料药', '上游:药用辅料', '中游:化学制剂']],
      ['现代物流', 'chain-2', ['上游:仓储', '上游:运输']],
    ]);
  });

  it('reads one sheet per chain, the sheet named after the chain, when there is no 产业链 column', () => {
    const bytes = workbook([
      { name: '填报说明', rows: [['每个工作表一条产业链']] },
      { name: '生物医药', rows: [['环节', '层级'], ['原料药', '上游'], ['医疗器械', '中游']] },
      { name: '现代物流', rows: [['环节', '层级', '招商目标企业'], ['仓储', '上游', '普洛斯']] },
    ]);
    const { value, issues } = readChains(bytes, 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(shape(value)).toEqual([['生物医药', 'chain-1', ['上游:原料药', '中游:医疗器械']], ['现代物流', 'chain-2', ['上游:仓储']]]);
    expect(value[1]!.links[0]!.targetCompanies).toEqual(['普洛斯']);
  });

  it('reads one row per chain with 上游 / 中游 / 下游 columns listing links', () => {
    const rows = [['产业链', '链长', '上游', '中游', '下游'], ['生物医药', '副市长 甲', '原料药、药用辅料', '化学制剂；医疗器械', '医药流通'], ['现代物流', '', '仓储', '', '配送\n快递']];
    const { value, issues } = readChains(workbook([{ name: 'Sheet1', rows }]), 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(shape(value)).toEqual([
      ['生物医药', 'chain-1', ['上游:原料药', '上游:药用辅料', '中游:化学制剂', '中游:医疗器械', '下游:医药流通']],
      ['现代物流', 'chain-2', ['上游:仓储', '下游:配送', '下游:快递']],
    ]);
    expect(value[0]!.leader).toBe('副市长 甲');
  });

  it('merges a link written on several rows (one target company per row) and names positions loosely', () => {
    const rows = [['产业链', '环节', '层级', '招商目标企业'], ['生物医药', '医疗器械', '产业链中游', '联影医疗'], ['生物医药', '医疗器械', '中游', '迈瑞医疗'], ['生物医药', '原料药', '上游环节', '']];
    const { value, issues } = readChains(workbook([{ name: 'S', rows }]), 'chains.xlsx');
    expect(issues).toEqual([]);
    expect(value[0]!.links).toEqual([
      { name: '医疗器械', position: '中游', description: null, targetCompanies: ['联影医疗', '迈瑞医疗'] },
      { name: '原料药', position: '上游', description: null, targetCompanies: [] },
    ]);
  });

  it('reports what it cannot use, with the cell: unknown 层级, a link with two 层级, bad or repeated codes, a link without chain', () => {
    const rows = [
      ['产业链', '环节', '层级', '产业链编码'],
      ['生物医药', '原料药', '配套', 'bio'],
      ['生物医药', '原料药', '下游', ''],
      ['现代物流', '仓储', '上游', 'bio'],
      ['新材料', '石墨烯', '', '新材料'],
    ];
    const { value, issues } = readChains(workbook([{ name: 'S', rows }]), 'chains.xlsx');
    expect(where(issues)).toEqual([
      ['warning', 'bad-position', 'C2'],
      ['warning', 'bad-position', 'B3'],
      ['warning', 'bad-position', 'C5'],
      ['warning', 'chain-code', 'D4'],
      ['warning', 'chain-code', 'D5'],
    ]);
    // An unknown position is kept, and drawn as a column of its own; slugs never collide.
    expect(value.map((c) => [c.slug, c.links.map((l) => l.position)])).toEqual([['bio', ['配套']], ['chain-2', ['上游']], ['chain-3', ['中游']]]);
    expect(issues.every((i) => i.file === 'chains.xlsx' && i.sheet === 'S')).toBe(true);
  });

  it('reports a first link without its chain, a sheet it cannot name, and a file without the header', () => {
    const first = readChains(workbook([{ name: 'S', rows: [['产业链', '环节'], [null, '原料药'], ['生物医药', '医疗器械']] }]), 'chains.xlsx');
    expect(where(first.issues)).toEqual([['error', 'registry-row', 'A2']]);
    expect(shape(first.value)).toEqual([['生物医药', 'chain-1', ['中游:医疗器械']]]);
    const unnamed = readChains(workbook([{ name: 'Sheet1', rows: [['环节', '层级'], ['原料药', '上游']] }]), 'chains.xlsx');
    expect(unnamed.value).toEqual([]);
    expect(unnamed.issues[0]).toMatchObject({ kind: 'no-header', sheet: 'Sheet1' });
    expect(unnamed.issues[0]!.message).toContain('产业链');
    const none = readChains(workbook([{ name: 'S', rows: [['名称', '备注']] }]), 'chains.xlsx');
    expect(none.issues.map((i) => i.kind)).toEqual(['no-header']);
    expect(readChains(new Uint8Array([1, 2, 3]), 'chains.xlsx').issues.map((i) => i.kind)).toEqual(['unreadable']);
  });

  it('never lets a hostile name into a slug', () => {
    const rows = [['产业链', '环节', '产业链编码'], ['<script>', '__proto__', '../x'], ['constructor', 'toString', '']];
    const { value } = readChains(workbook([{ name: 'S', rows }]), 'chains.xlsx');
    expect(value.map((c) => [c.name, c.slug, c.links[0]!.name])).toEqual([['<script>', 'x', '__proto__'], ['constructor', 'chain-2', 'toString']]);
  });
});
