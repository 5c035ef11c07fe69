/**
 * The bulletin as an official document (公文): `data/<period>/bulletin.docx`, editable in Word or WPS,
 * laid out per GB/T 9704-2012 (docs/bulletin-docx.md has the values and where each comes from).
 *
 * Two steps, both pure:
 * - `bulletinDocContent` gathers what the document says from the same views as the bulletin page
 *   (views/bulletin.ts: the drafted text, rankings, 红黑榜, key projects, issue status) and the office's
 *   settings, as plain data. It is also what decides whether a cached document can be reused.
 * - `bulletinDocument` lays that out as a docx `Document` (版头, title, 主送, text, 附件说明, 署名,
 *   附件 pages, 版记); `bulletinPatches` gives the same parts as patches for an office's own template.
 * Packing to bytes is asynchronous and belongs to src/io/bulletin-doc.ts.
 */
import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, Header, LineRuleType, HeightRule, PageNumber, PageOrientation,
  Paragraph, PatchType, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType, type FileChild, type IPatch, type ISectionOptions, type ParagraphChild,
} from 'docx';
import type { BulletinInputs } from '../model/bulletin-settings.ts';
import { dateText, periodMonth, periodRange, pointsShort, pct, rankChangeText, yiNumber } from '../model/format.ts';
import { parsePeriod } from '../model/period.ts';
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Light } from '../model/types.ts';
import { bulletinView } from '../views/bulletin.ts';
import { missingShort } from '../views/submission.ts';

// ---------------------------------------------------------------------------------------------
// GB/T 9704-2012 in Word units (twips: 1/20 pt; 1 mm = 56.69 twips)

export const PAGE = {
  /** A4 portrait. */
  width: 11906, height: 16838,
  /** 天头 37 mm, 订口 28 mm; right and bottom make the 版心 156 × 225 mm. */
  top: 2098, left: 1587, right: 1474, bottom: 1984,
  /** 22 lines in the 225 mm block: 225 / 22 = 10.23 mm; Word writes 579 (28.95 pt). */
  linePitch: 579,
  charsPerLine: 28,
  /** Page number 7 mm below the 版心: its line (14 pt ≈ 4.9 mm) ends 35 − 7 − 4.9 ≈ 23 mm above the paper's edge. */
  footer: 1304,
  header: 851,
} as const;

/** Width and height of the 版心 in twips (156 × 225 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;
/** Grid character pitch: 28 characters across the 版心. */
export const CHAR = TEXT_WIDTH / PAGE.charsPerLine;
/**
 * `w:charSpace` for 28 characters of 3号 (16 pt) a line: (pitch − 16 pt) in 1/4096 pt, rounded down so
 * that 28 always fit (Word's own dialog gives the same figure for these margins).
 */
export const CHAR_SPACE = Math.floor((CHAR / 20 - 16) * 4096);

/** Font names as Word and WPS on government PCs know them; set as `w:eastAsia` (GONGWEN.md: never embedded). */
export const FONTS = { body: '仿宋_GB2312', heading: '黑体', subheading: '楷体_GB2312', title: '方正小标宋简体', number: '宋体', latin: 'Times New Roman' } as const;
/** Sizes in half-points, as OOXML writes them: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE = { title: 44, body: 32, small: 28, table: 24 } as const;
const RED = 'FF0000';

/**
 * Paragraph styles of the built-in layout (word/styles.xml, `bulletinStylesXml`).
 *
 * The sections carry the standard's grid (22 lines × 28 characters, `linesAndChars`), so text the
 * clerk types into a plain paragraph follows it in Word. The generated paragraphs are set free of the
 * grid (`w:snapToGrid` off in these styles) and keep 22 × 28 by themselves: exact 28.95 pt lines, and
 * 3号 characters 0.3 pt tighter (15.7 pt, 28 to the 442 pt line). On the grid, a character wider than
 * a cell takes two cells: a 16 pt character in the 15.8 pt cell does in LibreOffice (Word shrinks it
 * by the grid's charSpace instead), and a title's 22 pt character does in both.
 */
export const STYLE = { text: 'GwText', body: 'GwBody', title: 'GwTitle', free: 'GwFree', table: 'GwTable', tableHead: 'GwTableHead' } as const;

const xmlAttr = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const fontsXml = (eastAsia: string) => `<w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:eastAsia="${xmlAttr(eastAsia)}" w:cs="${FONTS.latin}"/>`;

/** word/styles.xml: 3号仿宋 with exact 28.95 pt lines, as the defaults and on Normal (LibreOffice sizes the grid from Normal). */
export function bulletinStylesXml(): string {
  const line = `<w:spacing w:before="0" w:after="0" w:line="${PAGE.linePitch}" w:lineRule="exact"/>`;
  const body = `${fontsXml(FONTS.body)}<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/>`;
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${body}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${line}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${line}<w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${fontsXml(FONTS.body)}<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.text}"><w:name w:val="公文文字"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.body}"><w:name w:val="公文正文"/><w:basedOn w:val="${STYLE.text}"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="${Math.round(2 * CHAR)}"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.title}"><w:name w:val="公文标题"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr>${fontsXml(FONTS.title)}<w:spacing w:val="0"/><w:sz w:val="${SIZE.title}"/><w:szCs w:val="${SIZE.title}"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.free}"><w:name w:val="表格及其他（不对齐网格）"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:spacing w:val="0"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.table}"><w:name w:val="表格文字"/><w:basedOn w:val="${STYLE.free}"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="${SIZE.table}"/><w:szCs w:val="${SIZE.table}"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE.tableHead}"><w:name w:val="表头"/><w:basedOn w:val="${STYLE.table}"/><w:qFormat/><w:rPr>${fontsXml(FONTS.heading)}</w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>';
}

// ---------------------------------------------------------------------------------------------
// What the document says

export interface DocColumn { header: string; align: 'left' | 'center' | 'right'; /** Long text that may wrap (project names). */ wrap?: boolean }
export interface DocCell { text: string; fill?: string | null }
export interface DocRow { cells: DocCell[]; total?: boolean }
export interface DocTable { columns: DocColumn[]; rows: DocRow[] }
export type DocBlock =
  | { kind: 'text'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'table'; table: DocTable };
export interface DocAttachment { title: string; blocks: DocBlock[] }

export interface BulletinDocContent {
  period: string;
  /** 发文机关标志, red on the masthead. */
  masthead: string;
  /** The 文号 line: `示招商通〔2026〕4号`, `…（更正）`, or `草稿（未签发）`. */
  numberLine: string;
  draft: boolean;
  title: string;
  titleLines: string[];
  recipients: string;
  /** Opening paragraphs: the 更正说明 of a revised bulletin, then `现将…通报如下：`. */
  lead: string[];
  sections: { heading: string; paragraphs: string[] }[];
  attachments: DocAttachment[];
  signature: string;
  /** 成文日期 (`2026年5月10日`; a draft leaves month and day blank). */
  date: string;
  copyTo: string[];
  printer: string;
  /** 印发日期 in the 版记: `2026年5月10日印发`. */
  printed: string;
  /** The document's creation date in its properties (ISO): the 成文日期, or the day after the period for a draft; never the clock. */
  created: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n: number) => (n <= 10 ? NUMERALS[n - 1]! : n < 20 ? `十${NUMERALS[n - 11]}` : String(n));

/** Used when the office keeps no 下步工作要求 text: the conventional requirements of such a bulletin. */
export function defaultNextSteps(reportingDeadline: string): string[] {
  return [
    '（一）紧盯目标任务。各单位要对照年度目标任务和序时进度，认真分析差距和原因，落后序时进度的单位要制定针对性措施，确保按期完成全年任务。',
    '（二）加快项目落地。要加强对签约项目的跟踪服务，推动签约项目早开工、开工项目早投产，提高资金到位率。',
    `（三）提高数据质量。各单位要按时、准确报送项目台账，对数据核查发现的问题及时核实更正。${reportingDeadline}`,
  ];
}

const LIGHT_FILL: Record<Light, string> = { green: 'E2EFDA', yellow: 'FFF2CC', red: 'F8CBAD' };

/**
 * Everything the document of period `p` says, from the bulletin page's view (so its sentences and
 * figures are the page's) and the office's settings. Plain data: it keys the cache of documents.
 */
export function bulletinDocContent(model: SiteModel, p: PeriodModel, inputs: BulletinInputs): BulletinDocContent {
  const v = bulletinView(model, p);
  const { config } = model;
  const s = inputs.settings;
  const range = periodRange(p.period);
  const status = v.status;
  const issued = p.issued;
  // No office is invented (config.ts): without one the 署名 and 印发机关 are left for the clerk to fill in.
  const office = config.office;

  const numberLine = !issued
    ? '草稿（未签发）'
    : `${issued.number ?? ''}${issued.version > 1 ? `（更正，第${issued.version}版）` : ''}` || '';
  const lead: string[] = [];
  if (status.revised) {
    const first = p.versions[0];
    const reason = p.versions.at(-1)?.reason;
    const earlier = first ? `此前印发的第1版（${[first.number, dateText(first.date)].filter(Boolean).join('，')}）作废，以本版为准。` : '以本版为准。';
    lead.push(`本通报为更正版（第${issued!.version}版）${reason ? `，更正事项：${reason}` : ''}。${earlier}`);
  }
  const about = /^关于(.+)的通报$/.exec(p.draft.title)?.[1];
  lead.push(about ? `现将${about}通报如下：` : '现将有关情况通报如下：');

  const sections = p.draft.sections.map((x) => ({ heading: x.heading, paragraphs: [...x.paragraphs] }));
  const steps = inputs.nextStepsByPeriod[p.period] ?? inputs.nextSteps ?? defaultNextSteps(config.reportingDeadline);
  sections.push({ heading: `${numeral(sections.length + 1)}、下步工作要求`, paragraphs: steps });

  const attachments: DocAttachment[] = [];
  // 附件1: the ranking table of each group, as RankingTable.astro shows it.
  const rankingBlocks: DocBlock[] = [];
  v.rankings.forEach((r, i) => {
    rankingBlocks.push({ kind: 'caption', text: `（${numeral(i + 1)}）${r.group.name}` });
    const rows: DocRow[] = r.units.map((u) => ({
      cells: [
        { text: u.rank === null ? '—' : String(u.rank) },
        { text: u.name },
        { text: u.submitted ? yiNumber(u.fundsInPlace) : '—' },
        { text: yiNumber(u.fundsTarget) },
        { text: u.submitted ? pct(u.fundsCompletion) : missingShort(u) },
        { text: pointsShort(u.aheadPoints) },
        { text: u.lightLabel, fill: u.light ? LIGHT_FILL[u.light] : null },
        { text: rankChangeText(u.rankChange).symbol },
      ],
    }));
    const g = r.group;
    rows.push({ total: true, cells: [{ text: '' }, { text: `${g.name}合计` }, { text: yiNumber(g.fundsInPlace) }, { text: yiNumber(g.fundsTarget) }, { text: pct(g.fundsCompletion) }, { text: pointsShort(g.aheadPoints) }, { text: '' }, { text: '' }] });
    rankingBlocks.push({ kind: 'table', table: { columns: RANKING_COLUMNS, rows } });
  });
  rankingBlocks.push({ kind: 'note', text: `说明：金额单位为亿元；完成率＝到位资金÷年度目标；序时进度${pct(p.timeProgress)}（${p.month}÷12）；超/欠序时进度单位为百分点；“升降”为与上月相比的名次变化（↑上升，↓下降，→持平）。亮灯：落后序时进度不到${config.lights.yellowBehind}个百分点为绿灯，${config.lights.yellowBehind}至${config.lights.redBehind}个百分点为黄灯，${config.lights.redBehind}个百分点以上为红灯。${v.reporting}。` });
  attachments.push({ title: `${range}各单位招商引资完成情况排名表`, blocks: rankingBlocks });

  // 附件2: 红黑榜, as RedBlack.astro shows it.
  const redBlack: DocBlock[] = [{ kind: 'text', text: '各组按完成率排名，前列单位上红榜，落后序时进度的末位单位上黑榜，未报送单位列入黑榜。' }];
  if (v.redBlack.length === 0) redBlack.push({ kind: 'text', text: '本期各组均无单位列入红黑榜。' });
  else {
    const listed = (list: typeof v.redBlack[number]['red'], none: string) => (list.length === 0 ? none : list.map((u, i) => `${i + 1}. ${u.name}（${u.lightLabel}）：${u.detail}`).join('\n'));
    redBlack.push({
      kind: 'table',
      table: {
        columns: [{ header: '分组', align: 'center' }, { header: '红榜（走在前列）', align: 'left', wrap: true }, { header: '黑榜（进度滞后）', align: 'left', wrap: true }],
        rows: v.redBlack.map((g) => ({ cells: [{ text: g.group }, { text: listed(g.red, '无') }, { text: listed(g.black, '无（均达到序时进度）') }] })),
      },
    });
  }
  attachments.push({ title: `${range}招商引资红黑榜`, blocks: redBlack });

  // 附件3: key projects, as KeyProjects.astro shows them; left out in a month without any.
  const k = v.keyProjects;
  if (k.total > 0) {
    const internal = model.audience === 'internal' && k.shown.some((x) => x.project.internal.leader);
    const columns: DocColumn[] = [
      { header: '状态', align: 'center' }, { header: '项目名称', align: 'left', wrap: true }, { header: '单位', align: 'left', wrap: true },
      { header: '产业类别', align: 'center' }, { header: '总投资', align: 'right' }, { header: '累计到位', align: 'right' }, { header: '阶段', align: 'center' },
      // 包保领导 is internal (stripInternal empties it in a public build); shown only to an internal audience.
      ...(internal ? [{ header: '包保领导', align: 'center' } as const] : []),
    ];
    const blocks: DocBlock[] = [
      { kind: 'text', text: `${periodMonth(p.period)}新增亿元以上项目${k.total}个：新引进${k.counts.新引进}个，新开工${k.counts.新开工}个，新投产${k.counts.新投产}个。${k.basis === 'ledger' ? '（与上月台账比较得出）' : '（无上月台账，按签约、开工、投产日期判断）'}` },
      {
        kind: 'table',
        table: {
          columns,
          rows: k.shown.map((x) => ({
            cells: [
              { text: x.status }, { text: x.project.name }, { text: x.unitName }, { text: x.project.industry ?? '—' },
              { text: yiNumber(x.project.totalInvestment ?? x.project.contractAmount) }, { text: yiNumber(x.project.fundsInPlace) }, { text: x.project.stage ?? '—' },
              ...(internal ? [{ text: x.project.internal.leader ?? '—' }] : []),
            ],
          })),
        },
      },
      { kind: 'note', text: `说明：金额单位为亿元；总投资未填写的按合同引资额。${k.more > 0 ? `另有${k.more}个，见项目台账。` : ''}` },
    ];
    attachments.push({ title: `${periodMonth(p.period)}新增亿元以上重点项目`, blocks });
  }

  const { year, month } = parsePeriod(p.period);
  const draftYear = month === 12 ? year + 1 : year;
  const date = issued ? dateText(issued.date) : `${draftYear}年　月　日`;
  return {
    period: p.period,
    masthead: s.masthead ?? (office ? `${office}文件` : `${config.city}招商引资工作通报`),
    numberLine,
    draft: !issued,
    title: p.draft.title,
    titleLines: titleLines(p.draft.title),
    recipients: withColon(s.recipients ?? `各${model.groups.join('、')}`),
    lead,
    sections,
    attachments,
    signature: s.signature ?? office,
    date,
    copyTo: s.copyTo,
    printer: s.printer ?? office,
    printed: `${date}印发`,
    created: issued ? issued.date : `${draftYear}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`,
  };
}

const RANKING_COLUMNS: DocColumn[] = [
  { header: '排名', align: 'center' }, { header: '单位', align: 'left', wrap: true }, { header: '到位资金', align: 'right' }, { header: '年度目标', align: 'right' },
  { header: '完成率', align: 'right' }, { header: '超/欠序时进度', align: 'right' }, { header: '亮灯', align: 'center' }, { header: '升降', align: 'center' },
];

function withColon(s: string): string {
  return `${s.replace(/[:：]\s*$/, '')}：`;
}

// ---------------------------------------------------------------------------------------------
// Measuring text without the fonts: CJK characters take a full em, Latin letters and digits half.

/** Width of `text` in ems of its font size. */
export function ems(text: string): number {
  let w = 0;
  // % is nearly a full em in Times New Roman; counted as one so that 108.3% never wraps.
  for (const ch of text) w += ch === '%' ? 1 : /[\u0000-\u00ff\u2013\u2212]/.test(ch) ? 0.5 : 1;
  return w;
}

/** Words a title should not be broken inside (GB/T 9704: 词意完整). */
const TITLE_WORDS = ['关于', '全市', '全省', '全区', '全县', '招商引资', '工作情况', '工作', '情况', '的通报', '通报', '项目'];

/**
 * The title in lines of at most 19 characters of 2号 (20 fit the 156 mm block at 22 pt; one is kept
 * spare for wider Latin digits): one line if it fits,
 * else two lines broken between words, the upper no longer than the lower (正梯形) and as even as can be.
 */
export function titleLines(title: string, maxEms = Math.floor(TEXT_WIDTH / 20 / (SIZE.title / 2)) - 1): string[] {
  if (ems(title) <= maxEms) return [title];
  // Tokens: known words, runs of digits and Latin with the 年/月 they belong to, single characters.
  const tokens: string[] = [];
  for (let i = 0; i < title.length;) {
    const word = TITLE_WORDS.find((w) => title.startsWith(w, i));
    const digits = /^[0-9A-Za-z\-.－]+[年月]?(?:[0-9\-]+月)?/.exec(title.slice(i))?.[0];
    const t = word ?? digits ?? title[i]!;
    tokens.push(t);
    i += t.length;
  }
  let best: { cost: number; at: number } | null = null;
  for (let at = 1; at < tokens.length; at++) {
    const a = ems(tokens.slice(0, at).join(''));
    const b = ems(tokens.slice(at).join(''));
    if (a > maxEms || b > maxEms) continue;
    const cost = Math.abs(a - b) + (a > b ? 3 : 0) + (tokens[at - 1]!.length === 1 && tokens[at]!.length === 1 ? 2 : 0);
    if (!best || cost < best.cost) best = { cost, at };
  }
  if (!best) {
    // Too long for two lines: fill lines greedily by tokens.
    const lines: string[] = [];
    let line = '';
    for (const t of tokens) {
      if (line && ems(line + t) > maxEms) { lines.push(line); line = ''; }
      line += t;
    }
    return line ? [...lines, line] : lines;
  }
  return [tokens.slice(0, best.at).join(''), tokens.slice(best.at).join('')];
}

/**
 * Column widths (twips) of a table at 小四 across `width`, or across the page it needs: portrait when the
 * table fits the 156 mm 版心 with its wrapping columns (names) at eight characters, else landscape.
 * Room left over first lets the wrapping columns take their longest text on one line, then goes to all
 * columns alike.
 */
export function tableLayout(t: DocTable, width?: number): { widths: number[]; landscape: boolean } {
  const pt = SIZE.table / 2;
  const pad = 2 * CELL_MARGIN + 20;
  const twips = (e: number) => e * pt * 20 + pad;
  const longest = t.columns.map((_, i) => Math.max(0, ...t.rows.map((r) => Math.max(...(r.cells[i]?.text ?? '').split('\n').map(ems)))));
  // A header may take two lines.
  const head = t.columns.map((c) => (ems(c.header) > 4 ? Math.ceil(ems(c.header) / 2) : ems(c.header)));
  const least = t.columns.map((c, i) => twips(Math.max(head[i]!, c.wrap ? Math.min(longest[i]!, 8) : longest[i]!)));
  const natural = t.columns.map((_, i) => twips(Math.max(head[i]!, longest[i]!)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const landscape = width === undefined ? sum(least) > TEXT_WIDTH : width > TEXT_WIDTH;
  const room = width ?? (landscape ? TEXT_HEIGHT : TEXT_WIDTH);
  let widths: number[];
  if (sum(least) >= room) widths = least.map((n) => (n * room) / sum(least));
  else if (sum(natural) >= room) {
    // Wrapping columns share what is left in proportion to what they would need to take it on one line.
    const extra = room - sum(least);
    const need = sum(natural.map((n, i) => n - least[i]!));
    widths = least.map((n, i) => n + (extra * (natural[i]! - n)) / need);
  } else widths = natural.map((n) => n + (room - sum(natural)) / natural.length);
  widths = widths.map(Math.floor);
  widths[widths.length - 1]! += room - sum(widths);
  return { widths, landscape };
}

/**
 * The tables of one attachment laid out together: tables with the same columns (the ranking table of
 * each group) get the same widths, and the attachment is landscape if any of its tables needs it.
 */
export function attachmentLayout(a: DocAttachment, width?: number): { landscape: boolean; widthsOf: (t: DocTable) => number[] } {
  const tables = a.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const key = (t: DocTable) => t.columns.map((c) => c.header).join('\u0000');
  const merged = new Map<string, DocTable>();
  for (const t of tables) {
    const m = merged.get(key(t));
    merged.set(key(t), m ? { columns: m.columns, rows: [...m.rows, ...t.rows] } : t);
  }
  const landscape = width === undefined ? [...merged.values()].some((t) => tableLayout(t).landscape) : width > TEXT_WIDTH;
  const room = width ?? (landscape ? TEXT_HEIGHT : TEXT_WIDTH);
  const widths = new Map([...merged].map(([k, t]) => [k, tableLayout(t, room).widths]));
  return { landscape, widthsOf: (t) => widths.get(key(t))! };
}

// ---------------------------------------------------------------------------------------------
// Layout

const LINE = { line: PAGE.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const CELL_MARGIN = 40; // 0.7 mm: with 1 mm, 示例高新技术产业开发区 no longer fits the ranking table on one line

/**
 * A run of text, its East Asian font named explicitly (Word and WPS choose the face by `w:eastAsia`).
 * 3号 runs are 0.3 pt tighter, so that 28 characters fill a line (see STYLE).
 */
function run(text: string, font: string, size: number, extra: { color?: string; latin?: string } = {}): TextRun {
  const latin = extra.latin ?? FONTS.latin;
  const tight = size === SIZE.body ? { characterSpacing: -6 } : {};
  return new TextRun({ text, size, font: { ascii: latin, hAnsi: latin, eastAsia: font, cs: latin }, ...tight, ...(extra.color ? { color: extra.color } : {}) });
}

const blank = (keepNext = false) => new Paragraph({ style: STYLE.text, spacing: LINE, keepNext, children: [] });

/** A paragraph of the text: 3号仿宋, first line indented two characters, justified. */
function bodyParagraph(children: ParagraphChild[], keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.body, keepNext, children, alignment: AlignmentType.JUSTIFIED, spacing: LINE, indent: { firstLine: Math.round(2 * CHAR), firstLineChars: 200 } });
}

const HEADING = /^[一二三四五六七八九十]+、/;
const SUBHEADING = /^（[一二三四五六七八九十]+）/;

/**
 * One paragraph of text with the heading styles of a 公文: `一、…` in 黑体, `（一）…` in 楷体 up to its first
 * 。 (a 小标题 run into its paragraph), the rest 仿宋.
 */
function textParagraph(text: string, keepNext = false): Paragraph {
  const level = HEADING.test(text) ? FONTS.heading : SUBHEADING.test(text) ? FONTS.subheading : null;
  if (!level) return bodyParagraph([run(text, FONTS.body, SIZE.body)], keepNext);
  const stop = text.indexOf('。');
  const head = stop >= 0 ? text.slice(0, stop + 1) : text;
  const rest = stop >= 0 ? text.slice(stop + 1) : '';
  return bodyParagraph([run(head, level, SIZE.body), ...(rest ? [run(rest, FONTS.body, SIZE.body)] : [])], keepNext || !rest);
}

const centred = (children: ParagraphChild[]) => new Paragraph({ style: STYLE.title, children, alignment: AlignmentType.CENTER, spacing: LINE });

/** 版头: 发文机关标志 (red 小标宋, 35 mm below the 版心's top), 文号 two lines below, the red rule 4 mm under it. */
function masthead(c: BulletinDocContent): Paragraph[] {
  // As large as looks right (初号, 42 pt) but never wider than the 版心.
  const pt = Math.min(42, Math.floor((TEXT_WIDTH / 20) * 0.92 / Math.max(1, ems(c.masthead))));
  return [
    new Paragraph({
      style: STYLE.free, children: [run(c.masthead, FONTS.title, pt * 2, { color: RED })], alignment: AlignmentType.CENTER,
      spacing: { before: 1984, after: 0, line: Math.round(pt * 20 * 1.1), lineRule: LineRuleType.EXACT },
    }),
    blank(), blank(),
    new Paragraph({
      style: STYLE.text, children: [run(c.numberLine, FONTS.body, SIZE.body)], alignment: AlignmentType.CENTER, spacing: LINE,
      // 4 mm ≈ 11 pt between the 文号 and the rule, which spans the 版心.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
  ];
}

/** The title, 主送, text, 附件说明, 署名 and 成文日期: what the template's {{正文}} stands for, without the title. */
function bodyParts(c: BulletinDocContent): Paragraph[] {
  const out: Paragraph[] = [];
  for (const l of c.lead) out.push(textParagraph(l));
  // The last paragraph goes with the 附件说明, 署名 and date to their page: a page with only the
  // signature on it would be a page without text (GB/T 9704 7.3.5).
  c.sections.forEach((s, i) => {
    out.push(textParagraph(s.heading, true));
    s.paragraphs.forEach((para, j) => out.push(textParagraph(para, i === c.sections.length - 1 && j === s.paragraphs.length - 1)));
  });
  out.push(...attachmentNote(c));
  return out;
}

/**
 * 附件说明: one line below the text, two characters in, `附件：1.名称`; later items' numbers under the
 * first one's, a wrapped name under its first character; no closing punctuation.
 */
function attachmentNote(c: BulletinDocContent): Paragraph[] {
  if (c.attachments.length === 0) return [];
  const many = c.attachments.length > 1;
  const start = Math.round(2 * CHAR);
  const label = Math.round(3 * CHAR); // 附件：
  const num = many ? Math.round(1 * CHAR) : 0; // “1.” is two half-width characters
  return [blank(true), ...c.attachments.map((a, i) => new Paragraph({
    style: STYLE.text,
    alignment: AlignmentType.LEFT, spacing: LINE, keepNext: true,
    indent: { left: start + label + num, hanging: i === 0 ? label + num : num },
    children: [run(`${i === 0 ? '附件：' : ''}${many ? `${i + 1}.` : ''}${a.title}`, FONTS.body, SIZE.body)],
  }))];
}

/**
 * 署名 and 成文日期 of an unsealed document: the date two characters from the right, the 署名 above it
 * starting two characters left of the date's first character; a 署名 longer than that moves right until
 * it too ends two characters from the right, and the date follows it.
 */
function signature(c: BulletinDocContent): Paragraph[] {
  const s = ems(c.signature);
  const d = ems(c.date);
  const sigRight = s <= d + 2 ? d + 4 - s : 2;
  const dateRight = s <= d + 2 ? 2 : s - d;
  // keepNext: the 署名 never stands at the foot of a page without its date.
  const p = (text: string, right: number, keepNext: boolean) => new Paragraph({ style: STYLE.text, keepNext, alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: Math.round(right * CHAR) }, children: [run(text, FONTS.body, SIZE.body)] });
  return [blank(true), p(c.signature, sigRight, true), p(c.date, dateRight, false)];
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * How table text gets its font: from the styles of the built-in layout (表格文字, 表头 in word/styles.xml),
 * or, in an office's template that lacks them, on every run. Styles keep a 120-unit table light: a
 * cell is then a paragraph and its text, which is most of what packing a document costs.
 */
export type TableFonts = 'styles' | 'runs';

function cellParagraphs(text: string, align: DocColumn['align'], head: boolean, fonts: TableFonts): Paragraph[] {
  const alignment = align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const style = head ? STYLE.tableHead : STYLE.table;
  return text.split('\n').map((line) => fonts === 'styles'
    ? new Paragraph({ style, alignment, children: [new TextRun(line)] })
    : new Paragraph({ style, alignment, spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run(line, head ? FONTS.heading : FONTS.body, SIZE.table)] }));
}

/** A table at 小四: header row in 黑体 repeated on every page, rows kept whole, 合计 rows in 黑体. */
function docTable(t: DocTable, widths: number[], fonts: TableFonts): Table {
  const cell = (text: string, i: number, head: boolean, fill?: string | null, align?: DocColumn['align']) => new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: cellParagraphs(text, align ?? t.columns[i]!.align, head, fonts),
  });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, true, 'F2F2F2', 'center')) });
  const rows = t.rows.map((r) => new TableRow({
    cantSplit: true,
    children: r.cells.map((x, i) => cell(x.text, i, r.total === true, x.fill)),
  }));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 30, bottom: 30 },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [header, ...rows],
  });
}

/** An attachment's content: captions in 楷体, text and notes in 仿宋, tables. */
function blocks(list: readonly DocBlock[], widthsOf: (t: DocTable) => number[], fonts: TableFonts): FileChild[] {
  const out: FileChild[] = [];
  for (const b of list) {
    if (b.kind === 'text') out.push(textParagraph(b.text));
    else if (b.kind === 'caption') out.push(new Paragraph({ style: STYLE.text, spacing: LINE, keepNext: true, children: [run(b.text, FONTS.subheading, SIZE.body)] }));
    else if (b.kind === 'note') out.push(new Paragraph({ style: STYLE.free, alignment: AlignmentType.JUSTIFIED, spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 120, after: 0 }, children: [run(b.text, FONTS.body, SIZE.small)] }));
    else out.push(docTable(b.table, widthsOf(b.table), fonts));
  }
  return out;
}

/** `附件1` in 3号黑体 on the first line, the title centred on the third (2号小标宋), then the content. */
function attachmentHead(a: DocAttachment, n: number): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.text, spacing: LINE, children: [run(`附件${n}`, FONTS.heading, SIZE.body)] }),
    blank(),
    ...titleLines(a.title).map((l) => centred([run(l, FONTS.title, SIZE.title)])),
    blank(),
  ];
}

/** `— 1 —` in 4号 half-width 宋体, odd pages right and even pages left, one character in from the edge. */
function pageNumber(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [new Paragraph({
      style: STYLE.free,
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: 280 } : { left: 280 },
      spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small, snapToGrid: false, font: { ascii: FONTS.number, hAnsi: FONTS.number, eastAsia: FONTS.number, cs: FONTS.number } })],
    })],
  });
}

/** A draft says so at the top of every page, so that no printed page passes for the issued text. */
function draftHeader(): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.free, alignment: AlignmentType.RIGHT, children: [run('草稿（未签发）', FONTS.heading, SIZE.small, { color: RED })] })] });
}

/** Height of a 版记 row (26 pt: 4号 with room above and below). */
const COLOPHON_ROW = 520;

/**
 * 版记: 抄送, then 印发机关 and 印发日期, between rules as wide as the 版心 (0.35 mm outside, 0.25 mm
 * between), on its own last page with the last rule on the bottom of the 版心. A spacer of known height
 * puts it there: rows of exact height make the arithmetic hold in Word, WPS and LibreOffice alike
 * (section vertical alignment would too in Word, but LibreOffice 7 ignores it).
 */
function colophon(c: BulletinDocContent, height: number): FileChild[] {
  const heavy = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const light = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const para = (text: string, align: 'left' | 'right') => new Paragraph({
    style: STYLE.free,
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT, spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: align === 'left' ? { left: 280 } : { right: 280 }, children: [run(text, FONTS.body, SIZE.small)],
  });
  const half = Math.floor(TEXT_WIDTH / 2);
  const row = (cells: { text: string; align: 'left' | 'right'; span?: number }[], top: typeof heavy, bottom: typeof heavy) => new TableRow({
    cantSplit: true, height: { value: COLOPHON_ROW, rule: HeightRule.EXACT },
    children: cells.map((x) => new TableCell({
      width: { size: x.span === 2 ? TEXT_WIDTH : half, type: WidthType.DXA }, columnSpan: x.span ?? 1,
      borders: { top, bottom, left: none, right: none }, verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 0, right: 0, top: 0, bottom: 0 }, children: [para(x.text, x.align)],
    })),
  });
  const rows: TableRow[] = [];
  if (c.copyTo.length > 0) rows.push(row([{ text: `抄送：${c.copyTo.join('，')}。`, align: 'left', span: 2 }], heavy, light));
  rows.push(row([{ text: c.printer, align: 'left' }, { text: c.printed, align: 'right' }], rows.length > 0 ? light : heavy, heavy));
  // A document cannot end in a table: the paragraph after it is 1 pt high, so it never pushes onto a new page.
  const tail = 20;
  const slack = 80; // the rules' own width, and rounding in the applications
  const spacer = height - rows.length * COLOPHON_ROW - tail - slack;
  return [
    new Paragraph({ style: STYLE.free, spacing: { line: spacer, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [half, TEXT_WIDTH - half], layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }, rows,
    }),
    new Paragraph({ style: STYLE.free, spacing: { line: tail, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', FONTS.body, 2)] }),
  ];
}

/**
 * A section of the document. Only the first carries the page numbers (and a draft's header): later
 * sections inherit them (OOXML), so numbering simply continues and the package holds two footers, not two per section.
 */
function section(children: FileChild[], c: BulletinDocContent, opts: { landscape?: boolean; first?: boolean } = {}): ISectionOptions {
  const landscape = opts.landscape === true;
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        // A landscape page turns the portrait one: its binding edge (订口) goes to the top.
        margin: landscape
          ? { top: PAGE.left, right: PAGE.top, bottom: PAGE.right, left: PAGE.bottom, header: PAGE.header, footer: PAGE.footer }
          : { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: PAGE.header, footer: PAGE.footer },
      },
      grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: PAGE.linePitch, charSpace: CHAR_SPACE },
    },
    ...(opts.first ? { footers: { default: pageNumber('odd'), even: pageNumber('even') } } : {}),
    ...(opts.first && c.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
    children,
  };
}

/** The whole document in the built-in layout. */
export function bulletinDocument(c: BulletinDocContent): Document {
  const main: FileChild[] = [
    ...masthead(c),
    blank(), blank(),
    ...c.titleLines.map((l) => centred([run(l, FONTS.title, SIZE.title)])),
    blank(),
    new Paragraph({ style: STYLE.text, spacing: LINE, children: [run(c.recipients, FONTS.body, SIZE.body)] }),
    ...bodyParts(c),
    ...signature(c),
  ];
  const sections: ISectionOptions[] = [section(main, c, { first: true })];
  c.attachments.forEach((a, i) => {
    const { landscape, widthsOf } = attachmentLayout(a);
    sections.push(section([...attachmentHead(a, i + 1), ...blocks(a.blocks, widthsOf, 'styles')], c, { landscape }));
  });
  // The 版记 closes the document at the foot of its own last page (GB/T 9704: after the 附件).
  sections.push(section(colophon(c, TEXT_HEIGHT), c));
  return new Document({
    creator: c.printer,
    title: c.title,
    evenAndOddHeaderAndFooters: true,
    sections,
  });
}

/**
 * The parts of the document for an office's template (`bulletin-template.docx`, docs/bulletin-docx.md):
 * `{{文号}}` `{{标题}}` `{{主送机关}}` `{{署名}}` `{{成文日期}}` `{{抄送}}` `{{印发机关}}` `{{印发日期}}`
 * `{{发文机关标志}}` are replaced within their paragraph (keeping the template's formatting);
 * `{{正文}}` and `{{附件}}` stand alone in a paragraph and become the text (from the 更正说明 to the
 * 附件说明) and the 附件 pages. A template has one page size, so a wide table wraps instead of turning.
 */
export function bulletinPatches(c: BulletinDocContent): Record<string, IPatch> {
  const text = (t: string): IPatch => ({ type: PatchType.PARAGRAPH, children: [new TextRun(t)] });
  const attachments: FileChild[] = [];
  c.attachments.forEach((a, i) => {
    attachments.push(new Paragraph({ style: STYLE.text, pageBreakBefore: true, spacing: LINE, children: [run(`附件${i + 1}`, FONTS.heading, SIZE.body)] }));
    attachments.push(...attachmentHead(a, i + 1).slice(1));
    // A template has one page size: a table that would need a landscape page is set across the portrait 版心 and wraps.
    attachments.push(...blocks(a.blocks, attachmentLayout(a, TEXT_WIDTH).widthsOf, 'runs'));
  });

  return {
    发文机关标志: text(c.masthead),
    文号: text(c.numberLine),
    标题: text(c.title),
    主送机关: text(c.recipients),
    正文: { type: PatchType.DOCUMENT, children: bodyParts(c) },
    署名: text(c.signature),
    成文日期: text(c.date),
    附件: { type: PatchType.DOCUMENT, children: attachments },
    抄送: text(c.copyTo.length > 0 ? `抄送：${c.copyTo.join('，')}。` : ''),
    印发机关: text(c.printer),
    印发日期: text(c.printed),
  };
}

/** Placeholders a template may hold, for the docs and the check of a template. */
export const TEMPLATE_PLACEHOLDERS = ['发文机关标志', '文号', '标题', '主送机关', '正文', '署名', '成文日期', '附件', '抄送', '印发机关', '印发日期'] as const;
