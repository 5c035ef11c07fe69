/**
 * The corpus test: every odd real-world workbook of ../shared/corpus, dropped into a returns folder,
 * is read or reported with a reason; none crashes or hangs the build.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBuild } from './helpers/cli.ts';
import { put, UNITS, workbook } from './helpers/workbooks.ts';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const abs = join(dir, f);
    return statSync(abs).isDirectory() ? files(abs) : [abs];
  });
}

describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('every workbook is read or reported, and the build finishes in bounded time', () => {
    const data = join(tmp, 'data');
    put(data, 'units.xlsx', workbook([{ name: '名册', rows: UNITS }]));
    const sources = files(CORPUS).filter((f) => !/(README\.md|LICENSE)$/.test(f));
    for (const f of sources) {
      // Flatten sub-folders into unique names so each file stays one return.
      const name = relative(CORPUS, f).replace(/[\\/]/g, '__');
      cpSync(f, join(data, 'returns', '2026-01', name));
    }
    const started = performance.now();
    const r = runBuild(['--data', data, '--out', join(tmp, 'out'), '--quiet']);
    const seconds = (performance.now() - started) / 1000;
    console.log(`corpus: ${sources.length} files built in ${seconds.toFixed(1)} s`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(seconds).toBeLessThan(240);
    const s = JSON.parse(readFileSync(join(tmp, 'out', 'data', '2026-01', 'summary.json'), 'utf8'));
    expect(s.files).toHaveLength(sources.length);
    for (const f of s.files) {
      expect(['read', 'skipped']).toContain(f.status);
      expect(f.rowsRead).toBe(f.projects + f.rejected + f.nonData);
      if (f.status === 'skipped') {
        expect(f.reason, f.file).toBeTruthy();
        expect(s.issues.some((i: { file: string }) => i.file === f.file), f.file).toBe(true);
      }
    }
  }, 300_000);
});
