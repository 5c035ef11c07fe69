/**
 * The string pool (src/io/string-pool.ts) shares short texts among the returns read; it must never
 * change a value: the returns after pooling equal the returns before, in every field and order.
 */
import { describe, expect, it } from 'vitest';
import { stringPool } from '../src/io/string-pool.ts';
import { readReturnsWithStats } from '../src/io/read-returns.ts';
import { loadDataFolder } from '../src/io/data-folder.ts';
import { SAMPLE_DATA } from './helpers/sample-model.ts';

describe('string pool', () => {
  it('leaves every value of a nested structure as it was', () => {
    const long = '备注'.repeat(40);
    const value = { a: '新建', b: ['工业', '新建', null, 3, { c: '工业', d: [long, '新建'] }], e: null, f: 0, g: true, h: { i: undefined } };
    const before = structuredClone(value);
    const pool = stringPool();
    expect(pool(value)).toBe(value);
    expect(value).toEqual(before);
    expect(JSON.stringify(value)).toBe(JSON.stringify(before));
    expect(pool('新建')).toBe('新建');
  });

  it('leaves the sample returns equal to a read without pooling', async () => {
    const folder = loadDataFolder(SAMPLE_DATA);
    const { results } = await readReturnsWithStats(folder.returns, folder.units, undefined, { cacheDir: null });
    const copy = structuredClone(results);
    const pool = stringPool();
    for (const r of copy) pool(r);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(results));
    expect(copy).toEqual(results);
  });
});
