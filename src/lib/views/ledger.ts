/**
 * What the project ledger pages show. The city's ledger is cut into pages of a few units each,
 * group by group (ledger-paging.ts says why and how), and `/<YYYY-MM>/projects/` is its index:
 *
 * - `ledgerIndex`: per group, each unit with its rows, counted projects and amounts and a link to
 *   its section, the group's and the city's totals, the downloads of the whole ledger (the CSV/XLSX
 *   keep every row and column), and the city-wide search (search.ts);
 * - `ledgerPage`: one page: a section per unit (or part of a long unit), each row with chain and
 *   source, an anchor the search links to, and the text the page's filter matches.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Indicators, Project, UnitResult } from '../model/types.ts';
import { fileInMonth } from './files.ts';
import { ledgerPaging, OTHER_GROUP, rowPlace } from './ledger-paging.ts';
import { periodIndex, siteIndex } from './period-index.ts';
import { anchors, paths } from './routes.ts';
import { searchShardCount, searchText } from './search.ts';
import { missingShort } from './submission.ts';

export interface LedgerPageRow {
  project: Project;
  /** The row's anchor (`r-A01-12`: unit and position in the unit's ledger), which search results link to. */
  id: string;
  /** What the search box matches: views/search.ts. */
  search: string;
  /** `链/环节`, or —. */
  chain: string;
  /** `东山县.csv 台账 第5行`. */
  source: string;
}

/** A unit's rows on a page. */
export interface LedgerSection {
  code: string;
  /** The unit's registry name (the code for a code the registry lacks; the pipeline never makes one). */
  name: string;
  /** The section's anchor, `u-A01`, which the index and the unit's page link to. */
  id: string;
  /** Rows of the unit on all pages; this section holds positions `first`…`last`. */
  total: number;
  first: number;
  last: number;
  /** The unit's page (units/<code>/). */
  unitPath: string;
  rows: LedgerPageRow[];
}

export interface LedgerPage {
  n: number;
  /** Pages of the period's ledger. */
  count: number;
  group: string;
  sections: LedgerSection[];
  previous: string | null;
  next: string | null;
  /** Internal builds add 包保领导, 联系人 and 联系电话 columns. */
  internal: boolean;
}

type Figures = Pick<Indicators, 'projects' | 'reserveProjects' | 'contractAmount' | 'fundsInPlace'>;

export interface LedgerIndexUnit {
  code: string;
  name: string;
  /** All ledger rows (在谈 included), as on the ledger pages. */
  rows: number;
  /** Its section on the ledger page where it starts, or null for a unit without rows. */
  link: string | null;
  /** The pages its rows are on (more than one for a unit longer than a page). */
  pages: { n: number; path: string }[];
  /** Counted figures as in the bulletin; null for a unit without a return (then `missing` says so). */
  figures: Figures | null;
  missing: string | null;
}

export interface LedgerIndexGroup {
  name: string;
  units: LedgerIndexUnit[];
  rows: number;
  total: Figures;
}

export interface LedgerIndex {
  groups: LedgerIndexGroup[];
  /** Every row of the period's ledger. */
  rows: number;
  /** Ledger pages of the period. */
  pages: number;
  total: Figures;
  /** The city-wide search index's script files (search.ts), in order. */
  searchIndex: string[];
}

const figuresOf = (x: Indicators): Figures => ({ projects: x.projects, reserveProjects: x.reserveProjects, contractAmount: x.contractAmount, fundsInPlace: x.fundsInPlace });
const sum = (xs: readonly (Figures | null)[]): Figures => xs.reduce<Figures>((t, f) => (f ? { projects: t.projects + f.projects, reserveProjects: t.reserveProjects + f.reserveProjects, contractAmount: t.contractAmount + f.contractAmount, fundsInPlace: t.fundsInPlace + f.fundsInPlace } : t), { projects: 0, reserveProjects: 0, contractAmount: 0, fundsInPlace: 0 });

function nameOf(model: SiteModel, result: UnitResult | undefined, code: string): string {
  return result?.name ?? siteIndex(model).unitName.get(code) ?? code;
}

/**
 * Where a unit's rows start in the ledger of period `p` (its section on its first page), or null
 * for a unit without rows. Unit pages link here.
 */
export function unitLedgerLink(p: PeriodModel, code: string): string | null {
  const first = ledgerPaging(p).byCode.get(code)?.pages[0];
  return first === undefined ? null : `${paths.ledger(p.period, first)}#${anchors.unit(code)}`;
}

/**
 * The site path of one of the period's rows on its ledger page (`2026-04/projects/3/#r-A01-12`), or
 * null for a project the period does not hold. Pages that name many projects (the chain pages)
 * link here rather than repeat the row.
 */
export function ledgerRowLink(p: PeriodModel, row: Project): string | null {
  const at = rowPlace(p, row);
  return at === null ? null : `${paths.ledger(p.period, at.page)}#${anchors.row(at.unit, at.position)}`;
}

/** The index page of period `p`: groups in the period's order, units in registry order. */
export function ledgerIndex(model: SiteModel, p: PeriodModel): LedgerIndex {
  const { unitByCode, groupByName } = periodIndex(p);
  const paging = ledgerPaging(p);
  const byGroup = new Map<string, LedgerIndexUnit[]>();
  for (const u of paging.units) {
    const result = unitByCode.get(u.code);
    const missing = result && !result.submitted ? missingShort(result) : null;
    byGroup.set(u.group, [...(byGroup.get(u.group) ?? []), {
      code: u.code,
      name: nameOf(model, result, u.code),
      rows: u.rows,
      link: unitLedgerLink(p, u.code),
      pages: u.pages.map((n) => ({ n, path: `${paths.ledger(p.period, n)}#${anchors.unit(u.code)}` })),
      figures: result && !missing ? figuresOf(result) : null,
      missing,
    }]);
  }
  const groups = [...byGroup].map(([name, units]): LedgerIndexGroup => {
    const g = name === OTHER_GROUP ? undefined : groupByName.get(name);
    return { name, units, rows: units.reduce((n, u) => n + u.rows, 0), total: g ? figuresOf(g) : sum(units.map((u) => u.figures)) };
  });
  return {
    groups,
    rows: p.projects.length,
    pages: paging.pages.length,
    total: figuresOf(p.totals),
    searchIndex: Array.from({ length: searchShardCount(p) }, (_, i) => paths.searchShard(p.period, i + 1)),
  };
}

/** Page `n` of the ledger of period `p`; null for a page that is not built (the routes ask only for pages that are). */
export function ledgerPage(model: SiteModel, p: PeriodModel, n: number): LedgerPage | null {
  const paging = ledgerPaging(p);
  const page = paging.pages[n - 1];
  if (!page) return null;
  const { unitByCode } = periodIndex(p);
  return {
    n,
    count: paging.pages.length,
    group: page.group,
    sections: page.slices.map((s): LedgerSection => {
      const name = nameOf(model, unitByCode.get(s.unit), s.unit);
      return {
        code: s.unit,
        name,
        id: anchors.unit(s.unit),
        total: paging.byCode.get(s.unit)?.rows ?? s.rows.length,
        first: s.first,
        last: s.first + s.rows.length - 1,
        unitPath: paths.unit(p.period, s.unit),
        rows: s.rows.map((x, i) => ({
          project: x,
          id: anchors.row(s.unit, s.first + i),
          search: searchText(x, name),
          chain: x.chain ? `${x.chain}${x.link ? `/${x.link}` : ''}` : '—',
          source: `${fileInMonth(x.source.file)} ${x.source.sheet} 第${x.source.row}行`,
        })),
      };
    }),
    previous: n > 1 ? paths.ledger(p.period, n - 1) : null,
    next: n < paging.pages.length ? paths.ledger(p.period, n + 1) : null,
    internal: model.audience === 'internal',
  };
}
