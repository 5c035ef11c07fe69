/**
 * Stage 2: a raw sheet → ledger rows. Every row of a ledger sheet ends up in exactly one bucket:
 * a project, a rejected row (reported), or a non-data row (title, header, 合计, blank, footer).
 */
import { FIELD_SPEC, normaliseIndustry, parseProjectType, parseStage, squash, type Field } from '../model/glossary.ts';
import { parseAmount, UNIT_SCALE } from '../normalise/amount.ts';
import { parseDate } from '../normalise/date.ts';
import type { CellValue, RawSheet } from '../read/workbook.ts';
import type { Issue, Project, ProjectType, Unit } from '../model/types.ts';
import { a1, findHeader, lookupField, type Column, type Header } from './header.ts';
import type { UnitIndex } from './unit-names.ts';
import { issue, type IssueKind, type IssueProject } from '../model/issues.ts';

export type NonDataKind = 'title' | 'header' | 'blank' | 'total' | 'footer';

export interface SheetLedger {
  sheet: string;
  header: Header;
  unit: Unit | null;
  unitSource: string | null;
  projects: Project[];
  rowsRead: number;
  rejected: number;
  nonData: Record<NonDataKind, number>;
  issues: Issue[];
}

export interface SheetContext {
  /** File path relative to the data folder. */
  file: string;
  units: UnitIndex;
  /** The unit named by the file name, if any. */
  fileUnit: Unit | null;
}

const TOTAL_RE = /^(合计|小计|总计|全市合计|本页小计|本月合计|累计合计|总合计|本单位合计|其中)([:：(（].*)?$/;
/** Section headings inside a table: “一、新建项目”, “（二）续建项目”, “新签约项目”. */
const SECTION_RE = /^(?:(?:[一二三四五六七八九十]+|\d+)[、.．]|[（(][一二三四五六七八九十\d]+[)）]).{0,14}$|^(?:新建|新引进|新签约|续建|结转|结转续建|在谈|签约|开工|投产|储备)类?项目[:：]?$/;
const FOOTER_RE = /^(填报人|填表人|联系电话|联系人|审核人|负责人|单位负责人|制表人?|分管领导|填报日期|填表日期|报送日期|注[:：]|说明[:：]|备注[:：])/;
const GENERIC_SHEET = /^(sheet\d*|工作表\d*|台账|项目台账|汇总|数据|明细|表\d*|wps表格\d*)$/i;

const cellText = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** The `填报单位：XX（盖章）  单位：万元` line: returns the unit as written. */
export function unitLineText(rows: readonly (readonly CellValue[])[], upTo: number): string | null {
  for (let r = 0; r < upTo; r++) {
    const cells = rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const t = cellText(cells[c]);
      const m = /(填报单位|报送单位|填表单位|单位名称)\s*([（(]盖章[)）])?\s*[:：]?\s*(.*)$/s.exec(t);
      if (!m) continue;
      let rest = m[3]!;
      // `填报单位：` alone in one cell with the name in the next non-empty cell.
      if (!squash(rest)) rest = cells.slice(c + 1).map(cellText).find((x) => x) ?? '';
      const name = rest.split(/\s{2,}|\t|[（(]盖章[)）]|盖章|(?:金额)?单位\s*[:：]|填报日期|日期\s*[:：]|时间\s*[:：]/)[0]!.trim();
      if (name) return name;
    }
  }
  return null;
}

/** The amount unit of a `单位：万元` line above the header, or null. */
export function sheetAmountUnit(rows: readonly (readonly CellValue[])[], upTo: number): string | null {
  for (let r = 0; r < upTo; r++) {
    for (const v of rows[r] ?? []) {
      const m = /单位\s*[:：]\s*(百万元|千元|万元|亿元|元)/.exec(cellText(v));
      if (m) return m[1]!;
    }
  }
  return null;
}

function titleText(rows: readonly (readonly CellValue[])[], upTo: number): string {
  return rows.slice(0, upTo).flatMap((r) => r.map(cellText)).filter((t) => t && !/填报单位/.test(t)).join(' ');
}

interface UnitChoice { unit: Unit | null; source: string | null; issues: Issue[] }

function chooseUnit(sheet: RawSheet, header: Header, ctx: SheetContext): UnitChoice {
  const issues: UnitChoice['issues'] = [];
  const line = unitLineText(sheet.rows, header.top);
  const fromLine = line ? ctx.units.exact(line) ?? ctx.units.within(line) : null;
  const sheetName = squash(sheet.name);
  const fromSheet = GENERIC_SHEET.test(sheetName) ? null : ctx.units.exact(sheetName) ?? ctx.units.within(sheetName);
  const fromTitle = ctx.units.within(titleText(sheet.rows, header.top));
  const candidates: [Unit | null, string][] = [
    [fromLine, '填报单位'], [fromSheet, '工作表名'], [fromTitle, '标题'], [ctx.fileUnit, '文件名'],
  ];
  const chosen = candidates.find(([u]) => u !== null);
  const at = { file: ctx.file, sheet: sheet.name };
  if (line && !fromLine) {
    // Read under another source's unit, the unknown name is worth a look; with no unit at all, the sheet is not counted.
    issues.push(chosen
      ? issue({ kind: 'unknown-unit-line', at, unit: chosen[0]!.code, message: `填报单位“${line}”不在单位名册中，已按${chosen[1]}识别为“${chosen[0]!.name}”` })
      : issue({ kind: 'unknown-unit', at, message: `填报单位“${line}”不在单位名册中，请核对名称或在 units 名册中补充别名` }));
  }
  if (!chosen) return { unit: null, source: null, issues };
  const [unit, source] = chosen as [Unit, string];
  for (const [other, otherSource] of candidates) {
    if (other && other.code !== unit.code && otherSource !== '标题') {
      issues.push(issue({ kind: 'unit-mismatch', at, unit: unit.code, message: `${source}为“${unit.name}”，但${otherSource}指向“${other.name}”，已按${source}计入“${unit.name}”` }));
      break;
    }
  }
  return { unit, source, issues };
}

/** Reads one sheet as a ledger, or returns null when it holds no ledger header. */
export function readLedgerSheet(sheet: RawSheet, ctx: SheetContext): SheetLedger | null {
  const preliminary = findHeader(sheet, null);
  if (!preliminary) return null;
  const defaultUnit = sheetAmountUnit(sheet.rows, preliminary.top);
  const header = defaultUnit ? findHeader(sheet, defaultUnit)! : preliminary;
  const { unit, source, issues: unitIssues } = chooseUnit(sheet, header, ctx);
  const issues: Issue[] = [...unitIssues];
  const nonData: Record<NonDataKind, number> = { title: header.top, header: header.bottom - header.top + 1, blank: 0, total: 0, footer: 0 };
  const projects: Project[] = [];
  let rejected = 0;
  const col = new Map<Field, Column>(header.columns.map((c) => [c.field, c]));
  const nameCol = col.get('name')!;
  const mapped = header.columns.filter((c) => c.field !== 'seq');

  const at = (kind: IssueKind, message: string, r: number, c: number | null, about: RowAbout = {}): Issue =>
    issue({ kind, message, at: { file: ctx.file, sheet: sheet.name, row: r + 1, cell: c === null ? null : a1(r, c) }, unit: about.unit ?? unit?.code ?? null, project: about.project ?? null, value: c === null ? null : cellText(sheet.rows[r]?.[c]).slice(0, 200) });

  if (sheet.truncated) {
    issues.push(at('too-many-rows', `工作表行数超过上限，只读取了前${sheet.rows.length}行，其余行未读取`, sheet.rows.length - 1, null));
  }
  for (const d of header.duplicates) {
    issues.push(at('duplicate-column', `“${d.header}”与前面的列都表示“${FIELD_SPEC.get(d.field)!.header}”，已使用前一列`, header.bottom, d.col));
  }
  for (const [field, label] of [['fundsInPlace', '累计到位资金'], ['stage', '项目阶段']] as const) {
    if (!col.has(field)) issues.push(at('missing-column', `台账中没有“${label}”列`, header.bottom, null));
  }

  let sectionType: ProjectType | null = null;
  for (let r = header.bottom + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const texts = row.map(cellText);
    const filled = texts.filter((t) => t !== '');
    if (filled.length === 0) { nonData.blank++; continue; }
    const first = squash(filled[0]!);
    const name = cellText(row[nameCol.col]);
    if (texts.slice(0, Math.max(3, nameCol.col + 1)).some((t) => TOTAL_RE.test(squash(t))) || /^(合计|小计|总计)/.test(squash(name))) {
      nonData.total++; continue;
    }
    if (FOOTER_RE.test(first) && !name) { nonData.footer++; continue; }
    // A section heading (“一、新建项目”) in one cell: not a project; it may give the type of the rows below.
    if (filled.length === 1 && SECTION_RE.test(first) && !/\d{3,}/.test(first)) {
      nonData.title++;
      const heading = first.replace(/^(([一二三四五六七八九十]+|\d+)[、.．]|[（(][一二三四五六七八九十\d]+[)）])/, '').replace(/[:：]$/, '').replace(/类?项目$/, '');
      sectionType = parseProjectType(heading) ?? sectionType;
      continue;
    }
    if (lookupField(name)?.field === 'name') { nonData.header++; continue; }
    const dataCells = mapped.filter((c) => cellText(row[c.col]) !== '');
    if (!name) {
      if (dataCells.length === 0) { nonData.blank++; continue; } // a pre-numbered empty template row
      rejected++;
      issues.push(at('missing-name', `第${r + 1}行缺少项目名称，该行未计入（已填：${dataCells.slice(0, 3).map((c) => FIELD_SPEC.get(c.field)!.header).join('、')}）`, r, nameCol.col));
      continue;
    }
    const rowUnitCol = col.get('unit');
    let rowUnit = unit;
    if (rowUnitCol && cellText(row[rowUnitCol.col])) {
      const named = cellText(row[rowUnitCol.col]);
      rowUnit = ctx.units.exact(named) ?? ctx.units.within(named) ?? null;
      if (!rowUnit) {
        rejected++;
        issues.push(at('unknown-unit', `单位“${named}”不在单位名册中，该行未计入`, r, rowUnitCol.col, { project: name }));
        continue;
      }
    }
    if (!rowUnit) {
      rejected++;
      issues.push(at('unknown-unit', `无法确定该行属于哪个单位（填报单位、工作表名和文件名都未能识别），该行未计入`, r, nameCol.col, { project: name }));
      continue;
    }
    const p = toProject(row, r, col, rowUnit, ctx.file, sheet.name, issues, at);
    if (!col.has('projectType') && sectionType) p.projectType = sectionType;
    projects.push(p);
  }
  return { sheet: sheet.name, header, unit, unitSource: source, projects, rowsRead: sheet.rows.length, rejected, nonData, issues };
}

/** What an issue about a row names besides its cell: the unit and the project. */
interface RowAbout { unit?: string; project?: IssueProject | string }
type IssueFn = (kind: IssueKind, message: string, r: number, c: number | null, about?: RowAbout) => Issue;

function toProject(row: readonly CellValue[], r: number, col: Map<Field, Column>, unit: Unit, file: string, sheet: string, issues: Issue[], at: IssueFn): Project {
  const name = cellText(row[col.get('name')!.col]);
  const code = col.has('code') ? cellText(row[col.get('code')!.col]) || null : null;
  // Issues name the project as the unit wrote it, with its code where there is one.
  const projectRef = { project: { name: name.replace(/\s+/g, ' '), code } };
  const invalid: string[] = [];
  const text = (f: Field): string | null => {
    const c = col.get(f);
    if (!c) return null;
    const t = cellText(row[c.col]).replace(/\s+/g, ' ');
    return t === '' ? null : t;
  };
  const amount = (f: Field): number | null => {
    const c = col.get(f);
    if (!c) return null;
    const raw = row[c.col] ?? null;
    const spec = FIELD_SPEC.get(f)!;
    const input = spec.kind === 'number' && typeof raw === 'string' ? raw.replace(/(万美元|美元|亩)\s*$/, '') : raw;
    const res = parseAmount(input, spec.kind === 'amount' ? c.scale : 1);
    if (!res.ok) {
      issues.push(at('not-a-number', `“${c.header}”${res.reason}，该值未计入`, r, c.col, { unit: unit.code, ...projectRef }));
      invalid.push(f);
      return null;
    }
    if (res.value !== null && res.value < 0) {
      issues.push(at('negative-amount', `“${c.header}”为负数（${raw}），该值未计入`, r, c.col, { unit: unit.code, ...projectRef }));
      invalid.push(f);
      return null;
    }
    return res.value;
  };
  const date = (f: Field): string | null => {
    const c = col.get(f);
    if (!c) return null;
    const res = parseDate(row[c.col] ?? null);
    if (!res.ok) {
      issues.push(at('bad-date', `“${c.header}”${res.reason}`, r, c.col, { unit: unit.code, ...projectRef }));
      return null;
    }
    return res.value;
  };
  const stageText = text('stage');
  const stage = stageText ? parseStage(stageText) : null;
  if (stageText && !stage) {
    const c = col.get('stage')!;
    issues.push(at('unknown-stage', `项目阶段“${stageText}”无法识别（应为 在谈/签约/开工/投产），该项目按已签约计`, r, c.col, { unit: unit.code, ...projectRef }));
  }
  const typeText = text('projectType');
  const projectType = typeText ? parseProjectType(typeText) : null;
  if (typeText && !projectType) {
    const c = col.get('projectType')!;
    issues.push(at('unknown-type', `项目类型“${typeText}”无法识别（应为 新建/续建）`, r, c.col, { unit: unit.code, ...projectRef }));
  }
  const industry = text('industry');
  const project: Project = {
    unit: unit.code,
    code,
    name: name.replace(/\s+/g, ' '),
    investor: text('investor'),
    investorOrigin: text('investorOrigin'),
    industry: industry ? normaliseIndustry(industry) : null,
    chain: text('chain'),
    link: text('link'),
    projectType,
    stage,
    totalInvestment: amount('totalInvestment'),
    contractAmount: amount('contractAmount'),
    fundsInPlace: amount('fundsInPlace'),
    fundsThisMonth: amount('fundsThisMonth'),
    foreignCapital: amount('foreignCapital'),
    landArea: amount('landArea'),
    signDate: date('signDate'),
    startDate: date('startDate'),
    productionDate: date('productionDate'),
    remarks: text('remarks'),
    internal: { leader: text('leader'), contact: text('contact'), phone: text('phone'), filler: text('filler') },
    source: { file, sheet, row: r + 1, cell: a1(r, col.get('name')!.col) },
  };
  if (invalid.length > 0) project.invalid = invalid;
  return project;
}

export { UNIT_SCALE };
