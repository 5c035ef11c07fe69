import { describe, expect, it } from 'vitest';
import { parseAmount, unitInText } from '../src/lib/normalise/amount.ts';
import { parseDate } from '../src/lib/normalise/date.ts';
import { parseProjectType, parseStage } from '../src/lib/model/glossary.ts';
import { cleanUnitText, unitIndex } from '../src/lib/recognise/unit-names.ts';

describe('parseAmount', () => {
  it.each([
    [1234, 1, 1234], ['12,000', 1, 12000], ['１２３４', 1, 1234], ['1.2亿', 1, 12000], ['3000万', 1, 3000],
    ['5,000元', 1, 0.5], [3, 10000, 30000], ['0.6亿元', 1, 6000], [' 88 ', 1, 88], ['¥100', 1, 100],
  ])('parseAmount(%j, %d) is %d 万元', (raw, scale, value) => {
    expect(parseAmount(raw, scale)).toEqual({ ok: true, value });
  });
  it.each([null, '', '-', '—', '/', '无'])('parseAmount(%j) is no value', (raw) => {
    expect(parseAmount(raw, 1)).toEqual({ ok: true, value: null });
  });
  it.each(['约一万', '12万左右', 'abc'])('parseAmount(%j) is an error', (raw) => {
    expect(parseAmount(raw, 1).ok).toBe(false);
  });
  it('unitInText(header) finds the amount unit', () => {
    expect(unitInText('合同引资额（亿元）')).toBe('亿元');
    expect(unitInText('累计到位资金(万元)')).toBe('万元');
    expect(unitInText('实际到位外资（万美元）')).toBe('万美元');
    expect(unitInText('项目名称')).toBeNull();
  });
});

describe('parseDate', () => {
  it.each([
    [46096, '2026-03-15'], ['2026-03-15', '2026-03-15'], ['2026/3/15', '2026-03-15'], ['2026.3.15', '2026-03-15'],
    ['2026年3月15日', '2026-03-15'], ['2026年3月', '2026-03'], ['20260315', '2026-03-15'], ['２０２６年３月１５日', '2026-03-15'],
  ])('parseDate(%j) is %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });
  it.each(['2026-02-30', '2026年13月', '明年'])('parseDate(%j) is an error', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });
});

describe('synonyms', () => {
  it('parseStage(text) maps synonyms with stray spaces', () => {
    expect(['洽谈', '储备', '已签约', '签约落地', '注册', ' 在 建 ', '新开工', '开工建设', '竣工投产', '建成投产', '已投产', '竣工'].map(parseStage))
      .toEqual(['在谈', '在谈', '签约', '签约', '签约', '开工', '开工', '开工', '投产', '投产', '投产', '投产']);
    expect(parseStage('暂停')).toBeNull();
  });
  it('parseProjectType(text) maps 新引进/新签约 and 结转/结转续建', () => {
    expect(['新引进', '新签约', '结转', '结转续建', ' 续建 '].map(parseProjectType)).toEqual(['新建', '新建', '续建', '续建', '续建']);
  });
  it('cleanUnitText(text) strips stamps and agency suffixes', () => {
    expect(cleanUnitText('高新区管委会（盖章）')).toBe('高新区');
    expect(cleanUnitText('平原县人民政府')).toBe('平原县');
  });
  it('unitIndex(units).within(fileName) prefers the longest name', () => {
    const idx = unitIndex([
      { code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 },
      { code: 'B01', name: '平原县经济开发区', group: '开发区', aliases: [], order: 2 },
    ]);
    expect(idx.within('平原县经济开发区2026年4月')!.code).toBe('B01');
    expect(idx.within('平原县2026年4月')!.code).toBe('A01');
    expect(idx.within('b01')!.code).toBe('B01');
  });
});
