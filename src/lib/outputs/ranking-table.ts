/** The ranking tables of a period, one sheet per group, for the rankings download. */
import { rankChangeText } from '../model/format.ts';
import type { PeriodModel } from '../model/site-model.ts';
import type { TableCell } from './ledger-table.ts';
import { missingShort } from '../views/submission.ts';

export function rankingTable(p: PeriodModel, groups: readonly string[]): { name: string; rows: TableCell[][] }[] {
  return groups.map((g) => {
    const rows: TableCell[][] = [['排名', '排名变化', '单位编码', '单位', '项目个数', '合同引资额（万元）', '到位资金（万元）', '年度目标（万元）', '完成率', '超欠序时进度（百分点）', '同比', '亮灯', '报送情况']];
    const members = p.units.filter((u) => u.group === g).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    for (const u of members) {
      rows.push([u.rank, rankChangeText(u.rankChange).symbol, u.code, u.name, u.projects, u.contractAmount, u.fundsInPlace, u.fundsTarget,
        u.fundsCompletion === null ? null : Math.round(u.fundsCompletion * 10000) / 10000,
        u.aheadPoints === null ? null : Math.round(u.aheadPoints * 10) / 10,
        u.fundsYoY === null ? null : Math.round(u.fundsYoY * 10000) / 10000, u.lightLabel, u.submitted ? '已报送' : missingShort(u)]);
    }
    return { name: g, rows };
  });
}
