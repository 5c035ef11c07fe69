/**
 * A phone number typed into a project's name (“检测中心（联系人139…）”) stays out of a public build
 * everywhere the name travels: the ledger, the chain pages and their 未归链 list, the data-quality
 * messages, summary.json and the downloads. The sample's e2e test covers the 联系电话 column; this one
 * covers free text, which only masking can catch. The masked rows stay linked: a chain page still
 * lists them and points at their ledger rows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runIssue } from './helpers/cli.ts';
import { put, UNITS, workbook } from './helpers/workbooks.ts';
import { findInWorkbook } from './helpers/xlsx-scan.ts';

const PHONES = ['13955556666', '13966667777', '13977778888', '13988889999', '13944443333', '13911112222'];
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-phones-'));
const data = join(tmp, 'data');
const out = join(tmp, 'out');
const issuedOut = join(tmp, 'out-issued');
let publicSummary = '';
let internalSummary = '';

const LEDGER = ['项目编码', '项目名称', '投资方', '产业类别', '所属产业链', '产业链环节', '项目阶段', '合同引资额（万元）', '累计到位资金（万元）'];

beforeAll(() => {
  put(data, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  // A row naming nobody on the register, typed with a phone: a global issue of every month.
  put(data, 'targets/2026.csv', `单位,到位资金（万元）\r\n平原县,100000\r\n东山县,80000\r\n王局长${PHONES[5]},500\r\n`);
  put(data, 'chains.xlsx', workbook([{ name: '产业链', rows: [
    ['产业链', '产业链编码', '链长', '牵头部门', '环节', '层级', '环节说明', '招商目标企业'],
    ['生物医药', 'bio', '', '', '原料药', '上游', '', ''],
    ['生物医药', '', '', '', '化学制剂', '中游', '', ''],
  ] }]));
  put(data, 'returns/2026-04/平原县.xlsx', workbook([{ name: '台账', rows: [
    LEDGER,
    ['P1', `原料药一期 电话${PHONES[1]}`, '甲药业', `工业 王${PHONES[3]}`, '生物医药', '原料药', '开工', 20000, 6000],
    // Funds typed in 元 into a 万元 column: the quality page must still show the figure, which is no phone.
    ['P9', '大额项目', '癸公司', '工业', '生物医药', '原料药', '开工', 20000, 15012345678],
    // No code: the row is known by its name, phone and all, until the public build masks it.
    [null, `制剂项目${PHONES[2]}`, '丁制药', '工业', '生物医药', '化学制剂', '签约', 8000, 500],
    // A link the chain does not have: listed as 未归链, and reported on the quality page.
    [null, `检测中心（联系人${PHONES[0]}）`, '壬检测', '服务业', '生物医药', `检测 王${PHONES[4]}`, '签约', 100, 10],
  ] }]));
  const r = runBuild(['--data', data, '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  publicSummary = r.stdout;
  const internal = runBuild(['--data', data, '--out', join(tmp, 'out-internal'), '--audience', 'internal', '--quiet']);
  if (internal.code !== 0) throw new Error(internal.stdout + internal.stderr);
  internalSummary = internal.stdout;
  // The same month once issued: its pages then show the record, which is made from an internal build.
  const issued = runIssue(['2026-04', '--number', '平招商通〔2026〕4号', '--date', '2026-05-08', '--force', '--data', data]);
  if (issued.code !== 0) throw new Error(issued.stdout + issued.stderr);
  const again = runBuild(['--data', data, '--out', issuedOut, '--quiet']);
  if (again.code !== 0) throw new Error(again.stdout + again.stderr);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}
const dom = (site: string, rel: string) => parseHTML(readFileSync(join(site, rel, 'index.html'), 'utf8')).document;

describe('the public build, besides its masks', () => {
  it('counts the same problems as the internal build (a masked global issue is still one issue)', () => {
    const counts = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('问题：'));
    expect(counts(publicSummary)).toMatch(/^问题：错误 \d+ 条，提示 \d+ 条。$/);
    expect(counts(publicSummary)).toBe(counts(internalSummary));
  });

  it('shows an amount typed in 元 on the quality page: digits before 元 are no phone', () => {
    expect(readFileSync(join(out, '2026-04', 'quality', 'index.html'), 'utf8')).toMatch(/15,?012,?345,?678/);
  });
});

describe.each([['a draft month', () => out], ['an issued month', () => issuedOut]])('phone numbers typed into project names, public build, %s', (_, site) => {
  it('appear in no page, script, data file or download', () => {
    const all = files(site());
    expect(all.some((f) => f.endsWith('.xlsx'))).toBe(true);
    for (const f of all) {
      if (f.endsWith('.xlsx')) { expect(findInWorkbook(readFileSync(f), PHONES), f).toEqual([]); continue; }
      // A Word document is a zip of XML: its text is read from the parts, not the compressed bytes.
      const text = f.endsWith('.docx')
        ? Object.values(unzipSync(readFileSync(f))).map((b) => strFromU8(b)).join('\n')
        : readFileSync(f).toString('utf8');
      if (f.endsWith('.docx')) expect(text, f).toContain('<w:document');
      for (const phone of PHONES) expect(text.includes(phone), `${phone} in ${f}`).toBe(false);
    }
  });

  it('leave the rows listed and linked on the chain page, masked', () => {
    const doc = dom(site(), '2026-04/chains/bio');
    const body = doc.body.textContent!;
    expect(body).toContain('制剂项目（电话已隐去）');
    expect(body).toContain('检测中心（联系人（电话已隐去））');
    // The 未归链 row still points at its own ledger row, whose name is the masked one.
    const unplaced = [...doc.querySelectorAll('a')].find((a) => a.textContent!.includes('检测中心'));
    expect(unplaced?.getAttribute('href')).toMatch(/projects\/1\/#r-A01-4$/);
  });
});
