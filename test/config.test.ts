import { describe, expect, it } from 'vitest';
import { readTargets } from '../src/lib/recognise/registry.ts';
import { describePeriod } from '../src/lib/views/describe.ts';
import { gbk, utf16, workbook } from './helpers/workbooks.ts';
import { indicators, period } from './views/fixtures.ts';
import { DEFAULT_CONFIG, editDistance, jsonSyntaxError, nearest, parseSiteConfig, resolveConfig, SiteConfigError, siteConfigSchema, validateConfig } from '../src/lib/model/config.ts';

/** The message of what `f` throws; fails the test if it does not throw a SiteConfigError. */
function thrown(f: () => unknown): string {
  try { f(); } catch (e) {
    expect(e).toBeInstanceOf(SiteConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a SiteConfigError');
}

describe('resolveConfig', () => {
  it('merges site.json over the defaults', () => {
    const c = resolveConfig({ city: '平安市', lights: { yellowBehind: 5 }, groupOrder: ['开发区', '县区'], siteUrl: 'https://zsj.example.gov.cn/tb/' });
    expect(c.city).toBe('平安市');
    expect(c.lights).toEqual({ yellowBehind: 5, redBehind: DEFAULT_CONFIG.lights.redBehind });
    expect(c.groupOrder).toEqual(['开发区', '县区']);
    expect(c.siteUrl).toBe('https://zsj.example.gov.cn/tb/');
    expect(c.checks).toEqual(DEFAULT_CONFIG.checks);
    expect(c.office).toBe('');
  });
  it('invents no city: the defaults have neither city nor office', () => {
    expect(resolveConfig(null)).toMatchObject({ city: '', office: '' });
    expect(validateConfig({}).config).toEqual(DEFAULT_CONFIG);
  });
  it('reads empty text as "use the default", null siteUrl as unset, and completes base with /', () => {
    const c = resolveConfig({ title: '  ', siteUrl: null, base: '/tb' });
    expect(c.title).toBe(DEFAULT_CONFIG.title);
    expect(c.siteUrl).toBeNull();
    expect(c.base).toBe('/tb/');
  });
  it('rejects thresholds that cannot work, in Chinese', () => {
    expect(() => resolveConfig({ lights: { yellowBehind: 30, redBehind: 10 } })).toThrow(/lights\.redBehind：应大于 yellowBehind/);
    // redBehind not given: the default (30) is below the new yellowBehind, and the message says so.
    expect(() => resolveConfig({ lights: { yellowBehind: 40 } })).toThrow(/redBehind 为 30，yellowBehind 为 40/);
    expect(() => resolveConfig({ rankBy: 'projects' })).toThrow(/rankBy：应为 "fundsCompletion"（按到位资金完成率排名）或 "assessment"/);
    expect(() => resolveConfig([1])).toThrow(/用 \{ \} 括起来.*现为列表/);
    expect(() => resolveConfig({ chains: { strongMinProjects: 0 } })).toThrow(/chains\.strongMinProjects：应为不小于 1 的整数/);
    expect(() => resolveConfig({ chains: { strongMinFunds: -1 } })).toThrow(/chains\.strongMinFunds/);
    expect(() => resolveConfig({ checks: { jumpFactor: -1 } })).toThrow(/checks\.jumpFactor：应为大于 0 的数字/);
    expect(() => resolveConfig({ checks: { lowIntensity: 0 } })).toThrow(/checks\.lowIntensity/);
    expect(() => resolveConfig({ siteUrl: 'zsj.example.gov.cn' })).toThrow(/siteUrl：应为以 http:\/\/ 或 https:\/\/ 开头/);
    expect(() => resolveConfig({ base: 'tongbao' })).toThrow(/base：应为以 \/ 开头/);
  });
  it('rejects wrong types, naming the key path, what is expected and what was found', () => {
    const m = thrown(() => validateConfig({ city: 5, lights: { yellowBehind: '10' }, groupOrder: ['县区', 2], publicationDates: { '2026-05': 8 }, chains: null }));
    expect(m).toMatch(/^site\.json 中有 5 处设置不正确/);
    expect(m).toContain('city：应为文本（用英文双引号括起来，如 "平安市"），现为数字 5');
    expect(m).toContain('lights.yellowBehind：应为数字（不加引号，如 10），现为文本 "10"');
    expect(m).toContain('groupOrder[1]：应为文本');
    expect(m).toContain('publicationDates["2026-05"]：应为文本');
    expect(m).toContain('chains：应为一组设置（用 { } 括起来），现为空值 null');
    expect(m).not.toMatch(/expected|received|Invalid/i);
  });
  it('rejects a publication date keyed by a month that would never match a period', () => {
    expect(() => resolveConfig({ publicationDates: { '2026-4': '2026年5月8日' } })).toThrow(/publicationDates\["2026-4"\]：月份应写作“年-月”，月份两位，如 "2026-04"/);
  });
});

describe('unknown keys', () => {
  it('are warnings naming the nearest known key, at every level, in file order, and change nothing', () => {
    const { config, warnings } = validateConfig({ city: '平安市', ligths: { yellowBehind: 5 }, chains: { strongMinProject: 3 }, checks: { jumpfactor: 9 }, lights: { yellow: 1 } });
    expect(warnings).toEqual([
      'site.json 中的设置项“ligths”无法识别，已忽略；是否应为 lights？',
      'site.json 中的设置项“chains.strongMinProject”无法识别，已忽略；是否应为 chains.strongMinProjects？',
      'site.json 中的设置项“checks.jumpfactor”无法识别，已忽略；是否应为 checks.jumpFactor？',
      'site.json 中的设置项“lights.yellow”无法识别，已忽略；是否应为 lights.yellowBehind？',
    ]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, city: '平安市' });
  });
  it('say where a key belongs, or list the known keys when nothing is close', () => {
    const { warnings } = validateConfig({ yellowBehind: 5, 名称: '平安市' });
    expect(warnings[0]).toBe('site.json 中的设置项“yellowBehind”无法识别，已忽略；它应写在 "lights": { } 中');
    expect(warnings[1]).toMatch(/“名称”无法识别，已忽略；可用的设置项：city、office、title/);
  });
  it('are listed with the errors when the file is also invalid', () => {
    const m = thrown(() => validateConfig({ lights: { yellowBehind: -1 }, ofice: 'x' }));
    expect(m).toContain('lights.yellowBehind：应为不小于 0 的数字');
    expect(m).toContain('“ofice”无法识别，已忽略；是否应为 office？');
  });
  it('nearest() takes typos and cut-short names, not unrelated words', () => {
    expect(editDistance('ligths', 'lights')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('ligths', ['city', 'lights'])).toBe('lights');
    expect(nearest('group_order', ['groupOrder', 'rankBy'])).toBe('groupOrder');
    expect(nearest('red', ['yellowBehind', 'redBehind'])).toBe('redBehind');
    expect(nearest('name', ['city', 'office', 'title'])).toBeNull();
  });
});

describe('parseSiteConfig', () => {
  it('reads a file with a BOM', () => {
    expect(parseSiteConfig('\ufeff{ "city": "平安市", "office": "平安市投资促进局" }').config).toMatchObject({ city: '平安市', office: '平安市投资促进局' });
  });
  it('names the line, column and the full-width character a Chinese input method typed', () => {
    expect(thrown(() => parseSiteConfig('{\n  "city": “平安市”,\n  "office": "x"\n}')))
      .toBe('site.json 第 2 行第 11 列格式有误：这里是全角引号（“），应改为英文半角双引号 "。\n  第 2 行："city": “平安市”,');
    expect(thrown(() => parseSiteConfig('{\n  "city": "平安市"，\n  "office": "x"\n}'))).toMatch(/^site\.json 第 2 行第 16 列格式有误：这里是全角逗号（，），应改为英文半角逗号 ,/);
    expect(thrown(() => parseSiteConfig('{\r\n"city"："平安市"}'))).toMatch(/^site\.json 第 2 行第 7 列格式有误：这里是全角冒号（：）/);
    expect(thrown(() => parseSiteConfig('{ ＂city＂: 1 }'))).toMatch(/第 1 行第 3 列.*全角引号（＂）/);
  });
  it('explains the other usual mistakes', () => {
    expect(thrown(() => parseSiteConfig('{ "city": "平安市", }'))).toMatch(/第 1 行第 16 列格式有误：最后一项后面不应有逗号/);
    expect(thrown(() => parseSiteConfig('{ "city": "平安市"\n  "office": "x" }'))).toMatch(/第 2 行第 3 列格式有误：这里应为英文逗号 ,/);
    expect(thrown(() => parseSiteConfig('{ "city": "平安市"'))).toMatch(/意外结束/);
    expect(thrown(() => parseSiteConfig(''))).toMatch(/空文件/);
  });
  it('refuses a file saved as GBK or UTF-16 rather than print garbage as the city name', () => {
    const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(thrown(() => parseSiteConfig(decoded(gbk('{\n"city": "平安市"\n}'))))).toMatch(/^site\.json 不是 UTF-8 编码（第 2 行/);
    expect(thrown(() => parseSiteConfig(decoded(utf16('{"city": "平安市"}'))))).toMatch(/不是 UTF-8 编码/);
  });
  it('the syntax scanner agrees with JSON.parse', () => {
    const samples = ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"]}', ' {"a" : {"b":[]}} ', '{"a":01}', '{"a":.5}', '{"a":"\t"}', '[1,]', '{"a":1}}', 'nul', '"x'];
    for (const s of samples) {
      let valid = true;
      try { JSON.parse(s); } catch { valid = false; }
      expect(jsonSyntaxError(s) === null, s).toBe(valid);
    }
  });
});

describe('siteConfigSchema', () => {
  it('is exported for reuse and gives a complete SiteConfig', () => {
    expect(siteConfigSchema.parse({})).toEqual(DEFAULT_CONFIG);
  });
});

describe('without a configured city, no city name is invented', () => {
  it('page descriptions say 全市', () => {
    const p = period({ period: '2026-04', totals: { ...indicators({ fundsInPlace: 47000, projects: 3 }), units: 1, submittedUnits: 1, startedProjects: 0 } });
    expect(describePeriod(p, DEFAULT_CONFIG.city)).toMatch(/^2026年1-4月全市到位资金4\.7亿元/);
    expect(describePeriod(p, '平安市')).toMatch(/^2026年1-4月平安市到位资金/);
  });
  it('the city-total row of a target table is 全市 or the configured city, not a built-in name', () => {
    const units = [{ code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 }];
    const table = (name: string) => workbook([{ name: 'S', rows: [['单位', '到位资金（万元）'], ['平原县', 10], [name, 99]] }]);
    expect(readTargets(table('平安市合计'), 'targets/2026.xlsx', 2026, units, '平安市').value.city).toEqual({ fundsInPlace: 99 });
    expect(readTargets(table('全市'), 'targets/2026.xlsx', 2026, units, '').value.city).toEqual({ fundsInPlace: 99 });
    const sample = readTargets(table('示例市'), 'targets/2026.xlsx', 2026, units, '');
    expect(sample.value.city).toBeNull();
    expect(sample.issues.map((i) => i.kind)).toEqual(['unknown-unit']);
  });
});
