import { describe, expect, it } from 'vitest';
import { ISSUE_KINDS } from '../../src/lib/model/issues.ts';
import type { FileAccount, Issue } from '../../src/lib/model/types.ts';
import { qualityPage } from '../../src/lib/views/quality.ts';
import { period, siteOf, unit } from './fixtures.ts';

// A kind the site knows (whichever is listed first: kinds are another module's business) and kinds
// it does not, which are shown by their code.
const [known, knownKind] = Object.entries(ISSUE_KINDS)[0]!;

const issue = (kind: any, severity: Issue['severity'], over: Partial<Issue> = {}): Issue => ({
  severity, kind, message: `${kind}的说明`, file: null, sheet: null, cell: null, row: null, unit: null, project: null, ...over,
});

const file = (name: string, over: Partial<FileAccount> = {}): FileAccount => ({
  file: `returns/2026-04/${name}`, period: '2026-04', units: [], status: 'read', rowsRead: 0, projects: 0, rejected: 0, nonData: 0, ...over,
});

const p = period({
  units: [
    unit('A1', '甲县', '县区', 0.5, { files: ['returns/2026-04/甲县.xlsx'] }),
    unit('A2', '乙县', '县区', null, { submitted: false }),
    unit('A3', '丙县', '县区', null, { submitted: false, unreadable: ['returns/2026-04/丙县.xlsx'] }),
  ],
  issues: [
    issue(known, 'warning', { unit: 'A1', file: 'returns/2026-04/甲县.xlsx', sheet: '台账', cell: 'K7', project: '老厂扩建', projectCode: 'P1' }),
    issue('unknown-kind', 'warning', { row: 9 }),
    issue(known, 'warning', { unit: 'Z9' }),
    issue('bad-amount-x', 'error', { unit: 'A1', file: 'returns/2026-04/甲县.xlsx', sheet: '台账', cell: 'J5' }),
  ],
  files: [
    file('甲县.xlsx', { units: ['A1'], rowsRead: 12, projects: 9, rejected: 1, nonData: 2, ignoredSheets: ['填报说明'] }),
    file('丙县.xlsx', { units: ['A3'], status: 'skipped', reason: '文件已加密' }),
    file('说明.docx', { rowsRead: 0 }),
    file('甲县（第二份）.xlsx', { units: ['A1'], rowsRead: 3, projects: 3, notCounted: '同一单位的第二份台账，未计入' }),
  ],
});
const model = { ...siteOf([p]), units: [{ code: 'A1', name: '甲县', group: '县区', aliases: [], order: 0 }, { code: 'A3', name: '丙县', group: '县区', aliases: [], order: 2 }] };
const v = qualityPage(model, p);

describe('qualityPage(model, period)', () => {
  it('counts errors and warnings', () => {
    expect([v.errors, v.warnings]).toEqual([1, 3]);
  });

  it('lists kinds errors first, then by count, with their label, advice and the first row they link to', () => {
    expect(v.kinds.map((k) => [k.kind, k.severityLabel, k.count])).toEqual([['bad-amount-x', '错误', 1], [known, '提示', 2], ['unknown-kind', '提示', 1]]);
    expect(v.kinds[1]).toMatchObject({ label: knownKind.label, advice: knownKind.advice, anchor: `kind-${known}` });
    expect(v.kinds[2]).toMatchObject({ label: 'unknown-kind', advice: '', anchor: 'kind-unknown-kind' });
    expect(v.issues.map((i) => i.anchor)).toEqual([`kind-${known}`, 'kind-unknown-kind', undefined, 'kind-bad-amount-x']);
  });

  it('tells who reported, who did not and whose file could not be read, with file names only', () => {
    expect(v.submissions.map((s) => [s.name, s.missing, s.files])).toEqual([
      ['甲县', null, '甲县.xlsx'], ['乙县', '未报送', '—'], ['丙县', '报送文件无法读取', '丙县.xlsx'],
    ]);
  });

  it('accounts for every file’s rows, with a total, and says why a file was skipped or not counted', () => {
    expect(v.files.map((f) => [f.name, f.units, f.status])).toEqual([
      ['甲县.xlsx', '甲县', '已读取（未读取的工作表：填报说明）'],
      ['丙县.xlsx', '丙县', '已跳过：文件已加密'],
      ['说明.docx', '—', '已读取'],
      ['甲县（第二份）.xlsx', '甲县', '同一单位的第二份台账，未计入'],
    ]);
    expect(v.files[0]!.file).toBe('returns/2026-04/甲县.xlsx');
    expect(v.fileTotals).toEqual({ files: 4, rowsRead: 15, projects: 12, rejected: 1, nonData: 2 });
  });

  it('places every issue by cell or row, names its unit (or the code the registry lacks) and project', () => {
    expect(v.issues[0]).toMatchObject({ file: 'returns/2026-04/甲县.xlsx', sheet: '台账', where: 'K7', unit: '甲县', project: '老厂扩建（P1）', kind: knownKind.label, message: `${known}的说明` });
    expect(v.issues[1]).toMatchObject({ file: '—', sheet: '—', where: '第9行', unit: '—', project: '—' });
    expect(v.issues[2]).toMatchObject({ where: '—', unit: 'Z9' });
  });
});

describe('qualityPage: the chains hint', () => {
  it('tells the clerk how to add chains.xlsx when none are defined, and says nothing once they are', () => {
    expect(v.chainsHint).toContain('chains.xlsx');
    const withChains = qualityPage({ ...model, chains: [{ name: '生物医药', slug: 'bio', links: [] } as never] }, p);
    expect(withChains.chainsHint).toBeNull();
  });
});
