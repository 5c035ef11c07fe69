/**
 * The offline copy (`npm run build -- --offline`) as a leader meets it: a folder copied from a USB
 * stick, index.html double-clicked, opened in Chromium from file:// with no server. Every link is
 * relative and names its file, pages link across to each other, the project searches work (the
 * city-wide one loads its index from script files beside the page), no console
 * error, no failed request, nothing fetched from outside the folder.
 *
 * The city is made here: two months, six units in two groups with targets (so the 红黑榜 has both
 * lists), a unit code in Chinese, one bad row (so a feedback workbook is linked), no chains.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/cli.ts';
import { csv, put } from '../helpers/workbooks.ts';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-offline-'));
const data = join(tmp, 'data');
const out = join(tmp, '离线 副本'); // a space and Chinese in the folder name, as on a shared drive
const HEAD = ['项目编码', '项目名称', '投资方', '产业类别', '项目阶段', '合同引资额（万元）', '累计到位资金（万元）'];

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const abs = join(dir, f);
    return statSync(abs).isDirectory() ? walk(abs, root) : [relative(root, abs).split('\\').join('/')];
  });
}

beforeAll(() => {
  put(data, 'units.csv', csv([
    ['编码', '名称', '分组'], ['A01', '平原县', '县区'], ['A02', '东山县', '县区'], ['甲03', '西河区', '县区'],
    ['A04', '南湖县', '县区'], ['B01', '经开区', '开发区'], ['B02', '高新区', '开发区'],
  ]));
  put(data, 'targets/2026.csv', csv([['单位', '到位资金（万元）'], ['平原县', 10000], ['东山县', 10000], ['西河区', 10000], ['南湖县', 10000], ['经开区', 10000], ['高新区', 10000]]));
  const funds: Record<string, [number, number]> = { 平原县: [1000, 4000], 东山县: [800, 2600], 西河区: [500, 2200], 南湖县: [300, 900], 经开区: [900, 3500], 高新区: [200, 1800] };
  for (const [name, [march, april]] of Object.entries(funds)) {
    put(data, `returns/2026-03/${name}.csv`, csv([HEAD, [`${name}P1`, `${name}一号项目`, '甲公司', '工业', '开工', 20000, march]]));
    const rows = [HEAD, [`${name}P1`, `${name}一号项目`, '甲公司', '工业', '开工', 20000, april], [`${name}P2`, `${name}二号物流园`, '乙物流', '服务业', '签约', 5000, 0]];
    if (name === '西河区') rows.push(['甲03P3', '坏数据项目', '丙公司', '工业', '签约', '五千', 0]);
    put(data, `returns/2026-04/${name}.csv`, csv(rows));
  }
  const r = runBuild(['--data', data, '--out', out, '--offline', '--quiet', '--audience', 'internal']);
  if (r.code !== 0) throw new Error(`offline build failed: ${r.stdout}\n${r.stderr}`);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run build -- --offline', () => {
  it('refuses --offline with --base, in Chinese, with exit code 2', () => {
    const r = runBuild(['--data', data, '--out', join(tmp, 'x'), '--offline', '--base', '/tongbao/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--offline');
    expect(r.stderr).toContain('--base');
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('writes every URL of every page relative, naming a file that exists (with its #id)', () => {
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2 * 6 + 6);
    const broken: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).not.toContain('__tongbao_offline__');
      const { document } = parseHTML(text);
      const urls: string[] = [];
      for (const el of document.querySelectorAll('[href], [src], [action], [srcset]')) {
        for (const attr of ['href', 'src', 'action']) { const v = el.getAttribute(attr); if (v !== null) urls.push(v); }
        const set = el.getAttribute('srcset');
        if (set) urls.push(...set.split(',').map((c) => c.trim().split(/\s+/)[0]!));
      }
      for (const raw of urls) {
        if (raw.startsWith('#')) continue;
        if (/^[a-z]+:/i.test(raw) || raw.startsWith('/')) { broken.push(`${file}: not relative: ${raw}`); continue; }
        const url = new URL(raw, `file:///site/${file}`);
        const target = decodeURIComponent(url.pathname.slice('/site/'.length));
        checked++;
        if (target.endsWith('/') || !existsSync(join(out, target)) || statSync(join(out, target)).isDirectory()) { broken.push(`${file}: ${raw} names no file`); continue; }
        if (url.hash && target.endsWith('.html') && !readFileSync(join(out, target), 'utf8').includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)) broken.push(`${file}: ${raw} → no ${url.hash}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 8);
    // The bulletin links to the next page down as a file, e.g. units/A01/index.html.
    const bulletin = readFileSync(join(out, '2026-04', 'index.html'), 'utf8');
    expect(bulletin).toContain('href="units/A01/index.html"');
    expect(bulletin).toContain('href="../index.html"');
    expect(bulletin).toMatch(/href="\.\.\/_astro\/[^"]+\.css"/);
  });

  it('shares no link and prints no QR code when site.json has no siteUrl (a file path is no address)', () => {
    const bulletin = readFileSync(join(out, '2026-04', 'index.html'), 'utf8');
    expect(bulletin).not.toContain('id="share-url"');
    expect(bulletin).not.toContain('class="qr"');
    expect(bulletin).toContain('离线副本');
  });

  it('tells readers of the 产业链 page nothing about chains.xlsx; the quality page tells the clerk', () => {
    const chains = parseHTML(readFileSync(join(out, '2026-04', 'chains', 'index.html'), 'utf8')).document.querySelector('main')!.textContent!;
    expect(chains).toContain('本期未设置重点产业链');
    expect(chains).not.toContain('chains.xlsx');
    expect(chains).not.toContain('数据目录');
    const quality = parseHTML(readFileSync(join(out, '2026-04', 'quality', 'index.html'), 'utf8')).document.querySelector('main')!.textContent!;
    expect(quality).toContain('chains.xlsx');
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the offline copy in Chromium, from file://', () => {
  let browser: Browser;
  const root = pathToFileURL(out).href + '/';

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); });

  /** Console errors and warnings, page errors, failed requests and any request leaving the folder. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()} @ ${page.url()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      // Leaving a page aborts its late requests (the icon); a file that is not there fails otherwise.
      const file = r.url().startsWith('file:') ? fileURLToPath(r.url()) : '';
      if (r.failure()?.errorText === 'net::ERR_ABORTED' && file && existsSync(file)) return;
      problems.push(`failed: ${r.url()} (${r.failure()?.errorText ?? ''})`);
    });
    page.on('request', (r) => { if (!r.url().startsWith(root) && !r.url().startsWith('data:')) problems.push(`outside the folder: ${r.url()}`); });
    return problems;
  }

  it('opens index.html, follows links across pages, searches the ledger: no errors, nothing outside the folder', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const problems = watch(page);
    await page.goto(root + 'index.html', { waitUntil: 'load' });
    // The stylesheet loaded from a file beside the pages: the skip link is moved off screen by it.
    const css = await page.evaluate(() => ({ sheets: [...document.styleSheets].map((s) => s.href?.slice(0, 5)), skip: getComputedStyle(document.querySelector('.skip')!).position }));
    expect(css).toEqual({ sheets: ['file:'], skip: 'absolute' });

    // Home → the latest bulletin (the header's 通报) → a unit → its page in March → the ledger.
    await page.locator('.site-header nav a', { hasText: '通报' }).first().click();
    await page.waitForURL(/2026-04\/index\.html$/);
    expect(await page.locator('h1').innerText()).toContain('2026年1-4月');
    const caption = await page.locator('table.honours caption').innerText();
    expect(caption).toContain('黑榜单位也可能亮绿灯');
    await page.locator('table.ranking th[scope="row"] a', { hasText: '西河区' }).click();
    await page.waitForURL(/2026-04\/units\/xe794b23033\/index\.html$/);
    expect(await page.locator('h1').innerText()).toContain('西河区');
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/2026-03\/units\/xe794b23033\/index\.html$/);
    await page.locator('.site-header nav a', { hasText: '项目台账' }).click();
    await page.waitForURL(/2026-03\/projects\/index\.html$/);

    // The city-wide search loads its index from script files beside the page (file:// allows a
    // script, not a fetch) and links each result to the row on its unit's page.
    expect(await page.locator('#q-count').innerText()).toBe('共6个项目');
    await page.locator('#q').fill('高新');
    await expect.poll(() => page.locator('#q-results li').count()).toBe(1);
    expect(await page.locator('#q-count').innerText()).toBe('找到1个项目');
    expect(await page.locator('#q-results li a').getAttribute('href')).toBe('2/index.html#r-B02-1');
    await page.locator('#q').fill('');
    await expect.poll(() => page.locator('#q-results li').count()).toBe(0);
    await page.locator('#q').fill('一号项目');
    await expect.poll(() => page.locator('#q-count').innerText()).toBe('找到6个项目');
    await page.locator('#q-results li a', { hasText: '高新区' }).click();
    await page.waitForURL(/2026-03\/projects\/2\/index\.html#r-B02-1$/);
    expect(await page.locator('table.ledger tbody tr:target th').innerText()).toBe('高新区一号项目');
    // A ledger page (April's 开发区: 经开区 and 高新区) filters its own rows.
    await page.goto(root + '2026-04/projects/2/index.html', { waitUntil: 'load' });
    expect(await page.locator('table.ledger tbody tr').count()).toBe(4);
    await page.locator('#q').fill('高新 物流');
    await expect.poll(() => page.locator('table.ledger tbody tr:not([hidden])').count()).toBe(1);
    expect(await page.locator('#q-count').innerText()).toBe('找到1个项目');

    // The quality page of April links a unit's feedback workbook, as a file beside the pages.
    await page.goto(root + '2026-04/quality/index.html', { waitUntil: 'load' });
    const feedback = page.locator('a[download]').first();
    const target = new URL((await feedback.getAttribute('href'))!, page.url());
    expect(target.protocol).toBe('file:');
    expect(existsSync(decodeURIComponent(target.pathname))).toBe(true);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('opens every page of the copy without a console error or a failed request', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const problems = watch(page);
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    // networkidle: the icon is fetched after load, and leaving the page sooner would abort it.
    for (const file of pages) await page.goto(root + file.split('/').map(encodeURIComponent).join('/'), { waitUntil: 'networkidle' });
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
