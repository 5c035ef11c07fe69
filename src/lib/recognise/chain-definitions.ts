/**
 * Industry-chain definitions (chains.xlsx | chains.csv) from the sheets of a workbook.
 *
 * Two layouts are read, on any number of sheets (docs/chains.md):
 * - one row per link: 产业链, 环节, 层级 and optionally 链长, 牵头部门, 环节说明, 招商目标企业,
 *   产业链编码 (the SPEC's minimal form is 产业链, 环节, 层级). Without a 产业链 column the sheet name
 *   names the chain (one sheet per chain). Blank or merged 产业链 / 层级 cells repeat the row above,
 *   as a grouped table reads.
 * - one row per chain: 产业链 with 上游, 中游, 下游 columns listing links separated by 、 or ；.
 * The same link on several rows is one link (target companies are merged), so a clerk may write
 * one target company per row.
 */
import { squash } from '../model/glossary.ts';
import type { CellValue, RawSheet } from '../read/workbook.ts';
import { a1, headerKey } from './header.ts';
import type { Chain, ChainLink, Issue } from '../model/types.ts';
import { issue as makeIssue, type IssueKind } from '../model/issues.ts';

/** Header words per column, after `headerKey` normalisation (brackets and units removed). */
const COLUMNS = {
  chain: ['产业链', '产业链名称', '链条', '所属产业链', '重点产业链'],
  link: ['环节', '产业链环节', '环节名称', '链条环节', '关键环节'],
  position: ['层级', '上中下游', '位置', '环节层级', '环节位置', '所处层级'],
  leader: ['链长'],
  department: ['牵头部门', '牵头单位', '链长办', '责任部门'],
  description: ['环节说明', '说明', '环节描述', '备注'],
  targets: ['招商目标企业', '目标企业', '重点招引企业', '招引目标企业', '目标招引企业'],
  code: ['产业链编码', '链编码', '编码', '产业链代码'],
} as const;
type Column = keyof typeof COLUMNS;

/** Wide layout: one column per position. */
const WIDE = { 上游: ['上游', '上游环节'], 中游: ['中游', '中游环节'], 下游: ['下游', '下游环节'] } as const;

/** Sheet names that are not chain names (a default or a title for the whole file). */
const GENERIC_SHEET = /^(sheet|工作表|表|chains?|产业链(定义|图谱|清单|环节)?)\d*$/i;

export interface ParsedChains { value: Chain[]; issues: Issue[] }

/** Separators between several companies or links in one cell. */
const LIST_SEPARATORS = /[;；、,，\n]+/;

/** Reads chain definitions from the sheets of one workbook; `file` names the issues' file. */
export function parseChainSheets(sheets: readonly RawSheet[], file: string): ParsedChains {
  const issues: Issue[] = [];
  const issue = (sheet: string | null, r: number | null, c: number | null, message: string, kind: IssueKind): void => {
    issues.push(makeIssue({ kind, message, at: { file, sheet, row: r === null ? null : r + 1, cell: r !== null && c !== null ? a1(r, c) : null } }));
  };
  const chains: Chain[] = [];
  /** Per chain: the code asked for and where, resolved into slugs at the end. */
  const wanted = new Map<Chain, { code: string; sheet: string; r: number; c: number } | null>();
  const linkRows = new Map<ChainLink, { sheet: string; r: number }>();
  const byKey = new Map<string, Chain>();

  const chainFor = (name: string): Chain => {
    const key = squash(name).replace(/产业链$/, '');
    let chain = byKey.get(key);
    if (!chain) {
      chain = { name, slug: '', leader: null, department: null, links: [] };
      byKey.set(key, chain);
      chains.push(chain);
      wanted.set(chain, null);
    }
    return chain;
  };

  const addLink = (chain: Chain, name: string, position: string, description: string | null, targets: string[], at: { sheet: string; r: number; c: number }): void => {
    const existing = chain.links.find((l) => squash(l.name) === squash(name));
    if (!existing) {
      const link: ChainLink = { name, position, description, targetCompanies: unique(targets) };
      chain.links.push(link);
      linkRows.set(link, at);
      return;
    }
    const first = linkRows.get(existing)!;
    if (existing.position !== position) {
      issue(at.sheet, at.r, at.c, `“${chain.name}”的环节“${name}”重复出现，层级（${position}）与第${first.r + 1}行（${existing.position}）不同，以第${first.r + 1}行为准`, 'bad-position');
    }
    existing.description ??= description;
    existing.targetCompanies = unique([...existing.targetCompanies, ...targets]);
  };

  let found = false;
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const header = findHeader(sheet);
    if (!header) continue;
    found = true;
    const { row: headerRow, cols, wide } = header;
    const cell = (r: number, c: number | undefined): string => (c === undefined ? '' : text(valueAt(sheet, r, c)));
    const get = (r: number, k: Column) => cell(r, cols.get(k));
    if (!cols.has('chain') && GENERIC_SHEET.test(squash(sheet.name))) {
      issue(sheet.name, headerRow, null, `工作表“${sheet.name}”有“环节”列但没有“产业链”列：请加上“产业链”列，或把工作表改名为产业链名称`, 'no-header');
      continue;
    }
    const takeChainFields = (chain: Chain, r: number): void => {
      chain.leader ??= get(r, 'leader') || null;
      chain.department ??= get(r, 'department') || null;
      const code = get(r, 'code');
      if (code && !wanted.get(chain)) wanted.set(chain, { code, sheet: sheet.name, r, c: cols.get('code')! });
    };
    let prevChain: string | null = cols.has('chain') ? null : squash(sheet.name);
    let prevPosition: string | null = null;
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const chainCell = cols.has('chain') ? squash(get(r, 'chain')) : '';
      if (wide) {
        if (!chainCell) continue;
        const chain = chainFor(chainCell);
        takeChainFields(chain, r);
        let any = false;
        for (const [position, c] of wide) {
          for (const name of cell(r, c).split(LIST_SEPARATORS).map((s) => squash(s)).filter(Boolean)) {
            addLink(chain, name, position, null, [], { sheet: sheet.name, r, c });
            any = true;
          }
        }
        if (!any) issue(sheet.name, r, cols.get('chain')!, `产业链“${chainCell}”没有列出任何环节`, 'registry-row');
        continue;
      }
      const linkName = squash(get(r, 'link'));
      if (!linkName) {
        // A row with only a chain name starts a group (or is a heading); nothing else to read.
        if (chainCell) { prevChain = chainCell; prevPosition = null; }
        continue;
      }
      const chainName = chainCell || prevChain;
      if (!chainName) {
        issue(sheet.name, r, cols.get('chain')!, `环节“${linkName}”没有填写所属产业链，未计入`, 'registry-row');
        continue;
      }
      if (chainName !== prevChain) prevPosition = null;
      prevChain = chainName;
      const chain = chainFor(chainName);
      takeChainFields(chain, r);
      const posCol = cols.get('position');
      const raw = squash(get(r, 'position'));
      let position: string;
      if (raw) {
        position = normalisePosition(raw);
        if (!/[上中下]/.test(raw)) issue(sheet.name, r, posCol!, `层级“${raw}”应为上游、中游或下游，已作为单独一列绘制`, 'bad-position');
      } else if (prevPosition) {
        position = prevPosition;
      } else {
        position = '中游';
        if (posCol !== undefined) issue(sheet.name, r, posCol, `环节“${linkName}”没有填写层级，按中游绘制`, 'bad-position');
      }
      prevPosition = position;
      const targets = get(r, 'targets').split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
      addLink(chain, linkName, position, get(r, 'description') || null, targets, { sheet: sheet.name, r, c: cols.get('link')! });
    }

  }
  if (!found) {
    issue(null, null, null, '产业链定义中没有找到“产业链、环节”表头（或“产业链、上游、中游、下游”表头）', 'no-header');
    return { value: [], issues };
  }
  assignSlugs(chains, wanted, issue);
  return { value: chains, issues };
}

/**
 * URL slugs: the 产业链编码 when it is a plain code and not taken, else `chain-N` (N = the chain's
 * place in the file). Two chains never share a page.
 */
function assignSlugs(
  chains: Chain[],
  wanted: Map<Chain, { code: string; sheet: string; r: number; c: number } | null>,
  issue: (sheet: string | null, r: number | null, c: number | null, message: string, kind: IssueKind) => void,
): void {
  const taken = new Set<string>();
  for (const chain of chains) {
    const w = wanted.get(chain);
    if (!w) continue;
    const code = w.code.replace(/[^A-Za-z0-9_-]/g, '');
    if (!code) {
      issue(w.sheet, w.r, w.c, `产业链编码“${w.code}”应由字母、数字组成（用于网址），已改用自动编号`, 'chain-code');
    } else if (taken.has(code.toLowerCase())) {
      issue(w.sheet, w.r, w.c, `产业链编码“${code}”重复，“${chain.name}”已改用自动编号`, 'chain-code');
    } else {
      chain.slug = code;
      taken.add(code.toLowerCase());
    }
  }
  chains.forEach((chain, i) => {
    if (chain.slug) return;
    let slug = `chain-${i + 1}`;
    for (let n = 2; taken.has(slug); n++) slug = `chain-${i + 1}-${n}`;
    chain.slug = slug;
    taken.add(slug);
  });
}

/** `产业链上游`, `上游环节`, `上` → 上游; text without 上/中/下 is kept (drawn as its own column). */
export function normalisePosition(raw: string): string {
  const pos = squash(raw);
  if (/上/.test(pos)) return '上游';
  if (/中/.test(pos)) return '中游';
  if (/下/.test(pos)) return '下游';
  return pos;
}

interface Header { row: number; cols: Map<Column, number>; wide: [string, number][] | null }

/** The first row (of the first 20) naming 环节 (long layout) or 产业链 with 上游/中游/下游 columns (wide). */
function findHeader(sheet: RawSheet): Header | null {
  for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
    const cols = new Map<Column, number>();
    const wide: [string, number][] = [];
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const key = headerKey(text(v));
      if (!key) return;
      for (const [name, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
        if (!cols.has(name) && aliases.includes(key)) { cols.set(name, c); return; }
      }
      for (const [position, aliases] of Object.entries(WIDE) as [string, readonly string[]][]) {
        if (aliases.includes(key) && !wide.some(([p]) => p === position)) wide.push([position, c]);
      }
    });
    if (cols.has('link')) return { row: r, cols, wide: null };
    if (cols.has('chain') && wide.length > 0) {
      wide.sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]));
      return { row: r, cols, wide };
    }
  }
  return null;
}

const ORDER = ['上游', '中游', '下游'];

/** A cell's value, or the value of the merged range it lies in (merges keep only the top-left value). */
function valueAt(sheet: RawSheet, r: number, c: number): CellValue | undefined {
  const v = sheet.rows[r]?.[c];
  if (v !== null && v !== undefined && v !== '') return v;
  const m = sheet.merges.find((x) => r >= x.s.r && r <= x.e.r && c >= x.s.c && c <= x.e.c);
  return m ? sheet.rows[m.s.r]?.[m.s.c] : v;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = squash(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
