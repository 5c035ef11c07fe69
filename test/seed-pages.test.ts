/**
 * The stored pages of the last build are copied into the new build's stage on a worker thread
 * (src/io/site-build.ts seedOnWorker), while the main thread reads the returns and builds the model.
 * The site it leads to is checked against clean builds in test/cache-incremental.test.ts; here: the
 * copy is whole and runs off this thread, and a missing store seeds nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedOnWorker } from '../src/io/site-build.ts';

let root: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'tongbao-seed-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

function store(files: Record<string, string>): string {
  const cache = join(root, 'astro');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cache, 'dist', rel)), { recursive: true });
    writeFileSync(join(cache, 'dist', rel), text);
  }
  return cache;
}

describe('seeding the stored pages', () => {
  it('copies every stored page into the stage and names each with its modification time', async () => {
    const pages = { 'index.html': '<p>首页</p>', '2026-09/index.html': '<p>通报</p>', '2026-09/units/a01/index.html': '<p>单位</p>', 'data/index.json': '{}' };
    const cache = store(pages);
    const stage = join(root, 'work', 'out');
    const seeded = await seedOnWorker(cache, stage);
    expect([...seeded.keys()].sort()).toEqual(Object.keys(pages).sort());
    for (const [rel, text] of Object.entries(pages)) expect(readFileSync(join(stage, rel), 'utf8')).toBe(text);
    for (const mtime of seeded.values()) expect(mtime).toBeGreaterThan(0);
  });

  it('runs while this thread is busy (on a worker, not here)', async () => {
    const cache = store({ 'index.html': '<p>首页</p>' });
    const stage = join(root, 'work', 'out');
    const seeding = seedOnWorker(cache, stage);
    // Not copied before the call returns (a copy made here, synchronously, would be)...
    expect(existsSync(join(stage, 'index.html'))).toBe(false);
    // ...and this thread does not return to its event loop until the page is there or 10 s have passed:
    // only a copy made by another thread can finish meanwhile.
    const until = Date.now() + 10_000;
    while (!existsSync(join(stage, 'index.html')) && Date.now() < until) { /* busy */ }
    expect(existsSync(join(stage, 'index.html'))).toBe(true);
    expect([...(await seeding).keys()]).toEqual(['index.html']);
  });

  it('a damaged store seeds nothing (Astro restores the pages itself), and an unusable stage is an error to report', async () => {
    // A page in the store that is a dangling link: the copy cannot be listed whole.
    const cache = store({ 'index.html': '<p>首页</p>' });
    symlinkSync(join(root, 'nowhere'), join(cache, 'dist', 'gone.html'));
    const stage = join(root, 'work', 'out');
    const seeded = await seedOnWorker(cache, stage);
    expect(seeded.size).toBe(0);
    expect(readdirSync(stage)).toEqual([]);
    // A stage under a file cannot be made at all: the promise rejects with the error (renderSite
    // reports it as 生成失败), on the worker and again here, rather than crashing the process.
    writeFileSync(join(root, 'file'), '');
    await expect(seedOnWorker(store({ 'a.html': 'a' }), join(root, 'file', 'out'))).rejects.toThrow(/ENOTDIR|EEXIST/);
  });

  it('seeds nothing when there is no store (a first build)', async () => {
    const seeded = await seedOnWorker(join(root, 'none'), join(root, 'work', 'out'));
    expect(seeded.size).toBe(0);
  });
});
