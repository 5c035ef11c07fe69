import { describe, expect, it } from 'vitest';
import { describePeriod, describeUnit } from '../../src/lib/views/describe.ts';
import { indicators, period, unit } from './fixtures.ts';

describe('page descriptions', () => {
  it('describePeriod(p, city) names the key figures', () => {
    const p = period({ period: '2026-04', totals: { ...indicators({ fundsInPlace: 47000, fundsCompletion: 0.291, aheadPoints: -4.2333, fundsYoY: 0.741, projects: 231, largeProjects: 21 }), units: 5, submittedUnits: 5, startedProjects: 0 } });
    expect(describePeriod(p, '全市')).toBe('2026年1-4月全市到位资金4.7亿元，完成年度目标29.1%，欠序时进度4.2个百分点，同比增长74.1%；引进项目231个，其中亿元以上21个。');
  });
  it('describeUnit(u, period, groupSize) gives rank, its change and the light', () => {
    const u = unit('A1', '甲县', '县区', 0.2, { rank: 3, rankChange: 1, fundsInPlace: 20000, projects: 4 });
    expect(describeUnit(u, '2026-04', 6)).toBe('甲县2026年1-4月到位资金2.0亿元，完成年度目标20.0%，欠序时进度13.3个百分点，县区6个单位中第3名（比上月上升1位），黄灯；项目4个。');
    expect(describeUnit({ ...u, submitted: false }, '2026-04', 6)).toBe('甲县2026年1-4月未报送台账。');
  });
});
