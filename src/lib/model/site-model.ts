/**
 * The site model: everything the pages, summary.json and downloads are rendered from.
 */
import type { SiteConfig } from './config.ts';
import type { Breakdowns, Chain, ChainResult, FileAccount, GroupResult, Indicators, Issue, Project, Unit, UnitResult } from './types.ts';

export type Audience = 'public' | 'internal';

export interface BulletinSection { heading: string; paragraphs: string[] }
export interface BulletinDraft { title: string; sections: BulletinSection[] }

export interface PeriodModel {
  period: string;
  year: number;
  month: number;
  timeProgress: number;
  totals: Indicators & { units: number; submittedUnits: number; startedProjects: number };
  groups: GroupResult[];
  units: UnitResult[];
  breakdowns: Breakdowns;
  chains: ChainResult[];
  /** Projects naming a chain or link that is not defined. */
  unplaced: { ref: string; unit: string; name: string; chain: string | null; link: string | null; reason: string }[];
  projects: Project[];
  issues: Issue[];
  files: FileAccount[];
  notSubmitted: string[];
  previousPeriod: string | null;
  lastYearPeriod: string | null;
  draft: BulletinDraft;
}

export interface SiteModel {
  config: SiteConfig;
  audience: Audience;
  units: Unit[];
  chains: Chain[];
  groups: string[];
  /** Periods in ascending order. */
  periods: PeriodModel[];
  /** Issues not tied to a period (registry, targets, chains, folders). */
  globalIssues: Issue[];
}
