/**
 * End to end: build the sample data folder with the real command, then compare summary.json and
 * the bulletin's sentences with figures computed here, independently, from the sample's own model
 * (the truth the messy files were written from). The sample's months up to 2026-09 are issued
 * (data/issued/) and 2026-10 is a draft, so the oracle reads the internal build, which shows every
 * month as the clerk previews it; the public build is checked for what it may show and what not.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleModel, COUNTED_STAGES, type SampleModel } from '../scripts/sample/model.ts';
import { findInWorkbook, workbookTexts } from './helpers/xlsx-scan.ts';

const out = join(import.meta.dirname, '.out', 'e2e-sample');
let truth: SampleModel;
let stdout = '';

beforeAll(() => {
  truth = sampleModel();
  stdout = execFileSync(process.execPath, ['scripts/build.ts', '--data', 'data', '--out', out, '--audience', 'internal'], {
    cwd: join(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
});

const summaryOf = (period: string) => JSON.parse(readFileSync(join(out, 'data', period, 'summary.json'), 'utf8'));

interface Expected { projects: number; contractAmount: number; fundsInPlace: number; submitted: boolean }
function expectedUnits(period: string): Map<string, Expected> {
  const p = truth.periods.find((x) => x.period === period)!;
  const map = new Map<string, Expected>();
  for (const u of truth.units) {
    const ret = p.returns.find((r) => r.unit === u.code);
    const rows = (ret?.rows ?? []).filter((r) => COUNTED_STAGES.includes(r.stage));
    map.set(u.code, {
      projects: rows.length,
      contractAmount: rows.reduce((s, r) => s + r.contractAmount, 0),
      fundsInPlace: rows.reduce((s, r) => s + r.fundsInPlace, 0),
      submitted: Boolean(ret),
    });
  }
  return map;
}
const targetOf = (year: number, code: string) => truth.targets.find((t) => t.year === year && t.unit === code)?.fundsInPlace ?? null;

/** 万元 (integers in the sample) → 亿元 with one decimal, rounded half up in integer arithmetic. */
const yiByHand = (wan: number) => { const q = Math.floor((wan + 500) / 1000); return `${Math.floor(q / 10)}.${q % 10}`; };
/** a / b as a percentage with one decimal, half up, in integer arithmetic. */
const pctByHand = (a: number, b: number) => { const q = (BigInt(a) * 2000n + BigInt(b)) / (2n * BigInt(b)); return `${q / 10n}.${q % 10n}`; };

/** Competition ranking written out longhand, to check the module's. */
function ranks(values: [string, number | null][]): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const [code, v] of values) m.set(code, v === null ? null : 1 + values.filter(([, w]) => w !== null && w > v + 1e-12).length);
  return m;
}

describe('npm run build on the sample data', () => {
  it('prints a progress line per file and a closing summary', () => {
    const dataDir = join(import.meta.dirname, '..', 'data', 'returns');
    const files = readdirSync(dataDir).reduce((n, d) => n + readdirSync(join(dataDir, d)).length, 0);
    expect(stdout).toContain('完成：文件');
    expect(stdout).toMatch(/问题：错误 \d+ 条，提示 \d+ 条/);
    expect((stdout.match(/^\[\s*\d+\/\d+\]/gm) ?? []).length).toBe(files);
    expect(stdout).toContain(`完成：文件 ${files} 个（读取 ${files} 个，跳过 0 个）`);
  });

  it('writes summary.json for every period with the SPEC field names', () => {
    for (const p of truth.periods) {
      const s = summaryOf(p.period);
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['period', 'timeProgress', 'totals', 'groups', 'units', 'breakdowns', 'chains', 'issues']));
      expect(s.timeProgress).toBeCloseTo(p.month / 12, 12);
      for (const k of ['projects', 'contractAmount', 'fundsInPlace', 'fundsTarget', 'fundsCompletion', 'fundsYoY']) expect(s.totals).toHaveProperty(k);
      expect(Object.keys(s.breakdowns).sort()).toEqual(['industry', 'projectType', 'size', 'stage']);
    }
  });

  it('gives every unit, group and the city the figures computed from the ledgers, in every period', () => {
    for (const p of truth.periods) {
      const s = summaryOf(p.period);
      const exp = expectedUnits(p.period);
      const lastYear = truth.periods.find((x) => x.period === `${p.year - 1}-${String(p.month).padStart(2, '0')}`);
      const expLast = lastYear ? expectedUnits(lastYear.period) : null;
      for (const u of s.units) {
        const e = exp.get(u.code)!;
        expect(u.submitted, `${p.period} ${u.code}`).toBe(e.submitted);
        expect([u.projects, u.contractAmount, u.fundsInPlace], `${p.period} ${u.code}`).toEqual([e.projects, e.contractAmount, e.fundsInPlace]);
        const target = targetOf(p.year, u.code);
        expect(u.fundsTarget).toBe(target);
        if (!e.submitted || target === null) expect(u.fundsCompletion).toBeNull();
        else expect(u.fundsCompletion).toBeCloseTo(e.fundsInPlace / target, 12);
        const ly = expLast?.get(u.code);
        if (e.submitted && ly?.submitted && ly.fundsInPlace > 0) expect(u.fundsYoY).toBeCloseTo(e.fundsInPlace / ly.fundsInPlace - 1, 12);
        else expect(u.fundsYoY).toBeNull();
      }
      const all = [...exp.values()];
      expect(s.totals.projects).toBe(all.reduce((n, e) => n + e.projects, 0));
      expect(s.totals.fundsInPlace).toBe(all.reduce((n, e) => n + e.fundsInPlace, 0));
      expect(s.totals.contractAmount).toBe(all.reduce((n, e) => n + e.contractAmount, 0));
      const cityTarget = truth.targets.filter((t) => t.year === p.year).reduce((n, t) => n + t.fundsInPlace, 0);
      expect(s.totals.fundsCompletion).toBeCloseTo(s.totals.fundsInPlace / cityTarget, 12);
      for (const g of s.groups) {
        const members = truth.units.filter((u) => u.group === g.name);
        expect(g.fundsInPlace).toBe(members.reduce((n, u) => n + exp.get(u.code)!.fundsInPlace, 0));
      }
    }
  });

  it('ranks units within their group with shared ranks, and rank changes against last month', () => {
    for (const p of truth.periods) {
      const s = summaryOf(p.period);
      const prev = p.month > 1 && existsSync(join(out, 'data', `${p.year}-${String(p.month - 1).padStart(2, '0')}`)) ? summaryOf(`${p.year}-${String(p.month - 1).padStart(2, '0')}`) : null;
      for (const group of new Set(truth.units.map((u) => u.group))) {
        const members = s.units.filter((u: { group: string }) => u.group === group);
        const expected = ranks(members.map((u: { code: string; submitted: boolean; fundsCompletion: number | null }) => [u.code, u.submitted ? u.fundsCompletion : null]));
        for (const u of members) {
          expect(u.rank, `${p.period} ${u.code}`).toBe(expected.get(u.code));
          const before = prev?.units.find((x: { code: string }) => x.code === u.code)?.rank ?? null;
          expect(u.rankChange).toBe(before === null || u.rank === null ? null : before - u.rank);
        }
      }
    }
  });

  it('drafts the bulletin in the conventional wording with the computed figures', () => {
    const latest = truth.periods.at(-1)!;
    const s = summaryOf(latest.period);
    const text = s.bulletin.sections.flatMap((x: { paragraphs: string[] }) => x.paragraphs).join('\n');
    expect(s.bulletin.title).toBe(`关于${latest.year}年1-${latest.month}月全市招商引资工作情况的通报`);
    const exp = expectedUnits(latest.period);
    for (const u of truth.units) {
      const e = exp.get(u.code)!;
      const target = targetOf(latest.year, u.code)!;
      if (!e.submitted) { expect(text).toContain(`${u.name}未报送`); continue; }
      expect(text).toContain(`${u.name}到位资金${yiByHand(e.fundsInPlace)}亿元，完成年度指标任务的${pctByHand(e.fundsInPlace, target)}%`);
    }
    const html = readFileSync(join(out, latest.period, 'index.html'), 'utf8');
    expect(html).toContain(s.bulletin.title);
    expect(html).toContain(`到位资金${yiByHand(s.totals.fundsInPlace)}亿元`);
  });

  it('scores every unit by the sample’s 考核办法 (data/assessment.xlsx), worked out here from the sample’s model', () => {
    // The scheme, as the generator writes it: 到位资金 40 by 完成率 capped at 120%, 亿元以上项目数 20 by
    // 完成率 capped at 100%, 签约项目 20 by 功效系数 on completion within the group, 实际到位外资 20 by
    // 时序完成率 capped at 100%; 十亿元以上项目 new this year +2 each (at most 6); 未报送 −2 per month
    // this year; 数据错误 −0.5 per error (the sample plants warnings only, so none).
    const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;
    for (const p of truth.periods) {
      const s = summaryOf(p.period);
      expect(s.assessment.title).toBe(p.month === 12 ? `${p.year}年度考核` : p.month % 3 === 0 ? `${p.year}年第${'一二三'[p.month / 3 - 1]}季度考核` : `${p.year}年${p.month === 1 ? '' : '1-'}${p.month}月考核得分`);
      const got = new Map<string, { score: number; rank: number; items: { points: number }[] }>(s.assessment.units.map((u: { code: string }) => [u.code, u]));
      for (const group of new Set(truth.units.map((u) => u.group))) {
        const scored = truth.units.filter((u) => u.group === group).map((u) => {
          const t = truth.targets.find((x) => x.year === p.year && x.unit === u.code)!;
          const ret = p.returns.find((r) => r.unit === u.code);
          const rows = (ret?.rows ?? []).filter((r) => COUNTED_STAGES.includes(r.stage));
          const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
          const missed = truth.periods.filter((q) => q.year === p.year && q.month <= p.month && q.missing.includes(u.code)).length;
          return {
            code: u.code, submitted: Boolean(ret), missed,
            funds: sum((r) => r.fundsInPlace) / t.fundsInPlace,
            large: rows.filter((r) => r.totalInvestment >= 10000).length / t.largeProjects,
            projects: rows.length / t.projects,
            foreign: sum((r) => r.foreignCapital ?? 0) / (t.foreignCapital * p.month / 12),
            huge: rows.filter((r) => r.projectType === '新建' && r.totalInvestment >= 100000).length,
          };
        });
        const xs = scored.filter((u) => u.submitted).map((u) => u.projects);
        const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
        const expected = scored.map((u) => {
          const items = u.submitted
            ? [40 * Math.min(u.funds, 1.2), 20 * Math.min(u.large, 1), hi === lo ? 20 : 20 * (0.6 + 0.4 * (u.projects - lo) / (hi - lo)), 20 * Math.min(u.foreign, 1), Math.min(2 * u.huge, 6), -2 * u.missed, 0]
            : [0, 0, 0, 0, 0, -2 * u.missed, 0];
          return { ...u, items: items.map(round2), score: round2(items.map(round2).reduce((a, b) => a + b, 0)) };
        });
        for (const e of expected) {
          const g = got.get(e.code)!;
          const where = `${p.period} ${e.code}`;
          g.items.forEach((item, i) => expect(Math.abs(item.points - e.items[i]!), `${where} item ${i}`).toBeLessThan(0.006));
          expect(Math.abs(g.score - e.score), where).toBeLessThan(0.02);
          // Ranks written out longhand: reporters by score (ties share), then those that did not report.
          const ahead = expected.filter((o) => (o.submitted && !e.submitted) || (o.submitted === e.submitted && o.score > e.score + 0.005)).length;
          expect(g.rank, where).toBe(ahead + 1);
        }
      }
    }
    // The draft of the latest month names each group's top and bottom by score; its page and the unit pages show them.
    const latest = summaryOf(truth.periods.at(-1)!.period);
    const paragraph = latest.bulletin.sections[1].paragraphs.at(-1);
    expect(paragraph).toMatch(/^按考核办法测算，2026年1-10月考核得分：县区.+最高，[\d.]+分；.+最低/);
    expect(paragraph).not.toMatch(/（[^）]*（/);
    const page = readFileSync(join(out, '2026-10', 'assessment', 'index.html'), 'utf8');
    for (const u of latest.assessment.units) expect(page).toContain(u.name);
    expect(page).toContain('计分办法');
    expect(readFileSync(join(out, '2026-10', 'units', 'A01', 'index.html'), 'utf8')).toContain('考核得分');
    expect(readFileSync(join(out, '2026-09', 'assessment', 'index.html'), 'utf8')).toContain('2026年第三季度考核');
  });

  it('marks the units that did not report and finds the planted faults with their cells', () => {
    for (const p of truth.periods) {
      const s = summaryOf(p.period);
      expect(s.units.filter((u: { submitted: boolean }) => !u.submitted).map((u: { code: string }) => u.code).sort()).toEqual([...p.missing].sort());
    }
    const kinds: Record<string, string> = { 'duplicate-across-units': 'cross-unit-duplicate', 'funds-above-contract': 'funds-above-contract', 'date-after-period': 'date-after-period' };
    for (const f of truth.plantedFaults) {
      const s = summaryOf(f.periods.at(-1)!);
      const found = s.issues.find((i: { kind: string; projectCode: string }) => i.kind === kinds[f.kind] && (i.projectCode === f.project || i.projectCode === f.otherProject));
      expect(found, f.description).toBeDefined();
      expect(found.file).toMatch(/^returns\//);
      expect(found.sheet).toBeTruthy();
      expect(found.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });

  it('is deterministic: a second build gives the same bytes in every file', () => {
    const again = `${out}-again`;
    execFileSync(process.execPath, ['scripts/build.ts', '--data', 'data', '--out', again, '--quiet', '--audience', 'internal'], {
      cwd: join(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const list = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? list(join(d, f)).map((x) => `${f}/${x}`) : [f])).sort();
    const a = list(out);
    expect(list(again)).toEqual(a);
    for (const f of a) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('sends each unit with problems its 退回修改 workbook, linked from the quality and unit pages, and lists 催报', () => {
    const dir = join(out, 'data', '2026-10', 'feedback');
    // 东山县 (funds above contract), 示例经开区 (date after the period), 综合保税区 (did not report).
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['A02.xlsx', 'B01.xlsx', 'B04.xlsx']));
    const cells = workbookTexts(readFileSync(join(dir, 'A02.xlsx'))).map((c) => c.text);
    expect(cells).toEqual(expect.arrayContaining(['东山县2026年1-10月招商引资台账退回修改清单', '盛川电商产业园项目', '14160']));
    const quality = readFileSync(join(out, '2026-10', 'quality', 'index.html'), 'utf8');
    expect(quality).toContain('data/2026-10/feedback/A02.xlsx');
    expect(quality).toMatch(/催报（1个单位）[\s\S]*综合保税区/);
    expect(readFileSync(join(out, '2026-10', 'units', 'A02', 'index.html'), 'utf8')).toContain('data/2026-10/feedback/A02.xlsx');
  });

  it('publishes the issued months only, each with its 文号 and date and with no change since it was issued', () => {
    const publicOut = `${out}-public`;
    const said = execFileSync(process.execPath, ['scripts/build.ts', '--data', 'data', '--out', publicOut, '--quiet'], {
      cwd: join(import.meta.dirname, '..'), encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(said).toContain('未对外发布：2026-10（草稿，尚未签发）');
    const periods = truth.periods.map((p) => p.period);
    expect(existsSync(join(publicOut, 'data', '2026-10', 'summary.json'))).toBe(false);
    expect(existsSync(join(publicOut, '2026-10'))).toBe(false);
    for (const period of periods.slice(0, -1)) {
      const s = JSON.parse(readFileSync(join(publicOut, 'data', period, 'summary.json'), 'utf8'));
      expect(s.issued, period).toMatchObject({ version: 1, number: expect.stringMatching(/^示招商通〔\d{4}〕\d+号$/) });
      // The records were issued from the committed returns: nothing has changed since.
      expect(s.revisions, period).toEqual([]);
      expect(s.units, period).toEqual(summaryOf(period).units);
    }
    expect(readFileSync(join(publicOut, 'index.html'), 'utf8')).toContain('示招商通〔2026〕10号');
    expect(readFileSync(join(out, '2026-10', 'index.html'), 'utf8')).toContain('草稿');
  });

  it('keeps every contact number of the sample out of the public build', () => {
    const publicOut = `${out}-public`;
    const phones = new Set<string>();
    for (const p of truth.periods) for (const r of p.returns) { phones.add(r.reporterPhone); for (const row of r.rows) phones.add(row.phone); }
    const leaders = new Set<string>();
    for (const p of truth.periods) for (const r of p.returns) for (const row of r.rows) leaders.add(row.leader);
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const a = join(d, f); if (statSync(a).isDirectory()) walk(a); else files.push(a); } };
    walk(publicOut);
    expect(files.some((f) => f.includes('2026-09')), 'the public build was made by the test above').toBe(true);
    // An .xlsx is a zip of deflated XML: its bytes never contain a cell's text, so workbooks are read
    // cell by cell (test/helpers/xlsx-scan.ts; test/xlsx-scan.test.ts shows that scan finds a planted phone).
    const workbooks = files.filter((f) => f.endsWith('.xlsx'));
    expect(workbooks.length, 'the build offers .xlsx downloads to scan').toBeGreaterThan(0);
    for (const f of workbooks) {
      const buf = readFileSync(f);
      expect(workbookTexts(buf).length, `${f} reads as a workbook with cells`).toBeGreaterThan(0);
      expect(findInWorkbook(buf, [...phones, ...leaders]), f).toEqual([]);
    }
    for (const f of files.filter((x) => !x.endsWith('.xlsx'))) {
      const text = readFileSync(f).toString('utf8');
      for (const phone of phones) expect(text.includes(phone), `${phone} in ${f}`).toBe(false);
      for (const l of leaders) expect(text.includes(l), `${l} in ${f}`).toBe(false);
    }
  });
});
