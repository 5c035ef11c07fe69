/**
 * Every URL of the site (src/lib/views/routes.ts): unit and chain segments that are safe and stable
 * whatever a registry calls a unit, paths that work under a sub-path (--base), and one page per
 * period, unit and chain with its incremental-build key.
 */
import { describe, expect, it } from 'vitest';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { anchors, chainPaths, href, ledgerPaths, paths, periodPaths, searchShardPaths, slug, unitPaths } from '../src/lib/views/routes.ts';
import { project } from './helpers/project.ts';
import { period, siteOf, unit } from './views/fixtures.ts';

describe('slug', () => {
  it('keeps a plain ASCII code, so URLs read like the registry', () => {
    for (const code of ['A01', 'b-02', 'c_3', 'X', 'a'.repeat(64)]) expect(slug(code)).toBe(code);
  });

  it('hex-encodes any other code: no path separators, dots, spaces, query or fragment characters survive', () => {
    expect(slug('平原县')).toBe('xe5b9b3e58e9fe58ebf');
    expect(slug('A01 ')).toBe('x41303120');
    for (const code of ['../etc', 'a/b', 'a\\b', '.', '..', 'a?b', 'a#b', 'a%2F', '单位 1', 'a'.repeat(65), '__proto__.x']) {
      expect(slug(code), code).toMatch(/^x(?:[0-9a-f]{2})+$/);
    }
  });

  it('gives distinct codes distinct segments', () => {
    const codes = ['A01', 'a01', 'A02', '平原县', '平原', '东山县', 'A01 ', ' A01', 'a'.repeat(64), 'a'.repeat(65), '../A01'];
    expect(new Set(codes.map(slug)).size).toBe(codes.length);
  });
});

describe('paths and href', () => {
  it('builds every page and file path relative to the site root', () => {
    expect(paths.home()).toBe('');
    expect(paths.bulletin('2026-04')).toBe('2026-04/');
    expect(paths.unit('2026-04', 'A01')).toBe('2026-04/units/A01/');
    expect(paths.unit('2026-04', '平原')).toBe('2026-04/units/xe5b9b3e58e9f/');
    expect(paths.projects('2026-04')).toBe('2026-04/projects/');
    expect(paths.ledger('2026-04', 3)).toBe('2026-04/projects/3/');
    expect([anchors.unit('A01'), anchors.row('A01', 12), anchors.row('平原', 1)]).toEqual(['u-A01', 'r-A01-12', 'r-xe5b9b3e58e9f-1']);
    expect(paths.searchShard('2026-04', 2)).toBe('2026-04/projects/search-2.js');
    expect(paths.quality('2026-04')).toBe('2026-04/quality/');
    expect(paths.chains('2026-04')).toBe('2026-04/chains/');
    expect(paths.chain('2026-04', 'xny')).toBe('2026-04/chains/xny/');
    expect(paths.chain('2026-04', 'a/b')).toBe('2026-04/chains/x612f62/');
    expect(paths.data('2026-04', 'summary.json')).toBe('data/2026-04/summary.json');
  });

  it('prefixes the base, with or without its trailing slash, and never doubles a slash', () => {
    expect(href('/', paths.home())).toBe('/');
    expect(href('/', paths.bulletin('2026-04'))).toBe('/2026-04/');
    expect(href('/tongbao/', paths.unit('2026-04', 'A01'))).toBe('/tongbao/2026-04/units/A01/');
    expect(href('/tongbao', paths.data('2026-04', 'projects.csv'))).toBe('/tongbao/data/2026-04/projects.csv');
    expect(href('/a/b/', '/2026-04/')).toBe('/a/b/2026-04/');
    expect(href('/a/b/', '')).toBe('/a/b/');
  });
});

describe('static paths', () => {
  const model = {
    periods: [
      { period: '2026-03', units: [{ code: 'A01' }, { code: '平原' }], chains: [{ slug: 'xny' }] },
      { period: '2026-04', units: [{ code: 'A01' }, { code: '平原' }], chains: [{ slug: 'xny' }, { slug: 'spjg' }] },
    ],
  } as unknown as SiteModel;

  it('gives one page per period, per unit of each period and per chain of each period', () => {
    expect(periodPaths(model).map((x) => x.params)).toEqual([{ period: '2026-03' }, { period: '2026-04' }]);
    expect(periodPaths(model).map((x) => x.props.period)).toEqual(['2026-03', '2026-04']);
    expect(unitPaths(model).map((x) => [x.params.period, x.params.code, x.props.code])).toEqual([
      ['2026-03', 'A01', 'A01'], ['2026-03', 'xe5b9b3e58e9f', '平原'], ['2026-04', 'A01', 'A01'], ['2026-04', 'xe5b9b3e58e9f', '平原'],
    ]);
    expect(chainPaths(model).map((p) => [p.params.period, p.params.chain, p.props.slug])).toEqual([
      ['2026-03', 'xny', 'xny'], ['2026-04', 'xny', 'xny'], ['2026-04', 'spjg', 'spjg'],
    ]);
  });

  it('agrees with paths: the page a link points to is a page that is built', () => {
    for (const u of unitPaths(model)) expect(paths.unit(u.params.period, u.props.code)).toBe(`${u.params.period}/units/${u.params.code}/`);
    for (const c of chainPaths(model)) expect(paths.chain(c.params.period, c.props.slug)).toBe(`${c.params.period}/chains/${c.params.chain}/`);
  });

  it('adds each period’s cache key to all its pages when a key function is given', () => {
    const keyOf = (period: string) => `key-${period}`;
    expect(periodPaths(model, keyOf).map((p) => p.cacheKey)).toEqual(['key-2026-03', 'key-2026-04']);
    expect(unitPaths(model, keyOf).map((p) => p.cacheKey)).toEqual(['key-2026-03', 'key-2026-03', 'key-2026-04', 'key-2026-04']);
    expect(chainPaths(model, keyOf).map((p) => p.cacheKey)).toEqual(['key-2026-03', 'key-2026-04', 'key-2026-04']);
    for (const p of [...periodPaths(model), ...unitPaths(model), ...chainPaths(model)]) expect(p).not.toHaveProperty('cacheKey');
  });
});

describe('ledger and search index paths', () => {
  const rows = (unit: string, n: number) => Array.from({ length: n }, (_, i) => project({ unit, name: `${unit}项目${i}`, source: { file: 'f.csv', sheet: 'Sheet1', row: i + 2 } }));
  const units = [unit('A01', '甲县', '县区', 0.5), unit('平原', '平原县', '县区', 0.5)];
  const model = siteOf([
    period({ period: '2026-03', units, projects: rows('A01', 3) }),
    period({ period: '2026-04', units, projects: [...rows('A01', 2), ...rows('平原', 450)] }),
  ]);

  it('gives every period its ledger pages, numbered from 1', () => {
    expect(ledgerPaths(model).map((x) => [x.params.period, x.params.page, x.props.n])).toEqual([
      ['2026-03', '1', 1], ['2026-04', '1', 1], ['2026-04', '2', 2], ['2026-04', '3', 3],
    ]);
  });

  it('agrees with paths, and keys every page and index file by its period', () => {
    for (const l of ledgerPaths(model)) expect(paths.ledger(l.props.period, l.props.n)).toBe(`${l.params.period}/projects/${l.params.page}/`);
    expect(searchShardPaths(model).map((x) => [x.params.period, x.params.shard, x.props.n])).toEqual([['2026-03', '1', 1], ['2026-04', '1', 1]]);
    for (const x of searchShardPaths(model)) expect(paths.searchShard(x.props.period, x.props.n)).toBe(`${x.params.period}/projects/search-${x.params.shard}.js`);
    const keyOf = (period: string) => `key-${period}`;
    expect(ledgerPaths(model, keyOf).map((x) => x.cacheKey)).toEqual(['key-2026-03', 'key-2026-04', 'key-2026-04', 'key-2026-04']);
    expect(searchShardPaths(model, keyOf).map((x) => x.cacheKey)).toEqual(['key-2026-03', 'key-2026-04']);
    for (const x of [...ledgerPaths(model), ...searchShardPaths(model)]) expect(x).not.toHaveProperty('cacheKey');
  });
});
