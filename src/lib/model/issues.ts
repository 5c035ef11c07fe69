/**
 * Issues: what the build tells the clerk. One table of kinds (severity, Chinese label, what to do)
 * and one factory, so every stage reports the same way: a misspelt kind does not compile, and a
 * kind's severity is decided here, once, not at each place that finds one.
 *
 * The quality page, docs/data-quality.md (checked by test/architecture/docs.test.ts) and the tests
 * read from here.
 */

export type Severity = 'error' | 'warning';

export interface IssueKindSpec {
  /** error: the value, row or file was not counted; warning: counted, but worth checking. */
  severity: Severity;
  label: string;
  advice: string;
}

/** A data-quality finding. `cell` in A1 form; `unit` a code; `project` the project's name, `projectCode` its code. */
export interface Issue {
  severity: Severity;
  /** Stable machine-readable kind, e.g. `unknown-unit`, `funds-decrease`. */
  kind: IssueKind;
  message: string;
  file: string | null;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  unit: string | null;
  /** The project's name as the unit wrote it: what a clerk recognises in a meeting. */
  project: string | null;
  /** The project's 项目编码, where the ledger has one. */
  projectCode?: string | null;
  /** What the cell held, as read (an issue about one cell): the 退回修改 feedback quotes it. */
  value?: string | null;
}

/** Where an issue points: file relative to the data folder, sheet, 1-based row, A1 cell. */
export interface IssueAt { file?: string | null; sheet?: string | null; row?: number | null; cell?: string | null }

/** What the factory needs of a project: the name a clerk knows it by, and its code. */
export interface IssueProject { name: string; code: string | null }

/**
 * The one way to make an issue. Severity comes from the kind; the project is named by its name with
 * its code beside it.
 */
export function issue(i: { kind: IssueKind; message: string; at?: IssueAt; unit?: string | null; project?: IssueProject | string | null; value?: string | null }): Issue {
  const at = i.at ?? {};
  const project = typeof i.project === 'string' ? { name: i.project, code: null } : i.project ?? null;
  const out: Issue = {
    severity: ISSUE_KINDS[i.kind].severity, kind: i.kind, message: i.message,
    file: at.file ?? null, sheet: at.sheet ?? null, cell: at.cell ?? null, row: at.row ?? null,
    unit: i.unit ?? null, project: project?.name ?? null,
  };
  if (project?.code) out.projectCode = project.code;
  if (i.value !== undefined && i.value !== null && i.value !== '') out.value = i.value;
  return out;
}

export const ISSUE_KINDS = {
  unreadable: { severity: 'error', label: '报送文件无法读取', advice: '文件损坏、加密或不是电子表格：在 Excel/WPS 中打开后另存为 .xlsx 再报送' },
  'return-unreadable': { severity: 'warning', label: '报送文件无法读取', advice: '该单位报送了文件但无法读取，本期数据未计入：请其另存为 .xlsx 后重新报送' },
  'not-a-return': { severity: 'warning', label: '不是台账文件', advice: 'Word、PDF、图片等文件不是月报台账，未读取；如无用可从月份文件夹中移走' },
  'no-period-sheet': { severity: 'error', label: '没有本月工作表', advice: '按月分表的工作簿中要有以本月命名的工作表（如“4月”）' },
  'sheet-month-mismatch': { severity: 'warning', label: '工作表月份与本期不符', advice: '确认报送的是本月台账，并把工作表改为本月名称' },
  'empty-file': { severity: 'error', label: '空文件', advice: '重新报送有内容的台账' },
  'no-ledger': { severity: 'error', label: '未找到台账', advice: '表头中要有“项目名称”及其他台账列名' },
  'read-timeout': { severity: 'error', label: '读取超时', advice: '读取时间超过限制，文件内容可能异常：在 Excel/WPS 中打开检查，另存为 .xlsx 再报送' },
  'read-memory': { severity: 'error', label: '读取内存超限', advice: '读取所需内存超过限制，文件内容可能异常：在 Excel/WPS 中打开检查，另存为 .xlsx 再报送' },
  'temp-file': { severity: 'warning', label: '临时文件', advice: '~$ 开头的是 Excel 打开文件时的临时文件，删除即可' },
  'lost-sheet': { severity: 'error', label: '工作表损坏', advice: '该工作表的内容无法解析，请另存后重新报送' },
  'hidden-sheet': { severity: 'warning', label: '台账在隐藏工作表中', advice: '确认隐藏工作表中的是本期正式台账' },
  'declared-range': { severity: 'warning', label: '工作表范围异常', advice: '工作表声明的范围远大于实际内容，一般无需处理' },
  'too-many-rows': { severity: 'error', label: '行数超限', advice: '一个台账不应超过两万行，请检查是否误填' },
  'unknown-unit': { severity: 'error', label: '单位无法识别', advice: '核对填报单位名称，或在单位名册的“别名”中补充' },
  'unknown-unit-line': { severity: 'warning', label: '填报单位名称不在名册中', advice: '已按工作表名或文件名识别；核对名称，或在单位名册的“别名”中补充' },
  'unit-mismatch': { severity: 'warning', label: '单位来源不一致', advice: '填报单位、工作表名、文件名指向不同单位，请核对' },
  'duplicate-return': { severity: 'error', label: '重复报送', advice: '同一单位同一月份只保留一份正式报表' },
  'not-submitted': { severity: 'warning', label: '未报送', advice: '督促该单位报送' },
  'no-target': { severity: 'warning', label: '无年度目标', advice: '在 targets/年份 表中补充该单位目标' },
  'no-targets': { severity: 'warning', label: '缺少目标表', advice: '补充 targets/年份.xlsx' },
  'missing-name': { severity: 'error', label: '缺少项目名称', advice: '补填项目名称，否则该行不计入' },
  'missing-stage': { severity: 'warning', label: '缺少项目阶段', advice: '补填项目阶段（在谈/签约/开工/投产）' },
  'missing-funds': { severity: 'warning', label: '缺少到位资金', advice: '补填累计到位资金，没有到位请填0' },
  'missing-column': { severity: 'warning', label: '缺少列', advice: '使用标准模板（npm run template）' },
  'duplicate-column': { severity: 'warning', label: '重复列', advice: '删除重复的列' },
  'not-a-number': { severity: 'error', label: '金额不是数字', advice: '金额只填数字，单位见表头' },
  'negative-amount': { severity: 'error', label: '金额为负数', advice: '核对金额' },
  'bad-date': { severity: 'warning', label: '日期无法识别', advice: '日期写作 2026-03-15' },
  'date-after-period': { severity: 'warning', label: '日期晚于本期', advice: '核对日期，本期台账不应出现以后的日期' },
  'date-order': { severity: 'warning', label: '日期先后矛盾', advice: '开工日期不应早于签约日期' },
  'funds-above-contract': { severity: 'warning', label: '到位资金超过合同额', advice: '核对到位资金和合同引资额' },
  'contract-above-total': { severity: 'warning', label: '合同额超过总投资', advice: '核对合同引资额和总投资' },
  'funds-decrease': { severity: 'error', label: '累计到位资金减少', advice: '累计数不应比上月少，请核对' },
  'unit-slip': { severity: 'error', label: '疑似元与万元混用', advice: '金额单位为万元，请核对是否把“元”填进了“万元”列' },
  'funds-jump': { severity: 'warning', label: '到位资金异常增长', advice: '核对本月新增到位资金的依据' },
  'stage-backwards': { severity: 'warning', label: '项目阶段倒退', advice: '核对项目阶段' },
  'duplicate-row': { severity: 'error', label: '单位内重复项目', advice: '删除重复的行' },
  'cross-unit-duplicate': { severity: 'warning', label: '跨单位重复项目', advice: '两个单位核实项目归属，只由一个单位报送' },
  'reserve-with-funds': { severity: 'warning', label: '在谈项目有到位资金', advice: '有到位资金的项目应为签约及以后阶段' },
  'unknown-chain': { severity: 'warning', label: '产业链或环节未定义', advice: '按 chains 中的名称填写产业链和环节' },
  'unknown-stage': { severity: 'warning', label: '项目阶段无法识别', advice: '项目阶段填 在谈/签约/开工/投产' },
  'unknown-type': { severity: 'warning', label: '项目类型无法识别', advice: '项目类型填 新建/续建' },
  'unknown-target-column': { severity: 'warning', label: '目标表列无法识别', advice: '目标表列名如“到位资金（万元）”' },
  'no-funds-target': { severity: 'error', label: '目标表缺少到位资金', advice: '目标表要有“到位资金（万元）”列' },
  'duplicate-target': { severity: 'error', label: '目标重复', advice: '每个单位在目标表中只出现一次' },
  'registry-row': { severity: 'error', label: '名册行不完整', advice: '补全编码、名称、分组' },
  'no-header': { severity: 'error', label: '缺少表头', advice: '按说明填写表头' },
  'chain-code': { severity: 'warning', label: '产业链编码有误', advice: '产业链编码用字母和数字，各条链不重复' },
  'bad-position': { severity: 'warning', label: '层级无法识别', advice: '层级填 上游/中游/下游' },
  'bad-config': { severity: 'warning', label: 'site.json 有误', advice: '按 README 的示例修改 site.json' },
  'bad-bulletin-setting': { severity: 'warning', label: '公文设置有误', advice: '按 docs/bulletin-docx.md 修改 bulletin.json 或“下步工作要求”文件' },
  'bad-target-file': { severity: 'warning', label: '目标文件名有误', advice: '目标文件以年份命名，如 targets/2026.xlsx' },
  'duplicate-target-file': { severity: 'error', label: '目标文件重复', advice: '每个年份只保留一个目标表' },
  'bad-history-file': { severity: 'warning', label: '上年同期汇总表文件名有误', advice: '以月份命名，如 history/2025-04.xlsx' },
  'duplicate-history': { severity: 'error', label: '上年同期汇总表重复', advice: '同一月份只保留一个汇总表，同一单位只写一行' },
  'history-incomplete': { severity: 'warning', label: '上年同期汇总表缺单位', advice: '在汇总表中补上该单位（当年没有的填0），否则所在分组和全市不算同比' },
  'misplaced-file': { severity: 'error', label: '文件位置不对', advice: '月报放在 returns/年-月/ 中' },
  'bad-period-folder': { severity: 'error', label: '月份文件夹名有误', advice: '文件夹名写作 2026-04' },
  'duplicate-period-folder': { severity: 'warning', label: '月份文件夹重复', advice: '同一月份只用一个文件夹' },
  'bad-record': { severity: 'error', label: '签发记录有误', advice: '签发记录（issued/年-月.json）被改坏或截断：该月按草稿生成；从备份恢复，或重新签发' },
  'duplicate-record': { severity: 'error', label: '签发记录重复', advice: '同一月份只能有一份签发记录，删除多余的一份' },
  'record-without-returns': { severity: 'error', label: '签发记录没有对应月报', advice: '核对签发记录的月份，或补回该月月报' },
  'assessment-scheme': { severity: 'error', label: '考核办法有误', advice: '按 docs/assessment.md 改正 assessment 表（类别、指标、分值、计分方法、封顶）；改正前不计算考核得分，网站其余部分照常生成' },
  'assessment-target': { severity: 'error', label: '考核指标缺少目标', advice: '按完成率或时序完成率计分的指标要在当年目标任务表中有目标列（如“签约项目数”），或改用功效系数；补上前该年不计算考核得分' },
  'assessment-rank': { severity: 'warning', label: '未能按考核得分排名', advice: 'site.json 设置了 "rankBy": "assessment"，但该月没有考核得分（缺少或改错了 assessment 表）：排名和红黑榜仍按到位资金完成率' },
  internal: { severity: 'error', label: '内部错误', advice: '请把该文件发给维护人员' },
} as const satisfies Readonly<Record<string, IssueKindSpec>>;

export type IssueKind = keyof typeof ISSUE_KINDS;

export function isIssueKind(kind: string): kind is IssueKind {
  return Object.hasOwn(ISSUE_KINDS, kind);
}

export function issueLabel(kind: string): string {
  return isIssueKind(kind) ? ISSUE_KINDS[kind].label : kind;
}

export function issueAdvice(kind: string): string {
  return isIssueKind(kind) ? ISSUE_KINDS[kind].advice : '';
}
