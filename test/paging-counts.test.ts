/**
 * The ledger-page and search-shard counts a rebuild takes from the last build instead of cutting
 * every period's ledger again (src/io/site-data.ts `pagingCounts`, src/io/site-build.ts
 * `pagingStore`). test/cache-incremental.test.ts checks whole rebuilt sites against clean builds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_SLOT, PAGING_SLOT, pageKey, pagingCounts, type PagingStore } from '../src/io/site-data.ts';
import { pagingStore, savePagingStore } from '../src/io/site-build.ts';
import { ledgerPaging } from '../src/lib/views/ledger-paging.ts';
import { searchShards } from '../src/lib/views/search.ts';
import type { SiteModel } from '../src/lib/model/site-model.ts';
import { sampleModel } from './helpers/sample-model.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-paging-'));
const slots = globalThis as Record<symbol, unknown>;
let model: SiteModel;
beforeAll(async () => { model = await sampleModel('internal'); });
afterEach(() => { delete slots[MODEL_SLOT]; delete slots[PAGING_SLOT]; });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('paging counts', () => {
  it('counts a period afresh when nothing is stored, and records what it used', () => {
    slots[MODEL_SLOT] = model;
    const store: PagingStore = { stored: new Map(), used: new Map() };
    slots[PAGING_SLOT] = store;
    for (const p of model.periods) {
      expect(pagingCounts(p.period)).toEqual([ledgerPaging(p).pages.length, searchShards(p).length]);
      expect(store.used.get(pageKey(p.period))).toEqual([ledgerPaging(p).pages.length, searchShards(p).length]);
    }
  });

  it('takes the counts stored under a period\'s page key without cutting its ledger', () => {
    slots[MODEL_SLOT] = model;
    const p = model.periods[0]!;
    // Numbers no ledger of the sample has: they can only come from the store.
    slots[PAGING_SLOT] = { stored: new Map([[pageKey(p.period), [41, 17] as const]]), used: new Map() } satisfies PagingStore;
    expect(pagingCounts(p.period)).toEqual([41, 17]);
    expect(pagingCounts(model.periods[1]!.period)).toEqual([ledgerPaging(model.periods[1]!).pages.length, searchShards(model.periods[1]!).length]);
  });

  it('keeps the store across builds only for the same paging code, and survives a damaged file', () => {
    const dir = join(tmp, 'astro');
    const first = pagingStore(dir, false);
    expect(first.stored.size).toBe(0);
    first.used.set('k1', [3, 2]);
    savePagingStore(dir, first);
    expect([...pagingStore(dir, false).stored]).toEqual([['k1', [3, 2]]]);
    expect(pagingStore(dir, true).stored.size).toBe(0); // --no-cache counts afresh
    // Counts made by other code (an edit to the paging or the search index) are not used.
    writeFileSync(join(dir, 'paging-counts.json'), JSON.stringify({ code: 'other', counts: [['k1', [3, 2]]] }));
    expect(pagingStore(dir, false).stored.size).toBe(0);
    // Damaged: the file, or an entry in it.
    writeFileSync(join(dir, 'paging-counts.json'), '{"code":');
    expect(pagingStore(dir, false).stored.size).toBe(0);
    writeFileSync(join(dir, 'paging-counts.json'), JSON.stringify({ code: first.code, counts: [['k1', [3, -1]], ['k2', [1.5, 2]], ['k3', [4, 1]], 'x'] }));
    expect([...pagingStore(dir, false).stored]).toEqual([['k3', [4, 1]]]);
  });
});
