/**
 * The site model: everything the pages, summary.json and downloads are rendered from.
 */
import type { Assessment } from './assessment.ts';
import type { SiteConfig } from './config.ts';
import type { Breakdowns, Chain, ChainResult, FileAccount, GroupResult, Indicators, Issue, Project, Unit, UnitResult } from './types.ts';

export type Audience = 'public' | 'internal';

export interface BulletinSection { heading: string; paragraphs: string[] }
export interface BulletinDraft { title: string; sections: BulletinSection[] }

/** What a page and summary.json say of an issued period (签发记录, model/record.ts). */
export interface IssuedMark { number: string | null; date: string; version: number }

/** One figure that would now differ from what was issued (发布后更正), or that a 更正版 changed. */
export interface Revision { unit: string; indicator: string; issued: string; current: string; file: string | null }

/** One issued version, as listed on a revised bulletin. */
export interface VersionNote { version: number; number: string | null; date: string; reason: string | null; forced: boolean }

/** A 上年同期汇总表 as one period uses it: its file and the city's totals from it (null: not known). */
export interface LastYearTable {
  file: string;
  city: { fundsInPlace: number | null; contractAmount: number | null; projects: number | null };
}

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
  /**
   * Set when this period's 同比 comes from a 上年同期汇总表 (history/<YYYY-MM>.xlsx), because last
   * year's returns of that month are absent; every 同比 shown then says “上年同期（汇总表）”.
   */
  lastYearTable?: LastYearTable | null;
  draft: BulletinDraft;
  /** Null while the period is a draft (草稿). */
  issued: IssuedMark | null;
  /** Every issued version, oldest first (empty for a draft). */
  versions: VersionNote[];
  /** Figures that differ between the issued figures and the data as it is now (发布后更正). */
  revisions: Revision[];
  /** For a 更正版: the figures it changed from version 1. */
  changedFromFirst: Revision[];
  /** 考核 scores by the data folder's scheme (compute/assessment.ts); null without a usable scheme. */
  assessment: Assessment | null;
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
  /**
   * The offline copy (`--offline`, opened from a folder): pages are rendered under a marker base that
   * a last pass makes relative (outputs/offline.ts), and share a link only when `siteUrl` is set.
   */
  offline?: boolean;
}
