import { describe, expect, it } from 'vitest';
import { pageLink } from '../../src/lib/views/share.ts';

describe('pageLink(siteUrl, base, path)', () => {
  it('is the path under the base when no siteUrl is set', () => {
    expect(pageLink(null, '/tongbao/', '2026-04/')).toEqual({ url: '/tongbao/2026-04/', absolute: false });
    expect(pageLink(null, '/', '')).toEqual({ url: '/', absolute: false });
  });
  it('is absolute under siteUrl, which may carry the base or be just the host', () => {
    expect(pageLink('https://zsj.example.gov.cn/tongbao/', '/tongbao/', '2026-04/units/A01/')).toEqual({ url: 'https://zsj.example.gov.cn/tongbao/2026-04/units/A01/', absolute: true });
    expect(pageLink('https://zsj.example.gov.cn', '/tongbao/', '2026-04/')).toEqual({ url: 'https://zsj.example.gov.cn/tongbao/2026-04/', absolute: true });
    expect(pageLink('https://zsj.example.gov.cn/zs', '/', '2026-04/').url).toBe('https://zsj.example.gov.cn/zs/2026-04/');
  });
  it('percent-encodes non-ASCII so the link fits a QR code and a chat message', () => {
    expect(pageLink(null, '/招商/', '2026-04/').url).toBe('/%E6%8B%9B%E5%95%86/2026-04/');
  });
});
