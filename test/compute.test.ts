import { describe, expect, it } from 'vitest';
import { breakdowns, sizeBand } from '../src/lib/compute/breakdowns.ts';
import { placeOnChains } from '../src/lib/compute/chains.ts';
import { actuals, completion, indicators, yoy } from '../src/lib/compute/indicators.ts';
import { aheadPoints, light } from '../src/lib/compute/light.ts';
import { rankChange, rankDescending } from '../src/lib/compute/rank.ts';
import { project } from './helpers/project.ts';


describe('rankDescending', () => {
  it('rankDescending(values) gives ties a shared rank: 1, 2, 2, 4', () => {
    expect(rankDescending([0.5, 0.3, 0.3, 0.1], (v) => v)).toEqual([1, 2, 2, 4]);
  });
  it('rankDescending(values) treats float noise as a tie', () => {
    expect(rankDescending([0.1 + 0.2, 0.3, 0.2], (v) => v)).toEqual([1, 1, 3]);
  });
  it('rankDescending(values) leaves units without a value unranked', () => {
    expect(rankDescending([null, 0.2, 0.4], (v) => v)).toEqual([null, 2, 1]);
  });
  it('rankChange(previous, current) is positive when a unit moves up', () => {
    expect(rankChange(4, 1)).toBe(3);
    expect(rankChange(1, 3)).toBe(-2);
    expect(rankChange(null, 1)).toBeNull();
    expect(rankChange(2, null)).toBeNull();
  });
});

describe('indicators', () => {
  it('completion(actual, target) is null without a positive target', () => {
    expect(completion(50, 200)).toBe(0.25);
    expect(completion(50, 0)).toBeNull();
    expect(completion(50, null)).toBeNull();
  });
  it('yoy(current, lastYear) compares with the same month of last year', () => {
    expect(yoy(174.1, 100)).toBeCloseTo(0.741, 10);
    expect(yoy(80, 100)).toBeCloseTo(-0.2, 10);
    expect(yoy(80, null)).toBeNull();
    expect(yoy(80, 0)).toBeNull();
  });
  it('actuals(projects) counts 签约/开工/投产, keeps 在谈 apart and foreign capital out of 万元', () => {
    const a = actuals([
      project({ stage: '签约', contractAmount: 100, fundsInPlace: 10, foreignCapital: 5 }),
      project({ stage: '开工', contractAmount: 20000, fundsInPlace: 300, totalInvestment: 30000 }),
      project({ stage: '在谈', contractAmount: 999, fundsInPlace: 0 }),
      project({ stage: null, contractAmount: 1, fundsInPlace: 1 }),
    ]);
    expect(a).toEqual({ projects: 3, reserveProjects: 1, contractAmount: 20101, fundsInPlace: 311, foreignCapital: 5, largeProjects: 1, startedProjects: 1 });
  });
  it('indicators() gives completion, 同比, points ahead and other targeted indicators', () => {
    const a = actuals([project({ contractAmount: 600, fundsInPlace: 290 }), project({ contractAmount: 400, fundsInPlace: 0 })]);
    const i = indicators(a, { fundsInPlace: 1000, contractAmount: 2000, projects: 4 }, 200, 4 / 12);
    expect(i.fundsCompletion).toBeCloseTo(0.29, 12);
    expect(i.fundsYoY).toBeCloseTo(0.45, 12);
    expect(i.aheadPoints).toBeCloseTo(29 - 100 / 3, 9);
    expect(i.targets).toEqual({ contractAmount: { target: 2000, actual: 1000, completion: 0.5 }, projects: { target: 4, actual: 2, completion: 0.5 } });
  });
});

describe('light', () => {
  const tp = 6 / 12;
  it('light(completion, timeProgress) is green on schedule, yellow from 10 and red from 30 points behind', () => {
    expect(light(0.55, tp)).toBe('green');
    expect(light(0.41, tp)).toBe('green');
    expect(light(0.40, tp)).toBe('yellow');
    expect(light(0.21, tp)).toBe('yellow');
    expect(light(0.20, tp)).toBe('red');
    expect(light(null, tp)).toBeNull();
  });
  it('light() takes configured thresholds', () => {
    expect(light(0.45, tp, { yellowBehind: 5, redBehind: 10 })).toBe('yellow');
    expect(light(0.39, tp, { yellowBehind: 5, redBehind: 10 })).toBe('red');
  });
  it('aheadPoints(completion, timeProgress) is in percentage points', () => {
    expect(aheadPoints(0.291, 4 / 12)).toBeCloseTo(-4.2333, 3);
  });
});

describe('breakdowns', () => {
  it('sizeBand(totalInvestment) follows 亿元以上 / 5000万-1亿 / 1000万-5000万 / 1000万以下', () => {
    expect([10000, 9999, 5000, 1000, 999, null].map(sizeBand)).toEqual(['亿元以上', '5000万-1亿', '5000万-1亿', '1000万-5000万', '1000万以下', '未填报']);
  });
  it('breakdowns(projects) sums counted projects by industry, type and size; stage includes 在谈', () => {
    const b = breakdowns([
      project({ industry: '工业', projectType: '新建', stage: '开工', totalInvestment: 20000, contractAmount: 100, fundsInPlace: 50 }),
      project({ industry: '工业', projectType: '续建', stage: '签约', totalInvestment: 800, contractAmount: 10, fundsInPlace: 5 }),
      project({ industry: '服务业', projectType: '新建', stage: '在谈', totalInvestment: 3000, contractAmount: 7 }),
    ]);
    expect(b.industry).toEqual([{ key: '工业', projects: 2, contractAmount: 110, fundsInPlace: 55 }]);
    expect(b.projectType).toEqual([{ key: '新建', projects: 1, contractAmount: 100, fundsInPlace: 50 }, { key: '续建', projects: 1, contractAmount: 10, fundsInPlace: 5 }]);
    expect(b.stage.map((e) => [e.key, e.projects])).toEqual([['在谈', 1], ['签约', 1], ['开工', 1], ['投产', 0]]);
    expect(b.size.map((e) => [e.key, e.projects])).toEqual([['亿元以上', 1], ['5000万-1亿', 0], ['1000万-5000万', 0], ['1000万以下', 1]]);
  });
});

describe('placeOnChains', () => {
  const chains = [{ name: '新能源汽车', slug: 'nev', leader: null, department: null, links: [
    { name: '电池', position: '上游', description: null, targetCompanies: ['某电池集团'] },
    { name: '整车', position: '中游', description: null, targetCompanies: [] },
    { name: '充电', position: '下游', description: null, targetCompanies: [] },
  ] }];
  it('placeOnChains(chains, projects) sums links, marks gaps and weak links, lists unknown links as unplaced', () => {
    const r = placeOnChains(chains, [
      project({ chain: '新能源汽车产业链', link: '电池', fundsInPlace: 6000, contractAmount: 9000, code: 'a' }),
      project({ chain: '新能源汽车', link: '电池', fundsInPlace: 100, code: 'b' }),
      project({ chain: '新能源汽车', link: '整车', fundsInPlace: 100, code: 'c' }),
      project({ chain: '新能源汽车', link: '轮胎', code: 'd' }),
      project({ chain: '航空航天', link: '机身', code: 'e' }),
    ]);
    const links = r.chains[0]!.links;
    expect(links.map((l) => [l.name, l.projects, l.fundsInPlace, l.status, l.gap])).toEqual([
      ['电池', 2, 6100, '强链', false], ['整车', 1, 100, '弱链', false], ['充电', 0, 0, '缺链', true],
    ]);
    expect(r.chains[0]!.coverage).toBeCloseTo(2 / 3, 12);
    expect(r.unplaced.map((u) => u.project.code)).toEqual(['d', 'e']);
  });
});
