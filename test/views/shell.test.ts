import { describe, expect, it } from 'vitest';
import { pageShell, periodNav } from '../../src/lib/views/shell.ts';
import { siteOf } from './fixtures.ts';

const model = { ...siteOf([]), config: { ...siteOf([]).config, city: '示例市', office: '示例市投资促进局' } };

describe('pageShell(model, options)', () => {
  it('shares the page’s own path under the base, decoded then encoded once', () => {
    const s = pageShell(model, { base: '/招商/', pathname: '/%E6%8B%9B%E5%95%86/2026-04/units/A1/', period: '2026-04' });
    expect(s.link).toEqual({ url: '/%E6%8B%9B%E5%95%86/2026-04/units/A1/', absolute: false });
    expect(s.linkLabel).toBe('本页链接');
  });

  it('shares the permalink a page names instead (the home page: the latest period)', () => {
    const s = pageShell({ ...model, config: { ...model.config, siteUrl: 'https://zsj.example.gov.cn' } }, { base: '/', pathname: '/', permalink: '2026-04/' });
    expect(s.link).toEqual({ url: 'https://zsj.example.gov.cn/2026-04/', absolute: true });
    expect(s.linkLabel).toBe('本期固定链接');
  });

  it('in an offline copy shares the published address when siteUrl is set, under the served base, and nothing otherwise', () => {
    const offline = { ...model, offline: true, config: { ...model.config, base: '/tongbao/' } };
    const at = { base: '/__tongbao_offline__/', pathname: '/__tongbao_offline__/2026-04/units/A1/', period: '2026-04' };
    expect(pageShell(offline, at).link).toBeNull();
    expect(pageShell(offline, at).footer).toContain('离线副本');
    const published = pageShell({ ...offline, config: { ...offline.config, siteUrl: 'https://zsj.example.gov.cn' } }, at);
    expect(published.link).toEqual({ url: 'https://zsj.example.gov.cn/tongbao/2026-04/units/A1/', absolute: true });
  });

  it('names the site by its city, or not at all, and marks an internal build in the footer', () => {
    expect(pageShell(model, { base: '/', pathname: '/' }).siteName).toBe('示例市招商引资通报');
    expect(pageShell(siteOf([]), { base: '/', pathname: '/' }).siteName).toBe('招商引资通报');
    expect(pageShell(model, { base: '/', pathname: '/' }).footer).toBe('示例市投资促进局 · 数据来源：各单位报送的项目台账');
    expect(pageShell({ ...siteOf([]), audience: 'internal' }, { base: '/', pathname: '/' }).footer).toBe('数据来源：各单位报送的项目台账 · 内部版（含联系人信息，请勿公开）');
  });
});

describe('periodNav(period)', () => {
  it('lists the period’s sections in header order, and none outside a period', () => {
    expect(periodNav('2026-04').map((n) => `${n.label} ${n.path}`)).toEqual(['通报 2026-04/', '项目台账 2026-04/projects/', '产业链 2026-04/chains/', '数据质量 2026-04/quality/']);
    expect(periodNav(undefined)).toEqual([]);
  });
});
