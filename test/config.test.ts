import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../src/lib/config.ts';

describe('resolveConfig', () => {
  it('merges site.json over the defaults', () => {
    const c = resolveConfig({ city: '平安市', lights: { yellowBehind: 5 }, groupOrder: ['开发区', '县区'], siteUrl: 'https://zsj.example.gov.cn/tb/' });
    expect(c.city).toBe('平安市');
    expect(c.lights).toEqual({ yellowBehind: 5, redBehind: DEFAULT_CONFIG.lights.redBehind });
    expect(c.groupOrder).toEqual(['开发区', '县区']);
    expect(c.siteUrl).toBe('https://zsj.example.gov.cn/tb/');
    expect(c.office).toBe(DEFAULT_CONFIG.office);
  });
  it('rejects thresholds that cannot work, in Chinese', () => {
    expect(() => resolveConfig({ lights: { yellowBehind: 30, redBehind: 10 } })).toThrow(/redBehind/);
    expect(() => resolveConfig({ rankBy: 'projects' })).toThrow(/rankBy/);
    expect(() => resolveConfig([1])).toThrow(/JSON 对象/);
    expect(() => resolveConfig({ chains: { strongMinProjects: 0 } })).toThrow(/strongMinProjects/);
    expect(() => resolveConfig({ checks: { jumpFactor: -1 } })).toThrow(/jumpFactor/);
  });
});
