/**
 * The chain pages as a reader sees them: figures, the 补链 list in words, links with their change
 * since last month, each link's largest projects with unit names and ledger rows, what the lists
 * leave out, and the overview's gaps at a glance.
 */
import { describe, expect, it } from 'vitest';
import { placeOnChains, projectRef } from '../../src/lib/compute/chains.ts';
import type { PeriodModel } from '../../src/lib/model/site-model.ts';
import type { Chain, Project } from '../../src/lib/model/types.ts';
import { boundedList, chainPage, chainsOverviewPage, LINK_LIST, UNPLACED_LIST } from '../../src/lib/views/chain-page.ts';
import { project } from '../helpers/project.ts';
import { period as basePeriod, siteOf } from './fixtures.ts';

const t = { strongMinProjects: 2, strongMinFunds: 5000 };
const defs: Chain[] = [{
  name: '生物医药', slug: 'bio', leader: '副市长 甲', department: null, links: [
    { name: '原料药', position: '上游', description: null, targetCompanies: [] },
    { name: '化学制剂', position: '中游', description: null, targetCompanies: ['恒瑞医药'] },
    { name: '医疗器械', position: '中游', description: null, targetCompanies: ['联影医疗'] },
    { name: '医药流通', position: '下游', description: null, targetCompanies: [] },
  ],
}];

/** A period as the pipeline makes it from projects: chains placed, totals counted. */
function month(name: string, projects: Project[], over: Partial<PeriodModel> = {}): PeriodModel {
  const placement = placeOnChains(defs, projects, t);
  const counted = projects.filter((p) => p.stage !== '在谈');
  const base = basePeriod({ period: name });
  return {
    ...base, chains: placement.chains, projects,
    totals: { ...base.totals, projects: counted.length, fundsInPlace: counted.reduce((s, p) => s + (p.fundsInPlace ?? 0), 0) },
    unplaced: placement.unplaced.map((u) => ({ ref: projectRef(u.project), unit: u.project.unit, name: u.project.name, chain: u.project.chain, link: u.project.link, reason: u.reason })),
    ...over,
  };
}

const march = month('2026-03', [
  project({ code: 'a', name: '甲原料药', chain: '生物医药', link: '原料药', fundsInPlace: 3000 }),
  project({ code: 'c', name: '丙制剂', chain: '生物医药', link: '化学制剂', fundsInPlace: 9000 }),
  project({ code: 'c2', name: '丙制剂二期', chain: '生物医药', link: '化学制剂', fundsInPlace: 1000 }),
]);
const april = month('2026-04', [
  project({ code: 'a', name: '甲原料药', chain: '生物医药', link: '原料药', fundsInPlace: 4000 }),
  project({ code: 'b', name: '乙原料药', unit: 'B01', chain: '生物医药', link: '原料药', fundsInPlace: 3500, stage: '开工' }),
  project({ code: 'c', name: '丙制剂', chain: '生物医药', link: '化学制剂', fundsInPlace: 9000 }),
  project({ code: 'e', name: '戊器械', unit: 'Z99', chain: '生物医药', link: '医疗器械', stage: '在谈' }),
  project({ code: 'f', name: '己疫苗', chain: '生物医药产业链', link: '疫苗', fundsInPlace: 50 }),
  project({ code: 'x', name: '无链项目', fundsInPlace: 2000 }),
], { previousPeriod: '2026-03', notSubmitted: ['B01', 'Z98'] });
const model = {
  ...siteOf([march, april]), chains: defs,
  config: { ...siteOf([]).config, chains: t },
  units: [{ code: 'A01', name: '甲县', group: '县区', aliases: [], order: 0 }, { code: 'B01', name: '乙县', group: '县区', aliases: [], order: 1 }],
};

describe('chainPage(model, period, slug)', () => {
  const v = chainPage(model, april, 'bio');

  it('gives the figures strip: coverage, share of the city’s projects, gaps and weak links', () => {
    expect(v).toMatchObject({ title: '生物医药产业链', people: '链长：副市长 甲', covered: 2, gaps: 2, weak: 1 });
    expect(v.projectsNote).toBe('占全市项目60.0%；另有在谈1个');
  });

  it('words the 补链 list and what changed since last month', () => {
    expect(v.targets.list.entries.map((e) => e.link.name)).toEqual(['医疗器械', '医药流通', '化学制剂']);
    expect(v.targets).toMatchObject({ gaps: 2, weak: 1, since: '2026年3月', improved: '原料药（弱链→强链）', worsened: '化学制剂（强链→弱链）', unlisted: true });
    expect(v.comparedNote).toBe('；较上月与2026年3月相比');
  });

  it('lists links in chain order with their change, and the chain’s change of projects', () => {
    expect(v.links.map((l) => [l.anchor, l.link.name, l.change])).toEqual([
      ['link-1', '原料药', '由弱转强，项目+1个，到位资金+4,500万元'], ['link-2', '化学制剂', '由强转弱，项目−1个，到位资金−1,000万元'],
      ['link-3', '医疗器械', '仍为缺链'], ['link-4', '医药流通', '仍为缺链'],
    ]);
    expect(v.projectsChange).toBe('项目+0个');
  });

  it('gives each link’s projects with unit names (the code where the registry lacks it) and its summary', () => {
    const [raw, , devices] = v.sections;
    expect(raw!.summary).toBe('2个项目，合同引资额0万元，到位资金7,500万元。');
    expect(raw!.counted.map((x) => `${x.project.name}·${x.unitName}`)).toEqual(['甲原料药·甲县', '乙原料药·乙县']);
    expect(devices!.summary).toBe('暂无签约、开工或投产项目。');
    expect(devices!.reserve.map((x) => `${x.project.name}·${x.unitName}`)).toEqual(['戊器械·Z99']);
    expect(devices!.reserveTotal).toBe(1);
  });

  it('links each listed project to its row in the ledger, and leaves nothing out of a short list', () => {
    const [raw, , devices] = v.sections;
    // The period lists no units: its ledger goes by the codes the rows name, one group (其他).
    expect(raw!.counted.map((x) => x.row)).toEqual(['2026-04/projects/1/#r-A01-1', '2026-04/projects/1/#r-B01-1']);
    expect(devices!.reserve[0]!.row).toBe('2026-04/projects/1/#r-Z99-1');
    expect(raw!.rest).toEqual({ count: 0, contractAmount: 0, fundsInPlace: 0 });
    expect(raw!.listed).toBe('');
  });

  it('names the unplaced rows of this chain, units not reported, and the months to link to', () => {
    expect(v.unplaced.map((u) => `${u.name}·${u.unitName}·${u.row}`)).toEqual(['己疫苗·甲县·2026-04/projects/1/#r-A01-3']);
    expect(v.unplacedTotal).toBe(1);
    expect(v.missing).toEqual(['乙县', 'Z98']);
    expect(v.sameYear).toEqual(['2026-03', '2026-04']);
  });

  it('has no comparison in the first month, and says why in January', () => {
    const first = chainPage(model, march, 'bio');
    expect(first.targets).toMatchObject({ since: null, noComparison: '没有上月数据，本期不作比较。' });
    expect(first.projectsChange).toBe('—');
    expect(first.comparedNote).toBe('');
    const january = month('2026-01', []);
    expect(chainPage({ ...model, periods: [january] }, january, 'bio').targets.noComparison).toBe('1月为年度首期，台账从1月重新累计，不与上年12月比较。');
  });

  it('throws for a chain the period does not have', () => {
    expect(() => chainPage(model, april, 'nope')).toThrow('unknown chain nope in 2026-04');
  });
});

describe('a link with more projects than a page lists', () => {
  // 25 counted projects on 原料药 with funds 1…25, 8 在谈 on it, 30 rows naming an undefined link
  // (two of them alike in every field, as a unit may write a row twice).
  const many = month('2026-05', [
    ...Array.from({ length: 25 }, (_, i) => project({ code: `p${i}`, name: `原料药项目${i}`, unit: i % 2 ? 'B01' : 'A01', chain: '生物医药', link: '原料药', fundsInPlace: i + 1, contractAmount: 10 * (i + 1) })),
    ...Array.from({ length: 8 }, (_, i) => project({ code: `r${i}`, name: `在谈项目${i}`, chain: '生物医药', link: '原料药', stage: '在谈' })),
    ...Array.from({ length: 28 }, (_, i) => project({ code: `u${i}`, name: `未归链${i}`, chain: '生物医药', link: '疫苗' })),
    project({ name: '重复行', chain: '生物医药', link: '疫苗' }), project({ name: '重复行', chain: '生物医药', link: '疫苗' }),
  ]);
  const m = { ...model, periods: [many] };
  const v = chainPage(m, many, 'bio');
  const raw = v.sections[0]!;

  it('lists the largest by funds in place, and states the rest with their amounts', () => {
    expect(raw.counted.map((x) => x.project.fundsInPlace)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(raw.counted).toHaveLength(LINK_LIST.maxRows);
    // 1 + … + 15 = 120 in place, ten times that contracted; with the listed 205 the link's 325.
    expect(raw.rest).toEqual({ count: 15, contractAmount: 1200, fundsInPlace: 120 });
    expect(raw.summary).toBe('25个项目，合同引资额3,250万元，到位资金325万元。');
    expect(raw.listed).toBe('列出到位资金最多的10个，占本环节到位资金63.1%');
    expect(raw.counted.every((x) => /^2026-05\/projects\/1\/#r-(A01|B01)-\d+$/.test(x.row!))).toBe(true);
  });

  it('names at most maxReserve 在谈 projects, with their number', () => {
    expect([raw.reserve.length, raw.reserveTotal]).toEqual([LINK_LIST.maxReserve, 8]);
  });

  it('lists the first unplaced rows with their number, each on its own ledger row', () => {
    expect([v.unplaced.length, v.unplacedTotal]).toEqual([UNPLACED_LIST.maxRows, 30]);
    const overview = chainsOverviewPage(m, many);
    expect([overview.unplaced.length, overview.unplacedTotal]).toEqual([UNPLACED_LIST.maxRows, 30]);
    const few = month('2026-05', many.projects.slice(-2));
    const twins = chainPage({ ...model, periods: [few] }, few, 'bio').unplaced.map((u) => u.row);
    expect(twins).toEqual(['2026-05/projects/1/#r-A01-1', '2026-05/projects/1/#r-A01-2']);
  });

  it('lists fewer rows when their names are very long, so a page keeps its budget', () => {
    const long = month('2026-05', Array.from({ length: 6 }, (_, i) => project({ code: `L${i}`, name: `${'很长的项目名称<&>'.repeat(1000)}${i}`, chain: '生物医药', link: '原料药', fundsInPlace: 10 - i })));
    const s = chainPage({ ...model, periods: [long] }, long, 'bio').sections[0]!;
    // Four links share 300 KB: 75 KB each, two names of ~40 KB (escaped) do not fit.
    expect([s.counted.length, s.rest.count]).toEqual([1, 5]);
    expect(s.listed).toBe('列出到位资金最多的1个，占本环节到位资金22.2%');
  });
});

describe('boundedList(items, maxRows, maxBytes, weight)', () => {
  it('keeps the longest prefix within both limits', () => {
    expect(boundedList([1, 2, 3, 4], 3, 100, () => 10)).toEqual([1, 2, 3]);
    expect(boundedList([5, 50, 1], 3, 54, (x) => x)).toEqual([5]);
    expect(boundedList([60, 1], 3, 50, (x) => x)).toEqual([]);
  });
});

describe('chainsOverviewPage(model, period)', () => {
  const v = chainsOverviewPage(model, april);

  it('gives each chain its title, coverage bar, change and its gap and weak links with anchors', () => {
    expect(v.rows.map((r) => [r.title, r.coverageWidth, r.projectsChange])).toEqual([['生物医药产业链', 50, '持平']]);
    expect(v.rows[0]!.gapLinks).toEqual([{ name: '医疗器械', anchor: 'link-3' }, { name: '医药流通', anchor: 'link-4' }]);
    expect(v.rows[0]!.weakLinks).toEqual([{ name: '化学制剂', anchor: 'link-2' }]);
    expect(v.comparedNote).toBe('；较上月与2026年3月相比');
    expect(chainsOverviewPage(model, march).rows[0]!.projectsChange).toBe('—');
  });

  it('lists every unplaced row with its unit', () => {
    expect(v.unplaced.map((u) => [u.name, u.unitName, u.reason.length > 0, u.row])).toEqual([['己疫苗', '甲县', true, '2026-04/projects/1/#r-A01-3']]);
    expect(v.unplacedTotal).toBe(1);
  });
});
