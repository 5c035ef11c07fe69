import { describe, expect, it } from 'vitest';
import { completionChart } from '../../src/lib/charts/completion.ts';
import { lineChart } from '../../src/lib/charts/lines.ts';
import { rankChart } from '../../src/lib/charts/rank.ts';
import type { Issue } from '../../src/lib/model/types.ts';
import { STAGE_ROWS_WHEN_PAGED, unitPage } from '../../src/lib/views/unit-page.ts';
import { project } from '../helpers/project.ts';
import { group, period, ranked, siteOf, unit } from './fixtures.ts';

const issue = (unitCode: string | null, message: string, over: Partial<Issue> = {}): Issue => ({
  severity: 'warning', kind: 'missing-funds', message, file: 'returns/2026-04/甲县.xlsx', sheet: '台账', cell: 'K5', row: 5, unit: unitCode, project: null, ...over,
});

function month(p: string, m: number) {
  const tp = m / 12;
  const units = ranked([
    unit('A1', '甲县', '县区', 0.2 * m / 4, { rankChange: m === 4 ? 1 : null, files: [`returns/${p}/甲县.xlsx`], fundsYoY: m === 4 ? 0.25 : null, contractAmount: 52000, largeProjects: 1, reserveProjects: 1 }, tp),
    unit('A2', '乙县', '县区', 0.3, { files: [`returns/${p}/乙县.xlsx`] }, tp),
    unit('A3', '丙县', '县区', null, { submitted: false, lightLabel: '未报送', unreadable: [`returns/${p}/丙县.xlsx`] }, tp),
    unit('B1', '一区', '开发区', 0.9, {}, tp),
  ]);
  return period({ period: p, units, groups: [group('县区', { fundsCompletion: 0.25, units: 3, submittedUnits: 2 }), group('开发区')] });
}

const march = month('2026-03', 3);
march.projects = [project({ unit: 'A1', code: 'P1', name: '老厂扩建', stage: '签约', totalInvestment: 30000 })];
const april = month('2026-04', 4);
april.projects = [
  project({ unit: 'A2', name: '乙县的项目', stage: '签约' }),
  project({ unit: 'A1', code: 'P1', name: '老厂扩建', stage: '开工', totalInvestment: 30000, landArea: 200, source: { file: 'returns/2026-04/甲县.xlsx', sheet: '台账', row: 5 } }),
  project({ unit: 'A1', name: '新签大项目', stage: '签约', totalInvestment: 80000, chain: '新材料', link: '膜材料', landArea: 100 }),
  project({ unit: 'A1', name: '在谈项目', stage: '在谈' }),
  project({ unit: 'A1', name: '阶段未填', stage: null }),
];
april.issues = [issue('A2', '乙县的问题'), issue('A1', '累计到位资金为空', { severity: 'error' }), issue(null, '全局问题')];
const model = { ...siteOf([march, april]), config: { ...siteOf([]).config, checks: { ...siteOf([]).config.checks, lowIntensity: 200 } } };

describe('unitPage(model, period, code)', () => {
  const v = unitPage(model, april, 'A1');

  it('lists the unit’s own ledger by stage, 在谈 first and rows without a stage last', () => {
    expect(v.stages.map((s) => [s.stage, s.rows.map((r) => r.project.name)])).toEqual([
      ['在谈', ['在谈项目']], ['签约', ['新签大项目']], ['开工', ['老厂扩建']], ['未填阶段', ['阶段未填']],
    ]);
    expect(v.noProjects).toBe(false);
  });

  it('writes each ledger row’s chain, intensity (偏低 below the threshold) and source as the page shows them', () => {
    const [big] = v.stages[1]!.rows;
    const [old] = v.stages[2]!.rows;
    expect(big).toMatchObject({ chain: ' · 新材料/膜材料', intensity: '800', lowIntensity: false });
    expect(old).toMatchObject({ chain: '', intensity: '150（偏低）', lowIntensity: true, source: '甲县.xlsx · 台账 · 第5行' });
    expect(v.stages[0]!.rows[0]).toMatchObject({ intensity: '—', lowIntensity: false });
  });

  it('names the new 亿元以上 projects of the month against last month’s ledger', () => {
    expect(v.newLarge).toBe('新签大项目（新引进）、老厂扩建（新开工）');
  });

  it('gives the figures strip in words', () => {
    expect(v.figures.funds).toEqual({ value: '200万元', note: '同比增长25.0%' });
    expect(v.figures.completion).toEqual({ value: '20.0%', note: '目标0.1亿元', ahead: { text: '欠序时进度13.3个百分点', behind: true } });
    expect(v.figures.rank).toEqual({ value: '第2名', note: '比上月上升1位' });
    expect(v.figures.groupNote).toBe('县区整体完成25.0%');
    expect(v.figures.projects).toEqual({ value: '3个', note: '合同引资额5.2亿元；亿元以上1个；在谈1个' });
    expect(v.figures.intensity).toEqual({ value: '367', note: '2个项目填报用地300亩' });
    expect(v.source).toBe('来源：甲县.xlsx');
  });

  it('only the unit’s issues, with where they are', () => {
    expect(v.issues).toEqual([{ severity: 'error', label: '错误', where: 'returns/2026-04/甲县.xlsx · 台账 · K5', message: '累计到位资金为空' }]);
  });

  it('peers in registry order with their rank or light, and the months of the year so far (no addition after a missing month)', () => {
    expect(v.peers.map((x) => `${x.name} ${x.standing}`)).toEqual(['乙县 第1名', '丙县 未报送']);
    expect(v.members.map((x) => x.code)).toEqual(['A1', 'A2', 'A3']);
    expect(v.ranking.map((x) => x.code)).toEqual(['A2', 'A1', 'A3']);
    expect(v.months.map((m) => [m.period, m.funds, m.added, m.completion, m.rank, m.current])).toEqual([
      ['2026-03', '150', '—', '15.0%', '2', false], ['2026-04', '200', '50', '20.0%', '2', true],
    ]);
    expect(v.around).toEqual({ previous: '2026-03', next: null });
    expect(v.years).toEqual([{ year: 2026, months: [{ period: '2026-03', label: '3月', current: false }, { period: '2026-04', label: '4月', current: true }] }]);
  });

  it('prepares the charts: the group by standing with the unit marked, rank and progress by month', () => {
    expect(v.charts.group.rows.map((r) => [r.name, r.highlight])).toEqual([['乙县', false], ['甲县', true], ['丙县', false]]);
    expect(v.charts.rank?.points).toEqual([{ month: 3, rank: 2 }, { month: 4, rank: 2 }]);
    expect(v.charts.progress?.series.map((s) => s.name)).toEqual(['甲县', '县区整体', '序时进度']);
    // The inputs are what src/lib/charts takes: the page draws them as they come.
    expect(completionChart(v.charts.group.rows, v.charts.group.options)).toContain('<svg');
    expect(rankChart(v.charts.rank!.points, v.charts.rank!.options)).toContain('<svg');
    expect(lineChart(v.charts.progress!.series, v.charts.progress!.options)).toContain('<svg');
  });

  it('says why a unit has no figures: its file could not be read', () => {
    const c = unitPage(model, april, 'A3');
    expect(c.source).toBe('本期报送的文件无法读取：丙县.xlsx');
    expect(c.figures.funds).toEqual({ value: '文件无法读取', note: '报送的文件无法读取' });
    expect(c.figures.projects).toEqual({ value: '文件无法读取', note: null });
    expect(c.compare.unit).toMatchObject({ completion: '文件无法读取', funds: '—' });
    expect(c.charts.rank).toBeNull();
    expect(c.charts.progress).toBeNull();
    expect(c.noProjects).toBe(true);
    expect(c.stages).toEqual([]);
  });

  it('throws for a unit the period does not have', () => {
    expect(() => unitPage(model, april, 'Z9')).toThrow('unknown unit Z9 in 2026-04');
  });
});

describe('unitPage in a large group', () => {
  // 40 县区 ranked by completion: 县01 first … 县40 last.
  const units = ranked(Array.from({ length: 40 }, (_, i) => unit(`C${String(i + 1).padStart(2, '0')}`, `县${String(i + 1).padStart(2, '0')}`, '县区', 1 - i / 50)));
  const big = period({ period: '2026-04', units, groups: [group('县区', { units: 40, submittedUnits: 40 })] });
  const site = siteOf([big]);

  it('shows the unit with five units either side in its table, chart and peer links, and says which part of the group', () => {
    const v = unitPage(site, big, 'C20');
    expect(v.window).toEqual({ from: 15, to: 25, total: 40, whole: false });
    expect(v.ranking.map((u) => u.rank)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(v.charts.group.rows.map((r) => r.code)).toEqual(v.ranking.map((u) => u.code));
    expect(v.charts.group.rows.filter((r) => r.highlight).map((r) => r.code)).toEqual(['C20']);
    expect(v.peers).toHaveLength(10);
    expect(v.members).toHaveLength(40); // 组内排名 x/40 still counts the whole group
  });

  it('keeps eleven rows at either end of the group', () => {
    expect(unitPage(site, big, 'C01').window).toMatchObject({ from: 1, to: 11 });
    expect(unitPage(site, big, 'C40').window).toMatchObject({ from: 30, to: 40 });
    expect(unitPage(site, big, 'C40').ranking.at(-1)!.code).toBe('C40');
  });

  it('shows a group of up to 15 units whole', () => {
    const small = period({ period: '2026-04', units: units.slice(0, 15), groups: [group('县区')] });
    const v = unitPage(siteOf([small]), small, 'C15');
    expect(v.window).toEqual({ from: 1, to: 15, total: 15, whole: true });
    expect(v.ranking).toHaveLength(15);
    expect(v.peers).toHaveLength(14);
  });
});

describe('a unit whose ledger is paged', () => {
  it('shows the first rows of each stage and counts the rest, which its ledger pages hold', () => {
    const p = month('2026-04', 4);
    p.projects = Array.from({ length: 450 }, (_, i) => project({ unit: 'A1', name: `项目${i}`, stage: i % 3 === 0 ? '开工' : '签约' }));
    const v = unitPage(siteOf([p]), p, 'A1');
    expect(v.stages.map((s) => [s.stage, s.rows.length, s.more])).toEqual([['签约', STAGE_ROWS_WHEN_PAGED, 300 - STAGE_ROWS_WHEN_PAGED], ['开工', STAGE_ROWS_WHEN_PAGED, 150 - STAGE_ROWS_WHEN_PAGED]]);
    expect(v.stages[0]!.rows.map((r) => r.project.name).slice(0, 2)).toEqual(['项目1', '项目2']);
    expect(v.ledger).toBe('2026-04/projects/1/#u-A1');
    expect(unitPage(model, april, 'A1').stages.every((s) => s.more === 0)).toBe(true);
    expect(unitPage(model, april, 'A1').ledger).toBe('2026-04/projects/1/#u-A1');
  });
});
