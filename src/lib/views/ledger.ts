/**
 * What the city's project ledger page shows (src/pages/[period]/projects.astro): every row of the
 * month with its unit, chain and source, and the text the page's search matches against.
 */
import type { PeriodModel, SiteModel } from '../model/site-model.ts';
import type { Project } from '../model/types.ts';
import { fileInMonth } from './files.ts';
import { siteIndex } from './period-index.ts';
import { searchText } from './search.ts';

export interface LedgerPageRow {
  project: Project;
  /** The unit's registry name (empty for a code the registry lacks; the pipeline never makes one). */
  unitName: string;
  /** What the search box matches: views/search.ts. */
  search: string;
  /** `链/环节`, or —. */
  chain: string;
  /** `东山县.csv 台账 第5行`. */
  source: string;
}

export interface LedgerPage {
  rows: LedgerPageRow[];
  /** Internal builds add 包保领导, 联系人 and 联系电话 columns. */
  internal: boolean;
}

/** The ledger page of period `p`, rows in ledger order. */
export function ledgerPage(model: SiteModel, p: PeriodModel): LedgerPage {
  const { unitName } = siteIndex(model);
  return {
    rows: p.projects.map((x) => ({
      project: x,
      unitName: unitName.get(x.unit) ?? '',
      search: searchText(x, unitName.get(x.unit) ?? x.unit),
      chain: x.chain ? `${x.chain}${x.link ? `/${x.link}` : ''}` : '—',
      source: `${fileInMonth(x.source.file)} ${x.source.sheet} 第${x.source.row}行`,
    })),
    internal: model.audience === 'internal',
  };
}
