/**
 * The canonical truth behind the sample data of the fictional city 示例市.
 *
 * Pure and deterministic: no I/O, no clock, no Math.random. Every random choice comes from a
 * mulberry32 generator seeded by {@link SAMPLE_SEED} and a string key (`A01:2026`, `perf:县区:2025`…),
 * so changing one unit's simulation never ripples into another's.
 *
 * `scripts/sample/write.ts` serialises this model into messy real-world files; the end-to-end test
 * imports {@link sampleModel} to compute the expected figures independently of the reader.
 *
 * Conventions:
 * - amounts in 万元 (integers), foreign capital in 万美元 (integers), land in 亩, dates ISO `yyyy-mm-dd`;
 * - ledger figures are cumulative from 1 January of the period's year to the period's end;
 * - a project keeps its 项目编码 for its whole life (`A01-2025-004` = 4th project A01 registered in 2025);
 *   a project still under way at year end is carried into the next year as 续建 and its funds restart at 0;
 * - the rows of {@link UnitReturn.rows} are what the unit reported, planted faults included
 *   (see {@link SampleModel.plantedFaults}).
 */

/** Seed of every random choice in the sample. */
export const SAMPLE_SEED = 20261031;
export const CITY = '示例市';
/** First and last period (folder under `returns/`) of the sample. */
export const FIRST_PERIOD = '2024-11';
export const LATEST_PERIOD = '2026-10';
/** Years with targets; 2024 is simulated in full but only its last two months are published. */
export const YEARS: readonly number[] = [2024, 2025, 2026];

export type UnitGroup = '县区' | '开发区' | '市直部门';
export type Stage = '在谈' | '签约' | '开工' | '投产';
export type ProjectType = '新建' | '续建';
export type ChainPosition = '上游' | '中游' | '下游';
export type Industry = '工业' | '服务业' | '农业' | '文旅' | '基础设施';

/** Stages that count as a project (在谈 is reserve, counted apart). */
export const COUNTED_STAGES: readonly Stage[] = ['签约', '开工', '投产'];

/** A reporting unit of the registry (`data/units.xlsx`). */
export interface SampleUnit {
  code: string;
  name: string;
  group: UnitGroup;
  aliases: string[];
  order: number;
}

export interface SampleChainLink {
  name: string;
  position: ChainPosition;
  /** Deliberately never given a project in any period: a 缺链 in every bulletin. */
  gap: boolean;
  /** 环节说明 (only for gaps). */
  description?: string;
  /** 招商目标企业 (only for gaps: 补链找项目). */
  targetCompanies?: string[];
}

/** An industry chain of `data/chains.xlsx`. */
export interface SampleChain {
  name: string;
  /** 产业链编码, used for URLs. */
  code: string;
  /** 链长. */
  leader: string;
  /** 牵头部门. */
  department: string;
  links: SampleChainLink[];
}

/** A unit's annual targets (`data/targets/<year>.*`). */
export interface AnnualTarget {
  year: number;
  /** Unit code. */
  unit: string;
  /** 到位资金（万元）. */
  fundsInPlace: number;
  /** 合同引资额（万元）. */
  contractAmount: number;
  /** 签约项目数. */
  projects: number;
  /** 亿元以上项目数: the 考核 scheme (data/assessment.xlsx) scores its completion. */
  largeProjects: number;
  /** 实际到位外资（万美元）, scored against the 时序 target. */
  foreignCapital: number;
}

/** One ledger row as the unit reported it, in canonical units. */
export interface LedgerRow {
  /** 项目编码, stable across months and years. */
  code: string;
  /** 项目名称. */
  name: string;
  /** 投资方. */
  investor: string;
  /** 投资方所在地. */
  investorOrigin: string;
  /** 产业类别. */
  industry: Industry;
  /** 所属产业链 (a chain name of {@link SampleModel.chains}). */
  chain?: string;
  /** 产业链环节 (a link of that chain). */
  link?: string;
  /** 项目类型: 续建 when the project was registered in an earlier year. */
  projectType: ProjectType;
  /** 项目阶段. */
  stage: Stage;
  /** 总投资（万元）. */
  totalInvestment: number;
  /** 合同引资额（万元）; 0 while 在谈. */
  contractAmount: number;
  /** 累计到位资金（万元）, from 1 January of the period's year. */
  fundsInPlace: number;
  /** 本月到位资金（万元）. */
  fundsThisMonth: number;
  /** 实际到位外资（万美元）, cumulative this year; only for foreign investors. */
  foreignCapital?: number;
  /** 用地面积（亩）. */
  landArea?: number;
  signDate?: string;
  startDate?: string;
  productionDate?: string;
  /** 包保领导 (internal). */
  leader: string;
  /** 联系人 (internal). */
  contact: string;
  /** 联系电话 (internal, fictional). */
  phone: string;
  /** 备注. */
  remarks?: string;
}

/** What one unit handed in for one period. */
export interface UnitReturn {
  /** Unit code. */
  unit: string;
  /** 填报人 (internal). */
  reporter: string;
  /** The reporter's 联系电话 (internal, fictional). */
  reporterPhone: string;
  rows: LedgerRow[];
}

export interface SamplePeriod {
  /** `YYYY-MM`. */
  period: string;
  year: number;
  month: number;
  /** Returns of the units that reported, in registry order. */
  returns: UnitReturn[];
  /** Codes of the units that did not report (未报送). */
  missing: string[];
}

export type PlantedFaultKind = 'duplicate-across-units' | 'funds-above-contract' | 'date-after-period';

/** A data fault deliberately present in the reported rows, for the quality report to find. */
export interface PlantedFault {
  kind: PlantedFaultKind;
  /** Periods whose returns contain the fault. */
  periods: string[];
  /** Unit code of the faulty row. */
  unit: string;
  /** Project code of the faulty row. */
  project: string;
  /** Field holding the wrong value. */
  field?: keyof LedgerRow;
  /** The wrong value (in the latest period of `periods`). */
  value?: string | number;
  /** For a duplicate: the other unit and its project code. */
  otherUnit?: string;
  otherProject?: string;
  /** 中文说明. */
  description: string;
}

export type LayoutQuirkKind = 'total-row' | 'blank-row';

/** A non-data row inside a ledger table (never a project, never a fault). */
export interface LayoutQuirk {
  kind: LayoutQuirkKind;
  unit: string;
  periods: string[];
  /** Number of data rows before the quirk row, or `end` for after the last data row. */
  at: number | 'end';
  description: string;
}

export interface SampleModel {
  city: string;
  seed: number;
  years: number[];
  units: SampleUnit[];
  chains: SampleChain[];
  targets: AnnualTarget[];
  /** All periods, ascending. */
  periods: SamplePeriod[];
  plantedFaults: PlantedFault[];
  layoutQuirks: LayoutQuirk[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 over a seed derived from {@link SAMPLE_SEED} and `key`. */
class Rng {
  private state: number;
  constructor(key: string) {
    this.state = (SAMPLE_SEED ^ fnv1a(key)) >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), 1 | t);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** Roughly standard normal (Irwin–Hall: four uniforms, rescaled to unit variance). */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }
}

// ---------------------------------------------------------------------------------------------
// Registry, chains

const UNITS: readonly SampleUnit[] = [
  { code: 'A01', name: '平原县', group: '县区', aliases: [], order: 1 },
  { code: 'A02', name: '东山县', group: '县区', aliases: [], order: 2 },
  { code: 'A03', name: '西河县', group: '县区', aliases: [], order: 3 },
  { code: 'A04', name: '南湖区', group: '县区', aliases: [], order: 4 },
  { code: 'A05', name: '北城区', group: '县区', aliases: [], order: 5 },
  { code: 'A06', name: '青山县', group: '县区', aliases: [], order: 6 },
  { code: 'B01', name: '示例经济技术开发区', group: '开发区', aliases: ['经开区', '示例经开区'], order: 7 },
  { code: 'B02', name: '示例高新技术产业开发区', group: '开发区', aliases: ['高新区', '示例高新区'], order: 8 },
  { code: 'B03', name: '临港产业园', group: '开发区', aliases: ['临港园区'], order: 9 },
  { code: 'B04', name: '综合保税区', group: '开发区', aliases: ['综保区'], order: 10 },
  { code: 'C01', name: '市发展和改革委员会', group: '市直部门', aliases: ['市发改委'], order: 11 },
  { code: 'C02', name: '市工业和信息化局', group: '市直部门', aliases: ['市工信局'], order: 12 },
  { code: 'C03', name: '市商务局', group: '市直部门', aliases: [], order: 13 },
  { code: 'C04', name: '市农业农村局', group: '市直部门', aliases: ['市农业局', '农业农村局'], order: 14 },
];

const CHAINS: readonly SampleChain[] = [
  {
    name: '新能源汽车', code: 'nev', leader: '副市长 周立新', department: '市工业和信息化局',
    links: [
      { name: '锂电材料', position: '上游', gap: false },
      { name: '电机电控', position: '上游', gap: false },
      { name: '动力电池', position: '中游', gap: false },
      { name: '汽车零部件', position: '中游', gap: false },
      {
        name: '整车制造', position: '中游', gap: true,
        description: '本地尚无整车企业，是链条最大短板',
        targetCompanies: ['比亚迪', '奇瑞汽车', '江淮汽车'],
      },
      { name: '充换电设施', position: '下游', gap: false },
      { name: '汽车后市场', position: '下游', gap: false },
    ],
  },
  {
    name: '绿色食品', code: 'food', leader: '副市长 高春梅', department: '市农业农村局',
    links: [
      { name: '优质粮油种植', position: '上游', gap: false },
      { name: '畜禽养殖', position: '上游', gap: false },
      { name: '农产品精深加工', position: '中游', gap: false },
      {
        name: '食品包装', position: '中游', gap: true,
        description: '包装材料依赖外地采购',
        targetCompanies: ['紫江企业', '奥瑞金'],
      },
      { name: '冷链物流', position: '下游', gap: false },
      { name: '商贸流通', position: '下游', gap: false },
    ],
  },
  {
    name: '电子信息', code: 'ict', leader: '副市长 林振华', department: '市工业和信息化局',
    links: [
      { name: '电子材料', position: '上游', gap: false },
      {
        name: '芯片设计', position: '上游', gap: true,
        description: '缺少芯片设计企业，研发环节空白',
        targetCompanies: ['紫光展锐', '兆易创新'],
      },
      { name: '元器件制造', position: '中游', gap: false },
      { name: '智能终端', position: '中游', gap: false },
      { name: '软件和信息服务', position: '下游', gap: false },
    ],
  },
];

/** Name templates per chain link; `{n}` is replaced by a number in the given range. */
const LINK_TEMPLATES: Record<string, { industry: Industry; names: readonly string[]; n?: readonly [number, number] }> = {
  锂电材料: { industry: '工业', names: ['年产{n}万吨锂电正极材料项目', '锂电池隔膜及电解液项目'], n: [2, 10] },
  电机电控: { industry: '工业', names: ['新能源汽车驱动电机项目', '电控系统及功率模块项目'] },
  动力电池: { industry: '工业', names: ['{n}GWh动力电池生产基地项目', '储能电池模组项目'], n: [5, 20] },
  汽车零部件: { industry: '工业', names: ['汽车轻量化零部件项目', '新能源汽车热管理系统项目'] },
  充换电设施: { industry: '基础设施', names: ['新能源汽车充换电站建设项目', '智能充电桩生产及运营项目'] },
  汽车后市场: { industry: '服务业', names: ['汽车后市场服务综合体项目', '二手车交易及检测中心项目'] },
  优质粮油种植: { industry: '农业', names: ['{n}万亩优质粮油种植基地项目', '高标准农田托管服务项目'], n: [1, 5] },
  畜禽养殖: { industry: '农业', names: ['年出栏{n}万头生猪养殖项目', '标准化肉牛养殖场项目'], n: [5, 30] },
  农产品精深加工: { industry: '工业', names: ['农产品精深加工产业园项目', '预制菜生产加工项目', '特色果蔬深加工项目'] },
  冷链物流: { industry: '服务业', names: ['冷链物流中心项目', '农产品冷链仓储项目'] },
  商贸流通: { industry: '服务业', names: ['绿色食品商贸物流园项目', '农产品电商交易中心项目'] },
  电子材料: { industry: '工业', names: ['电子级高纯化学品项目', '覆铜板及电子材料项目'] },
  元器件制造: { industry: '工业', names: ['片式电子元器件生产项目', '精密连接器制造项目'] },
  智能终端: { industry: '工业', names: ['智能终端产业园项目', '智能穿戴设备生产项目'] },
  软件和信息服务: { industry: '服务业', names: ['软件和信息技术服务外包基地项目', '工业互联网平台项目'] },
};

const INDUSTRY_TEMPLATES: Record<Industry, readonly string[]> = {
  工业: ['高端装备制造项目', '新型建材生产线项目', '精密铸造项目', '生物医药产业园项目', '光伏组件生产项目', '纺织服装产业园项目', '智能制造产业园项目', '化工新材料项目'],
  服务业: ['现代物流园项目', '商业综合体项目', '区域总部基地项目', '电商产业园项目', '数据中心项目', '医养结合康养中心项目'],
  农业: ['设施农业产业园项目', '中药材种植加工项目', '智慧农业示范园项目', '林下经济示范基地项目'],
  文旅: ['文旅康养小镇项目', '乡村旅游综合开发项目', '温泉度假区项目', '古镇文化街区项目'],
  基础设施: ['分布式光伏电站项目', '污水处理厂扩建项目', '标准化厂房建设项目', '城市停车场建设项目'],
};

const INVESTOR_SUFFIX: Record<string, readonly string[]> = {
  新能源汽车: ['新能源科技有限公司', '汽车零部件有限公司', '动力科技股份有限公司'],
  电子信息: ['电子科技有限公司', '微电子有限公司', '信息技术有限公司'],
  绿色食品: ['食品有限公司', '农业发展有限公司', '供应链管理有限公司'],
  工业: ['实业有限公司', '智能装备有限公司', '新材料科技有限公司'],
  服务业: ['商业管理有限公司', '物流有限公司', '投资控股集团有限公司'],
  农业: ['农业科技有限公司', '生态农业有限公司'],
  文旅: ['文化旅游发展有限公司', '文旅集团有限公司'],
  基础设施: ['建设发展有限公司', '新能源有限公司', '环保科技有限公司'],
};

const DOMESTIC_ORIGINS: readonly (readonly [string, string])[] = [
  ['广东省深圳市', '深圳'], ['江苏省苏州市', '苏州'], ['浙江省杭州市', '杭州'], ['上海市', '上海'],
  ['北京市', '北京'], ['山东省青岛市', '青岛'], ['福建省厦门市', '厦门'], ['湖北省武汉市', '武汉'],
  ['浙江省宁波市', '宁波'], ['广东省广州市', '广州'], ['四川省成都市', '成都'], ['江苏省南京市', '南京'],
];
const FOREIGN_ORIGINS: readonly (readonly [string, string, string])[] = [
  ['中国香港', '香港', '投资有限公司'], ['新加坡', '新加坡', '控股有限公司'],
  ['日本', '日本', '株式会社'], ['德国', '德国', '有限公司'],
];

const BRAND_FIRST = '华宏瑞锦恒鼎盛泰海天金中新远博达嘉润祥凯银正弘创星丰信誉德联';
const BRAND_SECOND = '锐源川峰宇邦翔辉晟科腾昌越航盈朗驰安泽拓瀚毅升茂耀通能合利威';
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN_NAMES = ['建国', '海波', '晓东', '志强', '丽华', '春梅', '文斌', '国庆', '雪峰', '静', '敏', '磊', '洋', '军', '红霞', '卫东', '立新', '晓燕', '振华', '玉兰', '永刚', '明', '伟', '芳'];

const REMARKS: Record<Stage, readonly string[]> = {
  在谈: ['已对接三轮，正在商谈投资协议', '企业正在考察选址', '等待企业总部决策'],
  签约: ['正在办理前期手续', '土地摘牌中', '环评审批中'],
  开工: ['主体施工中', '设备安装调试中', '厂房封顶'],
  投产: ['已投产', '一期投产，二期建设中'],
};

/** Per-group simulation parameters. */
const GROUP_PARAMS: Record<UnitGroup, {
  target: readonly [number, number]; // base 到位资金 target (万元), 2026 level
  round: number;
  projectsTarget: readonly [number, number];
  carry2023: readonly [number, number];
  newPerYear: readonly [number, number];
  maxRows: number;
  perf: readonly number[]; // completion / time-progress at year end, one per unit, shuffled per year
  chainShare: number;
  industries: readonly (readonly [Industry, number])[];
  minContract: number;
}> = {
  县区: {
    target: [120000, 240000], round: 5000, projectsTarget: [10, 16], carry2023: [3, 5], newPerYear: [6, 9], maxRows: 15,
    perf: [0.14, 0.45, 0.7, 0.9, 1.06, 1.24], chainShare: 0.55, minContract: 1000,
    industries: [['工业', 45], ['服务业', 20], ['农业', 15], ['文旅', 10], ['基础设施', 10]],
  },
  开发区: {
    target: [60000, 190000], round: 5000, projectsTarget: [7, 12], carry2023: [2, 4], newPerYear: [4, 7], maxRows: 12,
    perf: [0.25, 0.62, 0.92, 1.2], chainShare: 0.7, minContract: 1000,
    industries: [['工业', 70], ['服务业', 20], ['基础设施', 10]],
  },
  市直部门: {
    target: [12000, 38000], round: 1000, projectsTarget: [3, 6], carry2023: [2, 2], newPerYear: [2, 4], maxRows: 7,
    perf: [0.1, 0.55, 0.86, 1.18], chainShare: 0.4, minContract: 500,
    industries: [['服务业', 40], ['工业', 40], ['基础设施', 20]],
  },
};

/** Departments lean on their own field. */
const UNIT_OVERRIDES: Record<string, { chainShare?: number; industries?: readonly (readonly [Industry, number])[]; chains?: readonly string[]; foreign?: number }> = {
  C01: { chainShare: 0.25, industries: [['基础设施', 50], ['服务业', 30], ['工业', 20]] },
  C02: { chainShare: 0.8, industries: [['工业', 1]], chains: ['新能源汽车', '电子信息'] },
  C03: { chainShare: 0.4, industries: [['服务业', 60], ['工业', 40]], foreign: 0.5 },
  C04: { chainShare: 0.75, industries: [['农业', 1]], chains: ['绿色食品'] },
};

const YEAR_TARGET_FACTOR: Record<number, number> = { 2024: 0.86, 2025: 0.93, 2026: 1 };
const MISSING: Record<string, readonly string[]> = { '2026-09': ['C04'], '2026-10': ['B04'] };

// ---------------------------------------------------------------------------------------------
// Simulation

/** Absolute month index. */
const tOf = (year: number, month: number): number => year * 12 + month - 1;
const yearOfT = (t: number): number => Math.floor(t / 12);
const monthOfT = (t: number): number => (t % 12) + 1;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (t: number, day: number): string => `${yearOfT(t)}-${pad(monthOfT(t))}-${pad(day)}`;

/** Round up to a figure a clerk would type. */
function nice(v: number): number {
  if (v >= 10000) return Math.ceil(v / 500) * 500;
  if (v >= 1000) return Math.ceil(v / 100) * 100;
  return Math.max(10, Math.ceil(v / 10) * 10);
}

interface Staff {
  leaders: string[];
  contacts: { name: string; phone: string }[];
}

interface Plan {
  unit: string;
  code: string;
  codeYear: number;
  name: string;
  investor: string;
  origin: string;
  foreign: boolean;
  industry: Industry;
  chain?: string;
  link?: string;
  totalInvestment: number;
  contractAmount: number;
  landArea?: number;
  appearT: number;
  signT: number | null;
  startT: number | null;
  prodT: number | null;
  signDay: number;
  startDay: number;
  prodDay: number;
  leader: string;
  contact: { name: string; phone: string };
  remarkIndex: number | null;
  /** Funds in place in earlier years (lifetime, 万元). */
  fundsBefore: number;
  /** year → cumulative funds at the end of months 1..12. */
  cum: Map<number, number[]>;
  /** Years in whose ledgers the project appears. */
  years: Set<number>;
}

function stageAt(p: Plan, t: number): Stage {
  if (p.signT === null || t < p.signT) return '在谈';
  if (p.startT === null || t < p.startT) return '签约';
  if (p.prodT === null || t < p.prodT) return '开工';
  return '投产';
}

function personName(r: Rng): string {
  return r.pick([...SURNAMES]) + r.pick(GIVEN_NAMES);
}

function phone(r: Rng): string {
  return `${r.pick(['139', '138', '137', '158', '186'])}0000${pad(r.int(0, 9999), 4)}`;
}

function staffOf(unit: SampleUnit): Staff {
  const r = new Rng(`staff:${unit.code}`);
  return {
    leaders: [personName(r), personName(r)],
    contacts: [{ name: personName(r), phone: phone(r) }, { name: personName(r), phone: phone(r) }],
  };
}

/** Globally unique brand names (字号), so (investor, name) pairs never collide by accident. */
class Brands {
  private used = new Set<string>();
  next(r: Rng): string {
    for (;;) {
      const b = r.pick([...BRAND_FIRST]) + r.pick([...BRAND_SECOND]);
      if (!this.used.has(b)) {
        this.used.add(b);
        return b;
      }
    }
  }
}

/** Identity of a new project: name, investor, industry, chain position, land. */
function identity(unit: SampleUnit, r: Rng, brands: Brands): Pick<Plan, 'name' | 'investor' | 'origin' | 'foreign' | 'industry' | 'chain' | 'link'> {
  const gp = GROUP_PARAMS[unit.group];
  const ov = UNIT_OVERRIDES[unit.code] ?? {};
  const brand = brands.next(r);
  let industry: Industry;
  let chain: string | undefined;
  let link: string | undefined;
  let template: string;
  if (r.chance(ov.chainShare ?? gp.chainShare)) {
    const chains = CHAINS.filter((c) => !ov.chains || ov.chains.includes(c.name));
    const c = r.pick(chains);
    const l = r.pick(c.links.filter((x) => !x.gap));
    const tpl = LINK_TEMPLATES[l.name];
    if (!tpl) throw new Error(`no template for link ${l.name}`);
    chain = c.name;
    link = l.name;
    industry = tpl.industry;
    template = r.pick(tpl.names);
    if (tpl.n) template = template.replace('{n}', String(r.int(tpl.n[0], tpl.n[1])));
  } else {
    industry = r.weighted(ov.industries ?? gp.industries);
    template = r.pick(INDUSTRY_TEMPLATES[industry]);
  }
  const foreign = r.chance(ov.foreign ?? 0.12) && industry !== '农业';
  let origin: string;
  let investor: string;
  if (foreign) {
    const [o, short, suffix] = r.pick(FOREIGN_ORIGINS);
    origin = o;
    investor = `${short}${brand}${suffix}`;
  } else {
    const [o, short] = r.pick(DOMESTIC_ORIGINS);
    origin = o;
    investor = `${short}${brand}${r.pick(INVESTOR_SUFFIX[chain ?? industry] ?? INVESTOR_SUFFIX['工业']!)}`;
  }
  return { name: `${brand}${template}`, investor, origin, foreign, industry, ...(chain ? { chain, link } : {}) };
}

function sizeProject(p: Plan, r: Rng, contract: number): void {
  p.contractAmount = nice(contract);
  p.totalInvestment = nice(p.contractAmount * r.range(1, 1.6));
  if (p.industry === '工业' || p.industry === '农业' || p.industry === '文旅') {
    p.landArea = Math.max(10, Math.round(p.totalInvestment / r.range(150, 450)));
  }
}

/**
 * Fill `p.cum` for `year` so that the year's funds reach `funds`, spread over the months the
 * project is being funded; `slope` tilts the unit's year towards early (<0) or late (>0) money.
 */
function fund(p: Plan, year: number, funds: number, slope: number, r: Rng): void {
  const first = p.signT !== null && yearOfT(p.signT) === year ? monthOfT(p.signT) : 1;
  const last = p.prodT !== null && yearOfT(p.prodT) === year ? Math.max(first, monthOfT(p.prodT)) : 12;
  const w: number[] = [];
  for (let m = 1; m <= 12; m++) {
    w.push(m < first || m > last || r.chance(0.2) ? 0 : r.range(0.4, 1.6) * (1 + (slope * (m - 6.5)) / 5.5));
  }
  if (!w.some((x) => x > 0)) w[first - 1] = 1;
  const total = w.reduce((s, x) => s + x, 0);
  let acc = 0;
  const cum: number[] = [];
  for (let m = 0; m < 12; m++) {
    acc += w[m] as number;
    cum.push(Math.round((funds * acc) / total));
  }
  p.cum.set(year, cum);
}

interface UnitSimulation {
  plans: Plan[];
  /** year → plans in that year's ledger, in code order. */
  ledger: Map<number, Plan[]>;
}

function simulateUnit(unit: SampleUnit, targets: Map<string, AnnualTarget>, perf: Map<string, number>, brands: Brands): UnitSimulation {
  const gp = GROUP_PARAMS[unit.group];
  const staff = staffOf(unit);
  const plans: Plan[] = [];
  const ledger = new Map<number, Plan[]>();
  const seq = new Map<number, number>();
  const newPlan = (r: Rng, codeYear: number, appearT: number): Plan => {
    const n = (seq.get(codeYear) ?? 0) + 1;
    seq.set(codeYear, n);
    const contact = r.pick(staff.contacts);
    const p: Plan = {
      unit: unit.code, code: `${unit.code}-${codeYear}-${pad(n, 3)}`, codeYear,
      ...identity(unit, r, brands),
      totalInvestment: 0, contractAmount: 0,
      appearT, signT: null, startT: null, prodT: null,
      signDay: r.int(1, 28), startDay: r.int(1, 28), prodDay: r.int(1, 28),
      leader: r.pick(staff.leaders), contact,
      remarkIndex: r.chance(0.5) ? r.int(0, 9) : null,
      fundsBefore: 0, cum: new Map(), years: new Set(),
    };
    plans.push(p);
    return p;
  };

  // Projects carried into 2024 from 2023.
  let carry: Plan[] = [];
  {
    const r = new Rng(`${unit.code}:2023`);
    const n = r.int(gp.carry2023[0], gp.carry2023[1]);
    for (let i = 0; i < n; i++) {
      const signMonth = r.int(2, 11);
      const p = newPlan(r, 2023, tOf(2023, signMonth));
      p.signT = p.appearT;
      if (r.chance(0.5) && signMonth <= 10) p.startT = tOf(2023, r.int(signMonth + 1, 12));
      const base = GROUP_PARAMS[unit.group].target[0] / 15;
      sizeProject(p, r, Math.max(gp.minContract, base * Math.exp(r.normal() * 0.7)));
      p.fundsBefore = Math.round(p.contractAmount * r.range(0.15, 0.45));
      carry.push(p);
    }
  }

  for (const year of YEARS) {
    const r = new Rng(`${unit.code}:${year}`);
    const target = targets.get(`${unit.code}:${year}`);
    if (!target) throw new Error(`no target for ${unit.code} ${year}`);
    const expected = Math.round(target.fundsInPlace * (perf.get(`${unit.code}:${year}`) ?? 1));
    const slope = r.range(-0.5, 0.5);

    // Carried projects: start and finish them over the year.
    const carryFunds = new Map<Plan, number>();
    for (const p of carry) {
      if (p.startT === null) p.startT = tOf(year, r.int(1, 5));
      if (p.prodT === null && (p.codeYear <= year - 2 || r.chance(0.45))) {
        p.prodT = Math.max(p.startT + 3, tOf(year, r.int(3, 12)));
        if (yearOfT(p.prodT) > year) p.prodT = tOf(year, 12);
      }
      carryFunds.set(p, Math.round((p.contractAmount - p.fundsBefore) * r.range(0.3, 0.65)));
    }
    const carrySum = [...carryFunds.values()].reduce((s, x) => s + x, 0);
    const cap = 0.55 * expected;
    if (carrySum > cap) for (const [p, f] of carryFunds) carryFunds.set(p, Math.floor((f * cap) / carrySum));
    const newFundsTotal = expected - [...carryFunds.values()].reduce((s, x) => s + x, 0);

    // New projects of the year, numbered in order of appearance.
    const nNew = Math.max(2, Math.min(r.int(gp.newPerYear[0], gp.newPerYear[1]), gp.maxRows - carry.length));
    const needJanuary = Math.max(0, 4 - carry.length);
    const appear = Array.from({ length: nNew }, (_, i) => (i < needJanuary ? 1 : r.int(1, 9))).sort((a, b) => a - b);
    const fresh: Plan[] = [];
    for (const a of appear) {
      const p = newPlan(r, year, tOf(year, a));
      const talks = a === 1 && fresh.length < needJanuary ? r.int(0, 1) : r.chance(0.4) ? 0 : r.chance(0.75) ? r.int(1, 3) : r.int(4, 10);
      const signMonth = a + talks;
      if (signMonth <= 12) {
        p.signT = tOf(year, signMonth);
        const startMonth = signMonth + r.int(1, 4);
        if (startMonth <= 12) {
          p.startT = tOf(year, startMonth);
          if (startMonth + 4 <= 12 && r.chance(0.3)) p.prodT = tOf(year, r.int(startMonth + 4, 12));
        }
      }
      fresh.push(p);
    }

    // Funds of the new signed projects: lognormal weights, later signings get less; one big project.
    const signed = fresh.filter((p) => p.signT !== null);
    const weights = signed.map((p, i) => Math.exp(r.normal() * 1.4) * ((13 - monthOfT(p.signT as number)) / 12) * (i === 0 && unit.group !== '市直部门' ? 4 : 1));
    const wsum = weights.reduce((s, x) => s + x, 0);
    signed.forEach((p, i) => {
      const f = Math.round((newFundsTotal * (weights[i] as number)) / wsum);
      sizeProject(p, r, Math.max(gp.minContract, f * r.range(1.3, 2.6)));
      carryFunds.set(p, f);
    });
    for (const p of fresh) if (p.signT === null) sizeProject(p, r, r.range(2000, 30000));

    const inLedger = [...carry, ...fresh];
    for (const p of inLedger) {
      fund(p, year, carryFunds.get(p) ?? 0, slope, r);
      p.years.add(year);
    }
    ledger.set(year, inLedger);

    // Next year's 续建: everything signed and not yet in production at year end.
    const dec = tOf(year, 12);
    carry = inLedger.filter((p) => {
      const s = stageAt(p, dec);
      return s === '签约' || s === '开工';
    });
    for (const p of carry) p.fundsBefore += (p.cum.get(year) as number[])[11] as number;
  }
  return { plans, ledger };
}

function rowOf(p: Plan, year: number, month: number): LedgerRow {
  const t = tOf(year, month);
  const stage = stageAt(p, t);
  const cum = p.cum.get(year) as number[];
  const funds = cum[month - 1] as number;
  const prev = month > 1 ? (cum[month - 2] as number) : 0;
  const row: LedgerRow = {
    code: p.code, name: p.name, investor: p.investor, investorOrigin: p.origin, industry: p.industry,
    projectType: p.codeYear < year ? '续建' : '新建', stage,
    totalInvestment: p.totalInvestment,
    contractAmount: stage === '在谈' ? 0 : p.contractAmount,
    fundsInPlace: funds, fundsThisMonth: funds - prev,
    leader: p.leader, contact: p.contact.name, phone: p.contact.phone,
  };
  if (p.chain) {
    row.chain = p.chain;
    if (p.link) row.link = p.link;
  }
  if (p.foreign && stage !== '在谈') row.foreignCapital = Math.round(funds / 7.1);
  if (p.landArea !== undefined) row.landArea = p.landArea;
  if (p.signT !== null && p.signT <= t) row.signDate = isoDate(p.signT, p.signDay);
  if (p.startT !== null && p.startT <= t) row.startDate = isoDate(p.startT, p.startDay);
  if (p.prodT !== null && p.prodT <= t) row.productionDate = isoDate(p.prodT, p.prodDay);
  if (p.remarkIndex !== null) {
    const options = REMARKS[stage];
    row.remarks = options[p.remarkIndex % options.length] as string;
  }
  return row;
}

/** `YYYY-MM` of every published period, ascending. */
export function samplePeriods(): string[] {
  const out: string[] = [];
  for (let t = tOf(2024, 11); t <= tOf(2026, 10); t++) out.push(`${yearOfT(t)}-${pad(monthOfT(t))}`);
  return out;
}

function buildTargets(): AnnualTarget[] {
  const out: AnnualTarget[] = [];
  for (const unit of UNITS) {
    const gp = GROUP_PARAMS[unit.group];
    const r = new Rng(`target:${unit.code}`);
    const extra = new Rng(`target-assessment:${unit.code}`);
    const base = r.range(gp.target[0], gp.target[1]);
    for (const year of YEARS) {
      const funds = Math.round((base * (YEAR_TARGET_FACTOR[year] ?? 1)) / gp.round) * gp.round;
      out.push({
        year, unit: unit.code, fundsInPlace: funds,
        contractAmount: Math.round((funds * r.range(1.5, 2.2)) / gp.round) * gp.round,
        projects: r.int(gp.projectsTarget[0], gp.projectsTarget[1]),
        // Drawn from their own stream, so that the figures above stay what they were before the
        // 考核 targets were added (and the issued months with them).
        largeProjects: Math.max(1, Math.round(gp.projectsTarget[1] * extra.range(0.45, 0.7))),
        foreignCapital: Math.max(50, Math.round((funds / 7.1) * extra.range(0.03, 0.08) / 10) * 10),
      });
    }
  }
  return out;
}

function buildPerf(): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of ['县区', '开发区', '市直部门'] as const) {
    const members = UNITS.filter((u) => u.group === group);
    for (const year of YEARS) {
      const r = new Rng(`perf:${group}:${year}`);
      const perfs = r.shuffle(GROUP_PARAMS[group].perf);
      members.forEach((u, i) => out.set(`${u.code}:${year}`, (perfs[i] as number) + r.range(-0.04, 0.04)));
    }
  }
  return out;
}

/**
 * Build the whole sample: registry, chains, targets, every period's returns and the planted faults.
 * Deterministic: two calls give deep-equal results.
 */
export function sampleModel(): SampleModel {
  const targets = buildTargets();
  const targetMap = new Map(targets.map((t) => [`${t.unit}:${t.year}`, t]));
  const perf = buildPerf();
  const brands = new Brands();
  const sims = new Map<string, UnitSimulation>();
  for (const unit of UNITS) sims.set(unit.code, simulateUnit(unit, targetMap, perf, brands));

  const periods: SamplePeriod[] = samplePeriods().map((period) => {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const missing = [...(MISSING[period] ?? [])];
    const returns: UnitReturn[] = [];
    for (const unit of UNITS) {
      if (missing.includes(unit.code)) continue;
      const sim = sims.get(unit.code) as UnitSimulation;
      const staff = staffOf(unit);
      const reporter = staff.contacts[0] as { name: string; phone: string };
      const rows = (sim.ledger.get(year) ?? [])
        .filter((p) => p.appearT <= tOf(year, month))
        .map((p) => rowOf(p, year, month));
      returns.push({ unit: unit.code, reporter: reporter.name, reporterPhone: reporter.phone, rows });
    }
    return { period, year, month, returns, missing };
  });

  const plantedFaults = plantFaults(periods, sims, (unit, year) => targetMap.get(`${unit}:${year}`)?.fundsInPlace ?? 0);
  const layoutQuirks: LayoutQuirk[] = [
    {
      kind: 'total-row', unit: 'A01', at: 'end',
      periods: periods.filter((p) => p.year === 2026).map((p) => p.period),
      description: '平原县台账末尾有“合计”行（金额为 SUM 公式，带缓存值），不是项目',
    },
    {
      kind: 'blank-row', unit: 'B01', at: 3,
      periods: periods.filter((p) => p.year === 2026).map((p) => p.period),
      description: '示例经济技术开发区台账第3个项目之后有一行空行',
    },
  ];

  return {
    city: CITY, seed: SAMPLE_SEED, years: [...YEARS],
    units: UNITS.map((u) => ({ ...u, aliases: [...u.aliases] })),
    chains: CHAINS.map((c) => ({ ...c, links: c.links.map((l) => ({ ...l, ...(l.targetCompanies ? { targetCompanies: [...l.targetCompanies] } : {}) })) })),
    targets, periods, plantedFaults, layoutQuirks,
  };
}

function returnOf(periods: SamplePeriod[], period: string, unit: string): UnitReturn {
  const ret = periods.find((p) => p.period === period)?.returns.find((r) => r.unit === unit);
  if (!ret) throw new Error(`no return of ${unit} in ${period}`);
  return ret;
}

/** Plant the three data faults, in 2026 periods only, by editing the reported rows. */
function plantFaults(periods: SamplePeriod[], sims: Map<string, UnitSimulation>, targetOf: (unit: string, year: number) => number): PlantedFault[] {
  const faults: PlantedFault[] = [];

  // 1. The same project reported by a county and by 市工信局, July–October 2026. The county is the
  //    first (in registry order) with a small enough industrial project, so the double count looks
  //    like a plausible slip rather than a landslide.
  const dupPeriods = ['2026-07', '2026-08', '2026-09', '2026-10'];
  const octFunds = (p: Plan): number => (p.cum.get(2026) as number[])[9] as number;
  const limit = 0.3 * targetOf('C02', 2026);
  let shared: Plan | undefined;
  for (const county of UNITS.filter((u) => u.group === '县区' && u.code !== 'A02')) {
    shared = ((sims.get(county.code) as UnitSimulation).ledger.get(2026) ?? [])
      .filter((p) => p.codeYear === 2026 && p.industry === '工业' && p.signT !== null && p.signT <= tOf(2026, 6))
      .filter((p) => (p.cum.get(2026) as number[])[6] as number > 0 && octFunds(p) <= limit)
      .sort((x, y) => octFunds(x) - octFunds(y) || (x.code < y.code ? -1 : 1))[0];
    if (shared) break;
  }
  if (!shared) throw new Error('sample: no county project to duplicate');
  const county = UNITS.find((u) => u.code === shared.unit) as SampleUnit;
  const c02Codes = (sims.get('C02') as UnitSimulation).plans.filter((p) => p.codeYear === 2026).length;
  const dupCode = `C02-2026-${pad(c02Codes + 1, 3)}`;
  const c02Staff = staffOf(UNITS.find((u) => u.code === 'C02') as SampleUnit);
  for (const period of dupPeriods) {
    const src = returnOf(periods, period, county.code).rows.find((r) => r.code === shared.code) as LedgerRow;
    const contact = c02Staff.contacts[1] as { name: string; phone: string };
    const copy: LedgerRow = { ...src, code: dupCode, leader: c02Staff.leaders[0] as string, contact: contact.name, phone: contact.phone };
    delete copy.remarks;
    returnOf(periods, period, 'C02').rows.push(copy);
  }
  faults.push({
    kind: 'duplicate-across-units', periods: dupPeriods, unit: 'C02', project: dupCode,
    otherUnit: county.code, otherProject: shared.code,
    description: `市工业和信息化局与${county.name}重复填报同一项目“${shared.name}”（投资方${shared.investor}），2026年7-10月`,
  });

  // 2. Funds above the contract amount: 东山县, October 2026.
  const a02 = returnOf(periods, '2026-10', 'A02');
  const a02Sep = returnOf(periods, '2026-09', 'A02');
  const over = a02.rows
    .filter((r) => r.projectType === '新建' && r.stage !== '在谈' && r.fundsInPlace > 0)
    .sort((x, y) => y.fundsInPlace / y.contractAmount - x.fundsInPlace / x.contractAmount || (x.code < y.code ? -1 : 1))[0];
  if (!over) throw new Error('sample: no A02 project for funds-above-contract');
  const before = a02Sep.rows.find((r) => r.code === over.code)?.fundsInPlace ?? 0;
  over.fundsInPlace = Math.ceil((over.contractAmount * 1.18) / 10) * 10;
  over.fundsThisMonth = over.fundsInPlace - before;
  if (over.foreignCapital !== undefined) over.foreignCapital = Math.round(over.fundsInPlace / 7.1);
  faults.push({
    kind: 'funds-above-contract', periods: ['2026-10'], unit: 'A02', project: over.code, field: 'fundsInPlace', value: over.fundsInPlace,
    description: `东山县“${over.name}”2026年1-10月累计到位资金${over.fundsInPlace}万元，超过合同引资额${over.contractAmount}万元`,
  });

  // 3. A start date after the period end: 示例经济技术开发区, October 2026.
  const b01 = returnOf(periods, '2026-10', 'B01');
  const late = b01.rows.find((r) => r.stage === '开工' && r.startDate !== undefined);
  if (!late) throw new Error('sample: no B01 project for date-after-period');
  late.startDate = '2026-11-18';
  faults.push({
    kind: 'date-after-period', periods: ['2026-10'], unit: 'B01', project: late.code, field: 'startDate', value: late.startDate,
    description: `示例经济技术开发区“${late.name}”开工日期填为2026-11-18，晚于报告期末2026-10-31`,
  });

  return faults;
}
