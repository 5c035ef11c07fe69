/**
 * Finding a project: the match rule, the city-wide index (every project once, linking to the row on
 * the page that holds it), and both searches in real headless Chromium (skipped, with a message,
 * where /usr/bin/chromium is not installed): the index page's over the whole city, a ledger page's
 * over its rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPaging } from '../src/lib/views/ledger-paging.ts';
import { ledgerPage } from '../src/lib/views/ledger.ts';
import { anchors, paths } from '../src/lib/views/routes.ts';
import { entryText, matches, normaliseQuery, SEARCH_SHARD_BYTES, searchShards, searchText, shardEntries, shardScript, SHARD_CALLBACK, type SearchEntry } from '../src/lib/views/search.ts';
import { project } from './helpers/project.ts';
import { period, siteOf, unit } from './views/fixtures.ts';
import { runBuild } from './helpers/cli.ts';
import { serve } from './helpers/static-server.ts';
import { hasChromium, onPhone } from './helpers/browser.ts';


describe('matches(rowText, query)', () => {
  it('needs every term, ignores case and full-width forms', () => {
    const row = normaliseQuery('新能源电池项目 A01-2026-003 甲公司 平原县 工业 新能源汽车 电池');
    expect(matches(row, '电池 平原')).toBe(true);
    expect(matches(row, 'ａ０１')).toBe(true);
    expect(matches(row, '电池 东山')).toBe(false);
    expect(matches(row, '  ')).toBe(true);
  });
});

describe('the city-wide search index', () => {
  // 300 units of 60 rows (a province), one unit with 2000 more, names and investors in Chinese.
  const units = Array.from({ length: 300 }, (_, i) => unit(`U${String(i).padStart(3, '0')}`, `第${i}县`, i < 150 ? '县区' : '开发区', 0.5));
  const projects = units.flatMap((u, i) => Array.from({ length: i === 7 ? 2060 : 60 }, (_, k) => project({
    unit: u.code, code: `${u.code}-2026-${k}`, name: `${u.name}新能源装备制造产业园项目${k}`, investor: `某某控股集团有限公司${k % 40}`,
    industry: '工业', chain: '新能源汽车', link: '电池', stage: '开工', projectType: '新建', source: { file: 'f.xlsx', sheet: '台账', row: k + 3 },
  })));
  const p = period({ units, projects });
  const model = { ...siteOf([p]), units: units.map((u, order) => ({ code: u.code, name: u.name, group: u.group, aliases: [], order })) };
  const shards = searchShards(p);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const href = (n: number) => `/zs/${paths.ledger(p.period, n)}`;
  const prefix = (code: string) => anchors.row(code, 0).slice(0, -1);
  const script = (s: (typeof shards)[number]) => shardScript(s, href, (c) => names.get(c)!, prefix);

  /** What the index page's script gets from the shards: each row's link, name, unit and match text. */
  function load(): { h: string; name: string; unit: string; t: string }[] {
    const rows: { h: string; name: string; unit: string; t: string }[] = [];
    const callback = (d: { pages: string[]; units: [string, string][]; tags: string[]; rows: [number, number, number, string, string, number][] }) => {
      for (const [pi, ui, row, name, text, tag] of d.rows) {
        const [a, unitName] = d.units[ui]!;
        rows.push({ h: `${d.pages[pi]}#${a}${row}`, name, unit: unitName, t: entryText({ name, text, tags: d.tags[tag]! }, unitName) });
      }
    };
    for (const s of shards) new Function(SHARD_CALLBACK, script(s))(callback);
    return rows;
  }

  it('holds every project once, in ledger-page order, in shards none larger than the cap', () => {
    expect(shards.length).toBeGreaterThan(5);
    expect(shards.flatMap((s) => s.entries).length).toBe(projects.length);
    for (const s of shards) expect(Buffer.byteLength(script(s))).toBeLessThan(SEARCH_SHARD_BYTES + 20_000);
    expect(shards.map((s) => s.n)).toEqual(shards.map((_, i) => i + 1));
  });

  it('links each project to the row on the page that holds it', () => {
    const rows = load();
    expect(rows.length).toBe(projects.length);
    const byPage = new Map<string, Set<string>>();
    for (const { n } of ledgerPaging(p).pages) {
      const page = ledgerPage(model, p, n)!;
      byPage.set(href(n), new Set(page.sections.flatMap((s) => s.rows.map((r) => `${r.id}\0${r.project.name}`))));
    }
    for (const r of rows) {
      const [page, id] = r.h.split('#') as [string, string];
      expect(byPage.get(page)?.has(`${id}\0${r.name}`), r.h).toBe(true);
    }
    // The long unit's rows link to each of its pages.
    expect(new Set(rows.filter((r) => r.unit === '第7县').map((r) => r.h.split('#')[0]))).toEqual(new Set(ledgerPaging(p).byCode.get('U007')!.pages.map(href)));
  });

  it('finds a project by the same terms as its row on its page', () => {
    const rows = load();
    const index = new Map(projects.map((x) => [x, searchText(x, names.get(x.unit)!)]));
    for (const q of ['第12县 产业园项目7', 'u012-2026-7', '控股集团有限公司3 开发区', '新能源 电池 新建', '第299县']) {
      const want = projects.filter((x) => matches(index.get(x)!, q)).map((x) => `${names.get(x.unit)} ${x.name}`);
      expect(rows.filter((r) => matches(r.t, q)).map((r) => `${r.unit} ${r.name}`), q).toEqual(want);
    }
  });

  it('cuts entries by bytes, never leaving a shard empty', () => {
    const e = (name: string): SearchEntry => ({ unit: 'A', page: 1, row: 1, name, text: '', tags: '' });
    expect(shardEntries([e('a'), e('b'.repeat(500)), e('c')], 100).map((s) => s.entries.map((x) => x.name[0]))).toEqual([['a'], ['b'], ['c']]);
    expect(shardEntries([])).toEqual([]);
  });

  it('escapes what a script must not hold unescaped', () => {
    const text = shardScript({ n: 1, entries: [{ unit: 'A', page: 1, row: 1, name: '甲\u2028乙</script>"', text: '', tags: '' }] }, () => '/x/', () => '单位', () => 'r-A-');
    expect(text).not.toContain('\u2028');
    let got = '';
    new Function(SHARD_CALLBACK, text)((d: { rows: [number, number, number, string][] }) => { got = d.rows[0]![3]; });
    expect(got).toBe('甲\u2028乙</script>"');
  });
});

describe.skipIf(!hasChromium)('the project list in Chromium', () => {
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

  it('searches the whole city from the ledger’s index and opens the row a result names', async () => {
    await onPhone(async (page, errors) => {
      await page.goto(`${server.url}2026-09/projects/`);
      const all = await page.locator('#q-count').innerText();
      const total = Number(/共(\d+)个项目/.exec(all)![1]);
      expect(total).toBeGreaterThan(50);
      await page.locator('#q').pressSequentially('青山县', { delay: 20 });
      const results = page.locator('#q-results li');
      await expect.poll(() => page.locator('#q-count').innerText()).toMatch(/^找到\d+个项目$/);
      const n = await results.count();
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(total);
      expect(await page.locator('#q-count').innerText()).toBe(`找到${n}个项目`);
      for (const unit of await results.locator('span').allInnerTexts()) expect(unit.trim()).toBe('青山县');
      await page.locator('#q').fill('新能源汽车 电池');
      await expect.poll(() => results.count()).toBeGreaterThan(0);
      const name = await results.first().locator('a').innerText();
      await page.locator('#q').fill('');
      expect(await results.count()).toBe(0);
      expect(await page.locator('#q-count').innerText()).toBe(all);
      await page.locator('#q').fill('新能源汽车 电池');
      await results.first().locator('a').click();
      await page.waitForURL(/\/2026-09\/projects\/\d+\/#r-[A-Za-z0-9]+-\d+$/);
      // The result opens the ledger page at its row, which is marked.
      const target = page.locator('table.ledger tbody tr:target');
      expect(await target.locator('th').innerText()).toBe(name);
      expect(await target.locator('td[data-label="产业链"]').innerText()).toContain('新能源汽车');
      expect(errors).toEqual([]);
    });
  });

  it('filters a ledger page by Chinese text as the reader types', async () => {
    await onPhone(async (page, errors) => {
      await page.goto(`${server.url}2026-09/projects/`);
      await page.locator('table.ledger-index th[scope="row"] a', { hasText: '青山县' }).click();
      await page.waitForURL(/\/2026-09\/projects\/\d+\/#u-A06$/);
      const rows = page.locator('table.ledger tbody tr');
      const total = await rows.count();
      expect(await page.locator('section.ledger-unit').count()).toBeGreaterThan(1);
      expect(await page.locator('#u-A06 tbody tr').count()).toBeGreaterThan(5);
      await page.locator('#q').pressSequentially('青山县 签约', { delay: 20 });
      const visible = page.locator('table.ledger tbody tr:not([hidden])');
      await expect.poll(() => page.locator('#q-count').innerText()).toMatch(/^找到\d+个项目$/);
      const n = await visible.count();
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(total);
      expect(await page.locator('#u-A06 tbody tr:not([hidden])').count()).toBe(n);
      for (const stage of await visible.locator('td[data-label="阶段"]').allInnerTexts()) expect(stage).toBe('签约');
      // Sections with no match are hidden, headings and all.
      expect(await page.locator('section.ledger-unit:not([hidden])').count()).toBe(1);
      expect(await page.locator('#q-count').innerText()).toBe(`找到${n}个项目`);
      await page.locator('#q').fill('');
      expect(await visible.count()).toBe(total);
      expect(await page.locator('section.ledger-unit[hidden]').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});
