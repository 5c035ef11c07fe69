/**
 * The parsed-returns cache: keys that change with everything that changes a result, entries that
 * come back exactly as stored, and damage that reads as a miss instead of a crash.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, entryBytes, entryPath, readEntry, readerFingerprint, registryFingerprint, writeEntry } from '../src/io/cache.ts';
import type { ReturnFile } from '../src/lib/return-file.ts';
import type { Unit } from '../src/lib/model/types.ts';
import { project } from './helpers/project.ts';

const dir = mkdtempSync(join(tmpdir(), 'tongbao-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const units: Unit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: ['平原'], order: 1 },
  { code: 'B01', name: '示例经济技术开发区', group: '开发区', aliases: ['经开区'], order: 2 },
];

function sample(): ReturnFile {
  return {
    file: 'returns/2026-04/平原县.xlsx', period: '2026-04', ignoredSheets: ['填报说明'],
    // `reason` absent and Source.cell absent: a JSON round trip would keep them absent too, but
    // -0 and undefined-valued keys would not survive it; the structured clone keeps all.
    account: { file: 'returns/2026-04/平原县.xlsx', period: '2026-04', units: ['A01'], status: 'read', rowsRead: 3, projects: 1, rejected: 0, nonData: 2 },
    ledgers: [{ sheet: '台账', unit: 'A01', unitSource: '填报单位', columns: { name: 1, fundsInPlace: 4 }, projects: [project({ name: '年产10万吨项目', fundsInPlace: -0, remarks: undefined as unknown as null })] }],
    issues: [{ severity: 'warning', kind: 'missing-stage', message: '没有填写项目阶段', file: 'returns/2026-04/平原县.xlsx', sheet: '台账', cell: 'F3', row: 3, unit: 'A01', project: '年产10万吨项目' }],
  };
}

describe('cache keys', () => {
  const bytes = new TextEncoder().encode('项目名称,累计到位资金\r\n甲,100\r\n');
  const reg = registryFingerprint(units);
  const base = cacheKey(bytes, 'returns/2026-04/平原县.csv', '2026-04', reg, 'r1');

  it('change with the bytes, the file name, the period, the registry and the reader', () => {
    const other = new Uint8Array(bytes);
    other[other.length - 3] = 0x39; // 100 → 190
    const keys = [
      base,
      cacheKey(other, 'returns/2026-04/平原县.csv', '2026-04', reg, 'r1'),
      cacheKey(bytes, 'returns/2026-04/A01.csv', '2026-04', reg, 'r1'),
      cacheKey(bytes, 'returns/2026-04/平原县.csv', '2026-05', reg, 'r1'),
      cacheKey(bytes, 'returns/2026-04/平原县.csv', '2026-04', registryFingerprint([{ ...units[0]!, aliases: ['平原', '平原县政府'] }, units[1]!]), 'r1'),
      cacheKey(bytes, 'returns/2026-04/平原县.csv', '2026-04', reg, 'r2'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it('are stable: the same input gives the same key in every run', () => {
    expect(cacheKey(bytes, 'returns/2026-04/平原县.csv', '2026-04', registryFingerprint(structuredClone(units)), 'r1')).toBe(base);
    expect(readerFingerprint()).toBe(readerFingerprint());
    expect(readerFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a renamed, regrouped or reordered unit changes the registry fingerprint', () => {
    expect(registryFingerprint([{ ...units[0]!, name: '平原区' }, units[1]!])).not.toBe(reg);
    expect(registryFingerprint([{ ...units[0]!, group: '开发区' }, units[1]!])).not.toBe(reg);
    expect(registryFingerprint([units[1]!, units[0]!])).not.toBe(reg);
  });
});

describe('cache entries', () => {
  it('come back exactly as stored, -0 and undefined included', () => {
    const value = sample();
    writeEntry(dir, 'a'.repeat(64), value);
    const back = readEntry(dir, 'a'.repeat(64));
    expect(back).toStrictEqual(value);
    expect(Object.is(back!.ledgers[0]!.projects[0]!.fundsInPlace, -0)).toBe(true);
    expect(existsSync(entryPath(dir, 'a'.repeat(64)))).toBe(true);
    expect(entryPath(dir, 'a'.repeat(64))).toContain(join(dir, 'aa'));
  });

  it('a missing entry is a miss', () => {
    expect(readEntry(dir, 'b'.repeat(64))).toBeNull();
  });

  it('a truncated, garbled or foreign entry is a miss and is removed, never a crash', () => {
    const key = 'c'.repeat(64);
    writeEntry(dir, key, sample());
    const path = entryPath(dir, key);
    const good = readFileSync(path);
    const damaged: [string, Buffer][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['garbage', Buffer.from('这不是缓存')],
      ['empty', Buffer.alloc(0)],
      ['another key', entryBytes('d'.repeat(64), sample())],
      ['not a return', entryBytes(key, { hello: 'world' })],
      ['prototype bait', entryBytes(key, JSON.parse('{"__proto__": {"file": "x"}}'))],
      ['another format', gzipSync(serialize({ key, value: sample() }))],
    ];
    for (const [, bytes] of damaged) {
      writeFileSync(path, bytes);
      expect(readEntry(dir, key)).toBeNull();
      expect(existsSync(path)).toBe(false);
    }
  });

  it('a flipped byte that still reads as an entry (another unit code) is a miss, never a changed return', () => {
    const key = 'c'.repeat(64);
    writeEntry(dir, key, sample());
    const path = entryPath(dir, key);
    const bytes = readFileSync(path);
    const at = bytes.indexOf('A01', 8, 'latin1');
    expect(at).toBeGreaterThan(0);
    bytes[at + 2] = '2'.charCodeAt(0); // A01 → A02: still a well-formed entry, of another unit
    writeFileSync(path, bytes);
    expect(readEntry(dir, key)).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('writes atomically: no temp files remain, and a rewrite replaces the entry whole', () => {
    const key = 'e'.repeat(64);
    writeEntry(dir, key, sample());
    const changed = { ...sample(), ignoredSheets: [] };
    writeEntry(dir, key, changed);
    expect(readEntry(dir, key)).toStrictEqual(changed);
    const all = readdirSync(dir, { recursive: true }).map(String);
    expect(all.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a cache folder that cannot be written costs nothing but speed', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => writeEntry(file, 'f'.repeat(64), sample())).not.toThrow();
    expect(readEntry(file, 'f'.repeat(64))).toBeNull();
  });
});
