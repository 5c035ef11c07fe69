import { describe, expect, it } from 'vitest';
import { listOf, periodIndex, siteIndex } from '../../src/lib/views/period-index.ts';
import { project } from '../helpers/project.ts';
import { group, period, siteOf, unit } from './fixtures.ts';

describe('periodIndex(period)', () => {
  const p = period({
    units: [unit('A1', '甲县', '县区', 0.1), unit('B1', '一区', '开发区', 0.2), unit('A2', '乙县', '县区', 0.3)],
    groups: [group('县区'), group('开发区')],
    projects: [project({ unit: 'A2', name: 'x' }), project({ unit: 'A1', name: 'y' }), project({ unit: 'A2', name: 'z' })],
  });

  it('gives each group’s units and each unit’s rows in the period’s order', () => {
    const index = periodIndex(p);
    expect(index.unitsByGroup.get('县区')!.map((u) => u.name)).toEqual(['甲县', '乙县']);
    expect(listOf(index.projectsByUnit, 'A2').map((x) => x.name)).toEqual(['x', 'z']);
    expect(listOf(index.projectsByUnit, 'B1')).toEqual([]);
    expect(index.unitByCode.get('B1')?.name).toBe('一区');
    expect(index.groupByName.get('开发区')?.name).toBe('开发区');
  });

  it('is built once per period object', () => {
    expect(periodIndex(p)).toBe(periodIndex(p));
    expect(periodIndex({ ...p })).not.toBe(periodIndex(p));
  });

  it('keeps the first unit of a repeated code, as a lookup by find did', () => {
    const twice = period({ units: [unit('A1', '甲县', '县区', 0.1), unit('A1', '甲县（重复）', '县区', 0.2)] });
    expect(periodIndex(twice).unitByCode.get('A1')!.name).toBe('甲县');
  });
});

describe('siteIndex(model)', () => {
  it('names units by code and finds periods by name', () => {
    const model = { ...siteOf([period({ period: '2026-03' }), period({ period: '2026-04' })]), units: [{ code: 'A1', name: '甲县', group: '县区', aliases: [], order: 0 }] };
    const index = siteIndex(model);
    expect(index.unitName.get('A1')).toBe('甲县');
    expect(index.periodByName.get('2026-04')?.month).toBe(4);
    expect(index.periodNames).toEqual(['2026-03', '2026-04']);
    expect(siteIndex(model)).toBe(index);
  });
});
