import { describe, expect, it } from 'vitest';
import { draftBulletin } from '../../src/lib/views/draft.ts';
import { DEFAULT_CONFIG } from '../../src/lib/model/config.ts';
import type { Issue, IssueKind } from '../../src/lib/model/types.ts';
import { project } from '../helpers/project.ts';
import { group, indicators, period, unit } from '../views/fixtures.ts';

const issue = (kind: IssueKind, severity: Issue['severity'] = 'warning'): Issue => ({ severity, kind, message: kind, file: null, sheet: null, cell: null, row: null, unit: null, project: null });

// 2026-04: 序时进度 33.3%.
const units = [
  unit('A1', '甲县', '县区', 0.2910, { fundsInPlace: 47000, fundsTarget: 161512, projects: 5 }),
  unit('A2', '乙县', '县区', 0.02, { fundsInPlace: 300, fundsTarget: 15000, projects: 2 }),
  unit('A3', '丙县', '县区', 0.2, { fundsInPlace: 2000, fundsTarget: 10000, projects: 0 }),
  unit('B1', '一区', '开发区', 0.5, { fundsInPlace: 5000, fundsTarget: 10000, projects: 1 }),
  unit('B2', '二区', '开发区', null, { submitted: false, fundsTarget: 10000, lightLabel: '未报送' }),
  unit('C1', '商务局', '市直部门', null, { fundsTarget: null, projects: 1 }),
];
const p = period({
  period: '2026-04',
  totals: { ...indicators({ projects: 9, contractAmount: 120000, fundsInPlace: 54300, fundsTarget: 216512, fundsCompletion: 54300 / 216512, fundsYoY: 0.741, aheadPoints: (54300 / 216512 - 1 / 3) * 100 }), units: 6, submittedUnits: 5, startedProjects: 2 },
  groups: [
    group('县区', { fundsInPlace: 49300, fundsCompletion: 49300 / 186512, fundsTarget: 186512 }),
    group('开发区', { fundsInPlace: 5000, fundsCompletion: 0.25, fundsTarget: 20000 }),
    group('市直部门', {}),
  ],
  units,
  projects: [
    project({ unit: 'A1', name: '甲厂', stage: '开工', totalInvestment: 30000, landArea: 300 }),
    project({ unit: 'A1', name: '甲园', stage: '签约', totalInvestment: 5000, landArea: 100 }),
    project({ unit: 'A2', name: '乙库', stage: '签约', totalInvestment: 2000, landArea: 40 }),
    project({ unit: 'B1', name: '一楼', stage: '投产' }),
    project({ unit: 'C1', name: '商城', stage: '签约' }),
  ],
  notSubmitted: ['B2'],
  issues: [issue('funds-above-contract'), issue('funds-above-contract'), issue('date-after-period'), issue('not-submitted'), issue('bad-date', 'error')],
});
const draft = draftBulletin(p, DEFAULT_CONFIG);
const section = (heading: string) => draft.sections.find((s) => s.heading.includes(heading))!.paragraphs.join('\n');

describe('draftBulletin(period, config)', () => {
  it('titles the bulletin in the official form and has the three sections', () => {
    expect(draft.title).toBe('关于2026年1-4月全市招商引资工作情况的通报');
    expect(draft.sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、分组情况', '三、存在问题']);
  });

  it('keeps the conventional sentences of the city, groups and units', () => {
    expect(section('总体情况')).toContain('到位资金5.4亿元，同比增长74.1%，完成全市年度指标任务的25.1%，欠序时进度8.3个百分点。');
    const groups = section('分组情况');
    expect(groups).toContain('县区共到位资金4.9亿元，完成年度指标任务的26.4%，其中：甲县到位资金4.7亿元，完成年度指标任务的29.1%；乙县到位资金300万元，完成年度指标任务的2.0%；');
    expect(groups).toContain('二区未报送');
  });

  it('counts the units behind schedule and names the red lights, worst first, then the yellow ones', () => {
    // 甲县 is 4.2 points behind: counted, but green, so not named.
    expect(section('存在问题')).toContain('3个单位未达到序时进度（33.3%），其中乙县（2.0%）严重滞后，亮红灯；丙县（20.0%）落后序时进度10个百分点以上，亮黄灯。');
  });

  it('names 零签约 and 零开工 units', () => {
    const text = section('存在问题');
    expect(text).toContain('丙县本年度尚无签约项目（零签约）。');
    expect(text).toContain('乙县、商务局已有签约项目，但尚无开工项目（零开工）。');
  });

  it('names projects of low investment intensity where the land area is given', () => {
    expect(section('存在问题')).toContain('3个项目投资强度低于200万元/亩（总投资÷用地面积），用地效益偏低：甲县甲园（50.0万元/亩）、乙县乙库（50.0万元/亩）、甲县甲厂（100.0万元/亩）。');
  });

  it('adds the data caveats: units missing, units without a target, the checks by kind', () => {
    const text = section('存在问题');
    expect(text).toContain('二区未按时报送台账，本期数据按未报送处理。');
    expect(text).toContain('商务局没有年度到位资金目标，未计算完成率，不参加排名。');
    expect(text).toContain('数据核查发现错误1条、提示4条（主要是到位资金超过合同额2条、日期无法识别1条、日期晚于本期1条），详见数据质量页');
  });

  it('says so when everybody is on schedule and nothing was found', () => {
    const fine = draftBulletin(period({ units: [unit('A1', '甲县', '县区', 0.5)], groups: [group('县区')] }), DEFAULT_CONFIG);
    expect(fine.sections[2]!.paragraphs).toEqual(['各单位均达到序时进度（33.3%）。', '甲县已有签约项目，但尚无开工项目（零开工）。', '数据核查未发现问题。']);
  });
});
