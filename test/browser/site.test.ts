/**
 * The site as a leader meets it: the sample built once under a sub-path (`--base /tongbao/`), served
 * by a plain static server on 127.0.0.1, opened in real headless Chromium at phone size (390 px)
 * with WeChat's user agent, and printed to an A4 PDF. Screenshots and the PDF are kept in
 * test/.out/browser/ to look at.
 *
 * Skipped, with a message, where Debian's Chromium is not installed at /usr/bin/chromium
 * (CI installs it: .ci/run).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runIssue } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';

const BASE = '/tongbao/';
const SHOTS = join(import.meta.dirname, '..', '.out', 'browser');
const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240301 MMWEBID/1234 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const LATEST = '2026-10';

if (!existsSync(CHROMIUM)) {
  console.warn(`浏览器测试已跳过：没有找到 ${CHROMIUM}。安装方法：apt-get install -y chromium fonts-noto-cjk（CI 的 .ci/run 会自动安装）。`);
}

/** Every file under `dir`, relative, with forward slashes. */
function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const abs = join(dir, f);
    return statSync(abs).isDirectory() ? walk(abs, root) : [relative(root, abs).split('\\').join('/')];
  });
}

/**
 * Every href/src of every HTML page in `out`, resolved as a browser would: internal ones must name
 * a file of the site under `base` (and an id on the page for #fragments); none may leave the site.
 */
function checkLinks(out: string, base: string): { broken: string[]; checked: number; pages: number } {
  const html = walk(out).filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let s = ids.get(file);
    if (!s) { s = new Set([...readFileSync(join(out, file), 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)); ids.set(file, s); }
    return s;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of html) {
    const text = readFileSync(join(out, file), 'utf8');
    const pageUrl = new URL(`${base}${file.replace(/index\.html$/, '')}`, 'http://site.test');
    for (const m of text.matchAll(/\s(href|src|action|content)="([^"]*)"/g)) {
      const raw = m[2]!.replace(/&amp;/g, '&');
      if (m[1] === 'content') {
        if (/^https?:\/\//.test(raw)) broken.push(`${file}: absolute URL in meta: ${raw}`);
        continue;
      }
      if (/^(mailto|tel):/.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== pageUrl.origin) { broken.push(`${file}: external link ${raw}`); continue; }
      if (!url.pathname.startsWith(base)) { broken.push(`${file}: outside the base ${raw}`); continue; }
      let target = decodeURIComponent(url.pathname.slice(base.length));
      if (target === '' || target.endsWith('/')) target += 'index.html';
      checked++;
      if (!existsSync(join(out, target))) { broken.push(`${file}: ${raw} → missing ${target}`); continue; }
      if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${raw} → no #${url.hash.slice(1)}`);
    }
    if (/url\(\s*['"]?(https?:)?\/\//.test(text)) broken.push(`${file}: CSS fetched from elsewhere`);
  }
  return { broken, checked, pages: html.length };
}

/**
 * Opens `site` + `path` recording console errors and warnings, page errors, dialogs (a script
 * injected through data would open one), failed responses and any request leaving the site.
 */
async function openPage(ctx: BrowserContext, site: string, path: string): Promise<{ page: Page; problems: string[]; bytes: () => number }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  let bytes = 0;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith(site)) { problems.push(`request outside the site: ${url}`); return route.abort(); }
    return route.continue();
  });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('requestfailed', (r) => { if (!problems.some((p) => p.includes(r.url()))) problems.push(`failed: ${r.url()}`); });
  page.on('response', async (res) => {
    if (res.status() >= 400) problems.push(`${res.status()}: ${res.url()}`);
    else bytes += (await res.body().catch(() => Buffer.alloc(0))).length;
  });
  const res = await page.goto(site + path, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return { page, problems, bytes: () => bytes };
}

/** Horizontal overflow of the page, and elements sticking out that are not inside a scrolling table box. */
async function overflowOf(page: Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    body: document.body.scrollWidth - window.innerWidth,
    wide: [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-wrap')).map((el) => `${el.tagName}.${el.className}`).slice(0, 5),
  }));
}

describe.skipIf(!existsSync(CHROMIUM))(`the sample site in Chromium, published under ${BASE}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tongbao-browser-'));
  const out = join(tmp, 'site');
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let phone: BrowserContext;

  beforeAll(async () => {
    // The internal build, as the clerk previews it: the issued months and the latest, still a draft.
    const r = runBuild(['--out', out, '--base', BASE, '--quiet', '--audience', 'internal']);
    if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
    server = await serve(out, BASE);
    browser = await launchChromium();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: WECHAT_UA, locale: 'zh-CN' });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const open = (ctx: BrowserContext, path: string) => openPage(ctx, server.url, path);

  it('resolves every internal link and asset of every page under the base, and links nowhere else', () => {
    const { broken, checked, pages } = checkLinks(out, BASE);
    expect(pages).toBeGreaterThan(24 * 15);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages * 10);
  });

  const pages = ['', `${LATEST}/`, '2024-11/', '2026-01/', `${LATEST}/units/A02/`, `${LATEST}/units/B04/`, `${LATEST}/projects/`, `${LATEST}/projects/1/`, `${LATEST}/projects/3/`, `${LATEST}/quality/`, `${LATEST}/chains/`, `${LATEST}/chains/nev/`];
  it('opens the main pages at 390 px in WeChat’s user agent: no errors, no outside requests, no sideways scroll', async () => {
    for (const path of pages) {
      const { page, problems } = await open(phone, path);
      const overflow = await overflowOf(page);
      expect(problems, path).toEqual([]);
      expect(overflow, path).toEqual({ page: 0, body: 0, wide: [] });
      if (path === `${LATEST}/` || path === `${LATEST}/units/A02/`) await page.screenshot({ path: join(SHOTS, `phone-${path.replace(/\W+/g, '-')}.png`), fullPage: true });
      await page.close();
    }
  });

  it('shows the 考核 page at 390 px: every unit with its total and each item, the method, real tables, no sideways scroll', async () => {
    const summary = JSON.parse(readFileSync(join(out, 'data', LATEST, 'summary.json'), 'utf8'));
    const points = (v: number) => `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;
    const { page, problems } = await open(phone, `${LATEST}/assessment/`);
    expect(problems).toEqual([]);
    expect(await overflowOf(page)).toEqual({ page: 0, body: 0, wide: [] });
    expect(await page.locator('h1').innerText()).toBe('示例市2026年1-10月考核得分');
    expect(await page.locator('.site-header nav a[aria-current="page"]').innerText()).toBe('考核');
    expect(await page.locator('table.assessment').count()).toBe(3);
    const rows = await page.locator('table.assessment tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.split('\n')[0]!.trim())));
    expect(rows).toHaveLength(summary.assessment.units.length);
    summary.assessment.units.forEach((u: { name: string; rank: number; score: number; items: { points: number }[] }, i: number) => {
      // 排名, 单位, 总分, 升降, then one cell per item.
      expect([rows[i]![0], rows[i]![1], rows[i]![2]]).toEqual([String(u.rank), u.name, points(u.score)]);
      expect(rows[i]!.slice(4)).toEqual(u.items.map((x) => points(x.points)));
    });
    const tables = await page.locator('table').evaluateAll((ts) => ts.map((t) => ({ caption: !!t.querySelector('caption'), th: t.querySelectorAll('th[scope]').length })));
    for (const t of tables) expect(t.caption && t.th > 0).toBe(true);
    expect(await page.locator('.method-note li').count()).toBeGreaterThanOrEqual(summary.assessment.units[0].items.length);
    await page.screenshot({ path: join(SHOTS, 'phone-assessment.png'), fullPage: true });
    await page.close();
    // A quarter's page (issued) and a unit's breakdown.
    const q = await open(phone, '2026-09/assessment/');
    expect(await q.page.locator('h1').innerText()).toBe('示例市2026年第三季度考核');
    expect(await overflowOf(q.page)).toEqual({ page: 0, body: 0, wide: [] });
    await q.page.close();
    const unit = await open(phone, `${LATEST}/units/A01/`);
    const a01 = summary.assessment.units.find((u: { code: string }) => u.code === 'A01');
    expect(await unit.page.locator('table.assessment-breakdown tfoot').innerText()).toContain(points(a01.score));
    expect(await overflowOf(unit.page)).toEqual({ page: 0, body: 0, wide: [] });
    await unit.page.close();
  });

  it('shows every column of the tables a leader reads at 390 px as cards, with no sideways scroll; the desktop and printed tables unchanged', async () => {
    for (const path of [`${LATEST}/`, `${LATEST}/units/A02/`, `${LATEST}/units/B04/`]) {
      const { page, problems } = await open(phone, path);
      const tables = await page.locator('main table.stack').evaluateAll((ts) => ts.map((t) => {
        const wrap = t.closest('.table-wrap')!;
        const cells = [...t.querySelectorAll('tbody td, tfoot td')].filter((c) => c.textContent!.trim() !== '');
        const off = cells.filter((c) => { const r = c.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > window.innerWidth + 0.5; });
        // The label the card shows before a value: its data-label, or (the ranking's body rows, which
        // carry none to keep a province's bulletin light) the stylesheet's name for its column, which
        // starts with the column's header (到位资金 → 到位资金（亿元）: the unit is in the caption).
        const shown = (c: Element) => { const v = getComputedStyle(c, '::before').content; return v.startsWith('"') ? v.slice(1, -1) : ''; };
        const heads = [...t.querySelectorAll('thead th')].map((h) => h.textContent!.trim());
        return {
          caption: t.querySelector('caption')!.textContent!.slice(0, 12),
          scroll: wrap.scrollWidth - wrap.clientWidth,
          cells: cells.length,
          unlabelled: cells.filter((c) => !shown(c)).length,
          off: off.map((c) => `${shown(c)}:${c.textContent!.trim().slice(0, 10)}`).slice(0, 3),
          labelShown: cells.every((c) => (c.hasAttribute('data-label') ? shown(c) === c.getAttribute('data-label') : shown(c).startsWith(heads[[...c.parentElement!.children].indexOf(c)] || '\0'))),
          head: t.querySelector('thead')!.getBoundingClientRect().height <= 1,
        };
      }));
      const kinds = await page.locator('main table.stack').evaluateAll((ts) => ts.map((t) => t.className));
      if (path === `${LATEST}/`) expect(kinds).toEqual(expect.arrayContaining(['ranking stack', 'honours stack', 'key-projects stack']));
      else expect(kinds).toEqual(expect.arrayContaining(['compare stack', 'ranking stack', 'stack']));
      expect(await page.locator('main table:not(.stack)').count(), path).toBe(0); // every table on these pages
      for (const t of tables) {
        expect(t, `${path} ${t.caption}`).toMatchObject({ scroll: 0, unlabelled: 0, off: [], labelShown: true, head: true });
        expect(t.cells, `${path} ${t.caption}`).toBeGreaterThan(0);
      }
      // Every column of the ranking is seen: one labelled value per column on each unit's card.
      const labels = await page.locator('table.ranking tbody tr').first().locator('td').evaluateAll((cs) => cs.map((c) => getComputedStyle(c, '::before').content.slice(1, -1)));
      expect(labels).toEqual(['排名', '完成率', '超/欠进度（百分点）', '亮灯', '升降', '到位资金（亿元）', '年度目标（亿元）']);
      expect(await overflowOf(page), path).toEqual({ page: 0, body: 0, wide: [] });
      expect(problems).toEqual([]);
      // On paper the table is a table again, header and all.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('table.ranking').first().evaluate((t) => [getComputedStyle(t).display, getComputedStyle(t.querySelector('thead')!).display])).toEqual(['table', 'table-header-group']);
      await page.close();
    }
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page } = await open(desk, `${LATEST}/`);
    expect(await page.locator('table.ranking').first().evaluate((t) => [getComputedStyle(t).display, getComputedStyle(t.querySelector('thead')!).display, getComputedStyle(t.querySelector('tbody tr')!).display])).toEqual(['table', 'table-header-group', 'table-row']);
    await desk.close();
  });

  it('shows the ledger’s index and its pages at 390 px as labelled cards, and links between them', async () => {
    for (const path of [`${LATEST}/projects/`, `${LATEST}/projects/1/`]) {
      const { page, problems } = await open(phone, path);
      expect(await page.locator('main table:not(.stack)').count(), path).toBe(0);
      const tables = await page.locator('main table.stack').evaluateAll((ts) => ts.map((t) => {
        const cells = [...t.querySelectorAll('tbody td, tfoot td')].filter((c) => c.textContent!.trim() !== '');
        return {
          caption: !!t.querySelector('caption'), th: t.querySelectorAll('thead th[scope="col"]').length > 0 && t.querySelectorAll('tbody th[scope="row"]').length > 0,
          scroll: t.closest('.table-wrap')!.scrollWidth - t.closest('.table-wrap')!.clientWidth,
          unlabelled: cells.filter((c) => !c.getAttribute('data-label')).length,
          labelShown: cells.every((c) => getComputedStyle(c, '::before').content === `"${c.getAttribute('data-label')}"`),
        };
      }));
      expect(tables.length, path).toBeGreaterThan(0);
      for (const t of tables) expect(t, path).toEqual({ caption: true, th: true, scroll: 0, unlabelled: 0, labelShown: true });
      expect(await overflowOf(page), path).toEqual({ page: 0, body: 0, wide: [] });
      expect(problems, path).toEqual([]);
      await page.close();
    }
    // The index lists the three groups; a unit's row links to its section of a ledger page, whose
    // heading links to the unit's page, which links back to the section.
    const { page } = await open(phone, `${LATEST}/projects/`);
    expect(await page.locator('table.ledger-index').count()).toBe(3);
    await page.locator('table.ledger-index th[scope="row"] a', { hasText: '东山县' }).click();
    await page.waitForURL(/2026-10\/projects\/\d+\/#u-A02$/);
    expect(await page.locator('#u-A02 h2').innerText()).toBe('东山县');
    expect(await page.locator('#u-A02 caption').innerText()).toContain('东山县项目台账');
    // Internal build: the contact columns are there, each labelled on the card.
    expect(await page.locator('#u-A02 tbody tr').first().locator('td[data-label="联系人"]').count()).toBe(1);
    await page.locator('#u-A02 h2 a').click();
    await page.waitForURL(/2026-10\/units\/A02\/$/);
    await page.locator('main a', { hasText: '全市项目台账中的东山县' }).click();
    await page.waitForURL(/2026-10\/projects\/\d+\/#u-A02$/);
    await page.close();
  });

  it('keeps the first load of a bulletin well under 250 KB', async () => {
    const { page, problems, bytes } = await open(phone, `${LATEST}/`);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    writeFileSync(join(SHOTS, 'weight.txt'), `${LATEST}/ first load: ${bytes()} bytes\n`);
    expect(bytes()).toBeLessThan(250 * 1024);
    await page.close();
  });

  it('shows the bulletin as leaders read it: title, figures, rankings with words, 红黑榜, key projects, charts', async () => {
    const { page } = await open(phone, `${LATEST}/`);
    expect(await page.locator('h1').innerText()).toBe('关于2026年1-10月全市招商引资工作情况的通报');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const figures = await page.locator('.figures.headline li').allInnerTexts();
    expect(figures[0]).toMatch(/到位资金\s*\d+\.\d亿元\s*完成年度目标\d+\.\d%/);
    expect(figures[0]).toMatch(/[超欠]序时进度\d+\.\d个百分点/);
    expect(figures[0]).toMatch(/同比(增长|下降)\d+\.\d%/);
    expect(await page.locator('.bulletin-text h2').allInnerTexts()).toEqual(['一、总体情况', '二、分组情况', '三、存在问题']);
    // Three groups, each a real table; every light says its colour in words.
    expect(await page.locator('table.ranking').count()).toBe(3);
    for (const light of await page.locator('table.ranking .light').allInnerTexts()) expect(light).toMatch(/^(绿灯|黄灯|红灯|未报送|无目标)$/);
    expect(await page.locator('table.honours').innerText()).toMatch(/红榜[\s\S]*黑榜/);
    expect(await page.locator('table.key-projects tbody tr').count()).toBeGreaterThan(0);
    // Charts are images with Chinese names, drawn at build time: no script on the page but the copy button's.
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBe(5);
    for (const label of await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(1);
    // Accessibility: every table has a caption and header cells; tap targets are big enough.
    const tables = await page.locator('table').evaluateAll((ts) => ts.map((t) => ({ caption: !!t.querySelector('caption'), th: t.querySelectorAll('th[scope]').length })));
    for (const t of tables) expect(t.caption && t.th > 0).toBe(true);
    for (const box of await page.locator('.site-header nav a, #share-copy').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    // Shared links: a description with the key figures.
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).toMatch(/^2026年1-10月示例市到位资金\d+\.\d亿元，完成年度目标\d+\.\d%/);
    expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe(description);
    await page.close();
  });

  it('marks the latest month a draft on screen and in print, and an issued month with its 文号 and date', async () => {
    const { page, problems } = await open(phone, `${LATEST}/`);
    expect(await page.locator('.draft-mark').innerText()).toContain('草稿');
    expect(await page.locator('.draft-watermark').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.draft-watermark').isVisible()).toBe(true);
    expect(await page.locator('.draft-watermark').innerText()).toBe('草稿');
    expect(problems).toEqual([]);
    await page.close();
    const issued = await open(phone, '2026-09/');
    expect(await issued.page.locator('.draft-mark').count()).toBe(0);
    expect(await issued.page.locator('.red-head').innerText()).toContain('示招商通〔2026〕10号');
    expect(await issued.page.locator('main').innerText()).toContain('2026年10月9日');
    await issued.page.close();
    const home = await open(phone, '');
    expect(await home.page.locator('main').innerText()).toMatch(/2026年1-10月[\s\S]*草稿/);
    await home.page.close();
  });

  it('links a unit to its peers, its rank over the months and its page in other months', async () => {
    const { page } = await open(phone, `${LATEST}/units/A02/`);
    expect(await page.locator('h1').innerText()).toContain('东山县');
    expect(await page.locator('figure.chart svg[aria-label*="排名"]').count()).toBe(1);
    expect(await page.locator('.tap-list a').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('平原县')]));
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/2026-09\/units\/A02\/$/);
    expect(await page.locator('.lede').innerText()).toContain('2026年1-9月');
    await page.close();
  });

  it('copies the page’s link with the copy button', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, problems } = await open(ctx, `${LATEST}/units/A01/`);
    await page.locator('#share-copy').click();
    await expect.poll(() => page.locator('#share-status').innerText()).toBe('已复制链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${LATEST}/units/A01/`);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('prints the bulletin to A4 as an official document: no navigation, a QR code, rows never split', async () => {
    const ctx = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const { page, problems } = await open(ctx, `${LATEST}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.share-link').isVisible()).toBe(false);
    expect(await page.locator('.red-head').isVisible()).toBe(true);
    const qr = page.locator('.qr svg');
    expect(await qr.isVisible()).toBe(true);
    expect(await page.locator('.qr-url').innerText()).toBe(`${BASE}${LATEST}/`);
    const style = await page.evaluate(() => {
      const tr = document.querySelector('table.ranking tbody tr')!;
      return { row: getComputedStyle(tr).breakInside, head: getComputedStyle(document.querySelector('table.ranking thead')!).display, font: getComputedStyle(document.body).fontFamily };
    });
    expect(style).toMatchObject({ row: 'avoid', head: 'table-header-group' });
    expect(style.font).toMatch(/FangSong|仿宋/);
    await page.screenshot({ path: join(SHOTS, 'print-bulletin.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(SHOTS, 'bulletin.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(3);
    expect(pageCount).toBeLessThanOrEqual(12);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});

/**
 * A city unlike the sample, as a held-out build might be: one month, no targets, no chains, no
 * site.json, a unit code in Chinese, names with markup and a very long one, under a deeper base.
 */
describe.skipIf(!existsSync(CHROMIUM))('a minimal city in Chromium, published under /zs/tongbao/', () => {
  const base = '/zs/tongbao/';
  const tmp = mkdtempSync(join(tmpdir(), 'tongbao-mini-'));
  const out = join(tmp, 'site');
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    const data = join(tmp, 'data');
    const put = (rel: string, text: string) => { mkdirSync(join(data, rel, '..'), { recursive: true }); writeFileSync(join(data, rel), `\ufeff${text}`); };
    put('units.csv', '编码,名称,分组\n甲01,"甲县<b>&",县区\nA02,乙县,县区\nZ1,一个很长很长很长很长很长的单位名称开发区管委会,开发区\n');
    put('returns/2026-03/甲县<b>&.csv', '项目名称,投资方,项目阶段,总投资（万元）,合同引资额（万元）,累计到位资金（万元）,用地面积（亩）\n"<img src=x onerror=alert(1)>项目",某公司,签约,20000,15000,3000,50\n二号项目,某公司,开工,500,400,100,\n');
    put('returns/2026-03/乙县.csv', '项目名称,投资方,项目阶段,总投资（万元）,合同引资额（万元）,累计到位资金（万元）\n乙项目,乙公司,投产,30000,20000,8000\n');
    // Issued, then 乙县 resubmits: the page keeps the issued figures and shows the 发布后更正 box.
    const issued = runIssue(['2026-03', '--number', '甲招商通〔2026〕3号', '--date', '2026-04-08', '--data', data]);
    if (issued.code !== 0) throw new Error(`issue failed: ${issued.stderr}`);
    put('returns/2026-03/乙县.csv', '项目名称,投资方,项目阶段,总投资（万元）,合同引资额（万元）,累计到位资金（万元）\n乙项目,乙公司,投产,30000,20000,9500\n');
    const r = runBuild(['--data', data, '--out', out, '--base', base, '--quiet']);
    if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
    server = await serve(out, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds pages whose links all resolve under the deeper base', () => {
    const { broken, pages } = checkLinks(out, base);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(broken).toEqual([]);
  });

  it('opens them at 390 px with no errors, no injected script and no sideways scroll', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, userAgent: WECHAT_UA });
    for (const path of ['', '2026-03/', '2026-03/units/xe794b23031/', '2026-03/units/Z1/', '2026-03/projects/', '2026-03/projects/1/', '2026-03/quality/']) {
      const { page, problems } = await openPage(ctx, server.url, path);
      expect(problems, path).toEqual([]);
      expect(await overflowOf(page), path).toEqual({ page: 0, body: 0, wide: [] });
      if (path === '2026-03/') {
        expect(await page.locator('h1').innerText()).toBe('关于2026年1-3月全市招商引资工作情况的通报');
        expect(await page.locator('table.ranking th[scope="row"] a').allInnerTexts()).toEqual(expect.arrayContaining(['甲县<b>&']));
        expect(await page.locator('.bulletin-text').innerText()).toContain('没有年度到位资金目标');
        // The 发布后更正 box: each changed figure as unit, indicator, issued and current value, file.
        const box = page.locator('#revisions');
        expect(await box.isVisible()).toBe(true);
        const rows = await box.locator('table tbody tr').allInnerTexts();
        expect(rows.find((t) => t.startsWith('乙县'))).toMatch(/^乙县\s+到位资金\s+8000万元\s+9500万元\s+乙县\.csv$/);
        await page.screenshot({ path: join(SHOTS, 'phone-revisions.png'), fullPage: true });
      }
      if (path === '2026-03/quality/') expect(await page.locator('main').innerText()).toContain('发布后更正');
      await page.close();
    }
    await ctx.close();
  });
});
