/**
 * What every page's shell shows around its content (src/layouts/Base.astro): the site's name, the
 * period's sections, the link to share and print, and the footer.
 */
import type { SiteModel } from '../model/site-model.ts';
import { paths } from './routes.ts';
import { pageLink, type PageLink } from './share.ts';

export type Section = 'bulletin' | 'projects' | 'quality' | 'chains' | 'units' | 'home' | 'assessment';

export interface NavItem { key: Section; label: string; path: string }

export interface Shell {
  /** Without a configured city just 招商引资通报: no city name is ever invented. */
  siteName: string;
  nav: NavItem[];
  /**
   * Null in an offline copy without `siteUrl`: a page opened from a folder has no address anyone
   * else could open (its file path is on this computer only), so there is nothing to share or print.
   */
  link: PageLink | null;
  /** A page with its own permalink (the home page) shares the period's page, and says so. */
  linkLabel: string;
  footer: string;
}

export interface ShellOptions {
  base: string;
  /** The page's URL path as Astro gives it (with the base, percent-encoded). */
  pathname: string;
  period?: string | undefined;
  /** The site path (no base) that stays valid for what the page shows; else the page's own path. */
  permalink?: string | undefined;
}

/** The sections of a period, in the header's order; none outside a period. 考核 only where there are scores. */
export function periodNav(period: string | undefined, assessment = false): NavItem[] {
  if (!period) return [];
  return [
    { key: 'bulletin', label: '通报', path: paths.bulletin(period) },
    ...(assessment ? [{ key: 'assessment' as const, label: '考核', path: paths.assessment(period) }] : []),
    { key: 'projects', label: '项目台账', path: paths.projects(period) },
    { key: 'chains', label: '产业链', path: paths.chains(period) },
    { key: 'quality', label: '数据质量', path: paths.quality(period) },
  ];
}

/** The shell of one page. */
export function pageShell(model: Pick<SiteModel, 'config' | 'audience' | 'offline'> & Partial<Pick<SiteModel, 'periods'>>, o: ShellOptions): Shell {
  const here = decodeURI(o.pathname);
  const ownPath = here.startsWith(o.base) ? here.slice(o.base.length) : here.replace(/^\//, '');
  const path = o.permalink ?? ownPath;
  // An offline copy is rendered under a marker base (outputs/offline.ts); its shared link is the
  // published site's, under the base the site is served at (config.base), never the marker.
  const link = !model.offline ? pageLink(model.config.siteUrl, o.base, path)
    : model.config.siteUrl ? pageLink(model.config.siteUrl, model.config.base, path) : null;
  return {
    siteName: `${model.config.city}招商引资通报`,
    nav: periodNav(o.period, model.periods?.some((p) => p.period === o.period && p.assessment !== null) ?? false),
    link,
    linkLabel: o.permalink !== undefined ? '本期固定链接' : '本页链接',
    footer: [model.config.office, '数据来源：各单位报送的项目台账', model.audience === 'internal' ? '内部版（含联系人信息，请勿公开）' : '', model.offline ? '离线副本' : ''].filter(Boolean).join(' · '),
  };
}
