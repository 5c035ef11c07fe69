/**
 * Blank return templates, one per unit: the canonical headers, 填报单位 filled in, a 填报说明 sheet
 * and drop-down lists for stage, type, industry, chain and link.
 *
 * SheetJS CE cannot write data validation. Rather than add a second spreadsheet library (and its
 * dependency tree) for one feature, the standard OOXML `<dataValidations>` element is written into
 * the sheet XML that SheetJS produced, through SheetJS's own zip container (CFB). The lists live on a
 * 选项 sheet and are referenced by range, so they are not limited to 255 characters.
 */
import * as XLSX from 'xlsx';
import type { SiteConfig } from '../model/config.ts';
import { FIELD_SPEC, type Field } from '../model/glossary.ts';
import type { Chain, Unit } from '../model/types.ts';
import { xmlEscape } from '../model/util.ts';
import { writeWorkbook } from './xlsx.ts';

/** Columns of the template, in order. */
export const TEMPLATE_FIELDS: readonly Field[] = [
  'seq', 'code', 'name', 'investor', 'investorOrigin', 'industry', 'chain', 'link', 'projectType', 'stage',
  'totalInvestment', 'contractAmount', 'fundsInPlace', 'fundsThisMonth', 'foreignCapital', 'landArea',
  'signDate', 'startDate', 'productionDate', 'leader', 'contact', 'phone', 'filler', 'remarks',
];

export const DEFAULT_INDUSTRIES = ['工业', '服务业', '农业', '文旅', '基础设施', '其他'];
const HEADER_ROW = 3; // 1-based: title, 填报单位 line, header
const DATA_ROWS = 1000;

const col = (i: number) => XLSX.utils.encode_col(i);
const esc = xmlEscape;

export interface TemplateOptions { config: SiteConfig; chains: readonly Chain[]; industries?: readonly string[] }

/** The template workbook of one unit, as bytes (deterministic). */
export function unitTemplate(unit: Unit, opts: TemplateOptions): Uint8Array {
  const { config, chains } = opts;
  const industries = opts.industries ?? DEFAULT_INDUSTRIES;
  const headers = TEMPLATE_FIELDS.map((f) => FIELD_SPEC.get(f)!.header);
  const ledger: (string | null)[][] = [
    [`${config.city}招商引资项目台账（  年1—  月累计）`],
    [`填报单位：${unit.name}（盖章）`, null, null, null, null, null, null, null, null, null, '单位：万元'],
    headers,
  ];
  const links = [...new Set(chains.flatMap((c) => c.links.map((l) => l.name)))];
  const lists: [string, string[]][] = [
    ['项目阶段', ['在谈', '签约', '开工', '投产']],
    ['项目类型', ['新建', '续建']],
    ['产业类别', [...industries]],
    ['所属产业链', chains.map((c) => c.name)],
    ['产业链环节', links],
  ];
  const height = Math.max(...lists.map(([, v]) => v.length));
  const options: (string | null)[][] = [lists.map(([h]) => h)];
  for (let r = 0; r < height; r++) options.push(lists.map(([, v]) => v[r] ?? null));

  const guide: string[][] = [
    ['填报说明'],
    [`1. 本表由${unit.name}填报，每月报送一次，填写1月1日至当月底的累计数。${config.reportingDeadline}`],
    ['2. 每个项目一行；项目编码一经确定，各月保持不变（没有编码的，项目名称和投资方请保持一致）。'],
    ['3. 金额单位为万元；实际到位外资单位为万美元，不要折算成人民币；用地面积单位为亩。'],
    ['4. 项目阶段：在谈（洽谈储备）、签约（已签约落地）、开工（开工建设）、投产（竣工投产）；在谈项目不计入项目个数和到位资金。'],
    ['5. 项目类型：新建为本年新引进项目，续建为以前年度结转的项目。'],
    ['6. 累计到位资金不应少于上月数，不应超过合同引资额；合同引资额不应超过总投资。'],
    ['7. 所属产业链和产业链环节请从下拉列表中选择；不属于重点产业链的项目可不填。'],
    ['8. 日期写作 2026-03-15；包保领导、联系人、联系电话、填报人仅供内部核对，不对外公开。'],
    ['9. 请勿修改表头、不要合并单元格；合计行可保留，系统会自动跳过。'],
  ];

  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(ledger);
  ws['!cols'] = headers.map((h) => ({ wch: Math.max(8, Math.min(24, h.length * 2 + 2)) }));
  ws['!merges'] = [XLSX.utils.decode_range(`A1:${col(headers.length - 1)}1`)];
  XLSX.utils.book_append_sheet(wb, ws, '项目台账');
  const g = XLSX.utils.aoa_to_sheet(guide);
  g['!cols'] = [{ wch: 100 }];
  XLSX.utils.book_append_sheet(wb, g, '填报说明');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(options), '选项');
  // No office configured: no author, rather than an empty or invented one.
  wb.Props = { Title: `${unit.name}招商引资项目台账`, ...(config.office ? { Author: config.office } : {}), CreatedDate: new Date(Date.UTC(2000, 0, 1)) };
  const bytes = writeWorkbook(wb);

  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + DATA_ROWS;
  const validations: string[] = [];
  lists.forEach(([header, values], i) => {
    const c = TEMPLATE_FIELDS.findIndex((f) => FIELD_SPEC.get(f)!.header === header || (header === '所属产业链' && f === 'chain') || (header === '产业链环节' && f === 'link'));
    if (c < 0 || values.length === 0) return;
    validations.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${esc(header)}" error="${esc(`请从下拉列表中选择${header}`)}" sqref="${col(c)}${first}:${col(c)}${last}"><formula1>'选项'!$${col(i)}$2:$${col(i)}$${values.length + 1}</formula1></dataValidation>`);
  });
  TEMPLATE_FIELDS.forEach((f, c) => {
    const kind = FIELD_SPEC.get(f)!.kind;
    if (kind === 'amount' || kind === 'number') {
      validations.push(`<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="金额" error="请填写不小于0的数字（单位见表头）" sqref="${col(c)}${first}:${col(c)}${last}"><formula1>0</formula1></dataValidation>`);
    }
  });
  return withDataValidations(bytes, 'xl/worksheets/sheet1.xml', validations);
}

/** Inserts `<dataValidations>` into a worksheet part, at the place the OOXML schema requires. */
export function withDataValidations(xlsx: Uint8Array, part: string, validations: string[]): Uint8Array {
  type Zip = { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
  const CFB = (XLSX as unknown as { CFB: { read(b: Uint8Array, o: object): Zip; write(z: Zip, o: object): Buffer; utils: { cfb_add(z: Zip, p: string, c: Uint8Array): void } } }).CFB;
  const zip = CFB.read(xlsx, { type: 'buffer' });
  const i = zip.FullPaths.findIndex((p) => p.endsWith(part));
  if (i < 0) throw new Error(`worksheet part not found: ${part}`);
  let xml = new TextDecoder().decode(zip.FileIndex[i]!.content);
  const block = `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`;
  // Schema order: … mergeCells, phoneticPr, conditionalFormatting, dataValidations, hyperlinks, printOptions, pageMargins …
  const before = /<(hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|drawing|legacyDrawing|tableParts|extLst)\b/.exec(xml);
  xml = before ? xml.slice(0, before.index) + block + xml.slice(before.index) : xml.replace('</worksheet>', `${block}</worksheet>`);
  CFB.utils.cfb_add(zip, `/${part}`, new TextEncoder().encode(xml));
  return new Uint8Array(CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }));
}

/** A file name for the unit's template: its name, made safe for every file system. */
export function templateFileName(unit: Unit): string {
  return `${unit.name.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}
