/**
 * The auto-drafted 通报 text, in the conventional wording of real bulletins (seed 004):
 * “××区到位资金4.7亿元，完成年度指标任务的29.1%”. Three sections: 总体情况, 分组情况, 存在问题.
 *
 * The sentence forms of units, groups and the city are relied on by readers and by the end-to-end
 * test: clauses may be added after them, never inside them.
 */
import { issueLabel } from '../model/issues.ts';
import { isCounted } from '../compute/indicators.ts';
import type { SiteConfig } from '../model/config.ts';
import { aheadText, fixed, intensityText, pct, periodRange, usd, yi } from '../model/format.ts';
import { yoyWithSource } from './last-year.ts';
import type { BulletinDraft, BulletinSection, PeriodModel } from '../model/site-model.ts';
import type { Indicators, UnitResult } from '../model/types.ts';
import { lowIntensityProjects } from './intensity.ts';
import { missingText, sentUnreadable } from './submission.ts';

/** The title in the official form, from site.json `title`: 关于2026年1-4月全市招商引资工作情况的通报. */
export function bulletinTitle(period: string, config: SiteConfig): string {
  return config.title.replace('{range}', periodRange(period));
}

/**
 * The download name of a period's Word document (data/<period>/bulletin.docx): its title,
 * `关于2026年1-4月全市招商引资工作情况的通报.docx`, without characters a file system refuses.
 */
export function bulletinDocName(p: { draft: { title: string } }): string {
  return `${p.draft.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.docx`;
}

/** `到位资金4.7亿元，完成年度指标任务的29.1%` (without a target: `到位资金4.7亿元`). */
function fundsClause(i: Indicators): string {
  const c = i.fundsCompletion === null ? '' : `，完成年度指标任务的${pct(i.fundsCompletion)}`;
  return `到位资金${yi(i.fundsInPlace)}${c}`;
}

function unitSentence(u: UnitResult): string {
  if (!u.submitted) return `${u.name}${missingText(u)}`;
  return `${u.name}${fundsClause(u)}`;
}

/** How many names a list in prose shows before “等N个”. */
const LIST_MAX = 5;

/** `甲、乙、丙` or, when long, `甲、乙、丙、丁、戊等7个单位`. */
function nameList(names: readonly string[], noun: string): string {
  if (names.length <= LIST_MAX) return names.join('、');
  return `${names.slice(0, LIST_MAX).join('、')}等${names.length}个${noun}`;
}

/** `1.2万元/亩` style: intensity in 万元 per 亩, one decimal. */
function perMu(v: number): string {
  return intensityText(v, 1);
}

/** Drafts the 通报 of a period from its model alone (the page adds what needs other periods). */
export function draftBulletin(m: PeriodModel, config: SiteConfig): BulletinDraft {
  const range = periodRange(m.period);
  const t = m.totals;
  const sections: BulletinSection[] = [];

  // 一、总体情况
  const overall: string[] = [];
  const yoy = yoyWithSource(t.fundsYoY, m);
  let s = `${range}，全市共引进各类项目${t.projects}个，合同引资额${yi(t.contractAmount)}，到位资金${yi(t.fundsInPlace)}`;
  if (yoy) s += `，${yoy}`;
  if (t.fundsCompletion !== null) s += `，完成全市年度指标任务的${pct(t.fundsCompletion)}，${aheadText(t.aheadPoints)}`;
  s += '。';
  const byType = m.breakdowns.projectType;
  const typed = byType.filter((e) => e.projects > 0 && (e.key === '新建' || e.key === '续建'));
  if (typed.length > 0) {
    s += `其中：${typed.map((e) => `${e.key}项目${e.projects}个，合同引资额${yi(e.contractAmount)}，到位资金${yi(e.fundsInPlace)}`).join('；')}。`;
  }
  overall.push(s);
  const extra: string[] = [];
  if (t.largeProjects > 0) extra.push(`亿元以上项目${t.largeProjects}个`);
  if (t.startedProjects > 0) extra.push(`开工及投产项目${t.startedProjects}个`);
  if (t.reserveProjects > 0) extra.push(`在谈储备项目${t.reserveProjects}个`);
  if (t.foreignCapital > 0) extra.push(`实际到位外资${usd(t.foreignCapital)}`);
  if (extra.length) overall.push(`全市${extra.join('，')}。`);
  const industry = m.breakdowns.industry.find((e) => e.key === '工业');
  if (industry && t.projects > 0 && industry.projects > 0) {
    overall.push(`工业项目${industry.projects}个，占引进项目总数的${pct(industry.projects / t.projects)}；工业项目到位资金${yi(industry.fundsInPlace)}，占已到位资金总额的${pct(t.fundsInPlace > 0 ? industry.fundsInPlace / t.fundsInPlace : null)}。`);
  }
  sections.push({ heading: '一、总体情况', paragraphs: overall });

  // 二、分组情况
  const grouped: string[] = [];
  for (const g of m.groups) {
    const members = m.units.filter((u) => u.group === g.name);
    if (members.length > 0 && members.every((u) => !u.submitted)) {
      grouped.push(`${g.name}${members.map((u) => u.name).join('、')}均未报送。`);
      continue;
    }
    const head = `${g.name}共${fundsClause(g)}`;
    const list = members.map(unitSentence).join('；');
    grouped.push(members.length > 0 ? `${head}，其中：${list}。` : `${head}。`);
  }
  const scores = assessmentParagraph(m);
  if (scores) grouped.push(scores);
  sections.push({ heading: '二、分组情况', paragraphs: grouped });

  sections.push({ heading: '三、存在问题', paragraphs: problems(m, config) });
  return { title: bulletinTitle(m.period, config), sections };
}

/**
 * The 考核 paragraph: the top and bottom units of each group by score, ties named together:
 * `2026年第三季度考核得分：县区东山县最高，68.00分；西河区最低，-2.00分，本期未报送；…`.
 * No brackets inside, so the sentence can itself be quoted in brackets.
 */
function assessmentParagraph(m: PeriodModel): string | null {
  const a = m.assessment;
  if (!a || a.units.length === 0) return null;
  const points = (v: number) => `${fixed(v, 2)}分`;
  const missing = new Set(m.units.filter((u) => !u.submitted).map((u) => u.code));
  const groups = [...new Set(a.units.map((u) => u.group))].map((g) => {
    const members = a.units.filter((u) => u.group === g);
    if (members.length === 1) return `${g}${members[0]!.name}${points(members[0]!.score)}`;
    const first = members.filter((u) => u.rank === 1);
    const lastRank = Math.max(...members.map((u) => u.rank));
    const last = members.filter((u) => u.rank === lastRank);
    const names = (list: typeof members) => list.map((u) => u.name).join('、');
    const top = `${g}${names(first)}${first.length > 1 ? '并列' : ''}最高，${points(first[0]!.score)}`;
    if (lastRank === 1) return `${g}各单位得分相同，均为${points(first[0]!.score)}`;
    const note = last.every((u) => missing.has(u.code)) ? '，本期未报送' : '';
    return `${top}；${names(last)}${last.length > 1 ? '并列' : ''}最低，${points(last[0]!.score)}${note}`;
  });
  const lead = a.kind === '考核得分' ? `按考核办法测算，${a.title}` : `${a.title}得分`;
  return `${lead}：${groups.join('；')}。`;
}

/** 三、存在问题: behind schedule, 零签约/零开工, low 投资强度, and what the figures cannot tell. */
function problems(m: PeriodModel, config: SiteConfig): string[] {
  const out: string[] = [];
  const name = (code: string) => m.units.find((u) => u.code === code)?.name ?? code;

  // Behind schedule, the red lights first (worst first), then the yellow ones.
  const behind = m.units.filter((u) => u.submitted && u.aheadPoints !== null && u.aheadPoints < 0);
  if (behind.length > 0) {
    const worstFirst = (a: UnitResult, b: UnitResult) => a.aheadPoints! - b.aheadPoints!;
    const listed = (list: UnitResult[]) => list.sort(worstFirst).map((u) => `${u.name}（${pct(u.fundsCompletion)}）`).join('、');
    const red = behind.filter((u) => u.light === 'red');
    const yellow = behind.filter((u) => u.light === 'yellow');
    const parts: string[] = [];
    if (red.length > 0) parts.push(`${listed(red)}严重滞后，亮红灯`);
    if (yellow.length > 0) parts.push(`${listed(yellow)}落后序时进度${config.lights.yellowBehind}个百分点以上，亮黄灯`);
    out.push(`${behind.length}个单位未达到序时进度（${pct(m.timeProgress)}），其中${parts.length > 0 ? parts.join('；') : '无红灯、黄灯单位'}。`);
  } else if (m.units.some((u) => u.aheadPoints !== null)) {
    out.push(`各单位均达到序时进度（${pct(m.timeProgress)}）。`);
  }

  // 零签约: a unit that reported but has no project at 签约 or later; 零开工: none started yet.
  const zero = m.units.filter((u) => u.submitted && u.projects === 0);
  if (zero.length > 0) out.push(`${nameList(zero.map((u) => u.name), '单位')}本年度尚无签约项目（零签约）。`);
  const started = new Set(m.projects.filter((p) => isCounted(p) && (p.stage === '开工' || p.stage === '投产')).map((p) => p.unit));
  const zeroStart = m.units.filter((u) => u.submitted && u.projects > 0 && !started.has(u.code));
  if (zeroStart.length > 0) out.push(`${nameList(zeroStart.map((u) => u.name), '单位')}已有签约项目，但尚无开工项目（零开工）。`);

  // Low investment intensity, where 用地面积 is given.
  const threshold = config.checks.lowIntensity;
  const low = lowIntensityProjects(m.projects, threshold);
  if (low.length > 0) {
    const shown = low.slice(0, LIST_MAX).map((e) => `${name(e.project.unit)}${e.project.name}（${perMu(e.intensity)}）`).join('、');
    out.push(`${low.length}个项目投资强度低于${threshold}万元/亩（总投资÷用地面积），用地效益偏低：${shown}${low.length > LIST_MAX ? '等' : ''}。`);
  }

  // What the figures cannot tell: units missing, units not ranked, the checks.
  const missing = m.units.filter((u) => !u.submitted && !sentUnreadable(u));
  const unreadable = m.units.filter(sentUnreadable);
  if (missing.length > 0) out.push(`${missing.map((u) => u.name).join('、')}未按时报送台账，本期数据按未报送处理。`);
  if (unreadable.length > 0) out.push(`${unreadable.map((u) => u.name).join('、')}报送的文件无法读取，本期数据暂未计入。`);
  const noTarget = m.units.filter((u) => u.submitted && u.fundsTarget === null);
  if (noTarget.length > 0) out.push(`${nameList(noTarget.map((u) => u.name), '单位')}没有年度到位资金目标，未计算完成率，不参加排名。`);
  const errors = m.issues.filter((i) => i.severity === 'error').length;
  const warnings = m.issues.filter((i) => i.severity === 'warning').length;
  if (errors + warnings > 0) {
    const counts = new Map<string, number>();
    for (const i of m.issues) if (i.kind !== 'not-submitted' && i.kind !== 'no-target') counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3)
      .map(([kind, n]) => `${issueLabel(kind)}${n}条`);
    out.push(`数据核查发现错误${errors}条、提示${warnings}条${top.length > 0 ? `（主要是${top.join('、')}）` : ''}，详见数据质量页；有错误的数值未计入本通报，提示事项请相关单位核实。`);
  } else {
    out.push('数据核查未发现问题。');
  }
  return out;
}
