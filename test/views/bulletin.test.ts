import { describe, expect, it } from 'vitest';
import { breakdownChart } from '../../src/lib/charts/breakdown.ts';
import { completionChart } from '../../src/lib/charts/completion.ts';
import { lineChart } from '../../src/lib/charts/lines.ts';
import { bulletinView, keyProjectTable } from '../../src/lib/views/bulletin.ts';
import type { KeyProject } from '../../src/lib/views/key-projects.ts';
import { project } from '../helpers/project.ts';
import { group, indicators, period, ranked, siteOf, unit } from './fixtures.ts';

const units = ranked([
  unit('A1', '甲县', '县区', 0.2), unit('A2', '乙县', '县区', 0.5), unit('A3', '丙县', '县区', null, { submitted: false, lightLabel: '未报送' }),
  unit('B1', '一区', '开发区', 0.1), unit('B2', '二区', '开发区', null, { submitted: false, unreadable: ['returns/2026-04/二区.xlsx'], lightLabel: '未报送' }),
  unit('B3', '三区', '开发区', 0.6, { fundsTarget: null, fundsCompletion: null, rank: null }),
]);
const april = period({
  units, groups: [group('县区'), group('开发区')],
  totals: { ...indicators({ fundsInPlace: 2500, fundsTarget: 12000, fundsCompletion: 0.21, contractAmount: 9000 }), units: 6, submittedUnits: 4, startedProjects: 0 },
  issues: [{ severity: 'error', kind: 'internal', message: '', file: null, sheet: null, cell: null, row: null, unit: null, project: null }],
  projects: [project({ unit: 'B1', name: '一区大项目', stage: '签约', totalInvestment: 20000, signDate: '2026-04-02' })],
});
const march = period({ period: '2026-03', units, groups: april.groups, totals: { ...april.totals, fundsInPlace: 1800 } });
const model = {
  ...siteOf([march, april]), groups: ['开发区', '县区'],
  units: units.map((u, order) => ({ code: u.code, name: u.name, group: u.group, aliases: [], order })),
  config: { ...siteOf([]).config, office: '示例市投资促进局', publicationDates: { '2026-04': '2026年5月8日' } },
};

describe('bulletinView(model, period)', () => {
  const v = bulletinView(model, april);

  it('says who reported, naming units that did not and units whose files could not be read', () => {
    expect(v.reporting).toBe('报送4/6个单位，未报送：丙县，报送文件无法读取：二区');
    const all = bulletinView(model, { ...april, units: units.filter((u) => u.submitted) });
    expect(all.reporting).toBe('报送4/6个单位，全部单位已报送');
    const onlyUnreadable = bulletinView(model, { ...april, units: units.filter((u) => u.code !== 'A3') });
    expect(onlyUnreadable.reporting).toBe('报送4/6个单位，报送文件无法读取：二区');
    expect([v.errors, v.warnings]).toEqual([1, 0]);
  });

  it('puts office and publication date under the title, and neither when unset', () => {
    expect(v.issuer).toBe('示例市投资促进局 · 2026年5月8日');
    expect(bulletinView({ ...model, config: siteOf([]).config }, april).issuer).toBe('');
    expect(v.around).toEqual({ previous: '2026-03', next: null });
  });

  it('ranks each group in the site’s group order, ranked units first, then unranked, then those that did not report', () => {
    expect(v.rankings.map((r) => [r.group.name, r.units.map((u) => u.name)])).toEqual([['开发区', ['一区', '三区', '二区']], ['县区', ['乙县', '甲县', '丙县']]]);
    expect(v.charts.completion!.rows.map((r) => r.name)).toEqual(['一区', '三区', '二区', '乙县', '甲县', '丙县']);
  });

  it('writes 红黑榜 entries in words and leaves out groups with nobody listed', () => {
    expect(v.redBlack.map((g) => [g.group, g.red.map((u) => `${u.name}：${u.detail}`), g.black.map((u) => `${u.name}：${u.detail}`)])).toEqual([
      ['开发区', ['一区：第1名，完成10.0%，欠序时进度23.3个百分点'], ['二区：报送的文件无法读取']],
      ['县区', ['乙县：第1名，完成50.0%，超序时进度16.7个百分点'], ['甲县：第2名，完成20.0%，欠序时进度13.3个百分点', '丙县：本期未报送台账']],
    ]);
    const calm = bulletinView({ ...model, groups: ['开发区'] }, { ...april, units: [unit('B1', '一区', '开发区', null)] });
    expect(calm.redBlack).toEqual([]);
  });

  it('gives the headline figures their texts', () => {
    const funds = v.figures.find((f) => f.figure.key === 'fundsInPlace')!;
    expect([funds.value, funds.target, funds.yoy]).toEqual(['0.3亿元', '1.2亿元', '无上年同期数']);
    const projects = v.figures.find((f) => f.figure.key === 'projects')!;
    expect([projects.value, projects.target]).toEqual(['0个', '']);
  });

  it('finds the month’s key projects against last month and names their units', () => {
    expect(v.keyProjects).toMatchObject({ total: 1, counts: { 新引进: 1, 新开工: 0, 新投产: 0 }, more: 0, basis: 'ledger' });
    expect(v.keyProjects.shown.map((k) => [k.project.name, k.unitName, k.status])).toEqual([['一区大项目', '一区', '新引进']]);
    expect(bulletinView({ ...model, periods: [april] }, april).keyProjects.basis).toBe('dates');
  });

  it('prepares the trend with last year and the target where there are, and the breakdowns', () => {
    expect(v.charts.trend.series.map((s) => [s.name, s.points.map((x) => x.value)])).toEqual([['2026年', [0.18, 0.25]], ['序时目标', [0.1, 1.2]]]);
    expect([v.charts.trend.caption, v.charts.trend.note]).toEqual(['全市到位资金逐月累计（2026年）', '（年度目标1.2亿元）']);
    expect(v.charts.trend.options.format(0.25)).toBe('0.3亿元'); // labelled in 亿元 as the headline figure
    expect(lineChart(v.charts.trend.series, v.charts.trend.options)).toContain('<svg');
    expect(completionChart(v.charts.completion!.rows, v.charts.completion!.options)).toContain('<svg');
    expect(breakdownChart(v.charts.stage.entries, v.charts.stage.options)).toContain('<svg');
  });
});

describe('keyProjectTable(keys, unitName, basis, max)', () => {
  it('shows the first max rows and counts the rest, by status', () => {
    const keys: KeyProject[] = [
      { status: '新引进', project: project({ unit: 'A1', name: 'a' }) }, { status: '新开工', project: project({ unit: 'Z9', name: 'b' }) },
      { status: '新开工', project: project({ unit: 'A1', name: 'c' }) },
    ];
    const t = keyProjectTable(keys, new Map([['A1', '甲县']]), 'dates', 2);
    expect(t).toMatchObject({ total: 3, counts: { 新引进: 1, 新开工: 2, 新投产: 0 }, more: 1, basis: 'dates' });
    expect(t.shown.map((k) => `${k.project.name}·${k.unitName}`)).toEqual(['a·甲县', 'b·Z9']);
  });
});

describe('bulletinView of a large city', () => {
  it('draws the all-units chart up to 40 units and leaves it to the tables’ bars beyond', () => {
    const many = (n: number) => ranked(Array.from({ length: n }, (_, i) => unit(`U${i}`, `单位${i}`, '县区', 0.5)));
    const at = (n: number) => { const p = period({ period: '2026-04', units: many(n), groups: [group('县区')] }); return bulletinView({ ...siteOf([p]), groups: ['县区'] }, p); };
    expect(at(40).charts.completion?.rows).toHaveLength(40);
    expect(at(41).charts.completion).toBeNull();
    expect(at(41).rankings.flatMap((r) => r.units)).toHaveLength(41);
  });
});
