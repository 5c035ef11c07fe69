/**
 * The committed data/ is what `npm run sample` (scripts/generate-sample.ts) writes, byte for byte.
 * The e2e oracle (test/e2e.test.ts) checks the build against the sample's model, which holds only
 * if data/ was generated from that model: an edit to the generator without regenerating, or a
 * hand edit to a file in data/, would leave the two apart and the oracle checking the wrong thing.
 *
 * The generator runs as the clerk runs it, into a temporary folder, under a far-off time zone: its
 * bytes must not depend on where or when it runs (workbook properties carry fixed dates).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'data');
/** Files (or folders, ending in /) of data/ the generator does not write, and why. */
const HAND_WRITTEN: Record<string, string> = {
  'site.json': 'the sample’s settings (city, office, thresholds), written by hand like a clerk’s',
  'bulletin.json': 'the office’s settings for the Word bulletin (主送机关, 抄送, 印发机关, 署名), written by hand (docs/bulletin-docx.md)',
  '下步工作要求.txt': 'the office’s 下步工作要求 for the Word bulletin, written by hand (docs/bulletin-docx.md)',
  'issued/': 'the issue records of 2024-11 … 2026-09, written by `npm run issue` as the clerk issues each month (data/README.md); 2026-10 is left a draft',
};
const handWritten = (f: string) => Object.keys(HAND_WRITTEN).some((h) => (h.endsWith('/') ? f.startsWith(h) : f === h));
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-sample-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function generate(out: string, tz: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-sample.ts'), '--out', out], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: tz }, timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`npm run sample failed (${r.status ?? r.signal}): ${r.stderr}`);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Files present in only one folder or with different bytes. */
function compare(a: string, b: string): { onlyA: string[]; onlyB: string[]; differ: string[] } {
  const fa = files(a);
  const fb = new Set(files(b));
  return {
    onlyA: fa.filter((f) => !fb.has(f)),
    onlyB: [...fb].filter((f) => !fa.includes(f)),
    differ: fa.filter((f) => fb.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))),
  };
}

/** At most `n` lines, then how many were left out: a regenerated folder can differ in 260 files. */
const some = (lines: string[], n = 10) => (lines.length > n ? [...lines.slice(0, n), `… and ${lines.length - n} more`] : lines);

describe('data/', () => {
  it('is exactly what npm run sample generates', () => {
    const out = join(tmp, 'generated');
    generate(out, 'Pacific/Kiritimati');
    const { onlyA: missing, onlyB: extra, differ } = compare(DATA, out);
    const unexplained = missing.filter((f) => !handWritten(f));
    if (unexplained.length === 0 && extra.length === 0 && differ.length === 0) return;
    // Tell a stale data/ from a generator whose bytes vary from run to run or with the time zone:
    // run it again elsewhere in the world and compare the two runs.
    const again = join(tmp, 'again');
    generate(again, 'UTC');
    const runs = compare(out, again);
    const unstable = [...runs.onlyA, ...runs.onlyB, ...runs.differ];
    expect.fail([
      unstable.length > 0
        ? `npm run sample is not deterministic: a run under TZ=Pacific/Kiritimati and one under TZ=UTC differ in ${some(unstable, 5).join(', ')}`
        : 'data/ is not what npm run sample writes (the generator gives the same bytes on every run):',
      ...some([
        ...differ.map((f) => `differs: data/${f}`),
        ...unexplained.map((f) => `not generated: data/${f} (written by hand? then list it in HAND_WRITTEN with the reason)`),
        ...extra.map((f) => `missing from data/: ${f}`),
      ]).map((l) => `  ${l}`),
      'If the generator was changed on purpose, run `npm run sample`, review and commit data/ with the change',
      '(and the golden files it moves: UPDATE_GOLDEN=1 npm test -- test/golden.test.ts).',
    ].join('\n'));
  });

  it('holds the hand-written files it says it does', () => {
    const all = files(DATA);
    for (const h of Object.keys(HAND_WRITTEN)) expect(all.some((f) => (h.endsWith('/') ? f.startsWith(h) : f === h)), h).toBe(true);
  });
});
