/**
 * The output end of the build: summary.json and downloads per period, written after Astro has
 * rendered the pages into the same folder.
 *
 * A month's files (five, plus a feedback workbook per unit with problems) depend only on that month's PeriodModel, the units, the groups,
 * the audience and the settings, the content of its Word document (which also draws on last month's ledger), and on the code that writes them. They are kept under
 * `.cache/outputs/<hash of --out>/<period>/` with that key, so a rebuild after a correction writes
 * the corrected month only and copies the others (XLSX compression is most of the cost).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PeriodModel, SiteModel } from '../lib/model/site-model.ts';
import { ledgerTable, toCsv } from '../lib/outputs/ledger-table.ts';
import { rankingTable, rankingTitle } from '../lib/outputs/ranking-table.ts';
import { summary } from '../lib/outputs/summary.ts';
import { toXlsx } from '../lib/outputs/xlsx.ts';
import { feedbackList } from '../lib/views/feedback.ts';
import { feedbackWorkbook } from '../lib/outputs/feedback.ts';
import { sourceFingerprint } from './cache.ts';
import { NO_BULLETIN_INPUTS, type BulletinInputs } from '../lib/model/bulletin-settings.ts';
import { bulletinDocContent, type BulletinDocContent } from '../lib/outputs/bulletin-doc.ts';
import { packBulletinDoc } from './bulletin-doc.ts';
import { ledgerDigest, periodKeyText } from './ledger-bytes.ts';

/** The bulletin as a Word document (docs/bulletin-docx.md). */
export const BULLETIN_DOC = 'bulletin.docx';

const here = dirname(fileURLToPath(import.meta.url));
/** Written for every period; a period's feedback/<code>.xlsx files come on top (views/feedback.ts). */
const MANIFEST = 'files.json';

/** The code that shapes the files: an edit to any of it invalidates the cached months. */
let codePrint: string | null = null;
function codeFingerprint(): string {
  if (codePrint) return codePrint;
  // This module and everything it imports (outputs, model, format…), followed through the imports.
  codePrint = sourceFingerprint([fileURLToPath(import.meta.url)], 'tongbao-outputs:1\0');
  return codePrint;
}

async function periodFiles(p: PeriodModel, model: SiteModel, doc: BulletinDocContent, inputs: BulletinInputs, timing: { docxMs: number }): Promise<Map<string, string | Uint8Array>> {
  const ledger = ledgerTable(p.projects, model.units, model.audience, p.issues);
  const files = new Map<string, string | Uint8Array>([
    ['summary.json', JSON.stringify(summary(p), null, 2) + '\n'],
    ['projects.csv', toCsv(ledger)],
    ['projects.xlsx', toXlsx([{ name: '项目台账', rows: ledger }])],
    ['rankings.xlsx', toXlsx(rankingTable(p, model.groups, rankingTitle(p, model)))],
  ]);
  for (const f of feedbackList(model, p)) {
    files.set(f.file, feedbackWorkbook(f));
  }
  const t = performance.now();
  files.set(BULLETIN_DOC, await packBulletinDoc(doc, inputs.template));
  timing.docxMs += performance.now() - t;
  return files;
}

/** Writes `files` under `dir`, making sub-folders (feedback/) as needed. */
function writeAll(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** The files of a cached entry, or null when it is incomplete. */
function cachedFiles(entry: string): string[] | null {
  try {
    const names = JSON.parse(readFileSync(join(entry, MANIFEST), 'utf8')) as unknown;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string' && existsSync(join(entry, n)))) return null;
    return names as string[];
  } catch { return null; }
}

export interface WriteOptions {
  /** Where month entries are kept; null disables the cache (`--no-cache` still refreshes it). */
  cacheDir?: string | null;
  /** Ignore cached months and write them afresh. */
  fresh?: boolean;
  /** The office's settings for the Word documents (src/io/bulletin-doc.ts `loadBulletinInputs`); none: the defaults. */
  bulletin?: BulletinInputs;
  /**
   * Called when a month's files are in place, months in order; `packed` when they were made afresh
   * rather than copied from the cache (the data-file worker frees memory there).
   */
  afterPeriod?: (period: string, packed: boolean) => void;
  /**
   * The SHA-256 of each period's serialised ledger, in model order (src/io/ledger-bytes.ts), when the
   * caller has them; otherwise each month's is worked out here. A month's key hashes the digest, not
   * the ledger's JSON (a 12 MB string a month at 300 units, built and hashed for every month).
   */
  ledgerDigests?: readonly string[];
}

export function defaultOutputCache(outDir: string): string {
  const base = resolve(process.env['TONGBAO_CACHE_DIR'] ? join(process.env['TONGBAO_CACHE_DIR'], '..') : join(here, '../../.cache'));
  return join(base, 'outputs', createHash('sha1').update(resolve(outDir)).digest('hex').slice(0, 12));
}

/**
 * Writes every period's files. `docxMs` is the time spent building and packing Word documents (the
 * bench reports it as a share of the build); reused months cost none.
 */
export async function writeDataFiles(model: SiteModel, outDir: string, opts: WriteOptions = {}): Promise<{ written: string[]; reused: number; docxMs: number }> {
  const written: string[] = [];
  let reused = 0;
  const timing = { docxMs: 0 };
  const inputs = opts.bulletin ?? NO_BULLETIN_INPUTS;
  const cache = opts.cacheDir === undefined ? defaultOutputCache(outDir) : opts.cacheDir;
  // site.json (city and office name titles and mastheads) and the template's bytes shape the files as well.
  const shared = cache ? JSON.stringify([model.units, model.groups, model.audience, model.config, codeFingerprint(), inputs.template ? createHash('sha256').update(inputs.template).digest('hex') : null]) : '';
  const kept = new Set<string>();
  if (cache) {
    mkdirSync(cache, { recursive: true });
    // Marks this folder's cache as recently used (housekeeping only: nothing in the output depends on it).
    const now = new Date();
    utimesSync(cache, now, now);
  }
  const digests = opts.ledgerDigests?.length === model.periods.length ? opts.ledgerDigests : null;
  for (const [i, p] of model.periods.entries()) {
    const dir = join(outDir, 'data', p.period);
    mkdirSync(dir, { recursive: true });
    // A unit whose problems were fixed has no feedback any more: never leave last build's file.
    rmSync(join(dir, 'feedback'), { recursive: true, force: true });
    // The document's content is worked out for every month (cheap next to packing it): it holds what the
    // key cannot see in `p`, such as the key projects found by comparing with last month's ledger.
    // On the data-file worker a ledger is turned back into objects when first read: read it here, so
    // that the Word documents' time (docxMs) is theirs alone.
    void p.projects;
    const t = performance.now();
    const doc = bulletinDocContent(model, p, inputs);
    timing.docxMs += performance.now() - t;
    const key = cache ? createHash('sha256').update(shared).update(periodKeyText(p, digests?.[i] ?? ledgerDigest(p))).update(JSON.stringify(doc)).digest('hex').slice(0, 32) : '';
    const entry = cache ? join(cache, p.period, key) : '';
    if (cache) kept.add(join(p.period, key));
    const names = cache && !opts.fresh ? cachedFiles(entry) : null;
    if (names) {
      try {
        for (const f of names) {
          mkdirSync(dirname(join(dir, f)), { recursive: true });
          copyFileSync(join(entry, f), join(dir, f));
        }
        reused++;
        written.push(...names.map((f) => `data/${p.period}/${f}`));
        opts.afterPeriod?.(p.period, false);
        continue;
      } catch { /* a damaged entry: write afresh below */ }
    }
    const files = await periodFiles(p, model, doc, inputs, timing);
    writeAll(dir, files);
    written.push(...[...files.keys()].map((f) => `data/${p.period}/${f}`));
    if (cache) {
      try {
        const tmp = `${entry}.tmp-${process.pid}`;
        rmSync(tmp, { recursive: true, force: true });
        mkdirSync(tmp, { recursive: true });
        writeAll(tmp, files);
        writeFileSync(join(tmp, MANIFEST), JSON.stringify([...files.keys()]));
        rmSync(entry, { recursive: true, force: true });
        renameSync(tmp, entry); // atomic: an entry is complete or absent
      } catch { /* the cache is an optimisation; never fail the build over it */ }
    }
    opts.afterPeriod?.(p.period, true);
  }
  if (cache) { prune(cache, kept); pruneSiblings(cache); }
  writeFileSync(join(outDir, 'data', 'index.json'), JSON.stringify({ periods: model.periods.map((p) => p.period), latest: model.periods.at(-1)?.period ?? null }, null, 2) + '\n');
  written.push('data/index.json');
  return { written, reused, docxMs: Math.round(timing.docxMs) };
}

/** Keeps the six most recently used output folders' caches (tests and clerks build many folders). */
function pruneSiblings(cache: string): void {
  try {
    const parent = join(cache, '..');
    const dirs = readdirSync(parent).map((d) => ({ d, t: statSync(join(parent, d)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { d } of dirs.slice(6)) rmSync(join(parent, d), { recursive: true, force: true });
  } catch { /* nothing to prune */ }
}

/** Keeps only the entries this build used, so the cache does not grow with every correction. */
function prune(cache: string, kept: Set<string>): void {
  try {
    for (const period of readdirSync(cache)) {
      for (const key of readdirSync(join(cache, period))) {
        if (!kept.has(join(period, key))) rmSync(join(cache, period, key), { recursive: true, force: true });
      }
    }
  } catch { /* nothing to prune */ }
}
