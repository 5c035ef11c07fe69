/**
 * Issue 12: the bulletin as a record. Issue → builds show 文号 and date and exactly the issued
 * figures; a resubmitted return changes nothing published but lists each figure that would differ;
 * public builds hide drafts; --revise makes version 2; refusals; broken records build as drafts.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, runIssue } from './helpers/cli.ts';
import { HEADER, put, UNITS, workbook } from './helpers/workbooks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-issue-'));
const data = join(tmp, 'data');
const ret = (funds: number) => workbook([{ name: '台账', rows: [HEADER, ['P1', '电池项目', '甲公司', '工业', '新建', '开工', 50000, 30000, funds, '2026-01-05', null]] }]);
const summary = (out: string, p: string) => JSON.parse(readFileSync(join(out, `data/${p}/summary.json`), 'utf8'));

beforeAll(() => {
  put(data, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
  put(data, 'site.json', JSON.stringify({ city: '平安市', office: '平安市投资促进局' }));
  put(data, 'targets/2026.csv', '单位,到位资金（万元）\r\n平原县,100000\r\n东山县,80000\r\n');
  put(data, 'returns/2026-03/平原县.xlsx', ret(10000));
  put(data, 'returns/2026-03/东山县.xlsx', workbook([{ name: '台账', rows: [HEADER, ['D1', '物流项目', '乙公司', '服务业', '新建', '签约', 2000, 1500, 9000, null, null]] }]));
  put(data, 'returns/2026-04/平原县.xlsx', ret(20000));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run issue', () => {
  it('refuses a period that does not exist, a bad date, and --revise before issuing', () => {
    expect(runIssue(['2026-05', '--data', data])).toMatchObject({ code: 1 });
    expect(runIssue(['2026-05', '--data', data]).stderr).toContain('没有 2026-05 的月报');
    expect(runIssue(['2026-03', '--date', '2026/4/8', '--data', data]).stderr).toContain('YYYY-MM-DD');
    expect(runIssue(['2026-03', '--revise', '--reason', 'x', '--data', data]).stderr).toContain('尚未签发');
    expect(runIssue(['--data', data]).code).toBe(2);
    expect(existsSync(join(data, 'issued'))).toBe(false);
  });

  it('issues March: the record names 文号, date, inputs; a second issue is refused', () => {
    const r = runIssue(['2026-03', '--number', '平招商通〔2026〕3号', '--date', '2026-04-08', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(join(data, 'issued/2026-03.json'), 'utf8'));
    expect(rec).toMatchObject({ format: 'tongbao-issued/1', period: '2026-03', versions: [{ version: 1, number: '平招商通〔2026〕3号', date: '2026-04-08', reason: null, forced: false }] });
    expect(Object.keys(rec.versions[0].inputs)).toEqual(expect.arrayContaining(['returns/2026-03/平原县.xlsx', 'targets/2026.csv', 'units.xlsx', 'site.json']));
    const again = runIssue(['2026-03', '--data', data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已于 2026-04-08 签发');
  });

  it('a resubmitted return leaves the issued figures and lists what would differ; public shows issued periods only', () => {
    put(data, 'returns/2026-03/平原县.xlsx', ret(15000)); // resubmitted after issue
    const out = join(tmp, 'public');
    const r = runBuild(['--data', data, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-03 的通报已签发');
    const s = summary(out, '2026-03');
    expect(s.issued).toEqual({ number: '平招商通〔2026〕3号', date: '2026-04-08', version: 1 });
    expect(s.units.find((u: { code: string }) => u.code === 'A01').fundsInPlace).toBe(10000);
    expect(s.revisions).toEqual(expect.arrayContaining([
      { unit: '平原县', indicator: '到位资金', issued: '10000万元', current: '15000万元', file: 'returns/2026-03/平原县.xlsx' },
      { unit: '全市', indicator: '到位资金', issued: '19000万元', current: '24000万元', file: 'returns/2026-03/平原县.xlsx' },
    ]));
    expect(s.revisions.every((x: { file: string }) => x.file === 'returns/2026-03/平原县.xlsx')).toBe(true);
    // April is a draft: not in the public build.
    expect(existsSync(join(out, 'data/2026-04/summary.json'))).toBe(false);
    expect(existsSync(join(out, '2026-04/index.html'))).toBe(false);
    const page = readFileSync(join(out, '2026-03/index.html'), 'utf8');
    expect(page).toContain('平招商通〔2026〕3号');
    expect(page).toContain('发布后更正');
  });

  it('internal builds show drafts too, marked 草稿, and April’s 升降 is measured against issued ranks', () => {
    const out = join(tmp, 'internal');
    expect(runBuild(['--data', data, '--out', out, '--quiet', '--audience', 'internal']).code).toBe(0);
    expect(summary(out, '2026-04').issued).toBeNull();
    // March as issued: 东山县 11.3% first, 平原县 10% second; as resubmitted 平原县 would be first.
    // April's 升降 compares with what leaders were shown: 平原县 rose from 2nd to 1st.
    expect(summary(out, '2026-03').units.find((u: { code: string }) => u.code === 'A01').rank).toBe(2);
    expect(summary(out, '2026-04').units.find((u: { code: string }) => u.code === 'A01')).toMatchObject({ rank: 1, rankChange: 1 });
    expect(readFileSync(join(out, '2026-04/index.html'), 'utf8')).toContain('草稿');
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('平招商通〔2026〕3号');
  });

  it('--revise issues version 2 with the current figures and no pending revisions', () => {
    const r = runIssue(['2026-03', '--revise', '--reason', '平原县更正3月到位资金', '--number', '平招商通〔2026〕5号', '--date', '2026-04-20', '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    const out = join(tmp, 'revised');
    expect(runBuild(['--data', data, '--out', out, '--quiet']).code).toBe(0);
    const s = summary(out, '2026-03');
    expect(s.issued).toEqual({ number: '平招商通〔2026〕5号', date: '2026-04-20', version: 2 });
    expect(s.revisions).toEqual([]);
    expect(s.units.find((u: { code: string }) => u.code === 'A01').fundsInPlace).toBe(15000);
    const rec = JSON.parse(readFileSync(join(data, 'issued/2026-03.json'), 'utf8'));
    expect(rec.versions.map((v: { version: number; figures: { totals: { fundsInPlace: number } } }) => [v.version, v.figures.totals.fundsInPlace])).toEqual([[1, 19000], [2, 24000]]);
    const page = readFileSync(join(out, '2026-03/index.html'), 'utf8');
    expect(page).toContain('更正版');
    expect(page).toContain('平原县更正3月到位资金');
  });

  it('a truncated record is reported and its period builds as a draft; a record without returns is an error', () => {
    const text = readFileSync(join(data, 'issued/2026-03.json'), 'utf8');
    writeFileSync(join(data, 'issued/2026-03.json'), text.slice(0, 500));
    writeFileSync(join(data, 'issued/2025-12.json'), text.replaceAll('"period": "2026-03"', '"period": "2025-12"'));
    const out = join(tmp, 'broken');
    const r = runBuild(['--data', data, '--out', out, '--quiet', '--audience', 'internal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('issued/2026-03.json');
    const s = summary(out, '2026-03');
    expect(s.issued).toBeNull();
    const kinds = s.issues.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('bad-record');
    expect(kinds).toContain('record-without-returns');
    writeFileSync(join(data, 'issued/2026-03.json'), text);
  });

  it('a second record of a month blocks issuing it again until one is removed; another month’s broken record does not', () => {
    const text = readFileSync(join(data, 'issued/2026-03.json'), 'utf8');
    writeFileSync(join(data, 'issued/2026-03 副本.json'), text);
    const r = runIssue(['2026-03', '--revise', '--reason', '再次更正', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2026-03 有 2 份签发记录');
    rmSync(join(data, 'issued/2026-03 副本.json'));
    // 2025-12.json (a record without returns, left by the test above) mentions 2026-03 nowhere
    // that matters: April is issued as usual.
    writeFileSync(join(data, 'issued/2025-11.json'), '{ "format": "tongbao-issued/1", "period": "2026-04" '); // truncated
    const april = runIssue(['2026-04', '--number', '平招商通〔2026〕6号', '--date', '2026-05-08', '--data', data]);
    expect(april.code, april.stderr).toBe(0);
  });
});
