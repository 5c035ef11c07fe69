/**
 * summary.json against its declared schema (src/lib/outputs/summary-schema.ts): every month of the
 * sample, written by the build's own writer, parses with strict objects, so a field added in code
 * and not declared fails here (and, for the literals in summary.ts, already at `npm run typecheck`).
 * The field names SPEC.md promises other tools are checked against the schema, so that renaming one
 * there fails too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { writeDataFiles } from '../src/io/write-outputs.ts';
import { summarySchema } from '../src/lib/outputs/summary-schema.ts';
import { modelOf } from './helpers/in-process.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tongbao-summary-schema-'));
let periods: string[] = [];
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const model = await modelOf(join(import.meta.dirname, '..', 'data'));
  await writeDataFiles(model, tmp, { cacheDir: null });
  periods = JSON.parse(readFileSync(join(tmp, 'data', 'index.json'), 'utf8')).periods;
});

const built = (period: string): unknown => JSON.parse(readFileSync(join(tmp, 'data', period, 'summary.json'), 'utf8'));
/** Zod's findings as `path: message` lines, for a failure message a person can act on. */
const findings = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`));

describe('summary.json of the sample build', () => {
  it('fits the declared schema in every month, with no undeclared field', () => {
    expect(periods.length).toBeGreaterThanOrEqual(24);
    for (const p of periods) expect(findings(summarySchema.safeParse(built(p))), p).toEqual([]);
  });
});

describe('the schema', () => {
  // SPEC.md, "What a build produces": the names other tools read.
  const SPEC = {
    top: ['period', 'timeProgress', 'totals', 'groups', 'units', 'breakdowns', 'chains', 'issues', 'issued', 'revisions', 'assessment'],
    assessmentUnit: ['code', 'score', 'rank', 'items'],
    assessmentItem: ['category', 'indicator', 'method', 'points'],
    indicators: ['projects', 'contractAmount', 'fundsInPlace', 'fundsTarget', 'fundsCompletion', 'fundsYoY'],
    unit: ['code', 'name', 'group', 'submitted', 'rank', 'rankChange', 'light'],
    breakdowns: ['industry', 'projectType', 'stage', 'size'],
    breakdownEntry: ['key', 'projects', 'contractAmount', 'fundsInPlace'],
    chain: ['name', 'links'],
    link: ['name', 'position', 'projects', 'contractAmount', 'fundsInPlace', 'gap'],
    issue: ['severity', 'message', 'file', 'sheet', 'cell', 'unit', 'project'],
  };

  it('declares every field name SPEC.md promises', () => {
    const s = summarySchema.shape;
    const keys = (o: { shape: object }) => Object.keys(o.shape);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(SPEC.top));
    for (const o of [s.totals, s.groups.element, s.units.element]) expect(keys(o)).toEqual(expect.arrayContaining(SPEC.indicators));
    expect(keys(s.groups.element)).toContain('name');
    expect(keys(s.units.element)).toEqual(expect.arrayContaining(SPEC.unit));
    expect(keys(s.breakdowns)).toEqual(SPEC.breakdowns);
    expect(keys(s.breakdowns.shape.industry.element)).toEqual(SPEC.breakdownEntry);
    expect(keys(s.chains.element)).toEqual(expect.arrayContaining(SPEC.chain));
    expect(keys(s.chains.element.shape.links.element)).toEqual(expect.arrayContaining(SPEC.link));
    expect(keys(s.issues.element)).toEqual(expect.arrayContaining(SPEC.issue));
    const assessed = s.assessment.unwrap().shape.units.element;
    expect(keys(assessed)).toEqual(expect.arrayContaining(SPEC.assessmentUnit));
    expect(keys(assessed.shape.items.element)).toEqual(expect.arrayContaining(SPEC.assessmentItem));
  });

  // The test above can only fail if the schema does: it must refuse what the contract does not allow.
  const latest = () => built(periods.at(-1)!) as Record<string, any>;
  const refused = (edit: (s: Record<string, any>) => void) => {
    const s = latest();
    edit(s);
    return findings(summarySchema.safeParse(s));
  };

  it('refuses a field it does not declare, at every level', () => {
    const places: [string, (s: Record<string, any>) => object][] = [
      ['(top level)', (s) => s], ['totals', (s) => s.totals], ['totals.targets.contractAmount', (s) => s.totals.targets.contractAmount],
      ['groups.0', (s) => s.groups[0]], ['units.0', (s) => s.units[0]], ['breakdowns', (s) => s.breakdowns],
      ['breakdowns.size.0', (s) => s.breakdowns.size[0]], ['chains.0', (s) => s.chains[0]], ['chains.0.links.0', (s) => s.chains[0].links[0]],
      ['files.0', (s) => s.files[0]], ['issues.0', (s) => s.issues[0]], ['bulletin', (s) => s.bulletin], ['bulletin.sections.0', (s) => s.bulletin.sections[0]],
      ['assessment', (s) => s.assessment], ['assessment.units.0', (s) => s.assessment.units[0]], ['assessment.units.0.items.0', (s) => s.assessment.units[0].items[0]],
    ];
    for (const [path, at] of places) {
      expect(refused((s) => Object.assign(at(s), { extra: 1 })), path).toEqual([`${path}: Unrecognized key: "extra"`]);
    }
  });

  it('refuses a missing or renamed field, a NaN written as null, an unknown issue kind, a malformed value', () => {
    expect(refused((s) => { delete s.units[0].rank; })).toEqual(['units.0.rank: Invalid input: expected number, received undefined']);
    expect(refused((s) => { s.totals.fundsInplace = s.totals.fundsInPlace; delete s.totals.fundsInPlace; })).toHaveLength(2);
    // JSON.stringify writes NaN and Infinity as null: a broken division shows up as a null count.
    expect(refused((s) => { s.totals.projects = null; })).toEqual(['totals.projects: Invalid input: expected number, received null']);
    expect(refused((s) => { s.issues[0].kind = 'no-such-kind'; })).toEqual(['issues.0.kind: not a kind listed in model/issues.ts ISSUE_KINDS']);
    expect(refused((s) => { s.period = '2026-4'; })).toHaveLength(1);
    expect(refused((s) => { s.units[0].light = 'blue'; })).toHaveLength(1);
    expect(refused((s) => { s.issues[0].cell = 'k3'; })).toHaveLength(1);
  });
});
