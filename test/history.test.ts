/**
 * 上年同期汇总表 (history/<YYYY-MM>.xlsx | .csv): 同比 for a city with no last-year returns. The
 * tables are made here, in code: units by name, alias and code, a 全市 row, 亿元 headers, and every
 * kind of bad row, each reported with its file, sheet and cell.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory, historyPeriodOfFile } from '../src/lib/recognise/history.ts';
import { rankingTable } from '../src/lib/outputs/ranking-table.ts';
import { headlineFigures } from '../src/lib/views/headline.ts';
import { bulletinView } from '../src/lib/views/bulletin.ts';
import { unitPage } from '../src/lib/views/unit-page.ts';
import type { Unit } from '../src/lib/model/types.ts';
import { modelOf } from './helpers/in-process.ts';
import { runBuild } from './helpers/cli.ts';
import { csv, put, workbook } from './helpers/workbooks.ts';

const units: Unit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: ['平原'], order: 1 },
  { code: 'A02', name: '东山县', group: '县区', aliases: [], order: 2 },
  { code: 'B01', name: '示例经济技术开发区', group: '开发区', aliases: ['经开区'], order: 3 },
];
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('historyPeriodOfFile', () => {
  it('takes the month from the file name, and nothing else', () => {
    expect(historyPeriodOfFile('history/2025-04.xlsx')).toBe('2025-04');
    expect(historyPeriodOfFile('history/2025-04.CSV')).toBe('2025-04');
    expect(historyPeriodOfFile('history/2025-13.xlsx')).toBeNull();
    expect(historyPeriodOfFile('history/上年4月.xlsx')).toBeNull();
  });
});

describe('readHistory', () => {
  it('reads units by name, alias or code, the three indicators in their units, and a 全市 row', () => {
    const bytes = workbook([{ name: '上年同期', rows: [
      ['2025年1-4月各单位招商引资完成情况'],
      ['单位', '到位资金（亿元）', '合同引资额（万元）', '签约项目数', '备注'],
      ['平原', 1.5, 30000, 4, ''],
      ['A02', 0.8, 12000, 2, ''],
      ['经开区', 2, null, 6, '合同额未统计'],
      ['全市', 4.3, 50000, 12, ''],
      ['合计', 4.3, 42000, 12, ''],
    ] }]);
    const { value, issues } = readHistory(bytes, 'history/2025-04.xlsx', '2025-04', units);
    expect(issues).toEqual([]);
    expect(value).toEqual({
      period: '2025-04', file: 'history/2025-04.xlsx', indicators: ['fundsInPlace', 'contractAmount', 'projects'],
      units: { A01: { fundsInPlace: 15000, contractAmount: 30000, projects: 4 }, A02: { fundsInPlace: 8000, contractAmount: 12000, projects: 2 }, B01: { fundsInPlace: 20000, projects: 6 } },
      city: { fundsInPlace: 43000, contractAmount: 50000, projects: 12 },
    });
  });

  it('reports each bad row with its file, sheet and cell, and leaves it out', () => {
    const text = csv([
      ['单位', '到位资金（万元）'],
      ['平原县', '一万五'],
      ['西河区', 500],
      ['东山县', 8000],
      ['东山县', 9000],
      ['示例经济技术开发区', -3],
    ]);
    const { value, issues } = readHistory(new TextEncoder().encode(text), 'history/2025-04.csv', '2025-04', units);
    expect(value.units).toEqual({ A02: { fundsInPlace: 8000 } });
    const at = issues.map((i) => [i.kind, i.file, i.cell ?? null, i.severity]);
    expect(at).toEqual([
      ['not-a-number', 'history/2025-04.csv', 'B2', 'error'],
      ['unknown-unit', 'history/2025-04.csv', 'A3', 'error'],
      ['duplicate-history', 'history/2025-04.csv', 'A5', 'error'],
      ['negative-amount', 'history/2025-04.csv', 'B6', 'error'],
      ['history-incomplete', 'history/2025-04.csv', null, 'warning'],
    ]);
    expect(issues.every((i) => i.sheet !== null)).toBe(true);
    expect(issues[0]!.message).toContain('平原县');
    expect(issues[1]!.message).toContain('“西河区”不在单位名册中');
    expect(issues[4]!.message).toMatch(/没有平原县、示例经济技术开发区/);
  });

  it('refuses a table without a unit column or any of the three indicators, saying so', () => {
    const none = readHistory(new TextEncoder().encode(csv([['名称', '备注'], ['平原县', 'x']])), 'history/2025-04.csv', '2025-04', units);
    expect(none.value.indicators).toEqual([]);
    expect(none.issues.map((i) => [i.kind, i.message])).toEqual([['no-header', expect.stringContaining('到位资金（万元）')]]);
    const noUnit = readHistory(new TextEncoder().encode(csv([['项目', '到位资金（万元）'], ['x', 1]])), 'history/2025-04.csv', '2025-04', units);
    expect(noUnit.issues.map((i) => i.kind)).toEqual(['no-header']);
  });
});

/** A data folder: 2026-04 returns, targets, a history table for 2025-04, and (optionally) 2025-04 returns. */
function city(name: string, withLastYearReturns: boolean): string {
  const data = join(tmp, name);
  put(data, 'units.csv', csv([['编码', '名称', '分组', '别名'], ...units.map((u) => [u.code, u.name, u.group, u.aliases.join(';')])]));
  put(data, 'targets/2026.csv', csv([['单位', '到位资金（万元）'], ['平原县', 60000], ['东山县', 40000], ['示例经济技术开发区', 80000]]));
  const head = ['项目名称', '投资方', '项目阶段', '合同引资额（万元）', '累计到位资金（万元）'];
  put(data, 'returns/2026-04/平原县.csv', csv([head, ['甲项目', '甲公司', '开工', 40000, 18000], ['乙项目', '乙公司', '签约', 5000, 0]]));
  put(data, 'returns/2026-04/东山县.csv', csv([head, ['丙项目', '丙公司', '投产', 20000, 6000]]));
  put(data, 'returns/2026-04/示例经济技术开发区.csv', csv([head, ['丁项目', '丁公司', '签约', 30000, 25000]]));
  put(data, 'history/2025-04.csv', csv([['单位', '到位资金（万元）', '合同引资额（万元）', '签约项目数'], ['平原县', 15000, 30000, 4], ['东山县', 8000, 12000, 2], ['经开区', 20000, 40000, 6]]));
  if (withLastYearReturns) {
    for (const u of units) put(data, `returns/2025-04/${u.name}.csv`, csv([head, [`${u.name}老项目`, '某公司', '开工', 10000, 10000]]));
  }
  return data;
}

describe('同比 from a history table', () => {
  it('is used where that month’s returns are absent, and every 同比 shown names it', async () => {
    const model = await modelOf(city('first-year', false), 'internal');
    const p = model.periods.find((x) => x.period === '2026-04')!;
    expect(p.lastYearPeriod).toBeNull();
    expect(p.lastYearTable).toEqual({ file: 'history/2025-04.csv', city: { fundsInPlace: 43000, contractAmount: 82000, projects: 12 } });
    const unit = (code: string) => p.units.find((u) => u.code === code)!;
    expect(unit('A01').fundsYoY).toBeCloseTo(18000 / 15000 - 1, 10);
    expect(unit('B01').fundsYoY).toBeCloseTo(25000 / 20000 - 1, 10);
    expect(p.groups.find((g) => g.name === '县区')!.fundsYoY).toBeCloseTo(24000 / 23000 - 1, 10);
    expect(p.totals.fundsYoY).toBeCloseTo(49000 / 43000 - 1, 10);
    // The drafted text, the headline figures, the unit page and the rankings download say where it came from.
    expect(p.draft.sections[0]!.paragraphs[0]).toContain('同比增长14.0%（上年同期（汇总表））');
    const figures = headlineFigures(model, p);
    expect(figures.find((f) => f.key === 'projects')).toMatchObject({ value: 4, lastYear: 12, lastYearSource: 'table' });
    const cells = bulletinView(model, p).figures;
    expect(cells[0]!.yoy).toBe('同比增长14.0%，上年同期（汇总表）4.3亿元');
    expect(cells.find((c) => c.figure.key === 'contractAmount')!.yoy).toBe('同比增长15.9%，上年同期（汇总表）8.2亿元');
    const page = unitPage(model, p, 'A01');
    expect(page.figures.funds.note).toBe('同比增长20.0%（上年同期（汇总表））');
    expect(page.compare.group.yoy).toBe('同比增长4.3%（上年同期（汇总表））');
    expect(rankingTable(p, model.groups)[0]!.rows[0]).toContain('同比（上年同期（汇总表））');
  });

  it('gives way to last year’s returns when they are there', async () => {
    const model = await modelOf(city('second-year', true));
    const p = model.periods.find((x) => x.period === '2026-04')!;
    expect(p.lastYearPeriod).toBe('2025-04');
    expect(p.lastYearTable).toBeUndefined();
    expect(p.units.find((u) => u.code === 'A01')!.fundsYoY).toBeCloseTo(18000 / 10000 - 1, 10);
    expect(p.draft.sections[0]!.paragraphs[0]).not.toContain('汇总表');
    expect(rankingTable(p, model.groups)[0]!.rows[0]).toContain('同比');
  });

  it('is labelled on the built bulletin and unit pages', () => {
    const data = city('built', false);
    const out = join(tmp, 'built-out');
    const r = runBuild(['--data', data, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const text = (rel: string) => parseHTML(readFileSync(join(out, rel, 'index.html'), 'utf8')).document.querySelector('main')!.textContent!;
    const bulletin = text('2026-04');
    expect(bulletin).toContain('上年同期（汇总表）4.3亿元');
    expect(bulletin).toContain('同比所用上年同期数取自上年同期（汇总表）（history/2025-04.csv）');
    expect(text('2026-04/units/A01')).toContain('同比增长20.0%（上年同期（汇总表））');
  }, 120_000);
});
