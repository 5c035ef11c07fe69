/**
 * Blank return templates, one per unit: the canonical headers, 填报单位 filled in, a 填报说明 sheet
 * and drop-down lists for stage, type, industry, and (when chains.xlsx defines any) chain and link.
 *
 * SheetJS CE cannot write data validation, nor a cell style that is unlocked (its styles part has
 * number formats only; `ws['!protect']` it does write). Rather than add a second spreadsheet library
 * (and its dependency tree), the standard OOXML is written into the parts SheetJS produced, through
 * the workbook's zipped parts (patchParts in xlsx.ts): `<dataValidations>` in the sheet, an unlocked
 * cell format in styles.xml, and the input rows given that format. The lists live on a hidden 选项
 * sheet and are referenced by range, so they are not limited to 255 characters.
 *
 * The 环节 list depends on the 产业链 chosen in the same row: each chain's links are a column of 选项
 * named 链_1, 链_2, … (in the order of chains.xlsx), and the 环节 cell's list is
 * `INDIRECT("链_"&MATCH(<产业链 cell>,链_列表,0))`. Chain names themselves are never used as Excel
 * names: a name may not hold spaces, most symbols, or look like a cell (“A1”), and chains.xlsx says
 * nothing of that; the numbered names are always valid.
 */
import * as XLSX from 'xlsx';
import type { SiteConfig } from '../model/config.ts';
import { FIELD_SPEC, type Field } from '../model/glossary.ts';
import type { Chain, Unit } from '../model/types.ts';
import { xmlEscape } from '../model/util.ts';
import { patchParts, writeWorkbook } from './xlsx.ts';

/** Columns of the template, in order. */
export const TEMPLATE_FIELDS: readonly Field[] = [
  'seq', 'code', 'name', 'investor', 'investorOrigin', 'industry', 'chain', 'link', 'projectType', 'stage',
  'totalInvestment', 'contractAmount', 'fundsInPlace', 'fundsThisMonth', 'foreignCapital', 'landArea',
  'signDate', 'startDate', 'productionDate', 'leader', 'contact', 'phone', 'filler', 'remarks',
];

export const DEFAULT_INDUSTRIES = ['工业', '服务业', '农业', '文旅', '基础设施', '其他'];
const HEADER_ROW = 3; // 1-based: title, 填报单位 line, header
export const DATA_ROWS = 1000;
/** The defined name of the chains' names on 选项, and the prefix of each chain's links (链_1…). */
export const CHAIN_LIST_NAME = '链_列表';
export const chainLinksName = (i: number) => `链_${i + 1}`;

const col = (i: number) => XLSX.utils.encode_col(i);
const esc = xmlEscape;
const column = (f: Field) => TEMPLATE_FIELDS.indexOf(f);

export interface TemplateOptions { config: SiteConfig; chains: readonly Chain[]; industries?: readonly string[] }

/** The 填报说明 sheet's lines: only the drop-downs the template has are mentioned. */
export function templateGuide(unit: Unit, config: SiteConfig, hasChains: boolean): string[] {
  return [
    '填报说明',
    `1. 本表由${unit.name}填报，每月报送一次，填写1月1日至当月底的累计数。${config.reportingDeadline}`,
    '2. 每个项目一行；项目编码一经确定，各月保持不变（没有编码的，项目名称和投资方请保持一致）。',
    '3. 金额单位为万元；实际到位外资单位为万美元，不要折算成人民币；用地面积单位为亩。',
    '4. 项目阶段：在谈（洽谈储备）、签约（已签约落地）、开工（开工建设）、投产（竣工投产）；在谈项目不计入项目个数和到位资金。',
    '5. 项目类型：新建为本年新引进项目，续建为以前年度结转的项目。',
    '6. 累计到位资金不应少于上月数，不应超过合同引资额；合同引资额不应超过总投资。',
    hasChains
      ? '7. 产业类别、项目类型、项目阶段、所属产业链请从下拉列表中选择；先选所属产业链，产业链环节的下拉列表只列出该产业链的环节。不属于重点产业链的项目这两列可不填。'
      : '7. 产业类别、项目类型、项目阶段请从下拉列表中选择；本市暂未设置重点产业链，所属产业链和产业链环节两列可不填。',
    '8. 日期写作 2026-03-15；包保领导、联系人、联系电话、填报人仅供内部核对，不对外公开。',
    `9. 表头已保护（不设密码），请从第${HEADER_ROW + 1}行起逐行填写，不要修改表头、不要合并单元格；合计行可保留，系统会自动跳过。`,
  ];
}

/** The template workbook of one unit, as bytes (deterministic). */
export function unitTemplate(unit: Unit, opts: TemplateOptions): Uint8Array {
  const { config } = opts;
  const chains = opts.chains.filter((c) => c.name);
  const industries = opts.industries ?? DEFAULT_INDUSTRIES;
  const headers = TEMPLATE_FIELDS.map((f) => FIELD_SPEC.get(f)!.header);
  const ledger: (string | null)[][] = [
    [`${config.city}招商引资项目台账（  年1—  月累计）`],
    [`填报单位：${unit.name}（盖章）`, null, null, null, null, null, null, null, null, null, '单位：万元'],
    headers,
  ];
  // 选项: the plain lists first, then one column of links per chain (its header the chain's name).
  const lists: { header: string; values: string[]; field: Field | null }[] = [
    { header: '项目阶段', values: ['在谈', '签约', '开工', '投产'], field: 'stage' },
    { header: '项目类型', values: ['新建', '续建'], field: 'projectType' },
    { header: '产业类别', values: [...industries], field: 'industry' },
    ...(chains.length > 0 ? [{ header: '所属产业链', values: chains.map((c) => c.name), field: 'chain' as Field }] : []),
    ...chains.map((c) => ({ header: c.name, values: c.links.map((l) => l.name), field: null })),
  ];
  const height = Math.max(...lists.map((l) => l.values.length));
  const options: (string | null)[][] = [lists.map((l) => l.header)];
  for (let r = 0; r < height; r++) options.push(lists.map((l) => l.values[r] ?? null));

  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(ledger);
  ws['!cols'] = headers.map((h) => ({ wch: Math.max(8, Math.min(24, h.length * 2 + 2)) }));
  ws['!merges'] = [XLSX.utils.decode_range(`A1:${col(headers.length - 1)}1`)];
  // Protected without a password: the headers cannot be changed by accident (the reader finds the
  // columns by them); the input rows are unlocked below; columns and rows may still be resized,
  // and rows inserted or deleted among the input rows.
  ws['!protect'] = { formatColumns: false, formatRows: false, insertRows: false, deleteRows: false, sort: false, autoFilter: false };
  XLSX.utils.book_append_sheet(wb, ws, '项目台账');
  const g = XLSX.utils.aoa_to_sheet(templateGuide(unit, config, chains.length > 0).map((line) => [line]));
  g['!cols'] = [{ wch: 100 }];
  XLSX.utils.book_append_sheet(wb, g, '填报说明');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(options), '选项');
  const optionsRange = (i: number, n: number) => `'选项'!$${col(i)}$2:$${col(i)}$${Math.max(n, 1) + 1}`;
  const chainListAt = lists.findIndex((l) => l.field === 'chain');
  wb.Workbook = {
    // 选项 is hidden: units choose from it through the drop-downs, never edit it.
    Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }],
    Names: chains.length === 0 ? [] : [
      { Name: CHAIN_LIST_NAME, Ref: optionsRange(chainListAt, chains.length) },
      ...chains.map((c, i) => ({ Name: chainLinksName(i), Ref: optionsRange(chainListAt + 1 + i, c.links.length) })),
    ],
  };
  // No office configured: no author, rather than an empty or invented one.
  wb.Props = { Title: `${unit.name}招商引资项目台账`, ...(config.office ? { Author: config.office } : {}), CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  const bytes = writeWorkbook(wb);

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + DATA_ROWS;
  const rangeOf = (c: number) => `${col(c)}${first}:${col(c)}${last}`;
  const validations: string[] = [];
  const listRule = (header: string, c: number, formula: string, error = `请从下拉列表中选择${header}`) =>
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${esc(header)}" error="${esc(error)}" sqref="${rangeOf(c)}"><formula1>${esc(formula)}</formula1></dataValidation>`;
  lists.forEach((l, i) => {
    if (l.field === null || l.values.length === 0) return;
    validations.push(listRule(l.header, column(l.field), optionsRange(i, l.values.length)));
  });
  if (chains.length > 0) {
    // Relative to the first input row, as Excel reads a rule's formula for every cell of its range.
    const chainCell = `$${col(column('chain'))}${first}`;
    validations.push(listRule('产业链环节', column('link'), `INDIRECT("链_"&MATCH(${chainCell},${CHAIN_LIST_NAME},0))`, '请先选择所属产业链，再从下拉列表中选择该产业链的环节'));
  }
  TEMPLATE_FIELDS.forEach((f, c) => {
    const kind = FIELD_SPEC.get(f)!.kind;
    if (kind === 'amount' || kind === 'number') {
      validations.push(`<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="金额" error="请填写不小于0的数字（单位见表头）" sqref="${rangeOf(c)}"><formula1>0</formula1></dataValidation>`);
    }
  });
  // Two passes: the sheet names the unlocked format by its index, known once styles.xml is read.
  let unlocked = -1;
  const styled = patchParts(bytes, (part, xml) => {
    if (part !== 'xl/styles.xml') return xml;
    const m = /<cellXfs count="(\d+)">/.exec(xml);
    if (!m) throw new Error('styles.xml has no cellXfs');
    unlocked = Number(m[1]);
    return xml.replace(m[0], `<cellXfs count="${unlocked + 1}">`)
      .replace('</cellXfs>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs>');
  });
  if (unlocked < 0) throw new Error('template has no styles part');
  return patchParts(styled, (part, xml) => (part === 'xl/worksheets/sheet1.xml' ? inputRows(insertValidations(xml, validations), unlocked, first, last) : xml));
}

/**
 * Gives rows `first`…`last` the unlocked format as their row style (`<row s customFormat>`): the
 * empty cells of a row take its style, so the input rows stay editable on the protected sheet
 * without writing 24 000 empty cells (which a reader would then count as rows).
 */
function inputRows(xml: string, style: number, first: number, last: number): string {
  const rows: string[] = [];
  for (let r = first; r <= last; r++) rows.push(`<row r="${r}" s="${style}" customFormat="1"/>`);
  if (xml.includes('<sheetData/>')) return xml.replace('<sheetData/>', `<sheetData>${rows.join('')}</sheetData>`);
  return xml.replace('</sheetData>', `${rows.join('')}</sheetData>`);
}

/** Inserts `<dataValidations>` into a worksheet's XML, at the place the OOXML schema requires. */
function insertValidations(xml: string, validations: string[]): string {
  const block = `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`;
  // Schema order (CT_Worksheet): … mergeCells, phoneticPr, conditionalFormatting, dataValidations, then
  // every element below. SheetJS writes ignoredErrors, which Excel refuses before dataValidations.
  const before = /<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
  return before ? xml.slice(0, before.index) + block + xml.slice(before.index) : xml.replace('</worksheet>', `${block}</worksheet>`);
}

/** A file name for the unit's template: its name, made safe for every file system. */
export function templateFileName(unit: Unit): string {
  return `${unit.name.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}
