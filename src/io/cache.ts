/**
 * Cache of parsed returns, keyed by content: a file whose bytes, name, period, unit registry and
 * reader code are unchanged is never parsed twice. Entries are V8-serialised (the same structured
 * clone a reader process returns, so a cache hit is indistinguishable from a fresh read) behind a
 * checksum, written atomically (temp file + rename) and checked on load: a corrupt or foreign entry
 * is a miss, never a crash and never a changed figure.
 *
 * Not compressed: a rebuild unpacks every stored entry, and gunzip took 0.55 s of the 1.8 s it
 * spends on 1560 entries at 120 × 12 × 60 (docs/performance.md, fourth round), for 6× less disk
 * (9 MB against 55 MB there). The CRC-32 that gzip carried is kept, so a flipped bit is still a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { ReturnFile } from '../lib/return-file.ts';
import type { Unit } from '../lib/model/types.ts';

/**
 * Bump when the meaning of a cached return changes in a way the source fingerprint cannot see
 * (a dependency upgrade, say). Edits to the reader's own source files invalidate the cache anyway.
 */
export const READER_VERSION = 2;

const here = dirname(fileURLToPath(import.meta.url));

/** `<project>/.cache/returns`, or TONGBAO_CACHE_DIR (the bench and tests use their own). */
export function defaultCacheDir(): string {
  return resolve(process.env['TONGBAO_CACHE_DIR'] ?? join(here, '../../.cache/returns'));
}

let readerPrint: string | null = null;

/**
 * READER_VERSION + the versions of the packages it uses (SheetJS…) + a hash of every source file the reader imports (followed
 * from src/lib/return-file.ts), so a change to the reader by anyone invalidates old entries
 * without anybody remembering to bump a constant.
 */
export function readerFingerprint(): string {
  if (readerPrint) return readerPrint;
  readerPrint = sourceFingerprint([resolve(here, '../lib/return-file.ts')], `tongbao-reader:${READER_VERSION}\0node:${process.versions.v8}\0`);
  return readerPrint;
}

/**
 * A hash of every source file reachable from `roots` by relative imports (and the versions of the
 * packages they import): the code that decides a cached result. Following the imports, not a list of
 * files, keeps it right when modules move or are added.
 */
export function sourceFingerprint(roots: readonly string[], salt: string): string {
  const h = createHash('sha256');
  h.update(salt);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch { h.update(`missing:${file}\0`); continue; }
    h.update(`${file.slice(resolve(here, '../..').length)}\0${text}\0`);
    for (const m of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  // Packages the reader uses (SheetJS, the CSV parser): their versions, not their code.
  for (const name of [...packages].sort()) {
    try {
      const pkg = JSON.parse(readFileSync(join(here, '../../node_modules', name, 'package.json'), 'utf8')) as { version?: string };
      h.update(`${name}@${pkg.version ?? '?'}\0`);
    } catch { h.update(`${name}@?\0`); }
  }
  return h.digest('hex');
}

/** The unit registry as the reader sees it (codes, names, aliases): it decides unit recognition. */
export function registryFingerprint(units: readonly Unit[]): string {
  return createHash('sha256').update(JSON.stringify(units.map((u) => [u.code, u.name, u.group, u.aliases, u.order]))).digest('hex');
}

/** The key of one return: its bytes, where it lies (name and period appear in the result), registry, reader. */
export function cacheKey(bytes: Uint8Array, file: string, period: string, registry: string, reader: string = readerFingerprint()): string {
  return createHash('sha256').update(`${reader}\0${registry}\0${period}\0${file}\0`).update(bytes).digest('hex');
}

/** Path of an entry: sharded by the key's first two hex digits to keep folders small. */
export function entryPath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key}.bin`);
}

/** The first bytes of an entry: the format, so that an entry of another format is a miss. */
const MAGIC = Buffer.from('TBR2');

/** An entry's bytes: MAGIC, the CRC-32 of the payload (4 bytes, big-endian), the V8-serialised `{ key, value }`. */
export function entryBytes(key: string, value: unknown): Buffer {
  const payload = serialize({ key, value });
  const head = Buffer.alloc(8);
  MAGIC.copy(head, 0);
  head.writeUInt32BE(crc32(payload), 4);
  return Buffer.concat([head, payload]);
}

/** The payload of an entry's bytes; throws when the format or the checksum does not match. */
function entryPayload(raw: Buffer): Buffer {
  if (raw.length < 8 || !raw.subarray(0, 4).equals(MAGIC)) throw new Error('not an entry');
  const payload = raw.subarray(8);
  if (crc32(payload) !== raw.readUInt32BE(4)) throw new Error('damaged entry');
  return payload;
}

let tmpCounter = 0;

/** Writes an entry atomically: a reader sees the old entry, the new one, or none, never half of one. */
export function writeEntry(dir: string, key: string, value: ReturnFile): void {
  const path = entryPath(dir, key);
  const tmp = `${path}.${process.pid}.${threadId}.${tmpCounter++}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, entryBytes(key, value));
    renameSync(tmp, path);
  } catch {
    // A full disk or a read-only project costs speed, never the build.
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
  }
}

/** Reads an entry; null when absent, truncated, corrupt or written for another key. */
export function readEntry(dir: string, key: string): ReturnFile | null {
  const path = entryPath(dir, key);
  let raw: Buffer;
  try { raw = readFileSync(path); } catch { return null; }
  try {
    const entry = deserialize(entryPayload(raw)) as { key?: unknown; value?: unknown };
    if (entry?.key !== key || !isReturnFile(entry.value)) throw new Error('foreign entry');
    return entry.value;
  } catch {
    rmSync(path, { force: true }); // rewritten after this build's fresh read
    return null;
  }
}

function isReturnFile(v: unknown): v is ReturnFile {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<ReturnFile>;
  return typeof r.file === 'string' && typeof r.period === 'string' && Array.isArray(r.ledgers) && Array.isArray(r.issues) &&
    Array.isArray(r.ignoredSheets) && typeof r.account === 'object' && r.account !== null;
}
