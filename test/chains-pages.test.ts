/**
 * The chain pages of a real build, on chains the sample never had (the reviewer's “held-out
 * chains”): every link drawn and anchored, gaps marked, the 补链 list present with last month's
 * change, unplaced rows listed, projects linked to their units, nothing unescaped or internal.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from './helpers/cli.ts';
import { serve } from './helpers/static-server.ts';
import { hasChromium, launchChromium } from './helpers/browser.ts';
import { put, UNITS, workbook } from './helpers/workbooks.ts';

const PHONE = '13912345678';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-chains-'));
const data = join(tmp, 'data');
const out = join(tmp, 'out');

const LEDGER = ['项目编码', '项目名称', '投资方', '产业类别', '所属产业链', '产业链环节', '项目阶段', '合同引资额（万元）', '累计到位资金（万元）', '联系电话'];

beforeAll(() => {
  put(data, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(data, 'targets/2026.csv', '单位,到位资金（万元）\r\n平原县,100000\r\n东山县,80000\r\n');
  put(data, 'chains.xlsx', workbook([{ name: '产业链', rows: [
    ['产业链', '产业链编码', '链长', '牵头部门', '环节', '层级', '环节说明', '招商目标企业'],
    ['生物医药', 'bio', '副市长 甲', '市卫健委', '原料药', '上游', '', ''],
    ['生物医药', '', '', '', '化学制剂', '中游', '', '恒瑞医药'],
    ['生物医药', '', '', '', '医疗器械', '中游', '缺少高端影像设备', '联影医疗、迈瑞医疗'],
    ['生物医药', '', '', '', '医药流通', '下游', '', '国药控股'],
    ['现代物流', '', '', '', '冷链<仓储>&配送', '上游', '', ''],
    ['现代物流', '', '', '', '快递', '下游', '', ''],
  ] }]));
  const march = [
    LEDGER,
    ['P1', '原料药一期', '甲药业', '工业', '生物医药', '原料药', '开工', 20000, 6000, PHONE],
    ['P2', '原料药二期', '乙药业', '工业', '生物医药', '原料药', '签约', 10000, 2000, PHONE],
    ['P5', '冷库项目', '丙物流', '服务业', '现代物流', '冷链<仓储>&配送', '签约', 3000, 1000, PHONE],
  ];
  const april = [
    ...march,
    ['P3', '制剂项目', '丁制药', '工业', '生物医药产业链', '化学制剂', '签约', 8000, 500, PHONE],
    ['P4', '影像设备项目', '戊医疗', '工业', '生物医药', '医疗器械', '在谈', 50000, 0, PHONE],
    ['P6', '疫苗项目', '己生物', '工业', '生物医药', '疫苗', '签约', 6000, 100, PHONE],
    ['P7', '飞机项目', '庚航空', '工业', '航空航天', '机身', '签约', 9000, 300, PHONE],
  ];
  put(data, 'returns/2026-03/平原县.xlsx', workbook([{ name: '台账', rows: march }]));
  put(data, 'returns/2026-04/平原县.xlsx', workbook([{ name: '台账', rows: april }]));
  put(data, 'returns/2026-04/东山县.xlsx', workbook([{ name: '台账', rows: [LEDGER, ['D1', '快递分拨中心', '辛快递', '服务业', '现代物流', '快递', '投产', 5000, 5000, PHONE]] }]));
  const r = runBuild(['--data', data, '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const html = (rel: string) => readFileSync(join(out, rel, 'index.html'), 'utf8');
const dom = (rel: string) => parseHTML(html(rel)).document;
const text = (s: string) => s.replace(/\s+/g, ' ');
/** The project name in the ledger row a link points to (`/2026-04/projects/1/#r-A01-3`), or null. */
function rowAt(link: string): string | null {
  const [page, id] = link.split('#');
  return dom(page!.replace(/^\//, '')).getElementById(id!)?.querySelector('th')?.textContent ?? null;
}

describe('a chain page on held-out chains', () => {
  it('draws every link as an anchor to its project list on the same page', () => {
    const doc = dom('2026-04/chains/bio');
    const links = [...doc.querySelectorAll('svg a.chain-map-link')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#link-1', '#link-2', '#link-3', '#link-4']);
    expect(links.map((a) => a.querySelector('title')!.textContent!.split('：')[0])).toEqual(['上游 原料药', '中游 化学制剂', '中游 医疗器械', '下游 医药流通']);
    for (const [i, a] of links.entries()) {
      const section = doc.getElementById(`link-${i + 1}`);
      expect(section, a.getAttribute('href')!).not.toBeNull();
      expect(section!.querySelector('h3')!.textContent).toContain(['原料药', '化学制剂', '医疗器械', '医药流通'][i]);
    }
  });

  it('marks gaps in the map by drawing and by text, and says why links are weak', () => {
    const doc = dom('2026-04/chains/bio');
    const status = [...doc.querySelectorAll('svg a.chain-map-link')].map((a) => a.getAttribute('data-status'));
    expect(status).toEqual(['强链', '弱链', '缺链', '缺链']);
    const gap = doc.querySelector('svg a[data-status="缺链"]')!;
    expect(gap.innerHTML).toContain('stroke-dasharray');
    expect(gap.textContent).toContain('缺链');
    // 化学制剂: one project, 500万元 in place — weak on both counts.
    const weakRow = [...doc.getElementById('targets')!.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes('化学制剂'))!;
    expect(weakRow.textContent).toContain('项目少于2个，到位资金不足5,000万元');
  });

  it('lists the 补链 targets: gaps and weak links, their target companies, and the change since last month', () => {
    const doc = dom('2026-04/chains/bio');
    const section = doc.getElementById('targets')!;
    expect(section).not.toBeNull();
    const rows = [...section.querySelectorAll('tbody tr')].map((tr) => text(tr.textContent!).trim());
    expect(rows[0]).toMatch(/^医疗器械 ○缺链 联影医疗、迈瑞医疗 .*1个/);
    expect(rows[1]).toMatch(/^医药流通 ○缺链 国药控股/);
    expect(rows.some((r) => r.startsWith('化学制剂 ◐弱链 恒瑞医药') && r.includes('本月补链'))).toBe(true);
    expect(section.querySelector('caption')!.textContent).toContain('2026年3月');
    expect(text(section.textContent!)).toContain('较2026年3月改善：化学制剂（缺链→弱链）');
  });

  it('links each project to its row in the ledger and to its unit\'s page, which exist', () => {
    const doc = dom('2026-04/chains/bio');
    const rows = [...doc.getElementById('link-1')!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.firstChild!.textContent)).toEqual(['原料药一期', '原料药二期']);
    for (const r of rows) {
      const name = r.querySelector('th a')!;
      expect(rowAt(name.getAttribute('href')!)).toBe(name.textContent);
      expect(r.querySelector('td[data-label="单位"] a')!.getAttribute('href')).toBe('/2026-04/units/A01/');
      expect(existsSync(join(out, '2026-04/units/A01/index.html'))).toBe(true);
    }
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-label')))).toEqual(Array(2).fill(['单位', '阶段', '合同引资额', '到位资金']));
    expect(doc.querySelector('#link-1 table')!.classList.contains('stack')).toBe(true);
    // All projects listed: no “另有…” line; the reserve is named and linked to its row too.
    expect(doc.querySelector('#link-1 .chain-link-rest')).toBeNull();
    const reserve = doc.querySelector('#link-3 .chain-reserve a')!;
    expect(reserve.textContent).toBe('影像设备项目');
    expect(rowAt(reserve.getAttribute('href')!)).toBe('影像设备项目');
  });

  it('lists the rows naming this chain with a link that is not defined', () => {
    const page = text(dom('2026-04/chains/bio').body.textContent!);
    expect(page).toContain('未归链项目（1个）');
    expect(page).toContain('环节“疫苗”不是“生物医药”产业链的环节');
  });

  it('escapes names, and never shows internal fields in a public build', () => {
    const page = html('2026-04/chains/chain-2');
    expect(page).not.toContain('<仓储>');
    expect(page).toContain('冷链&lt;仓储&gt;&amp;配送');
    for (const rel of ['2026-04/chains', '2026-04/chains/bio', '2026-04/chains/chain-2']) expect(html(rel)).not.toContain(PHONE);
  });

  it('shows January-style “no comparison” for the first period', () => {
    expect(text(dom('2026-03/chains/bio').getElementById('targets')!.textContent!)).toContain('没有上月数据');
  });
});

describe('the chains overview', () => {
  it('gives coverage, funds and projects by chain and their share of all projects', () => {
    const doc = dom('2026-04/chains');
    const rows = [...doc.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c.textContent!).trim()));
    // 生物医药: 原料药 ×2, 化学制剂 ×1 → 2 of 4 links; 现代物流: both links. City: 7 counted projects.
    expect(rows.map((r) => [r[0], r[2], r[6], r[7], r[9]])).toEqual([
      ['生物医药产业链', '2/4（50%）', '3', '42.9%', '8,500'],
      ['现代物流产业链', '2/2（100%）', '2', '28.6%', '6,000'],
    ]);
    const foot = [...doc.querySelector('tfoot tr')!.children].map((c) => text(c.textContent!).trim());
    expect([foot[2], foot[6], foot[7]]).toEqual(['4/6（67%）', '5', '71.4%']);
  });

  it('lists every unplaced row with its reason and a link to its unit', () => {
    const doc = dom('2026-04/chains');
    const heading = [...doc.querySelectorAll('h2')].find((h) => h.textContent!.startsWith('未归链项目'))!;
    expect(heading.textContent).toBe('未归链项目（2个）');
    const table = [...doc.querySelectorAll('table')].find((t) => t.querySelector('caption')!.textContent!.includes('产业链或环节未在'))!;
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => text(tr.textContent!));
    expect(rows).toEqual([expect.stringContaining('疫苗项目'), expect.stringContaining('飞机项目')]);
    expect(rows[1]).toContain('产业链“航空航天”未在产业链定义中');
    for (const tr of table.querySelectorAll('tbody tr')) {
      const name = tr.querySelector('th a')!;
      expect(rowAt(name.getAttribute('href')!)).toBe(name.textContent);
      expect(tr.querySelector('td[data-label="单位"] a')!.getAttribute('href')).toBe('/2026-04/units/A01/');
    }
  });

  it('reports unplaced rows as issues with their cell in summary.json', () => {
    const summary = JSON.parse(readFileSync(join(out, 'data/2026-04/summary.json'), 'utf8'));
    const issues = summary.issues.filter((i: { kind?: string; message: string }) => i.message.includes('未归链'));
    expect(issues.map((i: { cell: string; severity: string }) => [i.severity, i.cell])).toEqual([['warning', 'F7'], ['warning', 'E8']]);
    expect(summary.chains[0].links.map((l: Record<string, unknown>) => Object.keys(l))).toContainEqual(expect.arrayContaining(['name', 'position', 'projects', 'contractAmount', 'fundsInPlace', 'gap']));
  });
});

describe('builds', () => {
  it('are byte-identical for the same input', () => {
    const again = join(tmp, 'again');
    expect(runBuild(['--data', data, '--out', again, '--quiet']).code).toBe(0);
    for (const rel of ['2026-04/chains', '2026-04/chains/bio', '2026-04/chains/chain-2', '2026-03/chains/bio']) {
      expect(readFileSync(join(again, rel, 'index.html'), 'utf8'), rel).toBe(html(rel));
    }
  });
});

describe('the offline copy of the chain pages', () => {
  it('links every project to its ledger row by a relative path naming a file that holds the row', () => {
    const offline = join(tmp, 'offline');
    const r = runBuild(['--data', data, '--out', offline, '--offline', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    for (const rel of ['2026-04/chains', '2026-04/chains/bio']) {
      const doc = parseHTML(readFileSync(join(offline, rel, 'index.html'), 'utf8')).document;
      const rows = [...doc.querySelectorAll('main tbody th a, .chain-reserve a')].map((a) => a.getAttribute('href')!).filter((h) => h.includes('projects/'));
      expect(rows.length, rel).toBeGreaterThan(0);
      for (const href of rows) {
        expect(href, rel).toMatch(/^\.\.\/(\.\.\/)?projects\/1\/index\.html#r-A0[12]-\d+$/);
        const url = new URL(href, `file:///site/${rel}/index.html`);
        const file = join(offline, decodeURIComponent(url.pathname.slice('/site/'.length)));
        expect(readFileSync(file, 'utf8'), href).toContain(`id="${url.hash.slice(1)}"`);
      }
    }
  });
});

describe.skipIf(!hasChromium)('the chain map in Chromium', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { server = await serve(out, '/'); });
  afterAll(async () => { await server?.close(); });

  it('fits a 390 px phone without sideways scrolling, and a tap on a link box jumps to its projects', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      for (const path of ['2026-04/chains/', '2026-04/chains/bio/']) {
        await page.goto(`${server.url}${path}`);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, path).toBeLessThanOrEqual(client);
      }
      // The map is drawn at its natural size on a phone: names stay at 13 px.
      const box = await page.locator('svg.chain-map-svg').boundingBox();
      expect(box!.width).toBeGreaterThan(340);
      await page.locator('svg a[href="#link-3"]').click();
      expect(new URL(page.url()).hash).toBe('#link-3');
      await expect.poll(() => page.locator('#link-3 h3').isVisible()).toBe(true);
      const top = await page.locator('#link-3').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(100);
      expect(requests.every((u) => u.startsWith(server.url))).toBe(true);
      // On a phone a link's projects are cards (site.css "stack"), each cell named; a project's name
      // leads to its row in the ledger, highlighted there.
      const card = await page.locator('#link-1 tbody tr').first().evaluate((tr) => [getComputedStyle(tr).display, getComputedStyle(tr.querySelector('td')!, '::before').content]);
      expect(card).toEqual(['flex', '"单位"']);
      await page.locator('#link-1 tbody th a').first().click();
      await page.waitForURL(/\/2026-04\/projects\/1\/#r-A01-1$/);
      expect(await page.locator('#r-A01-1 th').innerText()).toBe('原料药一期');
      expect(await page.locator('tr:target').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
