import type { InferGetStaticPropsType } from 'astro';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { chainPaths, periodPaths, unitPaths } from '../../src/lib/views/routes.ts';
import { period, siteOf, unit } from './fixtures.ts';

const model = siteOf([period({ period: '2026-04', units: [unit('A1', '甲县', '县区', 0.1), unit('市直/商务', '商务局', '市直部门', 0.1)] })]);

describe('getStaticPaths helpers', () => {
  it('unitPaths(model, keyOf) puts slugs in the URL and the unit code itself in the props', () => {
    expect(unitPaths(model, (p) => `key-${p}`)).toEqual([
      { params: { period: '2026-04', code: 'A1' }, props: { period: '2026-04', code: 'A1' }, cacheKey: 'key-2026-04' },
      { params: { period: '2026-04', code: 'xe5b882e79bb42fe59586e58aa1' }, props: { period: '2026-04', code: '市直/商务' }, cacheKey: 'key-2026-04' },
    ]);
  });

  it('periodPaths(model) passes the period as a prop, with no cache key without a key function', () => {
    expect(periodPaths(model)).toEqual([{ params: { period: '2026-04' }, props: { period: '2026-04' } }]);
  });

  it('types the props a route page reads (InferGetStaticPropsType), so pages need no casts', () => {
    const unitRoute = () => unitPaths(model);
    const chainRoute = () => chainPaths(model);
    const periodRoute = () => periodPaths(model);
    expectTypeOf<InferGetStaticPropsType<typeof unitRoute>>().toEqualTypeOf<{ period: string; code: string }>();
    expectTypeOf<InferGetStaticPropsType<typeof chainRoute>>().toEqualTypeOf<{ period: string; slug: string }>();
    expectTypeOf<InferGetStaticPropsType<typeof periodRoute>>().toEqualTypeOf<{ period: string }>();
  });
});
