/**
 * 考核 (issue 14): a small data folder written here, scored by hand in the comments, and the build's
 * scores compared with those figures. Each method, a cap, both bonuses, both deductions, a unit that
 * did not report, a tie and a rank change have a case; the scheme's errors name their row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssessmentScheme } from '../src/lib/recognise/assessment-scheme.ts';
import { assessmentTitle, isNewThisYear } from '../src/lib/compute/assessment.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import * as XLSX from 'xlsx';
import { csv, put, UNITS, workbook, type Aoa } from './helpers/workbooks.ts';
import { modelOf } from './helpers/in-process.ts';
import { summary } from '../src/lib/outputs/summary.ts';
import { summarySchema } from '../src/lib/outputs/summary-schema.ts';
import { rankingTable, rankingTitle } from '../src/lib/outputs/ranking-table.ts';
import { toXlsx } from '../src/lib/outputs/xlsx.ts';
import { assessmentPage, unitBreakdown } from '../src/lib/views/assessment.ts';
import { bulletinView } from '../src/lib/views/bulletin.ts';

const HEAD = ['项目编码', '项目名称', '投资方', '产业类别', '项目类型', '项目阶段', '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '实际到位外资（万美元）', '签约日期'];
type Row = (string | number | null)[];
/** code, name, type, stage, total, contract, funds, foreign capital (万美元), sign date. */
const row = (code: string, name: string, type: string, stage: string, total: number, contract: number | string, funds: number, fx = 0, sign = '2026-01-15'): Row =>
  [code, name, `${name}公司`, '工业', type, stage, total, contract, funds, fx, sign];
const ledger = (rows: Row[]) => workbook([{ name: '台账', rows: [HEAD, ...rows] as Aoa }]);

const TARGETS = csv([
  ['单位', '到位资金（万元）', '签约项目数', '实际到位外资（万美元）'],
  ['平原县', 10000, 4, 100],
  ['东山县', 10000, 4, 100],
  ['西河区', 10000, 4, 100],
  ['经开区', 20000, 2, 50],
  ['高新区', 20000, 2, 50],
  ['市商务局', 5000, 1, 10],
]);

/** The scheme of the issue, with smaller caps so that the caps bite in the fixture. */
const SCHEME = [
  '类别,指标,分值,计分方法,封顶',
  '指标,到位资金,40,完成率,120%',
  '指标,签约项目,20,功效系数,',
  '指标,实际到位外资,10,时序完成率,100%',
  '加分,亿元以上项目,1,每个,2',
  '加分,十亿元以上项目,2,每个,',
  '扣分,未报送,2,每次,',
  '扣分,数据错误,0.5,每条,1',
].join('\r\n') + '\r\n';

function writeFolder(dir: string, site: object = { city: '示例市' }, scheme: string | Uint8Array | null = SCHEME): void {
  put(dir, 'site.json', JSON.stringify(site));
  put(dir, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(dir, 'targets/2026.csv', TARGETS);
  if (scheme !== null) put(dir, typeof scheme === 'string' ? 'assessment.csv' : 'assessment.xlsx', scheme);
  // February: every unit reports.
  const feb = 'returns/2026-02';
  put(dir, `${feb}/平原县.xlsx`, ledger([row('P1', '整车项目', '新建', '签约', 150000, 150000, 1000)]));
  put(dir, `${feb}/东山县.xlsx`, ledger([row('D4', '食品项目', '新建', '签约', 12000, 12000, 1000)]));
  put(dir, `${feb}/西河区.xlsx`, ledger([row('X1', '民宿项目', '新建', '签约', 200, 200, 9000)]));
  // March: 西河区 sends nothing.
  const mar = 'returns/2026-03';
  put(dir, `${mar}/平原县.xlsx`, ledger([
    row('P1', '整车项目', '新建', '签约', 150000, 150000, 6000, 20),
    row('P2', '电池项目', '新建', '开工', 20000, 20000, 3000, 10),
    row('P3', '老厂改造项目', '续建', '投产', 30000, 30000, 0),
  ]));
  put(dir, `${mar}/东山县.xlsx`, ledger([
    row('D4', '食品项目', '新建', '签约', 12000, 12000, 12000),
    row('D5', '包装项目', '新建', '签约', 500, '五百', 0),
    row('D6', '冷链项目', '新建', '签约', 800, '八百', 0),
    row('D7', '物流项目', '新建', '签约', 100, 100, 0),
  ]));
  for (const m of [feb, mar]) {
    put(dir, `${m}/经开区.xlsx`, ledger([row('K1', '零部件项目', '续建', '签约', 10000, 10000, 10000, 10)]));
    put(dir, `${m}/高新区.xlsx`, ledger([row('G1', '软件项目', '续建', '签约', 10000, 10000, 10000, 10)]));
    put(dir, `${m}/市商务局.xlsx`, ledger([row('S1', '商贸项目', '', '签约', 10000, 5000, 2500, 0, '2026-01-15')]));
  }
}

const dirs: string[] = [];
function folder(site?: object, scheme?: string | Uint8Array | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-assessment-'));
  dirs.push(dir);
  writeFolder(dir, site, scheme);
  return dir;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const scoreOf = (m: SiteModel, period: string, code: string) => m.periods.find((p) => p.period === period)!.assessment!.units.find((u) => u.code === code)!;
const points = (m: SiteModel, period: string, code: string) => Object.fromEntries(scoreOf(m, period, code).items.map((i) => [`${i.category}:${i.indicator}`, i.points]));

describe('scores by the scheme, worked by hand', () => {
  let model: SiteModel;
  beforeAll(async () => { model = await modelOf(folder()); });

  it('平原县, March: 完成率, 功效系数 at the bottom of its group, 时序完成率 capped, both bonuses with a cap', () => {
    // 到位资金 9000 ÷ 10000 = 90% → 40 × 0.9 = 36.
    // 签约项目 3 ÷ 4 = 75%, the group's lowest (东山县 4 ÷ 4 = 100%) → 20 × 0.6 = 12.
    // 外资 30 ÷ (100 × 3/12) = 120%, capped at 100% → 10.
    // 亿元以上 new this year: P1, P2 (P3 is 续建) → 2 × 1 = 2 (cap 2); 十亿元以上: P1 → 2.
    expect(points(model, '2026-03', 'A01')).toEqual({ '指标:到位资金': 36, '指标:签约项目数': 12, '指标:实际到位外资': 10, '加分:亿元以上项目': 2, '加分:十亿元以上项目': 2, '扣分:未报送': 0, '扣分:数据错误': 0 });
    expect(scoreOf(model, '2026-03', 'A01').score).toBe(62);
  });

  it('东山县, March: completion capped at 120%, top of the 功效系数, data errors capped', () => {
    // 到位资金 12000 ÷ 10000 = 120% → 40 × 1.2 = 48; 签约项目 4 ÷ 4, the group's best → 20;
    // 外资 0 → 0; 亿元以上 new: D4 → 1; two amounts that are not numbers → 2 × 0.5, cap 1 → −1.
    const p = model.periods.find((x) => x.period === '2026-03')!;
    expect(p.issues.filter((i) => i.unit === 'A02' && i.severity === 'error')).toHaveLength(2);
    expect(points(model, '2026-03', 'A02')).toEqual({ '指标:到位资金': 48, '指标:签约项目数': 20, '指标:实际到位外资': 0, '加分:亿元以上项目': 1, '加分:十亿元以上项目': 0, '扣分:未报送': 0, '扣分:数据错误': -1 });
    expect(scoreOf(model, '2026-03', 'A02').score).toBe(68);
  });

  it('a unit that did not report: 0 on the indicators, no bonus, its deduction, last in its group', () => {
    const x = scoreOf(model, '2026-03', 'A03');
    expect(x.submitted).toBe(false);
    expect(points(model, '2026-03', 'A03')).toEqual({ '指标:到位资金': 0, '指标:签约项目数': 0, '指标:实际到位外资': 0, '加分:亿元以上项目': 0, '加分:十亿元以上项目': 0, '扣分:未报送': -2, '扣分:数据错误': 0 });
    expect(x.score).toBe(-2);
  });

  it('ranks within the group, with the change since last month', () => {
    // February: 西河区 36 + 20 = 56; 平原县 4 + 20 + 1 + 2 = 27; 东山县 4 + 20 + 1 = 25.
    expect(['A01', 'A02', 'A03'].map((c) => scoreOf(model, '2026-02', c).score)).toEqual([27, 25, 56]);
    expect(['A01', 'A02', 'A03'].map((c) => scoreOf(model, '2026-02', c).rank)).toEqual([2, 3, 1]);
    // March: 东山县 68 first (up 2), 平原县 62 second (same), 西河区 last (down 2).
    expect(['A02', 'A01', 'A03'].map((c) => [scoreOf(model, '2026-03', c).rank, scoreOf(model, '2026-03', c).rankChange])).toEqual([[1, 2], [2, 0], [3, -2]]);
    const order = model.periods.find((x) => x.period === '2026-03')!.assessment!.units.map((u) => u.code);
    expect(order).toEqual(['A02', 'A01', 'A03', 'B01', 'B02', 'C01']);
  });

  it('equal units share the rank; a group of one gets the full 功效系数', () => {
    // 经开区 and 高新区: 10000 ÷ 20000 → 20; 1 ÷ 2 each, all equal → 20; 外资 10 ÷ 12.5 = 80% → 8; 续建: no bonus.
    for (const c of ['B01', 'B02']) {
      expect(scoreOf(model, '2026-03', c).score).toBe(48);
      expect(scoreOf(model, '2026-03', c).rank).toBe(1);
    }
    // 市商务局: 2500 ÷ 5000 → 20; alone in its group → 20; 外资 0; no type but signed this year → 亿元以上 1.
    expect(points(model, '2026-03', 'C01')).toMatchObject({ '指标:到位资金': 20, '指标:签约项目数': 20, '指标:实际到位外资': 0, '加分:亿元以上项目': 1 });
    expect(scoreOf(model, '2026-03', 'C01')).toMatchObject({ score: 41, rank: 1 });
  });

  it('titles the quarter and the other months', () => {
    expect(model.periods.map((p) => p.assessment!.title)).toEqual(['2026年1-2月考核得分', '2026年第一季度考核']);
    expect(assessmentTitle('2026-12', 2026, 12)).toEqual({ kind: '年度考核', title: '2026年度考核' });
    expect(assessmentTitle('2026-09', 2026, 9).title).toBe('2026年第三季度考核');
  });

  it('counts a project as new this year by its type, else by its sign date', () => {
    expect(isNewThisYear({ projectType: '新建', signDate: '2025-12-01' }, 2026)).toBe(true);
    expect(isNewThisYear({ projectType: '续建', signDate: '2026-02-01' }, 2026)).toBe(false);
    expect(isNewThisYear({ projectType: null, signDate: '2026-02-01' }, 2026)).toBe(true);
    expect(isNewThisYear({ projectType: null, signDate: null }, 2026)).toBe(false);
  });
});

describe('what the scores are published as', () => {
  let model: SiteModel;
  beforeAll(async () => { model = await modelOf(folder()); });
  const march = () => model.periods.find((p) => p.period === '2026-03')!;

  it('summary.json: assessment.units with code, score, rank and items, fitting the declared schema', () => {
    const s = summary(march());
    expect(summarySchema.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true);
    expect(s.assessment!.title).toBe('2026年第一季度考核');
    expect(s.assessment!.units.map((u) => [u.code, u.score, u.rank])).toEqual([['A02', 68, 1], ['A01', 62, 2], ['A03', -2, 3], ['B01', 48, 1], ['B02', 48, 1], ['C01', 41, 1]]);
    expect(s.assessment!.units[0]!.items[0]).toEqual({ category: '指标', indicator: '到位资金', method: '完成率', points: 48, basis: '完成120.0%' });
  });

  it('rankings.xlsx gains a 考核 sheet with a title row and real numbers', () => {
    const p = march();
    const wb = XLSX.read(toXlsx(rankingTable(p, model.groups, rankingTitle(p, model))), { type: 'buffer', cellStyles: true });
    expect(wb.SheetNames).toEqual(['排名', '考核']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['考核']!, { header: 1 });
    expect(rows[0]).toEqual(['示例市2026年第一季度考核得分']);
    expect(rows[1]!.slice(0, 6)).toEqual(['组别', '排名', '升降', '单位', '总分', '到位资金（40分，完成率）']);
    expect(rows[2]).toEqual(['县区', 1, '↑2', '东山县', 68, 48, 20, 0, 1, 0, 0, -1, '已报送']);
    expect(rows[4]).toEqual(['县区', 3, '↓2', '西河区', -2, 0, 0, 0, 0, 0, -2, 0, '未报送']);
    expect(wb.Sheets['考核']!['E3']).toMatchObject({ t: 'n', v: 68, w: '68.00' });
    expect(wb.Sheets['考核']!['L3']).toMatchObject({ t: 'n', v: -1, w: '-1.00' });
  });

  it('the draft names the top and bottom of each group by score, without nested brackets', () => {
    const text = march().draft.sections.find((x) => x.heading === '二、分组情况')!.paragraphs.at(-1)!;
    expect(text).toBe('2026年第一季度考核得分：县区东山县最高，68.00分；西河区最低，-2.00分，本期未报送；开发区各单位得分相同，均为48.00分；市直部门市商务局41.00分。');
    const feb = model.periods.find((p) => p.period === '2026-02')!.draft.sections[1]!.paragraphs.at(-1)!;
    // February's 外资 10 ÷ (50 × 2/12) = 120%, capped: 开发区 20 + 20 + 10 = 50.
    expect(feb).toBe('按考核办法测算，2026年1-2月考核得分：县区西河区最高，56.00分；东山县最低，25.00分；开发区各单位得分相同，均为50.00分；市直部门市商务局41.00分。');
  });

  it('the page view: groups by rank, a column per item, the method in words; the unit breakdown', () => {
    const v = assessmentPage(march(), model.groups)!;
    expect(v.groups.map((g) => [g.name, g.rows.map((r) => `${r.rank}${r.name}${r.score}`)])).toEqual([
      ['县区', ['1东山县68.00', '2平原县62.00', '3西河区−2.00']], ['开发区', ['1示例经济技术开发区48.00', '1高新技术产业开发区48.00']], ['市直部门', ['1市商务局41.00']],
    ]);
    expect(v.groups[0]!.rows[2]!.missing).toBe('未报送');
    expect(v.columns.map((c) => c.label + c.note)).toEqual(['到位资金（40分·完成率）', '签约项目数（20分·功效系数）', '实际到位外资（10分·时序完成率）', '亿元以上项目（每个+1分，最多+2）', '十亿元以上项目（每个+2分）', '未报送（每次−2分）', '数据错误（每条−0.5分，最多−1）']);
    expect(v.notes[0]).toBe('到位资金（40分）：按完成率计分，得分＝40×本年累计完成数÷年度目标，完成率最高按120%计。');
    expect(v.notes.some((n) => n.includes('组内最好的单位得20分，最差的得12分'))).toBe(true);
    const b = unitBreakdown(march(), 'A01')!;
    expect([b.score, b.rank, b.of, b.change.label]).toEqual(['62.00', 2, 3, '与上月持平']);
    expect(b.items.map((i) => `${i.label}${i.basis}${i.points}`)).toContain('实际到位外资完成序时目标的120.0%10.00');
  });
});

describe('rankBy: "assessment"', () => {
  it('ranks the bulletin by the score', async () => {
    const m = await modelOf(folder({ city: '示例市', rankBy: 'assessment' }));
    const mar = m.periods.find((p) => p.period === '2026-03')!;
    const rank = (code: string) => mar.units.find((u) => u.code === code)!;
    // By completion 东山县 (120%) is first too; 平原县 90% second. February by score: 西河区 first.
    const feb = m.periods.find((p) => p.period === '2026-02')!;
    expect(['A01', 'A02', 'A03'].map((c) => feb.units.find((u) => u.code === c)!.rank)).toEqual([2, 3, 1]);
    expect([rank('A02').rank, rank('A02').rankChange, rank('A01').rank, rank('A03').rank]).toEqual([1, 2, 2, null]);
    expect(mar.issues.some((i) => i.kind === 'assessment-rank')).toBe(false);
    // The bulletin's tables and 红黑榜 say so, with the score.
    const v = bulletinView(m, mar);
    expect(v.scores?.get('A02')).toBe('68.00');
    expect(v.rankings[0]!.units.map((u) => u.code)).toEqual(['A02', 'A01', 'A03']);
    expect(v.redBlack[0]!.red[0]!.detail).toBe('第1名，考核得分68.00分，完成120.0%，超序时进度95.0个百分点');
  });

  it('without a scheme falls back to completion and says so', async () => {
    const m = await modelOf(folder({ city: '示例市', rankBy: 'assessment' }, null));
    const feb = m.periods.find((p) => p.period === '2026-02')!;
    // By completion in February: 西河区 90%, 平原县 and 东山县 10% each (tied).
    expect(['A01', 'A02', 'A03'].map((c) => feb.units.find((u) => u.code === c)!.rank)).toEqual([2, 2, 1]);
    expect(feb.assessment).toBeNull();
    expect(feb.issues.find((i) => i.kind === 'assessment-rank')?.message).toContain('没有可用的 assessment 考核办法');
  });
});

describe('the scheme file', () => {
  const read = (text: string) => readAssessmentScheme(new TextEncoder().encode(text), 'assessment.csv');

  it('reads the example of the issue, with the targets file’s words for indicators', () => {
    const r = read(['类别,指标,分值,计分方法,封顶', '指标,到位资金（万元）,40,完成率,120%', '指标,亿元以上项目数,20,完成率,100%', '指标,签约项目,20,功效系数,', '指标,实际到位外资,10,时序完成率,1', '加分,十亿元以上项目,2,每个,6', '扣分,未报送,-2,每次,', '扣分,数据错误,0.5,每条,5'].join('\n'));
    expect(r.issues).toEqual([]);
    expect(r.value!.rows.map((x) => [x.category, x.key, x.weight, x.method, x.cap])).toEqual([
      ['指标', 'fundsInPlace', 40, '完成率', 1.2], ['指标', 'largeProjects', 20, '完成率', 1], ['指标', 'projects', 20, '功效系数', null],
      ['指标', 'foreignCapital', 10, '时序完成率', 1], ['加分', 'hugeProjects', 2, '每个', 6], ['扣分', 'notSubmitted', 2, '每次', null], ['扣分', 'dataErrors', 0.5, '每条', 5],
    ]);
  });

  it('names the row and cell of an unknown 指标, an unknown 方法, a weight that is not a number', () => {
    const r = read(['考核办法', '类别,指标,分值,计分方法,封顶', '指标,招商引资总额,40,完成率,', '指标,到位资金,四十,完成率,', '指标,签约项目,20,排名法,', '加分,亿元以上项目,2,完成率,', '奖励,亿元以上项目,2,每个,'].join('\n'));
    expect(r.value).toBeNull();
    const errors = r.issues.filter((i) => i.row !== null);
    expect(errors.map((i) => [i.row, i.cell])).toEqual([[3, 'B3'], [4, 'C4'], [5, 'D5'], [6, 'D6'], [7, 'A7']]);
    expect(errors[0]!.message).toContain('考核办法第3行：指标“招商引资总额”无法识别');
    expect(errors[1]!.message).toContain('分值“四十”不是数字');
    expect(errors[2]!.message).toContain('计分方法“排名法”无法识别');
    expect(errors[3]!.message).toContain('不适用于加分');
    expect(r.issues.every((i) => i.kind === 'assessment-scheme' && i.severity === 'error' && i.file === 'assessment.csv')).toBe(true);
    expect(r.issues.at(-1)!.message).toContain('改正前不计算考核得分');
  });

  it('a bad scheme: the site is built without scores, the error names the row', async () => {
    const bad = workbook([{ name: '考核办法', rows: [['类别', '指标', '分值', '计分方法', '封顶'], ['指标', '到位资金', 40, '完成率', '120%'], ['指标', '纳税总额', 20, '完成率', null]] }]);
    const m = await modelOf(folder({ city: '示例市' }, bad));
    expect(m.periods.every((p) => p.assessment === null)).toBe(true);
    const i = m.periods[0]!.issues.find((x) => x.kind === 'assessment-scheme' && x.row === 3)!;
    expect(i).toMatchObject({ file: 'assessment.xlsx', sheet: '考核办法', cell: 'B3', severity: 'error' });
    expect(m.periods[0]!.units.find((u) => u.code === 'A01')!.fundsInPlace).toBe(1000);
  });

  it('an indicator scored by completion needs its target column that year', async () => {
    const m = await modelOf(folder({ city: '示例市' }, SCHEME + '指标,合同引资额,10,完成率,\r\n'));
    expect(m.periods.every((p) => p.assessment === null)).toBe(true);
    const i = m.periods[0]!.issues.find((x) => x.kind === 'assessment-target')!;
    expect(i.message).toBe('考核办法第9行：指标“合同引资额”按完成率计分，但2026年的目标任务表 targets/2026.csv 中没有“合同引资额”目标列；2026年不计算考核得分（可补上目标列，或改用功效系数）');
    expect(i).toMatchObject({ file: 'assessment.csv', row: 9, severity: 'error' });
  });
});
