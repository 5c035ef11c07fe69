/**
 * The auto-drafted 通报 text, in the conventional wording of real bulletins (seed 004):
 * “××区到位资金4.7亿元，完成年度指标任务的29.1%”.
 */
import type { SiteConfig } from '../config.ts';
import { aheadText, pct, periodRange, yi, yoyText } from '../format.ts';
import type { BulletinDraft, BulletinSection, PeriodModel } from '../model.ts';
import type { Indicators, UnitResult } from '../types.ts';

export function bulletinTitle(period: string, config: SiteConfig): string {
  return config.title.replace('{range}', periodRange(period));
}

/** `到位资金4.7亿元，完成年度指标任务的29.1%` (without a target: `到位资金4.7亿元`). */
function fundsClause(i: Indicators): string {
  const c = i.fundsCompletion === null ? '' : `，完成年度指标任务的${pct(i.fundsCompletion)}`;
  return `到位资金${yi(i.fundsInPlace)}${c}`;
}

function unitSentence(u: UnitResult): string {
  if (!u.submitted) return `${u.name}未报送`;
  return `${u.name}${fundsClause(u)}`;
}

export function draftBulletin(m: PeriodModel, config: SiteConfig): BulletinDraft {
  const range = periodRange(m.period);
  const t = m.totals;
  const sections: BulletinSection[] = [];

  // 一、总体情况
  const overall: string[] = [];
  const yoy = yoyText(t.fundsYoY);
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
  if (t.foreignCapital > 0) extra.push(`实际到位外资${(Math.round(t.foreignCapital * 10) / 10).toString()}万美元`);
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
  sections.push({ heading: '二、各县区、开发区和市直部门完成情况', paragraphs: grouped });

  // 三、存在问题
  const problems: string[] = [];
  const behind = m.units.filter((u) => u.submitted && u.aheadPoints !== null && u.aheadPoints < 0);
  const red = behind.filter((u) => u.light === 'red');
  if (behind.length > 0) {
    problems.push(`${behind.length}个单位未达到序时进度（${pct(m.timeProgress)}），其中${red.length > 0 ? `${red.map((u) => `${u.name}（${pct(u.fundsCompletion)}）`).join('、')}严重滞后，亮红灯` : '无红灯单位'}。`);
  }
  const zero = m.units.filter((u) => u.submitted && u.projects === 0);
  if (zero.length > 0) problems.push(`${zero.map((u) => u.name).join('、')}本年度尚无签约项目（零签约）。`);
  if (m.notSubmitted.length > 0) {
    const names = m.notSubmitted.map((c) => m.units.find((u) => u.code === c)?.name ?? c);
    problems.push(`${names.join('、')}未按时报送台账，本期数据按未报送处理。`);
  }
  const errors = m.issues.filter((i) => i.severity === 'error').length;
  const warnings = m.issues.filter((i) => i.severity === 'warning').length;
  problems.push(errors + warnings > 0
    ? `数据核查发现错误${errors}条、提示${warnings}条，详见数据质量页；有错误的数值未计入本通报。`
    : '数据核查未发现问题。');
  sections.push({ heading: '三、存在问题', paragraphs: problems });

  return { title: bulletinTitle(m.period, config), sections };
}
