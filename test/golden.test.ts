/**
 * Golden files: the summary.json of each case in test/golden/cases.ts, compared byte for byte with
 * test/golden/<case>/<period>.summary.json. Any change to a figure, an issue, a message or the
 * bulletin text shows up here as a diff to review. On a mismatch the new output is written beside
 * the golden file as <period>-changed.summary.json (gitignored), the way Observable Framework's
 * snapshot tests do, and the failure lists the changed fields; an intended change is accepted with
 *
 *   UPDATE_GOLDEN=1 npm test -- test/golden.test.ts
 *
 * and the rewritten golden files are committed with the change that caused them. The pipeline runs
 * in-process (no Astro), reading every return afresh.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summary } from '../src/lib/outputs/summary.ts';
import { summarySchema } from '../src/lib/outputs/summary-schema.ts';
import { CASES } from './golden/cases.ts';
import { modelOf } from './helpers/in-process.ts';

const ROOT = join(import.meta.dirname, '..');
const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const ACCEPT = 'UPDATE_GOLDEN=1 npm test -- test/golden.test.ts';
const tmp = mkdtempSync(join(tmpdir(), 'tongbao-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** As src/io/write-outputs.ts writes it. */
const serialise = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const show = (v: unknown) => {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

/** The paths where two JSON values differ, as `units[2].fundsInPlace: 20000 → 20001`; at most `limit`. */
function jsonChanges(before: unknown, after: unknown, limit = 12): { lines: string[]; total: number } {
  const lines: string[] = [];
  let total = 0;
  const walk = (a: unknown, b: unknown, path: string) => {
    if (Object.is(a, b)) return;
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[k], y[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
      return;
    }
    total++;
    if (lines.length < limit) lines.push(`${path || '(whole file)'}: ${show(a)} → ${show(b)}`);
  };
  walk(before, after, '');
  return { lines, total };
}

function explain(golden: string, changed: string, expected: string | null, actual: string): string {
  const g = relative(ROOT, golden);
  if (expected === null) return `${g} does not exist yet; the output is in ${relative(ROOT, changed)}`;
  let parsed: unknown;
  try { parsed = JSON.parse(expected); } catch { return `${g} is not valid JSON; the output is in ${relative(ROOT, changed)}`; }
  const { lines, total } = jsonChanges(parsed, JSON.parse(actual));
  const what = total === 0
    ? ['  same values, different key order or layout']
    : [...lines.map((l) => `  ${l}`), ...(total > lines.length ? [`  … and ${total - lines.length} more`] : [])];
  return [`${g} differs from the output in ${total} place(s) (full output: ${relative(ROOT, changed)}):`, ...what].join('\n');
}

describe('summary.json golden files', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.about}`, async () => {
      let dir = c.folder;
      if (!dir) {
        dir = join(tmp, c.name);
        c.write!(dir);
      }
      const model = await modelOf(dir);
      const wanted = c.periods ?? model.periods.map((p) => p.period);
      const caseDir = join(GOLDEN, c.name);
      mkdirSync(caseDir, { recursive: true });
      const problems: string[] = [];
      for (const period of wanted) {
        const p = model.periods.find((x) => x.period === period);
        if (!p) { problems.push(`period ${period} was not built (built: ${model.periods.map((x) => x.period).join(', ')})`); continue; }
        const actual = serialise(summary(p));
        // Golden outputs are also contract examples: each must fit the declared schema.
        summarySchema.parse(JSON.parse(actual));
        const golden = join(caseDir, `${period}.summary.json`);
        const changed = join(caseDir, `${period}-changed.summary.json`);
        const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
        if (expected === actual || UPDATE) {
          if (expected !== actual) writeFileSync(golden, actual);
          rmSync(changed, { force: true });
          continue;
        }
        writeFileSync(changed, actual);
        problems.push(explain(golden, changed, expected, actual));
      }
      // A golden file no case produces any more would otherwise sit there unchecked.
      for (const name of existsSync(caseDir) ? readdirSync(caseDir) : []) {
        const m = /^(\d{4}-\d{2})\.summary\.json$/.exec(name);
        if (!m || wanted.includes(m[1]!)) continue;
        if (UPDATE) rmSync(join(caseDir, name));
        else problems.push(`${relative(ROOT, join(caseDir, name))} is no longer produced by case “${c.name}”`);
      }
      if (problems.length > 0) {
        expect.fail(`golden case “${c.name}” (${c.about}):\n${problems.join('\n')}\nIf the change is intended, accept it with\n  ${ACCEPT}\nand commit the rewritten files.`);
      }
    });
  }
});

describe('the golden comparison itself', () => {
  it('names each changed field with its old and new value, and counts what it leaves out', () => {
    const before = { a: 1, units: [{ code: 'A01', funds: 20000 }, { code: 'A02', funds: 1 }], gone: true };
    const after = { a: 1, units: [{ code: 'A01', funds: 20001 }], added: 'x' };
    expect(jsonChanges(before, after)).toEqual({
      lines: ['units[0].funds: 20000 → 20001', 'units[1]: {"code":"A02","funds":1} → (absent)', 'gone: true → (absent)', 'added: (absent) → "x"'],
      total: 4,
    });
    expect(jsonChanges({ x: [1, 2, 3] }, { x: [4, 5, 6] }, 2)).toEqual({ lines: ['x[0]: 1 → 4', 'x[1]: 2 → 5'], total: 3 });
    expect(jsonChanges({ a: 1, b: 2 }, { b: 2, a: 1 }).total).toBe(0);
  });
});
