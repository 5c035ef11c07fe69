/**
 * What the chain pages say: the 补链 target list and its change since last month, the overview's
 * coverage and shares, and each link's projects.
 */
import { describe, expect, it } from 'vitest';
import { chainsOverview, chainTitle, linkAnchor, linkChange, linkProjects, previousChain, statusRules, targetList, unplacedFor, weakReason } from '../src/lib/views/chain-view.ts';
import { placeOnChains, projectRef } from '../src/lib/compute/chains.ts';
import type { PeriodModel } from '../src/lib/model/site-model.ts';
import type { Chain, Project } from '../src/lib/model/types.ts';
import { project } from './helpers/project.ts';

const t = { strongMinProjects: 2, strongMinFunds: 5000 };
const defs: Chain[] = [{
  name: '生物医药', slug: 'bio', leader: null, department: null, links: [
    { name: '原料药', position: '上游', description: null, targetCompanies: [] },
    { name: '化学制剂', position: '中游', description: null, targetCompanies: ['恒瑞医药'] },
    { name: '医疗器械', position: '中游', description: '缺少高端影像设备', targetCompanies: ['联影医疗', '迈瑞医疗'] },
    { name: '医药流通', position: '下游', description: null, targetCompanies: [] },
  ],
}];

/** A period as the pipeline makes it, from projects: chains placed, totals counted. */
function period(name: string, projects: Project[], previousPeriod: string | null): PeriodModel {
  const placement = placeOnChains(defs, projects, t);
  const counted = projects.filter((p) => p.stage !== '在谈');
  return {
    period: name, year: Number(name.slice(0, 4)), month: Number(name.slice(5)), timeProgress: 0, previousPeriod, lastYearPeriod: null,
    totals: { projects: counted.length, fundsInPlace: counted.reduce((s, p) => s + (p.fundsInPlace ?? 0), 0) } as PeriodModel['totals'],
    groups: [], units: [], breakdowns: {} as PeriodModel['breakdowns'], chains: placement.chains,
    unplaced: placement.unplaced.map((u) => ({ ref: projectRef(u.project), unit: u.project.unit, name: u.project.name, chain: u.project.chain, link: u.project.link, reason: u.reason })),
    projects, issues: [], files: [], notSubmitted: [], draft: { title: '', sections: [] }, issued: null, versions: [], revisions: [], changedFromFirst: [], assessment: null,
  };
}

const march = period('2026-03', [
  project({ code: 'a', name: '甲原料药', chain: '生物医药', link: '原料药', fundsInPlace: 3000 }),
  project({ code: 'b', name: '乙原料药', chain: '生物医药', link: '原料药', fundsInPlace: 3000 }),
  project({ code: 'c', name: '丙制剂', chain: '生物医药', link: '化学制剂', fundsInPlace: 9000 }),
  project({ code: 'x', name: '无链项目', fundsInPlace: 1000 }),
], null);
const april = period('2026-04', [
  project({ code: 'a', name: '甲原料药', chain: '生物医药', link: '原料药', fundsInPlace: 4000 }),
  project({ code: 'b', name: '乙原料药', chain: '生物医药', link: '原料药', fundsInPlace: 3500, stage: '开工' }),
  project({ code: 'c', name: '丙制剂', chain: '生物医药', link: '化学制剂', fundsInPlace: 9000 }),
  project({ code: 'd', name: '丁流通', unit: 'B01', chain: '生物医药', link: '医药流通', fundsInPlace: 100 }),
  project({ code: 'e', name: '戊器械', chain: '生物医药', link: '医疗器械', stage: '在谈' }),
  project({ code: 'f', name: '己疫苗', chain: '生物医药产业链', link: '疫苗', fundsInPlace: 50 }),
  project({ code: 'x', name: '无链项目', fundsInPlace: 2000 }),
], '2026-03');
const model = { periods: [march, april] };

describe('previousChain(model, period, chain)', () => {
  it('finds last month\'s chain by slug, and none without a previous period', () => {
    expect(previousChain(model, april, april.chains[0]!)).toBe(march.chains[0]);
    expect(previousChain(model, march, march.chains[0]!)).toBeNull();
    expect(previousChain({ periods: [april] }, april, april.chains[0]!)).toBeNull();
  });
});

describe('linkChange(link, previous)', () => {
  const [raw, drugs, devices, trade] = april.chains[0]!.links as [never, never, never, never];
  const before = march.chains[0]!;
  it('names the move between statuses and the change in projects and funds', () => {
    expect(linkChange(raw, before)).toMatchObject({ before: '强链', projectsDelta: 0, fundsDelta: 1500, text: '到位资金+1,500万元' });
    expect(linkChange(drugs, before).text).toBe('无变化');
    expect(linkChange(devices, before).text).toBe('仍为缺链');
    expect(linkChange(trade, before)).toMatchObject({ before: '缺链', projectsDelta: 1, text: '本月补链，项目+1个，到位资金+100万元' });
  });
  it('says so when there is nothing to compare with, or the link is new', () => {
    expect(linkChange(raw, null)).toMatchObject({ compared: false, text: '—' });
    const renamed = { ...before, links: before.links.filter((l) => l.name !== '原料药') };
    expect(linkChange(raw, renamed).text).toBe('本月新增环节');
  });
  it('reports a link that falls back', () => {
    const may = period('2026-05', [project({ code: 'a', chain: '生物医药', link: '原料药', fundsInPlace: 9000 })], '2026-04');
    const [mRaw, mDrugs] = may.chains[0]!.links;
    expect(linkChange(mRaw!, april.chains[0]!).text).toBe('由强转弱，项目−1个，到位资金+1,500万元');
    expect(linkChange(mDrugs!, april.chains[0]!).text).toBe('本月变为缺链，项目−1个，到位资金−9,000万元');
  });
});

describe('targetList(chain, previous, comparedWith, thresholds)', () => {
  it('lists gaps then weak links with their targets and reasons, and what improved since last month', () => {
    const list = targetList(april.chains[0]!, march.chains[0]!, '2026-03', t);
    expect(list.entries.map((e) => [e.index, e.link.name, e.link.status, e.reason, e.link.targetCompanies, e.change.text])).toEqual([
      [2, '医疗器械', '缺链', '没有签约、开工或投产的项目', ['联影医疗', '迈瑞医疗'], '仍为缺链'],
      [1, '化学制剂', '弱链', '项目少于2个', ['恒瑞医药'], '无变化'],
      [3, '医药流通', '弱链', '项目少于2个，到位资金不足5,000万元', [], '本月补链，项目+1个，到位资金+100万元'],
    ]);
    expect(list.improved.map((e) => e.link.name)).toEqual(['医药流通']);
    expect(list.worsened).toEqual([]);
    expect(list.comparedWith).toBe('2026-03');
    expect(list.entries[0]!.link.reserveProjects).toBe(1);
  });
  it('has no comparison in the first period', () => {
    const list = targetList(march.chains[0]!, null, null, t);
    expect(list.comparedWith).toBeNull();
    expect(list.entries.every((e) => !e.change.compared)).toBe(true);
  });
});

describe('chainsOverview(model, period)', () => {
  it('gives coverage, status counts, and the chains\' share of all projects and funds', () => {
    const o = chainsOverview(model, april);
    expect(o).toMatchObject({ links: 4, covered: 3, coverage: 0.75, strong: 1, weak: 2, gaps: 1, projects: 4, fundsInPlace: 16600, reserveProjects: 1, comparedWith: '2026-03' });
    // 6 counted projects in the city (在谈 excluded), 4 of them on the chain; the unplaced 己疫苗 and 无链项目 are not.
    expect(o.projectShare).toBeCloseTo(4 / 6, 12);
    expect(o.fundsShare).toBeCloseTo(16600 / 18650, 12);
    expect(o.rows[0]).toMatchObject({ covered: 3, strong: 1, weak: 2, gaps: 1, projectsDelta: 1, gapsDelta: -1 });
  });
  it('has null shares for a city without projects', () => {
    const empty = period('2026-01', [], null);
    expect(chainsOverview({ periods: [empty] }, empty)).toMatchObject({ projectShare: null, fundsShare: null, coverage: 0 });
    expect(chainsOverview({ periods: [empty] }, empty).rows[0]!.projectsDelta).toBeNull();
  });
});

describe('linkProjects(period, definitions, chain, index)', () => {
  it('resolves a link\'s projects, biggest funds first, with 在谈 apart', () => {
    const raw = linkProjects(april, defs, april.chains[0]!, 0);
    expect(raw.counted.map((p) => p.name)).toEqual(['甲原料药', '乙原料药']);
    expect(linkProjects(april, defs, april.chains[0]!, 2)).toMatchObject({ counted: [], reserve: [{ name: '戊器械' }] });
    expect(() => linkProjects(april, defs, april.chains[0]!, 9)).toThrow('invalid link index');
  });
  it('keeps two same-named projects without codes on their own links', () => {
    const twins = period('2026-06', [
      project({ name: '同名项目', chain: '生物医药', link: '原料药', fundsInPlace: 1 }),
      project({ name: '同名项目', chain: '生物医药', link: '医药流通', fundsInPlace: 2 }),
    ], null);
    expect(linkProjects(twins, defs, twins.chains[0]!, 0).counted.map((p) => p.fundsInPlace)).toEqual([1]);
    expect(linkProjects(twins, defs, twins.chains[0]!, 3).counted.map((p) => p.fundsInPlace)).toEqual([2]);
  });
});

describe('words and anchors', () => {
  it('linkAnchor numbers links from 1 by their place; chainTitle adds 产业链 once', () => {
    expect(linkAnchor(0)).toBe('link-1');
    expect(chainTitle('生物医药')).toBe('生物医药产业链');
    expect(chainTitle('新能源汽车产业链')).toBe('新能源汽车产业链');
  });
  it('weakReason and statusRules print the configured thresholds', () => {
    expect(weakReason({ status: '弱链', projects: 3, fundsInPlace: 10 }, { strongMinProjects: 3, strongMinFunds: 12000 })).toBe('到位资金不足12,000万元');
    expect(weakReason({ status: '强链', projects: 3, fundsInPlace: 10 }, t)).toBe('');
    expect(statusRules(t).map((r) => r.status)).toEqual(['强链', '弱链', '缺链']);
    expect(statusRules({ strongMinProjects: 3, strongMinFunds: 8000 })[0]!.rule).toBe('有3个及以上项目，且到位资金达到8,000万元');
  });
  it('unplacedFor lists the unplaced rows naming this chain', () => {
    expect(unplacedFor(april, april.chains[0]!).map((u) => [u.name, u.reason])).toEqual([['己疫苗', '环节“疫苗”不是“生物医药”产业链的环节']]);
  });
});
