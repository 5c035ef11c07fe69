/**
 * What the project ledger pages show. The city's ledger is cut into one page per unit (more for a
 * very long one; ledger-paging.ts says why and how), and `/<YYYY-MM>/projects/` is its index:
 *
 * - `ledgerIndex`: per group, each unit with its rows, counted projects and amounts and a link to
 *   its page(s), the group's and the city's totals, the downloads of the whole ledger (the CSV/XLSX
 *   keep every row and column), and the city-wide search (search.ts);
 * - `ledgerUnitPage`: one page of one unit's rows, with unit, chain and source, the text the
 *   page's search matches, and the links to the unit's other pages.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { GroupResult, Indicators, Project, UnitResult } from '../model/types.ts';
import { fileInMonth } from './files.ts';
import { ledgerPaging, type UnitLedger } from './ledger-paging.ts';
import { periodIndex, siteIndex } from './period-index.ts';
import { paths } from './routes.ts';
import { searchShards, searchText } from './search.ts';
import { missingShort } from './submission.ts';

export interface LedgerPageRow {
  project: Project;
  /** The row's anchor (`r12`: its position in the unit's ledger), which search results link to. */
  id: string;
  /** What the search box matches: views/search.ts. */
  search: string;
  /** `链/环节`, or —. */
  chain: string;
  /** `东山县.csv 台账 第5行`. */
  source: string;
}

/** A link to one page of a unit's ledger. */
export interface PageLink { page: number; path: string; current: boolean }

export interface LedgerUnitPage {
  code: string;
  /** The unit's registry name (the code for a code the registry lacks; the pipeline never makes one). */
  name: string;
  group: string | null;
  /** 1-based, of `pages.length`. */
  page: number;
  pages: PageLink[];
  /** Rows of the unit on all its pages; this page holds positions `first`…`first + rows.length - 1`. */
  total: number;
  first: number;
  rows: LedgerPageRow[];
  /** 未报送 / 文件无法读取 for a unit without a return, else null. */
  missing: string | null;
  /** Internal builds add 包保领导, 联系人 and 联系电话 columns. */
  internal: boolean;
}

export interface LedgerIndexUnit {
  code: string;
  name: string;
  /** All ledger rows (在谈 included), as on the unit's pages. */
  rows: number;
  /** The unit's pages: the first is the unit's link, the others are listed when there are several. */
  pages: string[];
  /** Counted figures as in the bulletin; null for a unit without a return. */
  figures: Pick<Indicators, 'projects' | 'reserveProjects' | 'contractAmount' | 'fundsInPlace'> | null;
  missing: string | null;
}

export interface LedgerIndexGroup {
  name: string;
  units: LedgerIndexUnit[];
  rows: number;
  total: Pick<Indicators, 'projects' | 'reserveProjects' | 'contractAmount' | 'fundsInPlace'>;
}

export interface LedgerIndex {
  groups: LedgerIndexGroup[];
  /** Every row of the period's ledger. */
  rows: number;
  total: Pick<Indicators, 'projects' | 'reserveProjects' | 'contractAmount' | 'fundsInPlace'>;
  /** The city-wide search index's script files (search.ts), in order. */
  searchIndex: string[];
}

const figuresOf = (x: Indicators) => ({ projects: x.projects, reserveProjects: x.reserveProjects, contractAmount: x.contractAmount, fundsInPlace: x.fundsInPlace });

function indexUnit(p: PeriodModel, u: UnitLedger, result: UnitResult | undefined, name: string): LedgerIndexUnit {
  return {
    code: u.code,
    name,
    rows: u.rows,
    pages: u.pages.map((s) => paths.ledger(p.period, u.code, s.page)),
    figures: result && !result.submitted ? null : result ? figuresOf(result) : null,
    missing: result && !result.submitted ? missingShort(result) : null,
  };
}

/** The index page of period `p`: groups in the period's order, units in registry order. */
export function ledgerIndex(model: SiteModel, p: PeriodModel): LedgerIndex {
  const { unitName } = siteIndex(model);
  const { unitByCode, groupByName } = periodIndex(p);
  const paging = ledgerPaging(p);
  const byGroup = new Map<string, LedgerIndexUnit[]>();
  for (const u of paging.units) {
    const result = unitByCode.get(u.code);
    // A code the period has no unit for (the pipeline never makes one) still gets its pages listed.
    const group = result?.group ?? '其他';
    byGroup.set(group, [...(byGroup.get(group) ?? []), indexUnit(p, u, result, result?.name ?? unitName.get(u.code) ?? u.code)]);
  }
  const names = [...p.groups.map((g) => g.name), ...[...byGroup.keys()].filter((g) => !groupByName.has(g))];
  const groups = names.filter((g) => byGroup.has(g)).map((name): LedgerIndexGroup => {
    const units = byGroup.get(name)!;
    const g: GroupResult | undefined = groupByName.get(name);
    return {
      name,
      units,
      rows: units.reduce((n, u) => n + u.rows, 0),
      total: g ? figuresOf(g) : units.reduce((t, u) => (u.figures ? { projects: t.projects + u.figures.projects, reserveProjects: t.reserveProjects + u.figures.reserveProjects, contractAmount: t.contractAmount + u.figures.contractAmount, fundsInPlace: t.fundsInPlace + u.figures.fundsInPlace } : t), { projects: 0, reserveProjects: 0, contractAmount: 0, fundsInPlace: 0 }),
    };
  });
  return {
    groups,
    rows: p.projects.length,
    total: figuresOf(p.totals),
    searchIndex: searchShards(p).map((s) => paths.searchShard(p.period, s.n)),
  };
}

/**
 * Page `page` of unit `code`'s ledger in period `p`, rows in ledger order. Null for a page that
 * is not built (the routes only ask for pages that are).
 */
export function ledgerUnitPage(model: SiteModel, p: PeriodModel, code: string, page = 1): LedgerUnitPage | null {
  const u = ledgerPaging(p).byCode.get(code);
  const slice = u?.pages[page - 1];
  if (!u || !slice) return null;
  const { unitName } = siteIndex(model);
  const result = periodIndex(p).unitByCode.get(code);
  const name = result?.name ?? unitName.get(code) ?? code;
  return {
    code,
    name,
    group: result?.group ?? null,
    page,
    pages: u.pages.map((s) => ({ page: s.page, path: paths.ledger(p.period, code, s.page), current: s.page === page })),
    total: u.rows,
    first: slice.first,
    rows: slice.rows.map((x, i) => ({
      project: x,
      id: `r${slice.first + i}`,
      search: searchText(x, name),
      chain: x.chain ? `${x.chain}${x.link ? `/${x.link}` : ''}` : '—',
      source: `${fileInMonth(x.source.file)} ${x.source.sheet} 第${x.source.row}行`,
    })),
    missing: result && !result.submitted ? missingShort(result) : null,
    internal: model.audience === 'internal',
  };
}
