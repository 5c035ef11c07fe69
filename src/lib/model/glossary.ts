/**
 * The one glossary of Chinese terms: canonical ledger headers with their accepted aliases, and the
 * synonyms of stage and type values. Everything that recognises Chinese text reads from here.
 */
import type { ProjectType, Stage } from './types.ts';

/** Ledger fields, in the canonical column order of the template. */
export type Field =
  | 'code' | 'name' | 'investor' | 'investorOrigin' | 'industry' | 'chain' | 'link' | 'projectType'
  | 'stage' | 'totalInvestment' | 'contractAmount' | 'fundsInPlace' | 'fundsThisMonth' | 'foreignCapital'
  | 'landArea' | 'signDate' | 'startDate' | 'productionDate' | 'leader' | 'contact' | 'phone' | 'filler'
  | 'remarks' | 'seq' | 'unit';

export interface FieldSpec {
  field: Field;
  /** Canonical header as printed in templates and downloads. */
  header: string;
  /** Normalised header keys that name this field (unit suffixes such as （万元） removed). */
  keys: string[];
  kind: 'text' | 'amount' | 'number' | 'date' | 'stage' | 'type';
  internal?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { field: 'seq', header: '序号', keys: ['序号', '编号', 'no', 'no.'], kind: 'text' },
  { field: 'code', header: '项目编码', keys: ['项目编码', '项目编号', '项目代码'], kind: 'text' },
  { field: 'name', header: '项目名称', keys: ['项目名称'], kind: 'text' },
  { field: 'unit', header: '填报单位', keys: ['填报单位', '所属单位', '责任单位', '引进单位', '单位名称', '报送单位'], kind: 'text' },
  { field: 'investor', header: '投资方', keys: ['投资方', '投资主体', '投资企业', '签约企业', '企业名称', '投资方名称'], kind: 'text' },
  { field: 'investorOrigin', header: '投资方所在地', keys: ['投资方所在地', '资金来源地', '投资方来源地', '投资来源地'], kind: 'text' },
  { field: 'industry', header: '产业类别', keys: ['产业类别', '行业类别', '产业分类', '所属产业', '行业分类'], kind: 'text' },
  { field: 'chain', header: '所属产业链', keys: ['所属产业链', '产业链'], kind: 'text' },
  { field: 'link', header: '产业链环节', keys: ['产业链环节', '环节', '链条环节', '所属环节'], kind: 'text' },
  { field: 'projectType', header: '项目类型', keys: ['项目类型', '项目性质'], kind: 'type' },
  { field: 'stage', header: '项目阶段', keys: ['项目阶段', '进展阶段', '项目进度', '推进阶段', '所处阶段'], kind: 'stage' },
  { field: 'totalInvestment', header: '总投资（万元）', keys: ['总投资', '计划总投资', '项目总投资'], kind: 'amount' },
  { field: 'contractAmount', header: '合同引资额（万元）', keys: ['合同引资额', '协议引资额', '合同及协议引资额', '签约金额', '合同金额', '合同(协议)引资额'], kind: 'amount' },
  { field: 'fundsInPlace', header: '累计到位资金（万元）', keys: ['累计到位资金', '本年累计到位资金', '到位资金累计', '累计到位', '到位资金', '到位资金本年累计', '实际到位资金累计', '累计实际到位资金'], kind: 'amount' },
  { field: 'fundsThisMonth', header: '本月到位资金（万元）', keys: ['本月到位资金', '当月到位资金', '到位资金本月', '到位资金当月'], kind: 'amount' },
  { field: 'foreignCapital', header: '实际到位外资（万美元）', keys: ['实际到位外资', '到位外资', '实际利用外资'], kind: 'number' },
  { field: 'landArea', header: '用地面积（亩）', keys: ['用地面积', '占地面积', '用地'], kind: 'number' },
  { field: 'signDate', header: '签约日期', keys: ['签约日期', '签约时间'], kind: 'date' },
  { field: 'startDate', header: '开工日期', keys: ['开工日期', '开工时间'], kind: 'date' },
  { field: 'productionDate', header: '投产日期', keys: ['投产日期', '投产时间', '竣工投产日期'], kind: 'date' },
  { field: 'leader', header: '包保领导', keys: ['包保领导', '责任领导', '包联领导', '包保市领导'], kind: 'text', internal: true },
  { field: 'contact', header: '联系人', keys: ['联系人', '项目联系人'], kind: 'text', internal: true },
  { field: 'phone', header: '联系电话', keys: ['联系电话', '联系方式', '电话', '手机'], kind: 'text', internal: true },
  { field: 'filler', header: '填报人', keys: ['填报人'], kind: 'text', internal: true },
  { field: 'remarks', header: '备注', keys: ['备注', '说明'], kind: 'text' },
];

export const FIELD_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(
  FIELDS.flatMap((spec) => spec.keys.map((key) => [key, spec] as const)),
);
export const FIELD_SPEC: ReadonlyMap<Field, FieldSpec> = new Map(FIELDS.map((s) => [s.field, s]));

/** Sub-headers under a parent such as 到位资金 → 本月 / 累计. */
export const SUB_HEADER_JOIN: Readonly<Record<string, string>> = {
  本月: '本月', 当月: '当月', 累计: '累计', 本年累计: '本年累计', 年度累计: '累计', 今年累计: '累计', 年初至今: '累计', 其中本月: '本月', 其中当月: '当月', 本月新增: '本月',
};

const STAGE_SYNONYMS: Readonly<Record<string, Stage>> = {
  在谈: '在谈', 洽谈: '在谈', 储备: '在谈', 洽谈储备: '在谈', 在洽谈: '在谈', 洽谈中: '在谈', 意向: '在谈',
  签约: '签约', 已签约: '签约', 签约落地: '签约', 注册: '签约', 已注册: '签约', 新签约: '签约', 落地: '签约',
  开工: '开工', 已开工: '开工', 在建: '开工', 新开工: '开工', 开工建设: '开工', 建设中: '开工',
  投产: '投产', 竣工: '投产', 竣工投产: '投产', 建成投产: '投产', 已投产: '投产', 已竣工: '投产', 投产运营: '投产', 运营: '投产',
};

const TYPE_SYNONYMS: Readonly<Record<string, ProjectType>> = {
  新建: '新建', 新引进: '新建', 新签约: '新建', 新建项目: '新建', 新引进项目: '新建', 新开工: '新建',
  续建: '续建', 结转: '续建', 结转续建: '续建', 续建项目: '续建', 结转项目: '续建',
};

/** Normalises free text for matching: NFKC (full-width → half-width), no whitespace. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

const STAGE_KEYS = Object.keys(STAGE_SYNONYMS).sort((a, b) => b.length - a.length);

/**
 * The stage named by a cell: a synonym, or a short description that contains one
 * (“已签约，待开工” → 签约: the earliest synonym in the text wins, the longest at the same place).
 */
export function parseStage(text: string): Stage | null {
  const key = squash(text).replace(/阶段$/, '').replace(/项目$/, '');
  const exact = STAGE_SYNONYMS[key];
  if (exact) return exact;
  if (key.length > 20) return null;
  let best: { at: number; len: number; stage: Stage } | null = null;
  for (const k of STAGE_KEYS) {
    const at = key.indexOf(k);
    if (at < 0) continue;
    // “未开工”, “尚未签约” deny the stage they name.
    if (/[未没无待]$/.test(key.slice(0, at))) continue;
    if (!best || at < best.at || (at === best.at && k.length > best.len)) best = { at, len: k.length, stage: STAGE_SYNONYMS[k]! };
  }
  return best?.stage ?? null;
}

export function parseProjectType(text: string): ProjectType | null {
  return TYPE_SYNONYMS[squash(text)] ?? null;
}

/** Industry names normalised so 工业项目 and 工业 count together. */
export function normaliseIndustry(text: string): string {
  const t = squash(text);
  return t.endsWith('项目') && t.length > 2 ? t.slice(0, -2) : t;
}

/** Chain positions, in drawing order. */
export const POSITIONS = ['上游', '中游', '下游'] as const;
