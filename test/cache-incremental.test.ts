/**
 * A rebuild that reuses the parsed-returns cache and Astro's stored pages gives the same site, byte
 * for byte, as a clean build: after a new month is dropped in, and after a correction to the
 * latest month. This guards the page-key contract in src/io/site-data.ts (a period's pages show
 * nothing of later periods but their names).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeArchive, type Archive } from '../scripts/bench/archive.ts';
import { tree } from './helpers/tree.ts';
import { ROOT } from './helpers/cli.ts';

let root: string;
let archive: Archive;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tongbao-incr-'));
  archive = writeArchive(join(root, 'archive'), { units: 9, months: 3, projects: 6 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Built { code: number; stdout: string; stderr: string; timings: { read: { cached: number; parsed: number } } }

/** `npm run build` with its own caches, so that tests running side by side never share them. */
function build(out: string, caches: string, extra: string[] = []): Built {
  const timings = join(root, `timings-${Math.abs(hash(out + caches + extra.join()))}.json`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--data', archive.dir, '--out', out, ...extra], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TONGBAO_TIMINGS: timings, TONGBAO_CACHE_DIR: join(caches, 'returns'), TONGBAO_ASTRO_CACHE_DIR: join(caches, 'astro') },
  });
  expect(r.status, r.stderr).toBe(0);
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, timings: JSON.parse(readFileSync(timings, 'utf8')) as Built['timings'] };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

function expectSameSite(a: string, b: string): void {
  const ta = tree(a);
  const tb = tree(b);
  expect([...ta.keys()]).toEqual([...tb.keys()]);
  const differing = [...ta].filter(([k, v]) => !v.equals(tb.get(k)!)).map(([k]) => k);
  expect(differing).toEqual([]);
}

const progressLines = (stdout: string) => stdout.split('\n').filter((l) => /^\[\s*\d+\/\d+\]/.test(l));

describe('incremental rebuild', () => {
  it('after a new month and after a correction of the latest month, equals a clean build; progress stays one line per file', () => {
    const site = join(root, 'site');
    const caches = join(root, 'caches');
    const cold = build(site, caches);
    expect(cold.timings.read).toMatchObject({ cached: 0, parsed: archive.files });
    expect(progressLines(cold.stdout)).toHaveLength(archive.files);

    // A new month arrives.
    renameSync(join(root, 'archive', 'pending', archive.pendingPeriod), join(archive.dir, 'returns', archive.pendingPeriod));
    const warm = build(site, caches);
    expect(warm.timings.read).toMatchObject({ cached: archive.files, parsed: 9 });
    expect(progressLines(warm.stdout)).toHaveLength(archive.files + 9);
    const lines = progressLines(warm.stdout).map((l) => l.replace(/^\[\s*(\d+)\/.*$/, '$1'));
    expect(lines).toEqual(lines.map((_, i) => String(i + 1)));
    const clean = join(root, 'clean1');
    build(clean, join(root, 'caches-clean1'));
    expectSameSite(site, clean);

    // A unit corrects its return of the latest month (a CSV: one amount changes): the earlier
    // months' pages are reused, and must not have shown anything of the latest month but its name.
    const month = join(archive.dir, 'returns', archive.pendingPeriod);
    const csv = readdirSync(month).find((n) => n.endsWith('.csv'))!;
    const bytes = readFileSync(join(month, csv));
    const text = bytes.toString('latin1'); // GBK bytes: digits are ASCII, so edit them in place
    const m = /\r\n1,[^\r\n]*?,(\d{3,}),/.exec(text)!;
    writeFileSync(join(month, csv), Buffer.from(text.replace(m[0], m[0].replace(`,${m[1]},`, `,${Number(m[1]) + 1},`)), 'latin1'));
    const correctedAt = Date.now();
    const corrected = build(site, caches);
    expect(corrected.timings.read).toMatchObject({ cached: archive.files + 8, parsed: 1 });
    // Reuse really happened: the stored copy of an earlier month's page was not written again.
    // (Only once src/lib/views/routes.ts passes pageKey() as getStaticPaths' cacheKey; before that Astro
    // stores no pages and renders all, which this test then checks for equality only.)
    const [store] = readdirSync(join(caches, 'astro'));
    const stored = join(caches, 'astro', store!, 'dist', archive.periods[0]!, 'units', 'A001', 'index.html');
    if (existsSync(stored)) expect(statSync(stored).mtimeMs).toBeLessThan(correctedAt);
    const clean2 = join(root, 'clean2');
    build(clean2, join(root, 'caches-clean2'));
    expectSameSite(site, clean2);
    // The correction shows: some page differs from the site before it.
    expect(readFileSync(join(site, 'data', archive.pendingPeriod, 'projects.csv'))).not.toEqual(readFileSync(join(clean, 'data', archive.pendingPeriod, 'projects.csv')));

    // --no-cache reads every file again and renders every page, to the same site.
    const fresh = build(site, caches, ['--no-cache']);
    expect(fresh.timings.read).toMatchObject({ cached: 0, parsed: archive.files + 9 });
    expectSameSite(site, clean2);
  }, 600_000);

  it('after a month is withdrawn, its stored pages do not come back: the site equals a clean build', () => {
    const site = join(root, 'site');
    const caches = join(root, 'caches');
    expect(existsSync(join(site, archive.pendingPeriod))).toBe(true);
    const aside = join(root, 'withdrawn');
    renameSync(join(archive.dir, 'returns', archive.pendingPeriod), aside);
    try {
      build(site, caches);
      expect(existsSync(join(site, archive.pendingPeriod))).toBe(false);
      const clean = join(root, 'clean3');
      build(clean, join(root, 'caches-clean3'));
      expectSameSite(site, clean);
    } finally {
      renameSync(aside, join(archive.dir, 'returns', archive.pendingPeriod));
    }
  }, 300_000);
});
