/**
 * The consolidated ledger as a table (header + rows of text/numbers), shared by the CSV and XLSX
 * downloads. Internal columns appear only in an internal build.
 */
import { isCounted } from '../compute/indicators.ts';
import { FIELD_SPEC, type Field } from '../model/glossary.ts';
import type { Audience } from '../model/site-model.ts';
import type { Issue, Project, Unit } from '../model/types.ts';

export type TableCell = string | number | null;

/**
 * Whether a row is counted in the figures, and why not or with what reservation: 在谈 rows are
 * reserve projects, a cell that could not be read counts as empty, and the checks' findings on the
 * row (a duplicate in another unit, a date after the period…) are quoted.
 */
export function countedNote(p: Project, issues: readonly Issue[]): { counted: '是' | '否'; note: string } {
  const notes: string[] = [];
  const counted = isCounted(p);
  if (!counted) notes.push(`项目阶段为“${p.stage}”，作为储备项目单列，不计入项目个数和金额`);
  const unreadable = (p.invalid ?? []).map((f) => FIELD_SPEC.get(f as Field)?.header ?? f);
  if (unreadable.length > 0) notes.push(`${unreadable.join('、')}无法识别，按空值计`);
  for (const i of issues) {
    if (i.file === p.source.file && i.row === p.source.row && (i.sheet ?? null) === (p.source.sheet ?? null) && !notes.includes(i.message)) notes.push(i.message);
  }
  return { counted: counted ? '是' : '否', note: notes.join('；') };
}

export function ledgerTable(projects: readonly Project[], units: readonly Unit[], audience: Audience, issues: readonly Issue[] = []): TableCell[][] {
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const header = ['单位编码', '填报单位', '项目编码', '项目名称', '投资方', '投资方所在地', '产业类别', '所属产业链', '产业链环节', '项目类型', '项目阶段',
    '总投资（万元）', '合同引资额（万元）', '累计到位资金（万元）', '本月到位资金（万元）', '实际到位外资（万美元）', '用地面积（亩）',
    '签约日期', '开工日期', '投产日期', '备注', '来源文件', '工作表', '行号', '是否计入', '计入说明'];
  const internal = audience === 'internal';
  if (internal) header.push('包保领导', '联系人', '联系电话', '填报人');
  const rows: TableCell[][] = [header];
  // Issues by row, so that a ledger of thousands of rows is not scanned once per row.
  const byRow = new Map<string, Issue[]>();
  for (const i of issues) if (i.file && i.row !== null) byRow.set(`${i.file}\0${i.row}`, [...(byRow.get(`${i.file}\0${i.row}`) ?? []), i]);
  for (const p of projects) {
    const { counted, note } = countedNote(p, byRow.get(`${p.source.file}\0${p.source.row}`) ?? []);
    const row: TableCell[] = [p.unit, unitName.get(p.unit) ?? p.unit, p.code, p.name, p.investor, p.investorOrigin, p.industry, p.chain, p.link, p.projectType, p.stage,
      p.totalInvestment, p.contractAmount, p.fundsInPlace, p.fundsThisMonth, p.foreignCapital, p.landArea,
      p.signDate, p.startDate, p.productionDate, p.remarks, p.source.file, p.source.sheet, p.source.row, counted, note || null];
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
