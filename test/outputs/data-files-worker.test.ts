/**
 * The data files written on the worker thread (src/io/data-files-worker.ts) while the pages render:
 * the worker gets the model without its ledgers and each ledger serialised, read back on demand.
 * The files must be the bytes writeDataFiles writes from the whole model on this thread.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskStore, lazyLedgers, memoryStore, startDataFiles } from '../../src/io/data-files-worker.ts';
import { writeDataFiles } from '../../src/io/write-outputs.ts';
import { serialiseLedgers } from '../../src/io/ledger-bytes.ts';
import type { SiteModel } from '../../src/lib/model/site-model.ts';
import { sampleModel } from '../helpers/sample-model.ts';
import { tree } from '../helpers/tree.ts';
import { periodIndex } from '../../src/lib/views/period-index.ts';

/** A full garbage collection (V8's gc, exposed for this process). */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-data-worker-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let model: SiteModel;
beforeAll(async () => { model = await sampleModel('internal'); });

describe('data files on the worker thread', () => {
  it('writes on the worker the same files, byte for byte, as writeDataFiles on the whole model', async () => {
    const onThread = join(tmp, 'thread');
    const here = await writeDataFiles(model, onThread, { cacheDir: null });
    const site = join(tmp, 'site');
    const started = startDataFiles(model, site, join(tmp, 'staging'), { cacheDir: null });
    const placed = await started.placeInto(site);
    expect(placed.onWorker).toBe(true);
    expect(placed.written).toEqual(here.written);
    const expected = tree(join(onThread, 'data'));
    const got = tree(join(site, 'data'));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(expected.size).toBeGreaterThan(model.periods.length * 5);
    for (const [name, bytes] of expected) expect(got.get(name)?.equals(bytes), name).toBe(true);
    // Handing the ledgers over moves their bytes: the model on this thread keeps its own.
    expect(model.periods.reduce((s, p) => s + p.projects.length, 0)).toBeGreaterThan(1000);
  });

  it('keys a month by its ledger digest when given: same digest reused, another digest packed afresh', async () => {
    const periods = model.periods.slice(0, 3);
    const small: SiteModel = { ...model, periods };
    const out = join(tmp, 'digests');
    const cacheDir = join(tmp, 'digests-cache');
    const { digests } = serialiseLedgers(periods);
    const first = await writeDataFiles(small, out, { cacheDir, ledgerDigests: digests });
    expect(first.reused).toBe(0);
    expect((await writeDataFiles(small, out, { cacheDir, ledgerDigests: digests })).reused).toBe(3);
    // A different ledger (its digest) in the last month: only that month is made again.
    const changed = [...digests.slice(0, 2), 'another ledger'];
    expect((await writeDataFiles(small, out, { cacheDir, ledgerDigests: changed })).reused).toBe(2);
  });

  it('gives every period its ledger back on demand, keeping at most two as objects at once', () => {
    const periods = model.periods.slice(0, 4);
    const light: SiteModel = { ...model, periods: periods.map((p) => ({ ...p, projects: null as never })) };
    const lazy = lazyLedgers(light, memoryStore(serialiseLedgers(periods).bytes)).model;
    // Same content and the same key order as the original periods: JSON.stringify keys the month cache.
    lazy.periods.forEach((p, i) => expect(JSON.stringify(p)).toBe(JSON.stringify(periods[i])));
    const first = lazy.periods[0]!.projects;
    expect(lazy.periods[0]!.projects).toBe(first); // held: read again without deserialising
    void lazy.periods[1]!.projects;
    expect(lazy.periods[0]!.projects).toBe(first); // two held: this month's and last month's
    void lazy.periods[2]!.projects;
    void lazy.periods[3]!.projects;
    const again = lazy.periods[0]!.projects;
    expect(again).not.toBe(first); // dropped, read back from its bytes
    expect(again).toEqual(periods[0]!.projects);
  });

  it('lets the ledgers before a written month go, and says so if one is read again', () => {
    const periods = model.periods.slice(0, 4);
    const light: SiteModel = { ...model, periods: periods.map((p) => ({ ...p, projects: null as never })) };
    const lazy = lazyLedgers(light, memoryStore(serialiseLedgers(periods).bytes));
    for (const p of lazy.model.periods) void p.projects;
    lazy.written(periods[2]!.period);
    // The written month and the ones after it stay readable (the next month reads this one as last month's).
    expect(lazy.model.periods[2]!.projects).toEqual(periods[2]!.projects);
    expect(lazy.model.periods[3]!.projects).toEqual(periods[3]!.projects);
    expect(() => lazy.model.periods[1]!.projects).toThrow(/ledger of .* was read after its month was done/);
    expect(() => lazy.model.periods[0]!.projects).toThrow(/was read after its month was done/);
  });

  it('keeps the ledgers waiting on disk, not in memory, and removes each file once its month is done', () => {
    const periods = model.periods.slice(0, 3);
    const light: SiteModel = { ...model, periods: periods.map((p) => ({ ...p, projects: null as never })) };
    const bytes = serialiseLedgers(periods).bytes;
    const dir = join(tmp, 'ledgers');
    const store = diskStore(bytes, dir);
    expect(bytes).toHaveLength(0); // handed over: the worker keeps no copy
    expect(readdirSync(dir).sort()).toEqual(['0.bin', '1.bin', '2.bin']);
    const lazy = lazyLedgers(light, store);
    lazy.model.periods.forEach((p, i) => expect(p.projects).toEqual(periods[i]!.projects));
    lazy.written(periods[2]!.period);
    expect(readdirSync(dir)).toEqual(['2.bin']);
    expect(() => lazy.model.periods[0]!.projects).toThrow(/was read after its month was done/);
  });

  it('frees a dropped ledger although the month views indexed it (the bulletin period index)', async () => {
    const periods = model.periods.slice(0, 4);
    const light: SiteModel = { ...model, periods: periods.map((p) => ({ ...p, projects: null as never })) };
    const lazy = lazyLedgers(light, memoryStore(serialiseLedgers(periods).bytes));
    // What the worker does for each month's Word document: the bulletin view indexes the ledger by unit.
    const firstRow = (() => {
      const p0 = lazy.model.periods[0]!;
      const byUnit = periodIndex(p0).projectsByUnit;
      return new WeakRef([...byUnit.values()][0]![0]!);
    })();
    for (const p of lazy.model.periods.slice(1)) void periodIndex(p).projectsByUnit;
    lazy.written(periods[2]!.period);
    // A WeakRef's target is kept alive until the task that made it ends: collect in later tasks.
    for (let k = 0; k < 2; k++) { await new Promise((r) => setTimeout(r, 10)); fullGc(); }
    expect(firstRow.deref(), 'a row of the dropped ledger is still reachable').toBeUndefined();
    expect(periodIndex(lazy.model.periods[3]!).projectsByUnit.size).toBeGreaterThan(0);
  });
});

describe('ledger bytes', () => {
  it('hash equal ledgers alike and a changed figure differently; the page keys follow', async () => {
    const { pageKeys } = await import('../../src/io/site-data.ts');
    const again = await sampleModel('internal');
    expect(serialiseLedgers(again.periods).digests).toEqual(serialiseLedgers(model.periods).digests);
    expect([...pageKeys(again)]).toEqual([...pageKeys(model)]);
    // One amount of the latest month corrected: that month's key changes, the months before keep theirs.
    const latest = again.periods.at(-1)!;
    const row = latest.projects.find((x) => x.fundsInPlace !== null)!;
    row.fundsInPlace = row.fundsInPlace! + 1;
    const before = pageKeys(model);
    const after = pageKeys(again);
    for (const p of again.periods.slice(0, -1)) expect(after.get(p.period), p.period).toBe(before.get(p.period));
    expect(after.get(latest.period)).not.toBe(before.get(latest.period));
  });
});
