/**
 * Shared links with `siteUrl` set: every page names its absolute permalink (og:url, canonical, the
 * link to copy and the printed QR code), the home page names the latest period's page rather than
 * itself, and descriptions carry the page's key figures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrMatrix } from '../src/lib/charts/qr.ts';
import { ROOT, runBuild } from './helpers/cli.ts';

const SITE = 'https://zsj.example.gov.cn/tongbao/';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-share-'));
const out = join(tmp, 'site');
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const meta = (html: string, attr: string) => new RegExp(`<meta ${attr} content="([^"]*)"`).exec(html)?.[1] ?? null;

beforeAll(() => {
  cpSync(join(ROOT, 'data'), join(tmp, 'data'), { recursive: true });
  const config = JSON.parse(readFileSync(join(tmp, 'data', 'site.json'), 'utf8'));
  writeFileSync(join(tmp, 'data', 'site.json'), JSON.stringify({ ...config, siteUrl: SITE }));
  const r = runBuild(['--data', join(tmp, 'data'), '--out', out, '--base', '/tongbao/', '--quiet']);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('permalinks with siteUrl', () => {
  it('gives each page its absolute address in og:url, canonical, the copy field and the QR code', () => {
    for (const path of ['2026-09', '2026-09/units/A02', '2025-03/units/C01', '2026-09/projects']) {
      const html = page(path);
      const url = `${SITE}${path}/`;
      expect(meta(html, 'property="og:url"'), path).toBe(url);
      expect(html).toContain(`<link rel="canonical" href="${url}">`);
      expect(html).toContain(`id="share-url" type="text" readonly value="${url}"`);
      expect(html).toContain(`aria-label="本页二维码：${url}"`);
      // The QR code drawn is the one of that address.
      const path0 = /<figure class="qr">.*?<path d="([^"]+)"/s.exec(html)![1]!;
      const dark = qrMatrix(url).flat().filter(Boolean).length;
      const drawn = [...path0.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(drawn).toBe(dark);
    }
  });

  it('shares the latest period’s page from the home page, which moves on next month', () => {
    const home = page('');
    expect(meta(home, 'property="og:url"')).toBe(`${SITE}2026-09/`);
    expect(home).toContain('本期固定链接');
  });

  it('describes pages by their key figures for link previews', () => {
    const bulletin = page('2026-09');
    const summary = JSON.parse(readFileSync(join(out, 'data', '2026-09', 'summary.json'), 'utf8'));
    const funds = (summary.totals.fundsInPlace / 1e4).toFixed(1);
    const description = meta(bulletin, 'name="description"')!;
    expect(description).toContain(`到位资金${funds}亿元，完成年度目标${(summary.totals.fundsCompletion * 100).toFixed(1)}%`);
    expect(meta(bulletin, 'property="og:description"')).toBe(description);
    expect(meta(bulletin, 'property="og:title"')).toBe('关于2026年1-9月全市招商引资工作情况的通报');
    const unit = summary.units.find((u: { code: string }) => u.code === 'A02');
    expect(meta(page('2026-09/units/A02'), 'name="description"')).toContain(`${unit.name}2026年1-9月到位资金${(unit.fundsInPlace / 1e4).toFixed(1)}亿元`);
    expect(meta(page('2026-09/units/A02'), 'name="description"')).toContain(`第${unit.rank}名`);
  });
});
