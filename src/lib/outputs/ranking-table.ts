/**
 * The rankings download, laid out to be forwarded without editing: one sheet with a title naming
 * the period, the units of each group by rank followed by the group's 合计 row, then the city's
 * total; rates as real percentages (0.0%), the header frozen and repeated on every page, A4
 * landscape one page wide.
 */
import { periodRange, rankChangeText } from '../model/format.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import { issueStatus } from '../views/issue-status.ts';
import type { Indicators } from '../model/types.ts';
import type { TableCell } from './ledger-table.ts';
import type { SheetSpec } from './xlsx.ts';
import { missingShort } from '../views/submission.ts';
import { scoresTitle } from '../views/assessment.ts';
import { plainNumber } from '../model/format.ts';
import type { SchemeRow } from '../model/assessment.ts';
import { LAST_YEAR_TABLE } from '../views/last-year.ts';

export const RANKING_HEADER = ['排名', '升降', '单位', '项目个数', '合同引资额（万元）', '到位资金（万元）', '年度目标（万元）', '完成率', '超欠序时进度', '同比', '亮灯', '报送情况'] as const;
const FORMATS = [null, null, null, '0', '#,##0', '#,##0', '#,##0', '0.0%', '+0.0%;-0.0%;0.0%', '+0.0%;-0.0%;0.0%', null, null];

/** Rates go to the workbook as fractions (0.123 shows as 12.3%); 超欠 points as a fraction too. */
const rate = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);
const points = (v: number | null) => (v === null ? null : Math.round(v * 10) / 1000);

function figures(i: Indicators): TableCell[] {
  return [i.projects, i.contractAmount, i.fundsInPlace, i.fundsTarget, rate(i.fundsCompletion), points(i.aheadPoints), rate(i.fundsYoY)];
}

/** “示例市2026年1-4月各单位招商引资排名”, with its 文号 once issued and 草稿 on an internal draft (views/issue-status.ts). */
export function rankingTitle(p: PeriodModel, model: Pick<SiteModel, 'audience' | 'config'>): string {
  const status = issueStatus(model, p);
  const mark = p.issued ? `（${[p.issued.number, p.issued.version > 1 ? '更正版' : null].filter(Boolean).join('，') || '已签发'}）` : status.draft ? '（草稿）' : '';
  return `${model.config.city}${periodRange(p.period)}各单位招商引资排名${mark}`;
}

export function rankingTable(p: PeriodModel, groups: readonly string[], title: string = `${periodRange(p.period)}各单位招商引资排名`): SheetSpec[] {
  const header: TableCell[] = [...RANKING_HEADER];
  if (p.lastYearTable) header[RANKING_HEADER.indexOf('同比')] = `同比（${LAST_YEAR_TABLE}）`;
  const rows: TableCell[][] = [header];
  for (const g of groups) {
    const members = p.units.filter((u) => u.group === g).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    if (members.length === 0) continue;
    for (const u of members) {
      rows.push([u.rank, rankChangeText(u.rankChange).symbol, u.name, ...figures(u), u.lightLabel, u.submitted ? '已报送' : missingShort(u)]);
    }
    const group = p.groups.find((x) => x.name === g);
    if (group) rows.push([null, null, `${g}合计`, ...figures(group), null, `${group.submittedUnits}/${group.units}个单位已报送`]);
  }
  rows.push([null, null, '全市合计', ...figures(p.totals), null, `${p.totals.submittedUnits}/${p.totals.units}个单位已报送`]);
  const scores = assessmentSheet(p, groups, title.replace(`${periodRange(p.period)}各单位招商引资排名`, scoresTitle(p.assessment?.title ?? '')));
  return [{ name: '排名', title, rows, formats: FORMATS, landscape: true }, ...(scores ? [scores] : [])];
}

/** `到位资金（40分，完成率）`, `未报送（每次扣2分，最多6分）`: a 考核 column's header. */
function itemHeader(r: SchemeRow): string {
  if (r.category === '指标') return `${r.label}（${plainNumber(r.weight)}分，${r.method}）`;
  const verb = r.category === '加分' ? '加' : '扣';
  return `${r.category}：${r.label}（${r.method}${verb}${plainNumber(r.weight)}分${r.cap !== null ? `，最多${plainNumber(r.cap)}分` : ''}）`;
}

/**
 * The 考核 sheet: units of each group by rank with total and each item's points as numbers (0.00),
 * ready to forward or to total by hand; null when the period has no scores.
 */
export function assessmentSheet(p: PeriodModel, groups: readonly string[], title: string): SheetSpec | null {
  const a = p.assessment;
  if (!a) return null;
  const submitted = new Map(p.units.map((u) => [u.code, u]));
  const rows: TableCell[][] = [['组别', '排名', '升降', '单位', '总分', ...a.rows.map(itemHeader), '报送情况']];
  for (const g of groups) {
    for (const u of a.units.filter((x) => x.group === g)) {
      const unit = submitted.get(u.code);
      rows.push([g, u.rank, rankChangeText(u.rankChange).symbol, u.name, u.score, ...u.items.map((i) => i.points), !unit || unit.submitted ? '已报送' : missingShort(unit)]);
    }
  }
  const formats = [null, '0', null, null, '0.00', ...a.rows.map(() => '0.00'), null];
  return { name: '考核', title, rows, formats, landscape: true };
}
