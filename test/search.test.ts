/**
 * The project list filters as the reader types, in real headless Chromium (skipped, with a
 * message, where /usr/bin/chromium is not installed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matches, normaliseQuery } from '../src/lib/views/search.ts';
import { runBuild } from './helpers/cli.ts';
import { serve } from './helpers/static-server.ts';

const CHROMIUM = '/usr/bin/chromium';

describe('matches(rowText, query)', () => {
  it('needs every term, ignores case and full-width forms', () => {
    const row = normaliseQuery('新能源电池项目 A01-2026-003 甲公司 平原县 工业 新能源汽车 电池');
    expect(matches(row, '电池 平原')).toBe(true);
    expect(matches(row, 'ａ０１')).toBe(true);
    expect(matches(row, '电池 东山')).toBe(false);
    expect(matches(row, '  ')).toBe(true);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the project list in Chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tongbao-search-'));
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const r = runBuild(['--out', join(tmp, 'out'), '--base', '/zs/', '--quiet']);
    if (r.code !== 0) throw new Error(r.stderr);
    server = await serve(join(tmp, 'out'), '/zs/');
  });
  afterAll(async () => {
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('filters rows by Chinese text as the reader types', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}2026-09/projects/`);
      const total = await page.locator('#ledger tbody tr').count();
      expect(total).toBeGreaterThan(50);
      await page.locator('#q').pressSequentially('青山县', { delay: 20 });
      const visible = page.locator('#ledger tbody tr:not([hidden])');
      const n = await visible.count();
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(total);
      for (const unit of await visible.locator('td:first-child').allInnerTexts()) expect(unit).toBe('青山县');
      await expect.poll(() => page.locator('#q-count').innerText()).toBe(`找到${n}个项目`);
      await page.locator('#q').fill('新能源汽车 电池');
      const chains = await page.locator('#ledger tbody tr:not([hidden]) td:nth-child(5)').allInnerTexts();
      expect(chains.length).toBeGreaterThan(0);
      for (const c of chains) expect(c).toContain('新能源汽车');
      await page.locator('#q').fill('');
      expect(await visible.count()).toBe(total);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
