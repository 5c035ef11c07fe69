/**
 * The project ledger pages (src/lib/views/ledger.ts, ledger-paging.ts): a group's units a few to a
 * page, a long unit over several, no page over its budget, every row on exactly one page, and the
 * index of units by group with their figures and links.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/lib/model/types.ts';
import { ledgerIndex, ledgerPage, ledgerRowLink, unitLedgerLink } from '../../src/lib/views/ledger.ts';
import { cutPages, htmlBytes, LEDGER_PAGE, ledgerPaging, rowWeight } from '../../src/lib/views/ledger-paging.ts';
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

describe('ledgerPage(model, period, n)', () => {
  const first = ledgerPage(model, p, 1)!;

  it('puts each group on pages of its own, each unit in a section, rows in ledger order with chain, source and an anchor', () => {
    expect([first.n, first.count, first.group, first.previous, first.next]).toEqual([1, 2, '县区', null, '2026-04/projects/2/']);
    expect(first.sections.map((s) => [s.name, s.id, s.total, s.first, s.last, s.unitPath])).toEqual([['甲县', 'u-A1', 2, 1, 2, '2026-04/units/A1/']]);
    expect(first.sections[0]!.rows.map((r) => [r.project.name, r.chain, r.id])).toEqual([['ＡＢＣ新材料', '新材料', 'r-A1-1'], ['无链项目', '—', 'r-A1-2']]);
    const second = ledgerPage(model, p, 2)!;
    expect([second.group, second.previous, second.next, second.sections.map((s) => s.code)]).toEqual(['开发区', '2026-04/projects/1/', null, ['B1']]);
    expect(second.sections[0]!.rows[0]!.source).toBe('一区.xlsx 台账 第4行');
    expect(ledgerPage(model, p, 3)).toBeNull();
  });

  it('gives each row the normalised text the search matches, unit name included', () => {
    expect(first.sections[0]!.rows[0]!.search).toBe('abc新材料 某公司 甲县 新材料 签约');
  });

  it('shows contact columns only in an internal build', () => {
    expect(first.internal).toBe(false);
    expect(ledgerPage({ ...model, audience: 'internal' }, p, 1)!.internal).toBe(true);
  });
});

describe('ledgerIndex(model, period)', () => {
  const v = ledgerIndex(model, p);

  it('lists each group’s units with their rows, figures and section, the group totals and the city’s', () => {
    expect(v.groups.map((g) => [g.name, g.rows, g.units.map((u) => [u.name, u.rows, u.link, u.pages.map((x) => x.n), u.figures?.projects ?? u.missing])])).toEqual([
      ['县区', 2, [['甲县', 2, '2026-04/projects/1/#u-A1', [1], 2]]],
      ['开发区', 1, [['一区', 1, '2026-04/projects/2/#u-B1', [2], 3], ['二区', 0, null, [], '未报送']]],
    ]);
    expect(v.groups[0]!.total).toEqual({ projects: 2, reserveProjects: 0, contractAmount: 300, fundsInPlace: 120 });
    expect([v.rows, v.pages, v.total.projects, v.total.contractAmount]).toEqual([3, 2, 3, 400]);
    expect(v.searchIndex).toEqual(['2026-04/projects/search-1.js']);
    expect([unitLedgerLink(p, 'B1'), unitLedgerLink(p, 'B2')]).toEqual(['2026-04/projects/2/#u-B1', null]);
  });
});

describe('ledgerRowLink(period, row)', () => {
  it('gives the page and anchor of one of the period’s rows, by identity, and null for any other object', () => {
    expect(p.projects.map((x) => ledgerRowLink(p, x))).toEqual(['2026-04/projects/2/#r-B1-1', '2026-04/projects/1/#r-A1-1', '2026-04/projects/1/#r-A1-2']);
    expect(ledgerRowLink(p, { ...p.projects[0]! })).toBeNull();
  });

  it('tells apart two rows alike in every field', () => {
    const twin = project({ unit: 'A1', name: '同名项目' });
    const q = period({ units: p.units, groups: p.groups, projects: [twin, { ...twin }] });
    expect(q.projects.map((x) => ledgerRowLink(q, x))).toEqual(['2026-04/projects/1/#r-A1-1', '2026-04/projects/1/#r-A1-2']);
  });
});

describe('paging a province’s ledger', () => {
  // 300 units of 60 rows in two groups, one unit with the most rows a return may hold and some
  // rows with very long free text.
  const units = Array.from({ length: 300 }, (_, i) => unit(`U${String(i).padStart(3, '0')}`, `第${i}县`, i % 2 === 0 ? '县区' : '开发区', 0.5));
  const many = Array.from({ length: 20_000 }, (_, i) => project({
    unit: 'U007', name: i % 997 === 0 ? `超长名称项目${'某'.repeat(3000)}${i}` : `产业园项目${i}`, investor: i % 1999 === 0 ? '<&>'.repeat(2000) : `投资方${i % 50}`,
    chain: '新能源', link: '电池', source: { file: 'returns/2026-04/第7县.xlsx', sheet: '台账', row: i + 3 },
  }));
  const projects = units.flatMap((u) => (u.code === 'U007' ? many : Array.from({ length: 60 }, (_, k) => project({ unit: u.code, name: `${u.name}项目${k}`, investor: '某某控股集团有限公司', chain: '新能源汽车', link: '电池' }))));
  const big = period({ units, groups: [group('县区'), group('开发区')], projects });
  const paging = ledgerPaging(big);

  it('holds at most maxRows rows and maxBytes of estimated HTML a page, one group a page', () => {
    for (const page of paging.pages) {
      const rows = page.slices.flatMap((s) => s.rows);
      expect(rows.length).toBeLessThanOrEqual(LEDGER_PAGE.maxRows);
      expect(rows.reduce((n, x) => n + rowWeight(x), 0)).toBeLessThanOrEqual(LEDGER_PAGE.maxBytes);
      expect(new Set(page.slices.map((s) => units.find((u) => u.code === s.unit)!.group))).toEqual(new Set([page.group]));
    }
    expect(paging.pages.map((x) => x.n)).toEqual(paging.pages.map((_, i) => i + 1));
    // Groups in the period's order: all of 县区's pages, then 开发区's.
    expect(paging.pages.findIndex((x) => x.group === '开发区')).toBe(paging.pages.filter((x) => x.group === '县区').length);
  });

  it('keeps a unit that fits a page whole on one page, and packs several to a page', () => {
    for (const u of paging.units) if (u.code !== 'U007') expect(u.pages.length, u.code).toBe(1);
    const u007 = paging.byCode.get('U007')!;
    expect(u007.pages.length).toBeGreaterThanOrEqual(50);
    expect(u007.pages).toEqual(Array.from({ length: u007.pages.length }, (_, i) => u007.pages[0]! + i));
    // 299 units of 60 rows fill about five to a page; the long unit takes its own.
    expect(paging.pages.length - u007.pages.length).toBeLessThan(299 / 4);
  });

  it('puts every project on exactly one page, in ledger order, numbering a unit’s rows across its pages', () => {
    const seen = new Map<Project, number>();
    const byUnit = new Map<string, Project[]>();
    for (const page of paging.pages) {
      for (const s of page.slices) {
        const before = byUnit.get(s.unit) ?? [];
        expect(s.first).toBe(before.length + 1);
        byUnit.set(s.unit, [...before, ...s.rows]);
        for (const x of s.rows) seen.set(x, (seen.get(x) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(big.projects.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(byUnit.get('U007')).toEqual(many);
  });

  it('says on each page of a long unit which of its rows it holds, and links on', () => {
    const u007 = paging.byCode.get('U007')!;
    const third = ledgerPage({ ...model, periods: [big] }, big, u007.pages[2]!)!;
    const s = third.sections[0]!;
    expect([s.code, s.total, s.first > 1, s.last < s.total]).toEqual(['U007', 20_000, true, true]);
    expect(s.rows[0]!.id).toBe(`r-U007-${s.first}`);
    expect(third.next).toBe(`2026-04/projects/${third.n + 1}/`);
    // A row's link names the page and anchor the page gives that row.
    const row = s.rows[5]!;
    expect(ledgerRowLink(big, row.project)).toBe(`2026-04/projects/${third.n}/#${row.id}`);
  });

  it('is the same cut every time (a pure function of the rows)', () => {
    const again = ledgerPaging(period({ units: big.units, groups: big.groups, projects: [...big.projects] }));
    const shape = (x: typeof paging) => x.pages.map((pg) => pg.slices.map((s) => [s.unit, s.first, s.rows.length]));
    expect(shape(again)).toEqual(shape(paging));
  });
});

describe('cutPages and the size estimate', () => {
  const rows = (unitCode: string, n: number, name = 'x') => Array.from({ length: n }, () => project({ unit: unitCode, name }));

  it('starts a new page for a unit that does not fit what is left, and never leaves a page empty', () => {
    const pages = cutPages([{ code: 'A', group: 'g', rows: rows('A', 300) }, { code: 'B', group: 'g', rows: rows('B', 150) }, { code: 'C', group: 'g', rows: rows('C', 50) }, { code: 'D', group: 'h', rows: rows('D', 10) }]);
    expect(pages.map((x) => [x.group, x.slices.map((s) => `${s.unit}${s.first}+${s.rows.length}`)])).toEqual([['g', ['A1+300']], ['g', ['B1+150', 'C1+50']], ['h', ['D1+10']]]);
    expect(cutPages([])).toEqual([]);
    expect(cutPages([{ code: 'A', group: 'g', rows: [] }])).toEqual([]);
  });

  it('gives a row heavier than a page a page of its own', () => {
    const pages = cutPages([{ code: 'A', group: 'g', rows: [project({ name: 'a' }), project({ name: 'b'.repeat(400_000) }), project({ name: 'c' })] }, { code: 'B', group: 'g', rows: rows('B', 2) }]);
    expect(pages.map((x) => x.slices.map((s) => `${s.unit}${s.first}+${s.rows.length}`))).toEqual([['A1+1'], ['A2+1'], ['A3+1', 'B1+2']]);
  });

  it('counts UTF-8 bytes and escaped markup from above', () => {
    expect(htmlBytes('ab')).toBe(2);
    expect(htmlBytes('甲')).toBe(3);
    expect(htmlBytes('<&>"\'')).toBe(30);
    expect(htmlBytes(null)).toBe(0);
  });
});
