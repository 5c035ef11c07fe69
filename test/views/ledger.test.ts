import { describe, expect, it } from 'vitest';
import { ledgerPage } from '../../src/lib/views/ledger.ts';
import { project } from '../helpers/project.ts';
import { period, siteOf } from './fixtures.ts';

const p = period({
  projects: [
    project({ unit: 'B1', name: '冷库项目', chain: '现代物流', link: '冷链', source: { file: 'returns/2026-04/一区.xlsx', sheet: '台账', row: 4 } }),
    project({ unit: 'A1', name: 'ＡＢＣ新材料', investor: '某公司', chain: '新材料', link: null }),
    project({ unit: 'A1', name: '无链项目' }),
  ],
});
const model = { ...siteOf([p]), units: [{ code: 'A1', name: '甲县', group: '县区', aliases: [], order: 0 }, { code: 'B1', name: '一区', group: '开发区', aliases: [], order: 1 }] };

describe('ledgerPage(model, period)', () => {
  const v = ledgerPage(model, p);

  it('keeps ledger order and names each row’s unit, chain and source', () => {
    expect(v.rows.map((r) => [r.project.name, r.unitName, r.chain])).toEqual([['冷库项目', '一区', '现代物流/冷链'], ['ＡＢＣ新材料', '甲县', '新材料'], ['无链项目', '甲县', '—']]);
    expect(v.rows[0]!.source).toBe('一区.xlsx 台账 第4行');
  });

  it('gives each row the normalised text the search matches, unit name included', () => {
    expect(v.rows[1]!.search).toBe('abc新材料 某公司 甲县 新材料 签约');
  });

  it('shows contact columns only in an internal build', () => {
    expect(v.internal).toBe(false);
    expect(ledgerPage({ ...model, audience: 'internal' }, p).internal).toBe(true);
  });
});
