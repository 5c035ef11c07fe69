/**
 * The command as a clerk uses it: flags, exit codes, the closing summary, and the folder it builds,
 * on a small data folder with planted faults generated here.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from './helpers/cli.ts';
import { HEADER, put, UNITS, workbook } from './helpers/workbooks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-cli-'));
const data = join(tmp, 'data');
const PHONE = '13912345678';

beforeAll(() => {
  put(data, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(data, 'targets/2026.csv', '单位,到位资金（万元）\r\n平原县,100000\r\n东山县,80000\r\nA03,50000\r\n经开区,60000\r\n高新区,60000\r\n市商务局,20000\r\n');
  for (const m of ['2026-03', '2026-04']) {
    const k = m === '2026-03' ? 1 : 2;
    put(data, `returns/${m}/平原县.xlsx`, workbook([{ name: '台账', rows: [HEADER, ['P1', '电池项目', '甲公司', '工业', '新建', '开工', 50000, 30000, 10000 * k, '2026-01-05', PHONE]] }]));
    put(data, `returns/${m}/东山县.xlsx`, workbook([{ name: '台账', rows: [HEADER, ['D1', '=HYPERLINK("http://x")', '乙公司', '服务业', '新建', '签约', 2000, 1500, 500 * k, null, null]] }]));
  }
  // Faults in April: a corrupt file, an unknown unit, a second return for 平原县, a bad amount.
  put(data, 'returns/2026-04/损坏.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  put(data, 'returns/2026-04/火星县.xlsx', workbook([{ name: 'Sheet1', rows: [['填报单位：火星县'], HEADER, ['M1', '火星项目', '丙', '工业', '新建', '签约', 1, 1, 1, null, null]] }]));
  put(data, 'returns/2026-04/平原县（更正）.xlsx', workbook([{ name: '台账', rows: [HEADER, ['P1', '电池项目', '甲公司', '工业', '新建', '开工', 50000, 30000, 99999, null, null]] }]));
  put(data, 'returns/2026-04/A03.xlsx', workbook([{ name: 'Sheet1', rows: [HEADER, ['X1', '文旅项目', '丁', '文旅', '新建', '签约', 100, 100, '一百', null, null]] }]));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run build', () => {
  it('builds despite bad files, exits 0, and reports every fault in the closing summary', async () => {
    const out = join(tmp, 'public');
    const r = runBuild(['--data', data, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/损坏\.xlsx\s+✗ 跳过：/);
    expect(r.stdout).toMatch(/完成：文件 8 个（读取 7 个，跳过 1 个，重复报送未计入 1 个）/);
    // The per-file line tells the truth: the second return was read but not counted.
    expect(r.stdout).toMatch(/平原县（更正）\.xlsx\s+✗ 平原县：重复报送，未计入/);
    // A corrupt file is a file that could not be read, not a missing return.
    expect(r.stdout).toMatch(/损坏\.xlsx\s+✗ 跳过：报送文件无法读取/);
    expect(r.stdout).toMatch(/问题：错误 [1-9]\d* 条/);
    const s = JSON.parse(readFileSync(join(out, 'data/2026-04/summary.json'), 'utf8'));
    const kinds = s.issues.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['unreadable', 'unknown-unit', 'duplicate-return', 'not-a-number', 'not-submitted']));
    // The second 平原县 return is not counted: funds are the first file's.
    expect(s.units.find((u: { code: string }) => u.code === 'A01').fundsInPlace).toBe(20000);
    expect(s.issues.find((i: { kind: string }) => i.kind === 'not-a-number')).toMatchObject({ file: 'returns/2026-04/A03.xlsx', sheet: 'Sheet1', cell: 'I2', unit: 'A03', project: '文旅项目', projectCode: 'X1' });
    const { ISSUE_KINDS } = await import('../src/lib/model/issues.ts');
    for (const k of kinds) expect(ISSUE_KINDS, k).toHaveProperty(k);
    // Every row read is counted or reported.
    for (const f of s.files) expect(f.rowsRead).toBe(f.projects + f.rejected + f.nonData);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, '2026-04/quality/index.html'))).toBe(true);
    const quality = readFileSync(join(out, '2026-04/quality/index.html'), 'utf8');
    expect(quality).toContain('火星县');
    expect(quality).toContain('未报送');
  });

  it('--strict exits 1 and lists the errors by file, without a stack trace', () => {
    const r = runBuild(['--data', data, '--out', join(tmp, 'strict'), '--strict', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('严格模式');
    expect(r.stdout).toContain('returns/2026-04/A03.xlsx');
    expect(r.stdout).toMatch(/Sheet1 I2：.*一百/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('the public build has no contact numbers; --audience internal adds them', () => {
    const pub = join(tmp, 'public');
    expect(readFileSync(join(pub, 'data/2026-04/projects.csv'), 'utf8')).not.toContain(PHONE);
    expect(readFileSync(join(pub, '2026-04/units/A01/index.html'), 'utf8')).not.toContain(PHONE);
    const internal = join(tmp, 'internal');
    expect(runBuild(['--data', data, '--out', internal, '--audience', 'internal', '--quiet']).code).toBe(0);
    expect(readFileSync(join(internal, 'data/2026-04/projects.csv'), 'utf8')).toContain(PHONE);
    expect(readFileSync(join(internal, '2026-04/units/A01/index.html'), 'utf8')).toContain(PHONE);
  });

  it('neutralises formulas in the CSV download and keeps the BOM', () => {
    const text = readFileSync(join(tmp, 'public/data/2026-04/projects.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('keeps text as text in the XLSX downloads: no formulas', async () => {
    const XLSX = await import('xlsx');
    const wb = XLSX.read(readFileSync(join(tmp, 'public/data/2026-04/projects.xlsx')), { type: 'buffer', cellFormula: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const cells = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as { t: string; v: unknown; f?: string });
    expect(cells.some((c) => c.f)).toBe(false);
    expect(cells.find((c) => String(c.v).startsWith('=HYPERLINK'))?.t).toBe('s');
    const ranking = XLSX.read(readFileSync(join(tmp, 'public/data/2026-04/rankings.xlsx')), { type: 'buffer' });
    expect(ranking.SheetNames).toEqual(['排名']);
    expect(ranking.Sheets['排名']!['A1'].v).toBe('2026年1-4月各单位招商引资排名');
  });

  it('--base /sub/path/ prefixes every internal link', () => {
    const out = join(tmp, 'sub');
    expect(runBuild(['--data', data, '--out', out, '--base', '/sub/path', '--quiet']).code).toBe(0);
    const html = readFileSync(join(out, '2026-04/index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(5);
    const bad = hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/sub/path/'));
    expect(bad, html.slice(0, 3000)).toEqual([]);
  });

  it.each([
    [['--audience', 'everyone'], 2, 'audience'],
    [['--bogus'], 2, '参数错误'],
    [['--base', 'no-slash'], 2, '--base'],
  ])('bad usage %j exits 2 with a Chinese message', (args, code, text) => {
    const r = runBuild(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text as string);
  });

  describe('site.json', () => {
    /** A copy of the test data folder with this site.json (or none). */
    const folderWith = (name: string, siteJson: string | null) => {
      const dir = join(tmp, name);
      cpSync(data, dir, { recursive: true });
      if (siteJson !== null) writeFileSync(join(dir, 'site.json'), siteJson);
      return dir;
    };
    const pages = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));

    it('a full-width quote stops the build with exit 1, naming the file, the line and what is expected; nothing is built', () => {
      const dir = folderWith('data-bad-json', '{\n  "city": "平安市",\n  "office": “平安市投资促进局”\n}\n');
      const out = join(tmp, 'bad-json');
      const r = runBuild(['--data', dir, '--out', out, '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`无法生成：设置文件 ${join(dir, 'site.json')} 有误，未生成任何内容。`);
      expect(r.stderr).toContain('site.json 第 3 行第 13 列格式有误：这里是全角引号（“），应改为英文半角双引号 "');
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(existsSync(out)).toBe(false);
    });

    it('a value of the wrong type or range stops the build, naming the key', () => {
      const dir = folderWith('data-bad-value', JSON.stringify({ city: '平安市', lights: { yellowBehind: 30, redBehind: 10 }, rankBy: 'projects' }));
      const r = runBuild(['--data', dir, '--out', join(tmp, 'bad-value'), '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('lights.redBehind：应大于 yellowBehind');
      expect(r.stderr).toContain('rankBy：应为 "fundsCompletion"（按到位资金完成率排名）或 "assessment"');
      expect(existsSync(join(tmp, 'bad-value'))).toBe(false);
    });

    it('a misspelt key is named with the nearest known key, and the build goes on with the city set', () => {
      const dir = folderWith('data-typo', JSON.stringify({ city: '平安市', office: '平安市投资促进局', ligths: { yellowBehind: 5, redBehind: 20 } }, null, 2));
      const out = join(tmp, 'typo');
      const r = runBuild(['--data', dir, '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('注意：site.json 中的设置项“ligths”无法识别，已忽略；是否应为 lights？');
      expect(r.stdout).not.toContain('提示：未设置');
      const bulletin = readFileSync(join(out, '2026-04/index.html'), 'utf8');
      expect(bulletin).toContain('平安市招商引资工作通报');
      expect(bulletin).toContain('<p class="issuer">平安市投资促进局</p>');
      expect(readFileSync(join(out, '2026-04/quality/index.html'), 'utf8')).toContain('是否应为 lights？');
    });

    it('without site.json no city name is invented, and the console says how to set one', () => {
      const dir = folderWith('data-no-site', null);
      const out = join(tmp, 'no-site');
      const r = runBuild(['--data', dir, '--out', out, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/提示：未设置城市名称和发文机关，通报落款使用中性写法；请在 \S*site\.json 中填写 "city" 和 "office"/);
      const html = pages(out);
      expect(html.length).toBeGreaterThan(10);
      for (const f of html) expect(readFileSync(f, 'utf8'), f).not.toContain('示例市');
      const bulletin = readFileSync(join(out, '2026-04/index.html'), 'utf8');
      expect(bulletin).toContain('<a class="brand" href="/">招商引资通报</a>');
      expect(bulletin).not.toContain('class="issuer"');
    });
  });

  it('exits 1 with a clear message when nothing can be built', () => {
    const r = runBuild(['--data', join(tmp, 'does-not-exist'), '--out', join(tmp, 'none')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('数据目录不存在');
  });
});
