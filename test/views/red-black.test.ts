import { describe, expect, it } from 'vitest';
import { listSize, redBlackLists, redBlackRule } from '../../src/lib/views/red-black.ts';
import { period, ranked, unit } from './fixtures.ts';

const names = (list: { name: string }[]) => list.map((u) => u.name);

describe('redBlackLists(period, groups)', () => {
  it('listSize(ranked) is a third of the group, between 1 and 3', () => {
    expect([1, 2, 3, 5, 6, 9, 12, 30].map(listSize)).toEqual([1, 1, 1, 1, 2, 3, 3, 3]);
  });

  it('puts the top of each group on the 红榜 and the bottom, behind schedule, on the 黑榜', () => {
    const units = ranked([
      unit('A1', '甲县', '县区', 0.5), unit('A2', '乙县', '县区', 0.1), unit('A3', '丙县', '县区', 0.3),
      unit('A4', '丁县', '县区', 0.05), unit('A5', '戊县', '县区', 0.4), unit('A6', '己县', '县区', 0.2),
      unit('B1', '一区', '开发区', 0.25), unit('B2', '二区', '开发区', 0.6),
    ]);
    const [counties, zones] = redBlackLists(period({ units }), ['县区', '开发区']);
    expect(names(counties!.red)).toEqual(['甲县', '戊县']);
    expect(names(counties!.black)).toEqual(['丁县', '乙县']); // worst first
    expect(counties!.black[0]).toMatchObject({ rank: 6, reason: null, light: 'yellow' });
    expect(names(zones!.red)).toEqual(['二区']);
    expect(names(zones!.black)).toEqual(['一区']);
  });

  it('never blacklists a unit that is on schedule, however low its rank', () => {
    const units = ranked([unit('A1', '甲县', '县区', 0.9), unit('A2', '乙县', '县区', 0.5), unit('A3', '丙县', '县区', 0.4)]);
    const [g] = redBlackLists(period({ units }), ['县区']);
    expect(names(g!.red)).toEqual(['甲县']);
    expect(g!.black).toEqual([]);
  });

  it('lets a unit tied with the last place on a list share it, and keeps the lists apart', () => {
    const units = ranked([unit('A1', '甲县', '县区', 0.2), unit('A2', '乙县', '县区', 0.2), unit('A3', '丙县', '县区', 0.1)]);
    const [g] = redBlackLists(period({ units }), ['县区']);
    expect(names(g!.red)).toEqual(['甲县', '乙县']);
    expect(names(g!.black)).toEqual(['丙县']);
    const tiedAll = ranked([unit('A1', '甲县', '县区', 0.1), unit('A2', '乙县', '县区', 0.1)]);
    const [h] = redBlackLists(period({ units: tiedAll }), ['县区']);
    expect(names(h!.red)).toEqual(['甲县', '乙县']);
    expect(h!.black).toEqual([]);
  });

  it('names units that did not report on the 黑榜 as 未报送, even when nobody is ranked', () => {
    const units = ranked([unit('A1', '甲县', '县区', 0.5), unit('A2', '乙县', '县区', 0.1), unit('A3', '丙县', '县区', null, { submitted: false, lightLabel: '未报送' })]);
    const [g] = redBlackLists(period({ units }), ['县区']);
    expect(g!.black.map((u) => [u.name, u.reason])).toEqual([['乙县', null], ['丙县', '未报送']]);
    const none = redBlackLists(period({ units: [unit('A3', '丙县', '县区', null, { submitted: false })] }), ['县区']);
    expect(none[0]).toMatchObject({ red: [], black: [{ name: '丙县', reason: '未报送' }] });
  });
});

describe('redBlackRule(lights): the 红黑榜 caption', () => {
  it('says why a unit on the 黑榜 can have a 绿灯, with the thresholds of site.json', () => {
    const rule = redBlackRule({ yellowBehind: 8, redBehind: 25 });
    expect(rule).toContain('黑榜为排名靠后且未达到序时进度的单位');
    expect(rule).toContain('落后不到8个百分点为绿灯，8至25个百分点为黄灯，25个百分点以上为红灯');
    expect(rule).toContain('黑榜单位也可能亮绿灯');
  });

  it('is a real case: a unit 5 points behind is on the 黑榜 with a 绿灯', () => {
    const units = ranked([unit('A1', '甲县', '县区', 0.9), unit('A2', '乙县', '县区', 0.8), unit('A3', '丙县', '县区', 0.28)]); // 5 points behind 4/12
    const [g] = redBlackLists(period({ units }), ['县区']);
    const black = g!.black[0];
    expect(black?.name).toBe('丙县');
    expect(black?.light).toBe('green');
  });
});
