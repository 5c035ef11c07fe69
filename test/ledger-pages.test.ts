/**
 * The ledger's pages as built (src/pages/[period]/projects/): a unit with a ledger far longer than
 * usual, with long names and markup in its text, runs over several pages so that no page of the
 * site exceeds the 500 KB budget (measured on the files, not estimated), every ledger row is on
 * exactly one page under its anchor, and the city-wide index names each row once, linking to that
 * anchor. Its rows lie on one industry chain, nearly all on one link, and hundreds name a link the
 * chain lacks: the chain pages list the largest of them, each linked to its ledger row, and say
 * how many they leave out (src/lib/views/chain-page.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from './helpers/cli.ts';
import { csv, put } from './helpers/workbooks.ts';

const BUDGET = 500 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-ledger-'));
const data = join(tmp, 'data');
const out = join(tmp, 'site');
const HEAD = ['项目编码', '项目名称', '投资方', '产业类别', '所属产业链', '产业链环节', '项目阶段', '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '包保领导', '联系人'];
const LONG = 3000;
/**
 * Where row i of a unit lies: one link takes most rows, every fiftieth names a link the chain lacks
 * (more would put the quality page, which lists each such row, over budget), every thirteenth is 在谈.
 */
const linkOf = (i: number) => (i % 50 === 49 ? '未定义环节' : i % 4 === 3 ? '整车制造' : '动力电池');
const stageOf = (i: number) => (i % 13 === 0 ? '在谈' : '开工');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

beforeAll(() => {
  put(data, 'units.csv', csv([['编码', '名称', '分组'], ['A01', '平原县', '县区'], ['A02', '东山县', '县区'], ['B01', '高新区', '开发区']]));
  const rows = (prefix: string, n: number, long = false) => Array.from({ length: n }, (_, i) => [
    `${prefix}-${i + 1}`,
    // Every seventh name runs to 1300 characters, some with markup to escape.
    long && i % 7 === 0 ? `${prefix}长名称项目${i + 1}${'新能源装备制造<产业>&园区'.repeat(100)}` : `${prefix}项目${i + 1}`,
    `投资方${i % 40}`, '工业', '新能源汽车', linkOf(i), stageOf(i), 20000, 10000 + i, (i * 37) % 5000, '某领导', '某人',
  ]);
  put(data, 'chains.csv', csv([['产业链', '产业链编码', '环节', '层级'], ['新能源汽车', 'nev', '动力电池', '中游'], ['新能源汽车', '', '整车制造', '下游'], ['新能源汽车', '', '充换电服务', '下游']]));
  put(data, 'returns/2026-04/平原县.csv', csv([HEAD, ...rows('A01', LONG, true)]));
  put(data, 'returns/2026-04/东山县.csv', csv([HEAD, ...rows('A02', 60)]));
  put(data, 'returns/2026-04/高新区.csv', csv([HEAD, ...rows('B01', 5)]));
  const r = runBuild(['--data', data, '--out', out, '--quiet', '--audience', 'internal']);
  if (r.code !== 0) throw new Error(`build failed: ${r.stdout}\n${r.stderr}`);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the ledger of a unit with thousands of rows', () => {
  it('keeps every page of the site, and every file of the search index, under budget', () => {
    const files = walk(out).map((f) => ({ path: relative(out, f), size: statSync(f).size }));
    const over = files.filter((f) => f.path.endsWith('.html') && f.size > BUDGET).map((f) => `${f.path} ${f.size}`);
    expect(over).toEqual([]);
    const shards = files.filter((f) => /^2026-04\/projects\/search-\d+\.js$/.test(f.path));
    expect(shards.length).toBeGreaterThan(1);
    for (const s of shards) expect(s.size, s.path).toBeLessThan(220_000);
  });

  it('runs the long unit over pages, every row on exactly one page under its anchor, the index linking every page', () => {
    const root = join(out, '2026-04', 'projects');
    const pages = readdirSync(root).filter((f) => /^\d+$/.test(f)).map(Number).sort((a, b) => a - b).map((n) => join(root, String(n), 'index.html'));
    const ids: string[] = [];
    const names: string[] = [];
    const holding: string[] = [];
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const rows = document.querySelectorAll('#u-A01 tbody tr');
      if (rows.length > 0) holding.push(`/${relative(out, file).replace(/index\.html$/, '')}#u-A01`);
      for (const tr of rows) { ids.push(tr.getAttribute('id')!); names.push(tr.querySelector('th')!.textContent!); }
    }
    expect(holding.length).toBeGreaterThan(LONG / 400);
    expect(ids).toEqual(Array.from({ length: LONG }, (_, i) => `r-A01-${i + 1}`));
    expect(names.map((n) => /^A01(?:长名称)?项目(\d+)/.exec(n)![1])).toEqual(Array.from({ length: LONG }, (_, i) => String(i + 1)));
    const index = parseHTML(readFileSync(join(root, 'index.html'), 'utf8')).document;
    const row = [...index.querySelectorAll('table.ledger-index tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '平原县')!;
    expect(row.querySelector('td[data-label="台账行数"]')!.textContent).toBe(String(LONG));
    expect([...row.querySelectorAll('td[data-label="所在页"] a')].map((a) => a.getAttribute('href'))).toEqual(holding);
  });

  it('indexes every row of the city once for the search, linking to the page and row that hold it', () => {
    const index = parseHTML(readFileSync(join(out, '2026-04', 'projects', 'index.html'), 'utf8')).document;
    const urls = index.querySelector('form.search')!.getAttribute('data-index')!.split(' ');
    const found: string[] = [];
    for (const url of urls) {
      const script = readFileSync(join(out, url), 'utf8');
      new Function('tongbaoLedgerIndex', script)((d: { pages: string[]; units: [string, string][]; rows: [number, number, number, string][] }) => {
        for (const [p, u, row, name] of d.rows) found.push(`${d.pages[p]}#${d.units[u]![0]}${row} ${name}`);
      });
    }
    expect(found.length).toBe(LONG + 60 + 5);
    expect(new Set(found).size).toBe(found.length);
    const onPage = new Map<string, Map<string, string>>();
    for (const f of walk(join(out, '2026-04', 'projects')).filter((x) => x.endsWith('.html') && !x.endsWith(join('projects', 'index.html')))) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      onPage.set(`/${relative(out, f).replace(/index\.html$/, '')}`, new Map([...document.querySelectorAll('table.ledger tbody tr')].map((tr) => [tr.getAttribute('id')!, tr.querySelector('th')!.textContent!])));
    }
    for (const entry of found) {
      const [, page, id, name] = /^([^#]+)#(r-[A-Z0-9]+-\d+) (.*)$/s.exec(entry)!;
      expect(onPage.get(page!)?.get(id!), entry.slice(0, 60)).toBe(name);
    }
  });
});

describe('the chain pages of a chain with thousands of projects', () => {
  /** Site path (`/2026-04/projects/3/`) → row id → project name, of every ledger page. */
  const ledgerRows = () => {
    const rows = new Map<string, Map<string, string>>();
    for (const f of walk(join(out, '2026-04', 'projects')).filter((x) => x.endsWith('.html') && !x.endsWith(join('projects', 'index.html')))) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      rows.set(`/${relative(out, f).replace(/index\.html$/, '')}`, new Map([...document.querySelectorAll('table.ledger tbody tr')].map((tr) => [tr.getAttribute('id')!, tr.querySelector('th')!.textContent!])));
    }
    return rows;
  };
  const page = (rel: string) => parseHTML(readFileSync(join(out, rel, 'index.html'), 'utf8')).document;
  const num = (s: string) => Number(s.replace(/,/g, ''));

  it('lists each link\'s largest projects, each linked to its row in the ledger, and counts the rest with their amounts', () => {
    const rows = ledgerRows();
    const doc = page('2026-04/chains/nev');
    const battery = doc.getElementById('link-1')!;
    const listed = [...battery.querySelectorAll('tbody tr')];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(10);
    const links = [...doc.querySelectorAll('#link-1 tbody th a, #link-2 tbody th a, #link-1 .chain-reserve a:first-child, #link-2 .chain-reserve a:first-child')];
    expect(links.length).toBeGreaterThan(10);
    for (const a of links) {
      const [path, id] = a.getAttribute('href')!.split('#');
      expect(rows.get(path!)?.get(id!), a.getAttribute('href')!).toBe(a.textContent);
    }
    // Largest funds first; the rest's count and amounts complete the link's own figures.
    const funds = listed.map((tr) => num(tr.querySelector('td[data-label="到位资金"]')!.textContent!));
    expect(funds).toEqual([...funds].sort((a, b) => b - a));
    const counted = [LONG, 60, 5].flatMap((n) => Array.from({ length: n }, (_, i) => i).filter((i) => linkOf(i) === '动力电池' && stageOf(i) !== '在谈'));
    const summary = /(\d+)个项目，合同引资额([\d,]+)万元，到位资金([\d,]+)万元/.exec(battery.querySelector('.chain-link-summary')!.textContent!)!;
    expect(Number(summary[1])).toBe(counted.length);
    const rest = /另有(\d+)个项目，合同引资额([\d,]+)万元，到位资金([\d,]+)万元/.exec(battery.querySelector('.chain-link-rest')!.textContent!)!;
    expect(Number(rest[1]) + listed.length).toBe(counted.length);
    expect(num(rest[3]!) + funds.reduce((a, b) => a + b, 0)).toBe(num(summary[3]!));
    expect(battery.querySelector('caption')!.textContent).toContain(`列出到位资金最多的${listed.length}个`);
    expect(battery.querySelector('.chain-link-rest a')!.getAttribute('href')).toBe('/2026-04/projects/');
    const reserve = /在谈项目(\d+)个（储备，不计入项目数），列出(\d+)个/.exec(battery.textContent!)!;
    expect(Number(reserve[1])).toBeGreaterThan(Number(reserve[2]));
    expect(battery.querySelectorAll('.chain-reserve li').length).toBe(Number(reserve[2]));
  });

  it('lists the first rows naming an undefined link, linked to their rows, with the number of all of them', () => {
    const rows = ledgerRows();
    const all = [LONG, 60, 5].reduce((n, rows) => n + Math.floor(rows / 50), 0);
    for (const rel of ['2026-04/chains/nev', '2026-04/chains']) {
      const doc = page(rel);
      expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toContain(`未归链项目（${all}个）`);
      const listed = [...doc.querySelectorAll('table.unplaced-table tbody tr')];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.length).toBeLessThanOrEqual(20);
      expect(doc.querySelector('table.unplaced-table caption')!.textContent).toContain(`（列出前${listed.length}个，共${all}个）`);
      for (const tr of listed) {
        const a = tr.querySelector('th a')!;
        const [path, id] = a.getAttribute('href')!.split('#');
        expect(rows.get(path!)?.get(id!), rel).toBe(a.textContent);
      }
    }
  });
});
