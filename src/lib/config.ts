/**
 * Site configuration (`data/site.json`), with defaults a city office can start from.
 */
import { DEFAULT_CHAIN_THRESHOLDS, type ChainThresholds } from './compute/chains.ts';
import { checkThresholds, DEFAULT_LIGHTS, type LightThresholds } from './compute/light.ts';

export interface CheckThresholds {
  /** Funds this month ≥ this × last month (and ≥ minJumpAmount): 元 typed into a 万元 column. */
  unitSlipFactor: number;
  /** Funds this month ≥ this × last month: an implausible jump worth a look. */
  jumpFactor: number;
  /** Jumps below this many 万元 are not reported. */
  minJumpAmount: number;
  /** 投资强度 below this (万元/亩) is listed as low investment intensity. */
  lowIntensity: number;
}

export interface SiteConfig {
  city: string;
  office: string;
  /** Title pattern; `{range}` becomes 2026年1-4月. */
  title: string;
  /** Shown as the issuing date on bulletins, per period (`2026-04`: `2026年5月8日`); no clock is read. */
  publicationDates: Record<string, string>;
  lights: LightThresholds;
  chains: ChainThresholds;
  checks: CheckThresholds;
  /** Group display order; groups not listed follow in registry order. */
  groupOrder: string[];
  /** Ranking indicator; only fundsCompletion is supported today. */
  rankBy: 'fundsCompletion';
  /** Public URL of the site, used for QR codes and og:url when set (e.g. `https://zsj.example.gov.cn/tongbao/`). */
  siteUrl: string | null;
  base: string;
  /** Reporting rule printed in the templates' 填报说明, e.g. 请于每月5日前报送上月台账。 */
  reportingDeadline: string;
}

export const DEFAULT_CONFIG: SiteConfig = {
  city: '示例市',
  office: '示例市投资促进局',
  title: '关于{range}全市招商引资工作情况的通报',
  publicationDates: {},
  lights: DEFAULT_LIGHTS,
  chains: DEFAULT_CHAIN_THRESHOLDS,
  checks: { unitSlipFactor: 5000, jumpFactor: 20, minJumpAmount: 20000, lowIntensity: 200 },
  groupOrder: ['县区', '开发区', '市直部门'],
  rankBy: 'fundsCompletion',
  siteUrl: null,
  base: '/',
  reportingDeadline: '请于每月5日前报送上月台账。',
};

/** Merges a parsed site.json over the defaults; throws with a Chinese message on bad values. */
export function resolveConfig(raw: unknown): SiteConfig {
  if (raw === null || raw === undefined) return DEFAULT_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error('site.json 应为一个 JSON 对象');
  const r = raw as Record<string, unknown>;
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const str = (v: unknown, d: string) => (typeof v === 'string' && v.trim() ? v.trim() : d);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const lights = obj(r['lights']);
  const chains = obj(r['chains']);
  const checks = obj(r['checks']);
  const config: SiteConfig = {
    city: str(r['city'], DEFAULT_CONFIG.city),
    office: str(r['office'], DEFAULT_CONFIG.office),
    title: str(r['title'], DEFAULT_CONFIG.title),
    publicationDates: Object.fromEntries(Object.entries(obj(r['publicationDates'])).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
    lights: { yellowBehind: num(lights['yellowBehind'], DEFAULT_LIGHTS.yellowBehind), redBehind: num(lights['redBehind'], DEFAULT_LIGHTS.redBehind) },
    chains: {
      strongMinProjects: num(chains['strongMinProjects'], DEFAULT_CHAIN_THRESHOLDS.strongMinProjects),
      strongMinFunds: num(chains['strongMinFunds'], DEFAULT_CHAIN_THRESHOLDS.strongMinFunds),
    },
    checks: {
      unitSlipFactor: num(checks['unitSlipFactor'], DEFAULT_CONFIG.checks.unitSlipFactor),
      jumpFactor: num(checks['jumpFactor'], DEFAULT_CONFIG.checks.jumpFactor),
      minJumpAmount: num(checks['minJumpAmount'], DEFAULT_CONFIG.checks.minJumpAmount),
      lowIntensity: num(checks['lowIntensity'], DEFAULT_CONFIG.checks.lowIntensity),
    },
    groupOrder: Array.isArray(r['groupOrder']) ? (r['groupOrder'] as unknown[]).filter((g): g is string => typeof g === 'string') : DEFAULT_CONFIG.groupOrder,
    rankBy: 'fundsCompletion',
    siteUrl: typeof r['siteUrl'] === 'string' && /^https?:\/\//.test(r['siteUrl']) ? r['siteUrl'] : null,
    base: str(r['base'], '/'),
    reportingDeadline: str(r['reportingDeadline'], DEFAULT_CONFIG.reportingDeadline),
  };
  if (r['rankBy'] !== undefined && r['rankBy'] !== 'fundsCompletion') throw new Error(`site.json 中 rankBy 只支持 "fundsCompletion"，不支持 ${JSON.stringify(r['rankBy'])}`);
  if (!(config.chains.strongMinProjects >= 1) || !(config.chains.strongMinFunds >= 0)) {
    throw new Error('site.json 中 chains 的 strongMinProjects 应不小于1，strongMinFunds 应不小于0');
  }
  for (const [k, v] of Object.entries(config.checks)) if (!(v > 0)) throw new Error(`site.json 中 checks.${k} 应为正数`);
  try { checkThresholds(config.lights); } catch { throw new Error('site.json 中 lights 的 yellowBehind 应不小于0，且 redBehind 应大于 yellowBehind'); }
  return config;
}
