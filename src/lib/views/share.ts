/**
 * Permalinks for sharing and for the printed QR code.
 *
 * A page's link is absolute when site.json gives `siteUrl` (the address the site is published at),
 * and otherwise the page's path under the base (`/tongbao/2026-04/`): a static build cannot know
 * the host it will be served from. The copy-link control turns that path into the full address in
 * the reader's browser; only the printed QR code keeps the bare path, which is why a site that will
 * be printed should set `siteUrl`.
 */
import { href } from './routes.ts';

export interface PageLink { url: string; absolute: boolean }

/**
 * `siteUrl` may be the site's own address (`https://zsj.example.gov.cn/tongbao/`) or just the
 * host (`https://zsj.example.gov.cn`): with no path of its own, the base is added to it.
 */
export function pageLink(siteUrl: string | null, base: string, path: string): PageLink {
  const local = href(base, path);
  if (!siteUrl) return { url: encodeURI(local), absolute: false };
  const root = new URL(siteUrl);
  const rootPath = root.pathname === '/' ? href(base, '') : root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  return { url: new URL(encodeURI(href(rootPath, path)), root.origin).href, absolute: true };
}
