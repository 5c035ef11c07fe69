/**
 * Identity of a project across months, the one definition every stage uses: the data-quality checks
 * (funds must not fall, stages must not go back), the duplicate-row check and 重点项目 (附表3, what is
 * new this month). They used to define it twice and disagreed: a project that gained a 项目编码 this
 * month was “the same project” for the checks and 新引进 for 附表3.
 *
 * Rules (SPEC: 项目编码一经确定不得变更; without a code, name + investor):
 * - within a unit, a project is its code when it has one, else its name and investor;
 * - text is compared after `squash` (NFKC, so full-width ＡＢ is AB, and no spaces of any kind);
 *   codes also ignore letter case, since 项目编码 are typed by hand and a01 is never another project than A01;
 * - last month's row of a project is found by code first, then by name + investor, so a row that
 *   gained, lost or changed its code is still the same project.
 *
 * Lives in compute/ so that checks/ and views/ both import it without importing each other.
 */
import { squash } from '../model/glossary.ts';
import type { Project } from '../model/types.ts';

type Identified = Pick<Project, 'unit' | 'code' | 'name' | 'investor'>;

// NUL cannot occur in a cell read from a ledger, so joined parts never run into each other
// (name `甲|乙` with no investor is not name `甲` with investor `乙`).
const SEP = '\u0000';

/** Secondary identity: unit, name and investor, whatever the code says. */
export function nameKey(p: Identified): string {
  return `${p.unit}${SEP}name${SEP}${squash(p.name)}${SEP}${squash(p.investor ?? '')}`;
}

/** Identity of a project within its unit: its 项目编码 when it has one, else name and investor. */
export function projectKey(p: Identified): string {
  const code = p.code === null ? '' : squash(p.code).toUpperCase();
  return code ? `${p.unit}${SEP}code${SEP}${code}` : nameKey(p);
}

/** Last month's ledger indexed for `findPrevious`: by identity and by name + investor (first row wins). */
export interface ProjectIndex { byKey: Map<string, Project>; byName: Map<string, Project> }

export function indexProjects(projects: readonly Project[]): ProjectIndex {
  const byKey = new Map<string, Project>();
  const byName = new Map<string, Project>();
  for (const p of projects) {
    const k = projectKey(p);
    const n = nameKey(p);
    if (!byKey.has(k)) byKey.set(k, p);
    if (!byName.has(n)) byName.set(n, p);
  }
  return { byKey, byName };
}

/**
 * The row of `p` in an indexed earlier ledger: same code first, else same name and investor. The
 * fallback is what keeps a project that gained or changed its code from looking new. Its known
 * limit: a new project under a new code whose name and investor repeat an earlier project's (an
 * unnamed 二期) is taken for that project; a ledger names phases apart, so that is rare.
 */
export function findPrevious(index: ProjectIndex, p: Project): Project | undefined {
  return index.byKey.get(projectKey(p)) ?? index.byName.get(nameKey(p));
}

/**
 * A project carried over from an earlier year (项目类型 续建, or 备注 saying 结转 / 上年结转): it was
 * brought in before this year, so it is never 新引进 whatever the month-to-month match says. A remark
 * that denies it (未结转, 非结转项目) does not count.
 */
export function isContinuing(p: Pick<Project, 'projectType' | 'remarks'>): boolean {
  if (p.projectType === '续建') return true;
  const r = p.remarks === null ? '' : squash(p.remarks);
  return /结转/.test(r) && !/(?:未|非|不|无)[^,，;；。]{0,3}结转/.test(r);
}
