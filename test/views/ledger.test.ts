/**
 * The project ledger pages (src/lib/views/ledger.ts, ledger-paging.ts): one page per unit, a long
 * unit paged so that no page outgrows its budget, every row on exactly one page, and the index of
 * units by group with their figures and links.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/lib/model/types.ts';
import { ledgerIndex, ledgerUnitPage } from '../../src/lib/views/ledger.ts';
import { htmlBytes, LEDGER_PAGE, ledgerPaging, rowWeight, sliceRows } from '../../src/lib/views/ledger-paging.ts';
import { paths } from '../../src/lib/views/routes.ts';
import { project } from '../helpers/project.ts';
import { group, indicators, period, siteOf, unit } from './fixtures.ts';

const p = period({
  units: [unit('A1', '甲县', '县区', 0.5, { projects: 2, reserveProjects: 0, contractAmount: 300, fundsInPlace: 120 }), unit('B1', '一区', '开发区', 0.2), unit('B2', '二区', '开发区', null, { submitted: false })],
  groups: [group('县区', { projects: 2, contractAmount: 300, fundsInPlace: 120 }), group('开发区', { projects: 1 })],
  totals: { ...indicators({ projects: 3, contractAmount: 400, fundsInPlace: 150 }), units: 3, submittedUnits: 2, startedProjects: 0 },
  projects: [
    project({ unit: 'B1', name: '冷库项目', chain: '现代物流', link: '冷链', source: { file: 'returns/2026-04/一区.xlsx', sheet: '台账', row: 4 } }),
    project({ unit: 'A1', name: 'ＡＢＣ新材料', investor: '某公司', chain: '新材料', link: null }),
    project({ unit: 'A1', name: '无链项目' }),
  ],
});
const model = {
  ...siteOf([p]),
  units: [{ code: 'A1', name: '甲县', group: '县区', aliases: [], order: 0 }, { code: 'B1', name: '一区', group: '开发区', aliases: [], order: 1 }, { code: 'B2', name: '二区', group: '开发区', aliases: [], order: 2 }],
};

describe('ledgerUnitPage(model, period, code, page)', () => {
  const a = ledgerUnitPage(model, p, 'A1')!;

  it('holds the unit’s rows in ledger order with chain, source and an anchor per row', () => {
    expect(a.rows.map((r) => [r.project.name, r.chain, r.id])).toEqual([['ＡＢＣ新材料', '新材料', 'r1'], ['无链项目', '—', 'r2']]);
    expect(ledgerUnitPage(model, p, 'B1')!.rows[0]!.source).toBe('一区.xlsx 台账 第4行');
    expect([a.name, a.group, a.total, a.page, a.pages]).toEqual(['甲县', '县区', 2, 1, [{ page: 1, path: '2026-04/projects/A1/', current: true }]]);
  });

  it('gives each row the normalised text the search matches, unit name included', () => {
    expect(a.rows[0]!.search).toBe('abc新材料 某公司 甲县 新材料 签约');
  });

  it('builds a page for a unit without rows, saying why it is empty, and none past the last page', () => {
    const b = ledgerUnitPage(model, p, 'B2')!;
    expect([b.total, b.rows, b.missing]).toEqual([0, [], '未报送']);
    expect(ledgerUnitPage(model, p, 'A1', 2)).toBeNull();
    expect(ledgerUnitPage(model, p, 'ZZ')).toBeNull();
  });

  it('shows contact columns only in an internal build', () => {
    expect(a.internal).toBe(false);
    expect(ledgerUnitPage({ ...model, audience: 'internal' }, p, 'A1')!.internal).toBe(true);
  });
});

describe('ledgerIndex(model, period)', () => {
  const v = ledgerIndex(model, p);

  it('lists each group’s units with their rows, figures and page, the group totals and the city’s', () => {
    expect(v.groups.map((g) => [g.name, g.rows, g.units.map((u) => [u.name, u.rows, u.pages, u.figures?.projects ?? u.missing])])).toEqual([
      ['县区', 2, [['甲县', 2, ['2026-04/projects/A1/'], 2]]],
      ['开发区', 1, [['一区', 1, ['2026-04/projects/B1/'], 3], ['二区', 0, ['2026-04/projects/B2/'], '未报送']]],
    ]);
    expect(v.groups[0]!.total).toEqual({ projects: 2, reserveProjects: 0, contractAmount: 300, fundsInPlace: 120 });
    expect([v.rows, v.total.projects, v.total.contractAmount]).toEqual([3, 3, 400]);
    expect(v.searchIndex).toEqual(['2026-04/projects/search-1.js']);
  });
});

describe('paging a long ledger', () => {
  // One unit with the most rows a return may hold, a few of them with very long free text.
  const many = Array.from({ length: 20_000 }, (_, i) => project({
    unit: 'A1', name: i % 997 === 0 ? `超长名称项目${'某'.repeat(3000)}${i}` : `产业园项目${i}`, investor: i % 1999 === 0 ? '<&>'.repeat(2000) : `投资方${i % 50}`,
    chain: '新能源', link: '电池', source: { file: 'returns/2026-04/甲县.xlsx', sheet: '台账', row: i + 3 },
  }));
  const big = period({ units: [unit('A1', '甲县', '县区', 0.5), unit('B1', '一区', '开发区', 0.2)], projects: [project({ unit: 'B1', name: '冷库项目' }), ...many] });
  const paging = ledgerPaging(big);

  it('cuts a unit into pages of at most maxRows rows and maxBytes of estimated HTML', () => {
    const a = paging.byCode.get('A1')!;
    expect(a.rows).toBe(20_000);
    expect(a.pages.length).toBeGreaterThanOrEqual(100);
    for (const s of a.pages) {
      expect(s.rows.length).toBeLessThanOrEqual(LEDGER_PAGE.maxRows);
      expect(s.rows.reduce((n, x) => n + rowWeight(x), 0)).toBeLessThanOrEqual(LEDGER_PAGE.maxBytes);
    }
    expect(a.pages.map((s) => s.page)).toEqual(a.pages.map((_, i) => i + 1));
    expect(paging.byCode.get('B1')!.pages.length).toBe(1);
  });

  it('puts every project on exactly one page, in ledger order, numbering rows across pages', () => {
    const seen = new Map<Project, number>();
    for (const u of paging.units) for (const s of u.pages) s.rows.forEach((x, i) => { seen.set(x, (seen.get(x) ?? 0) + 1); expect(u.pages.slice(0, s.page - 1).reduce((n, q) => n + q.rows.length, 0) + i + 1).toBe(s.first + i); });
    expect(seen.size).toBe(big.projects.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(paging.byCode.get('A1')!.pages.flatMap((s) => s.rows)).toEqual(many);
  });

  it('gives each page its own anchors and links to every page of the unit', () => {
    const third = ledgerUnitPage({ ...model, periods: [big] }, big, 'A1', 3)!;
    const a = paging.byCode.get('A1')!;
    expect(third.rows[0]!.id).toBe(`r${a.pages[2]!.first}`);
    expect(third.pages.length).toBe(a.pages.length);
    expect(third.pages.filter((l) => l.current).map((l) => l.path)).toEqual([paths.ledger('2026-04', 'A1', 3)]);
    expect(third.pages[1]!.path).toBe('2026-04/projects/A1/2/');
  });

  it('is the same cut every time (a pure function of the rows)', () => {
    const again = ledgerPaging(period({ units: big.units, projects: [...big.projects] }));
    expect(again.units.map((u) => u.pages.map((s) => [s.first, s.rows.length]))).toEqual(paging.units.map((u) => u.pages.map((s) => [s.first, s.rows.length])));
  });
});

describe('sliceRows and the size estimate', () => {
  it('gives a row heavier than a page a page of its own, and never an empty page', () => {
    const rows = [project({ name: 'a' }), project({ name: 'b'.repeat(400_000) }), project({ name: 'c' })];
    expect(sliceRows(rows).map((s) => s.rows.map((x) => x.name[0]))).toEqual([['a'], ['b'], ['c']]);
    expect(sliceRows([]).map((s) => [s.page, s.first, s.rows.length])).toEqual([[1, 1, 0]]);
  });

  it('counts UTF-8 bytes and escaped markup from above', () => {
    expect(htmlBytes('ab')).toBe(2);
    expect(htmlBytes('甲')).toBe(3);
    expect(htmlBytes('<&>"\'')).toBe(30);
    expect(htmlBytes(null)).toBe(0);
  });
});
