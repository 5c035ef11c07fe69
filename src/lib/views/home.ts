/**
 * What the home page shows besides the latest bulletin: every period by year, the latest first,
 * with the city's headline figures and its light. The city has no light in the model (lights are
 * per unit), so it is worked out here from the same thresholds as the units'.
 */
import { light, LIGHT_LABEL } from '../compute/light.ts';
import { pct, periodRange, pointsShort, yiNumber } from '../model/format.ts';
import type { SiteModel } from '../model/site-model.ts';
import type { Light } from '../model/types.ts';
import { bulletinView, type BulletinView } from './bulletin.ts';
import { describePeriod } from './describe.ts';
import { siteIndex } from './period-index.ts';
import { periodsByYear } from './periods.ts';
import { issueStatus } from './issue-status.ts';

export interface ArchiveRow {
  period: string;
  /** `1-4月`: the year is in the caption. */
  label: string;
  /** `2026年1-4月通报`, for screen readers. */
  ariaLabel: string;
  funds: string;
  completion: string;
  ahead: string;
  /** The city's light; null without a city target (shown as —). */
  light: Light | null;
  lightLabel: string;
  /** 已签发 with 文号 and date, or 草稿 (views/issue-status.ts). */
  status: string;
}

export interface ArchiveYear { year: number; rows: ArchiveRow[] }

export interface HomePage {
  /** The latest period's bulletin, shown first. */
  bulletin: BulletinView;
  /** One sentence with the latest period's figures, for the page description. */
  description: string;
  /** Years latest first, months latest first within a year. */
  archive: ArchiveYear[];
  /** Whether the archive lists each period's status: when anything is issued, or in an internal build. */
  showStatus: boolean;
}

/** The home page of the site; `latest` is the period whose bulletin it shows. */
export function homePage(model: SiteModel, latest: SiteModel['periods'][number]): HomePage {
  const { periodByName, periodNames } = siteIndex(model);
  return {
    bulletin: bulletinView(model, latest),
    description: describePeriod(latest, model.config.city),
    showStatus: model.audience === 'internal' || model.periods.some((p) => p.issued),
    archive: periodsByYear(periodNames).map((y) => ({
      year: y.year,
      rows: [...y.periods].reverse().map((period): ArchiveRow => {
        const p = periodByName.get(period)!;
        const l = light(p.totals.fundsCompletion, p.timeProgress, model.config.lights);
        return {
          period, label: periodRange(period).slice(5), ariaLabel: `${periodRange(period)}通报`,
          funds: yiNumber(p.totals.fundsInPlace), completion: pct(p.totals.fundsCompletion), ahead: pointsShort(p.totals.aheadPoints),
          light: l, lightLabel: l ? LIGHT_LABEL[l] : '—', status: issueStatus(model, p).short,
        };
      }),
    })),
  };
}
