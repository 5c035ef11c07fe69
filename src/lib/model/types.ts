/**
 * The domain model shared by every pipeline stage. Plain data only (JSON-serialisable), so stages
 * stay pure and their results can be cached or sent between the build and its reader processes.
 */

/** A reporting unit from the registry (单位名册). */
export interface Unit {
  code: string;
  name: string;
  group: string;
  aliases: string[];
  order: number;
}

/** Stage of a project in the pipeline 三个一批 (+投产). */
export type Stage = '在谈' | '签约' | '开工' | '投产';
export const STAGES: readonly Stage[] = ['在谈', '签约', '开工', '投产'];
/** Stages that count as a project; 在谈 is reserve. */
export const COUNTED_STAGES: ReadonlySet<Stage> = new Set<Stage>(['签约', '开工', '投产']);

export type ProjectType = '新建' | '续建';

/** Where a value came from: file relative to the data folder, sheet, 1-based row and A1 cell. */
export interface Source {
  file: string;
  sheet: string;
  row: number;
  cell?: string;
}

/** One normalised ledger row (项目台账). Amounts in 万元, foreign capital in 万美元. */
export interface Project {
  unit: string; // unit code
  code: string | null;
  name: string;
  investor: string | null;
  investorOrigin: string | null;
  industry: string | null;
  chain: string | null;
  link: string | null;
  projectType: ProjectType | null;
  stage: Stage | null;
  totalInvestment: number | null;
  contractAmount: number | null;
  fundsInPlace: number | null;
  fundsThisMonth: number | null;
  foreignCapital: number | null;
  landArea: number | null;
  signDate: string | null;
  startDate: string | null;
  productionDate: string | null;
  remarks: string | null;
  /** Internal-only fields (包保领导, 联系人, 联系电话, 填报人): never in a public build. */
  internal: { leader: string | null; contact: string | null; phone: string | null; filler: string | null };
  source: Source;
  /**
   * Fields whose cell held something that is not a usable value (“约3000万”, a negative amount):
   * already reported once by the reader, so the checks do not report the same cell again as
   * missing or as a decrease.
   */
  invalid?: string[];
}

export type { Issue, IssueKind, Severity } from './issues.ts';

/** Row accounting of one file: rowsRead = projects + rejected + nonData. */
export interface FileAccount {
  file: string;
  period: string;
  units: string[];
  status: 'read' | 'skipped';
  rowsRead: number;
  projects: number;
  rejected: number;
  nonData: number;
  /** Sheets that hold no ledger (a 填报说明 sheet, say): listed, not counted. */
  ignoredSheets?: string[];
  reason?: string;
  /** A file that was read but not counted (a second return of a unit): why. */
  notCounted?: string;
}

export interface Indicators {
  projects: number;
  /** 在谈 rows, reserve projects counted apart. */
  reserveProjects: number;
  contractAmount: number;
  fundsInPlace: number;
  fundsTarget: number | null;
  fundsCompletion: number | null;
  fundsYoY: number | null;
  foreignCapital: number;
  largeProjects: number;
  /** 超/欠进度 in percentage points: (completion − timeProgress) × 100. */
  aheadPoints: number | null;
  /** Completion of every other indicator that has a target column, keyed by indicator. */
  targets: Record<string, { target: number; actual: number; completion: number }>;
}

export type Light = 'green' | 'yellow' | 'red';

export interface UnitResult extends Indicators {
  code: string;
  name: string;
  group: string;
  submitted: boolean;
  rank: number | null;
  rankChange: number | null;
  light: Light | null;
  lightLabel: string;
  files: string[];
  /** Files of this period that name the unit but could not be read (it did send something). */
  unreadable?: string[];
}

export interface GroupResult extends Indicators {
  name: string;
  units: number;
  submittedUnits: number;
}

/** Counted projects by 产业类别, 项目类型, 项目阶段 and size band (compute/breakdowns.ts). */
export interface Breakdowns { industry: BreakdownEntry[]; projectType: BreakdownEntry[]; stage: BreakdownEntry[]; size: BreakdownEntry[] }

export interface BreakdownEntry {
  key: string;
  projects: number;
  contractAmount: number;
  fundsInPlace: number;
}

export interface ChainLinkResult {
  name: string;
  position: string;
  projects: number;
  contractAmount: number;
  fundsInPlace: number;
  gap: boolean;
  status: '强链' | '弱链' | '缺链';
  description: string | null;
  targetCompanies: string[];
  projectRefs: string[];
  /** 在谈 (reserve) projects placed on this link: not counted, but show that a gap is being worked on. */
  reserveProjects: number;
  reserveRefs: string[];
}

export interface ChainResult {
  name: string;
  slug: string;
  leader: string | null;
  department: string | null;
  links: ChainLinkResult[];
  projects: number;
  contractAmount: number;
  fundsInPlace: number;
  coverage: number;
  /** 在谈 projects on the chain's links. */
  reserveProjects: number;
}

export interface ChainLink {
  name: string;
  position: '上游' | '中游' | '下游' | string;
  description: string | null;
  targetCompanies: string[];
}

export interface Chain {
  name: string;
  slug: string;
  leader: string | null;
  department: string | null;
  links: ChainLink[];
}
