/**
 * Chain placement and the status rules: 强链 / 弱链 / 缺链 from counted projects and funds, 在谈 as
 * reserve, and every row that names an undefined chain or link listed as unplaced.
 */
import { describe, expect, it } from 'vitest';
import { linkStatus, locate, placeOnChains } from '../src/lib/compute/chains.ts';
import type { Chain } from '../src/lib/model/types.ts';
import { project } from './helpers/project.ts';

const chains: Chain[] = [
  { name: '生物医药', slug: 'bio', leader: '副市长 甲', department: '市卫健委', links: [
    { name: '原料药', position: '上游', description: null, targetCompanies: [] },
    { name: '化学制剂', position: '中游', description: null, targetCompanies: [] },
    { name: '医疗器械', position: '中游', description: '缺少高端影像设备', targetCompanies: ['联影医疗', '迈瑞医疗'] },
    { name: '医药流通', position: '下游', description: null, targetCompanies: [] },
  ] },
  { name: '现代物流', slug: 'logistics', leader: null, department: null, links: [
    { name: '仓储', position: '上游', description: null, targetCompanies: [] },
  ] },
];
const t = { strongMinProjects: 2, strongMinFunds: 5000 };

describe('linkStatus(projects, funds, thresholds)', () => {
  it('is 缺链 without projects, whatever the thresholds', () => {
    expect(linkStatus(0, 0, t)).toBe('缺链');
    expect(linkStatus(0, 99999, { strongMinProjects: 0, strongMinFunds: 0 })).toBe('缺链');
  });
  it('is 强链 exactly at both thresholds and 弱链 just below either', () => {
    expect(linkStatus(2, 5000, t)).toBe('强链');
    expect(linkStatus(1, 5000, t)).toBe('弱链');
    expect(linkStatus(2, 4999.99, t)).toBe('弱链');
    expect(linkStatus(9, 1e6, { strongMinProjects: 10, strongMinFunds: 0 })).toBe('弱链');
  });
});

describe('locate(chains, project)', () => {
  it('matches chain names with or without 产业链 and links with stray spaces, full-width forms or a trailing 环节', () => {
    const at = (chain: string | null, link: string | null) => {
      const r = locate(chains, { chain, link });
      return r === null ? null : 'reason' in r ? r.reason : `${r.chain.slug}/${r.link.name}`;
    };
    expect(at('生物医药产业链', '原料药')).toBe('bio/原料药');
    expect(at(' 生物医药 ', '医疗器械环节')).toBe('bio/医疗器械');
    expect(at('生物医药链', '化学　制剂')).toBe('bio/化学制剂');
    expect(at(null, null)).toBeNull();
    expect(at('', '  ')).toBeNull();
    expect(at(null, '原料药')).toBe('填写了环节“原料药”但没有填写所属产业链');
    expect(at('航空航天', '机身')).toBe('产业链“航空航天”未在产业链定义中');
    expect(at('生物医药', null)).toBe('没有填写“生物医药”的产业链环节');
    expect(at('生物医药', '疫苗')).toBe('环节“疫苗”不是“生物医药”产业链的环节');
  });
});

describe('placeOnChains(chains, projects, thresholds)', () => {
  const r = placeOnChains(chains, [
    project({ code: 'a', chain: '生物医药', link: '原料药', contractAmount: 8000, fundsInPlace: 3000 }),
    project({ code: 'b', chain: '生物医药', link: '原料药', contractAmount: 4000, fundsInPlace: 2000, stage: '开工' }),
    project({ code: 'c', chain: '生物医药', link: '化学制剂', contractAmount: 9000, fundsInPlace: 9000, stage: '投产' }),
    project({ code: 'd', chain: '生物医药', link: '医疗器械', stage: '在谈', contractAmount: 50000 }),
    project({ code: 'e', chain: '生物医药', link: '疫苗', fundsInPlace: 100 }),
    project({ code: 'f', chain: '航空航天', link: '机身', stage: '在谈' }),
    project({ code: 'g', unit: 'B01', chain: '生物医药产业链', link: '医药流通', fundsInPlace: null, contractAmount: null, stage: null }),
    project({ code: 'h', chain: null, link: null }),
  ], t);
  const bio = r.chains[0]!;

  it('sums counted projects per link and gives each link its status', () => {
    expect(bio.links.map((l) => [l.name, l.projects, l.contractAmount, l.fundsInPlace, l.status, l.gap])).toEqual([
      ['原料药', 2, 12000, 5000, '强链', false],
      ['化学制剂', 1, 9000, 9000, '弱链', false],
      ['医疗器械', 0, 0, 0, '缺链', true],
      ['医药流通', 1, 0, 0, '弱链', false],
    ]);
    expect(bio.links[0]!.projectRefs).toEqual(['A01:a', 'A01:b']);
    expect([bio.projects, bio.contractAmount, bio.fundsInPlace, bio.coverage]).toEqual([4, 21000, 14000, 0.75]);
  });

  it('keeps 在谈 projects apart: they never fill a gap, but the link shows them', () => {
    const devices = bio.links[2]!;
    expect([devices.status, devices.reserveProjects, devices.reserveRefs]).toEqual(['缺链', 1, ['A01:d']]);
    expect(bio.reserveProjects).toBe(1);
  });

  it('lists every row naming an undefined chain or link as unplaced, 在谈 rows included; rows naming none are left alone', () => {
    expect(r.unplaced.map((u) => [u.project.code, u.reason])).toEqual([
      ['e', '环节“疫苗”不是“生物医药”产业链的环节'],
      ['f', '产业链“航空航天”未在产业链定义中'],
    ]);
  });

  it('carries the definitions: names, positions, target companies, an empty chain as a full gap', () => {
    expect(bio.links[2]!.targetCompanies).toEqual(['联影医疗', '迈瑞医疗']);
    expect(bio.links[2]!.description).toBe('缺少高端影像设备');
    expect(r.chains[1]).toMatchObject({ slug: 'logistics', projects: 0, coverage: 0, links: [{ name: '仓储', status: '缺链' }] });
  });

  it('reads thresholds from the configuration', () => {
    const lenient = placeOnChains(chains, [project({ chain: '生物医药', link: '化学制剂', fundsInPlace: 10 })], { strongMinProjects: 1, strongMinFunds: 0 });
    expect(lenient.chains[0]!.links[1]!.status).toBe('强链');
  });

  it('is pure: the same input gives the same result', () => {
    const input = [project({ code: 'z', chain: '生物医药', link: '原料药', fundsInPlace: 1 }), project({ code: 'y', chain: '生物医药', link: '原料药', fundsInPlace: 2 })];
    expect(JSON.stringify(placeOnChains(chains, input, t))).toBe(JSON.stringify(placeOnChains(chains, [...input].reverse(), t)));
  });
});
