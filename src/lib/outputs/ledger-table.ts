/**
 * The consolidated ledger as a table (header + rows of text/numbers), shared by the CSV and XLSX
 * downloads. Internal columns appear only in an internal build.
 */
import type { Audience } from '../model/site-model.ts';
import type { Project, Unit } from '../model/types.ts';

export type TableCell = string | number | null;

export function ledgerTable(projects: readonly Project[], units: readonly Unit[], audience: Audience): TableCell[][] {
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const header = ['单位编码', '填报单位', '项目编码', '项目名称', '投资方', '投资方所在地', '产业类别', '所属产业链', '产业链环节', '项目类型', '项目阶段',
    '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '本月到位资金（万元）', '实际到位外资（万美元）', '用地面积（亩）',
    '签约日期', '开工日期', '投产日期', '备注', '来源文件', '工作表', '行号'];
  const internal = audience === 'internal';
  if (internal) header.push('包保领导', '联系人', '联系电话', '填报人');
  const rows: TableCell[][] = [header];
  for (const p of projects) {
    const row: TableCell[] = [p.unit, unitName.get(p.unit) ?? p.unit, p.code, p.name, p.investor, p.investorOrigin, p.industry, p.chain, p.link, p.projectType, p.stage,
      p.totalInvestment, p.contractAmount, p.fundsInPlace, p.fundsThisMonth, p.foreignCapital, p.landArea,
      p.signDate, p.startDate, p.productionDate, p.remarks, p.source.file, p.source.sheet, p.source.row];
    if (internal) row.push(p.internal.leader, p.internal.contact, p.internal.phone, p.internal.filler);
    rows.push(row);
  }
  return rows;
}

/**
 * Neutralises text that a spreadsheet would run as a formula (= + - @, tab, CR) by prefixing an
 * apostrophe-free single quote mark visible to the reader (OWASP CSV injection advice).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV, UTF-8 with BOM so Excel on a Chinese PC opens it cleanly; CRLF line ends. */
export function toCsv(rows: readonly (readonly TableCell[])[]): string {
  const esc = (v: TableCell) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const t = neutralise(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return '\ufeff' + rows.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}
