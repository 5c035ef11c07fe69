/**
 * The offline copy's last step (src/lib/outputs/offline.ts says why and how): every text file of the
 * built site gets its marked links made relative. Runs after the pages and the downloads are written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mayHoldLinks, OFFLINE_BASE, offlineLeftovers, relativiseLinks } from '../lib/outputs/offline.ts';

/** Site paths (forward slashes) of every file under `dir`, in a fixed order. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** Rewrites the site in `outDir` in place; returns how many files it changed. Throws if a marker survives. */
export function makeOffline(outDir: string): { changed: number } {
  let changed = 0;
  const marker = OFFLINE_BASE.slice(1, -1);
  const left: string[] = [];
  for (const file of files(outDir)) {
    if (!mayHoldLinks(file)) continue;
    const abs = join(outDir, ...file.split('/'));
    const text = readFileSync(abs, 'utf8');
    if (!text.includes(marker)) continue;
    const out = relativiseLinks(text, file);
    if (offlineLeftovers(out) > 0) left.push(file);
    writeFileSync(abs, out);
    changed++;
  }
  if (left.length > 0) throw new Error(`离线副本中仍有未改为相对路径的链接：${left.slice(0, 5).join('、')}${left.length > 5 ? ` 等${left.length}个文件` : ''}`);
  return { changed };
}
