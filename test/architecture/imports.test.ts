/**
 * The import rules docs/pipeline.md states, checked on the source: stages import only earlier
 * stages, nothing imports in a cycle, and src/lib/ stays pure (no file system, no environment, no
 * global state). A move that breaks the plan fails here, with the offending import named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES, stageOf } from './stages.ts';

const SRC = resolve(import.meta.dirname, '../../src');
const posix = (p: string) => p.split(sep).join('/');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Module → the modules of src/ it imports (type-only imports included: they shape the design too). */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const abs of walk(SRC)) {
    const text = readFileSync(abs, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
    const targets = specs.filter((s) => s.startsWith('.')).map((s) => posix(relative(SRC, resolve(dirname(abs), s))));
    g.set(posix(relative(SRC, abs)), targets);
  }
  return g;
}

const modules = graph();
const lib = [...modules.keys()].filter((m) => m.startsWith('lib/'));

describe('the pipeline’s import rules', () => {
  it('every module of src/lib/ belongs to a stage', () => {
    expect(lib.filter((m) => stageOf(m) === null)).toEqual([]);
  });

  it('a stage imports only its own and earlier stages', () => {
    const backward: string[] = [];
    for (const m of lib) {
      const from = stageOf(m)!;
      if (from.orchestrator) continue;
      for (const t of modules.get(m)!) {
        const to = stageOf(t);
        if (to && !to.orchestrator && to.rank > from.rank) backward.push(`${m} (${from.name}) → ${t} (${to.name})`);
        if (to?.orchestrator) backward.push(`${m} → ${t} (a stage never imports the pipelines)`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('nothing in src/lib/ imports src/io/, the pages or the components', () => {
    const out = lib.flatMap((m) => modules.get(m)!.filter((t) => !t.startsWith('lib/')).map((t) => `${m} → ${t}`));
    expect(out).toEqual([]);
  });

  it('src/lib/ is pure: no file system, process, environment or console swapping', () => {
    const impure: string[] = [];
    for (const m of lib) {
      const text = readFileSync(join(SRC, m), 'utf8');
      for (const [re, what] of [
        [/from 'node:(fs|fs\/promises|worker_threads|child_process|os)'/, 'node I/O module'],
        [/\bprocess\.(env|cwd|exit|argv|stdout|stderr)/, 'process'],
        [/console\.\w+\s*=[^=]/, 'console swapping'],
        [/globalThis\s*(\[|\.)/, 'global state'],
        [/\bDate\.now\(|new Date\(\)/, 'clock read'],
      ] as const) if (re.test(text)) impure.push(`${m}: ${what}`);
    }
    expect(impure).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (m: string) => {
      state.set(m, 'open');
      stack.push(m);
      for (const t of modules.get(m) ?? []) {
        if (!modules.has(t)) continue;
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(m, 'done');
    };
    for (const m of modules.keys()) if (!state.has(m)) visit(m);
    expect(cycles).toEqual([]);
  });

  it('the stage table in docs/pipeline.md is the one this test enforces', () => {
    const doc = readFileSync(resolve(SRC, '../docs/pipeline.md'), 'utf8');
    for (const s of STAGES) expect(doc, s.name).toContain(`src/lib/${s.name}${s.orchestrator ? '' : '/'}`);
  });
});
