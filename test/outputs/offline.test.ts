import { describe, expect, it } from 'vitest';
import { mayHoldLinks, OFFLINE_BASE, offlineLeftovers, relativeUrl, relativiseLinks } from '../../src/lib/outputs/offline.ts';

const M = OFFLINE_BASE;

describe('relativeUrl(from, target): a site path as seen from a file of the site', () => {
  it('names the file of a folder and climbs out of the page’s own folders', () => {
    expect(relativeUrl('index.html', '')).toBe('index.html');
    expect(relativeUrl('index.html', '2026-04/')).toBe('2026-04/index.html');
    expect(relativeUrl('2026-04/index.html', '')).toBe('../index.html');
    expect(relativeUrl('2026-04/index.html', '2026-04/')).toBe('index.html');
    expect(relativeUrl('2026-04/index.html', '2026-04/units/A01/')).toBe('units/A01/index.html');
    expect(relativeUrl('2026-04/units/A01/index.html', '2026-03/units/A01/')).toBe('../../../2026-03/units/A01/index.html');
    expect(relativeUrl('2026-04/units/A01/index.html', 'data/2026-04/feedback/甲03.xlsx')).toBe('../../../data/2026-04/feedback/甲03.xlsx');
    expect(relativeUrl('_astro/site.css', '_astro/font.woff2')).toBe('font.woff2');
  });

  it('keeps a fragment or query after the file name', () => {
    expect(relativeUrl('2026-04/quality/index.html', '2026-04/quality/#kind-bad-amount')).toBe('index.html#kind-bad-amount');
    expect(relativeUrl('2026-04/index.html', '2026-04/chains/bio/?x=1#targets')).toBe('chains/bio/index.html?x=1#targets');
  });

  it('never yields something that reads as a scheme', () => {
    expect(relativeUrl('index.html', 'a:b/')).toBe('./a:b/index.html');
  });
});

describe('relativiseLinks(text, file)', () => {
  it('rewrites every place a URL stands: href, src, srcset, action, content, url(), inline JSON and script strings', () => {
    const html = [
      `<a href="${M}2026-04/">通报</a>`,
      `<img src="${M}favicon.svg" srcset="${M}a.png 1x, ${M}b.png 2x">`,
      `<form action="${M}2026-04/projects/"></form>`,
      `<meta content="${M}2026-04/">`,
      `<div style="background:url(${M}bg.png)"></div><div style='background:url("${M}bg2.png")'></div>`,
      `<script type="application/json">{"u":"${M}2026-04/units/A01/","v":["${M}data/2026-04/rankings.xlsx"]}</script>`,
      `<script>const u='${M}2026-03/';const t=\`${M}x/\`;</script>`,
    ].join('\n');
    const out = relativiseLinks(html, '2026-04/index.html');
    expect(offlineLeftovers(out)).toBe(0);
    expect(out).toBe([
      '<a href="index.html">通报</a>',
      '<img src="../favicon.svg" srcset="../a.png 1x, ../b.png 2x">',
      '<form action="projects/index.html"></form>',
      '<meta content="index.html">',
      `<div style="background:url(../bg.png)"></div><div style='background:url("../bg2.png")'></div>`,
      '<script type="application/json">{"u":"units/A01/index.html","v":["../data/2026-04/rankings.xlsx"]}</script>',
      "<script>const u='../2026-03/index.html';const t=`../x/index.html`;</script>",
    ].join('\n'));
  });

  it('leaves every other text alone, and counts a marker it could not place', () => {
    const text = '<a href="#main">跳到正文</a><a href="https://example.gov.cn/">外</a><p>/2026-04/ 不是链接</p>';
    expect(relativiseLinks(text, '2026-04/index.html')).toBe(text);
    expect(offlineLeftovers('x\\/__tongbao_offline__\\/y')).toBe(1);
  });

  it('reads only the files that can hold a link', () => {
    expect(['a.html', 'b.css', 'c.js', 'd.json', 'e.svg'].every(mayHoldLinks)).toBe(true);
    expect(['rankings.xlsx', 'projects.csv', 'x.png'].some(mayHoldLinks)).toBe(false);
  });
});
