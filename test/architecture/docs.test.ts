/**
 * docs/data-quality.md lists every issue kind with its severity, label and advice, as
 * src/lib/model/issues.ts defines them: a kind added in code without a line for the clerk fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_KINDS } from '../../src/lib/model/issues.ts';

describe('docs/data-quality.md', () => {
  it('has one table row per issue kind, matching the code', () => {
    const doc = readFileSync(new URL('../../docs/data-quality.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    const expected = Object.entries(ISSUE_KINDS).map(([k, v]) => `| \`${k}\` | ${v.severity === 'error' ? '错误' : '提示'} | ${v.label} | ${v.advice} |`);
    expect(rows).toEqual(expected);
  });
});
