/**
 * 投资强度 (investment intensity): 总投资 ÷ 用地面积, in 万元 per 亩. Only rows that give both a
 * positive land area and a total investment have one; land-hungry projects with a low intensity are
 * a standing concern of 招商 offices (the threshold is site.json `checks.lowIntensity`).
 */
import { isCounted } from '../compute/indicators.ts';
import type { Project } from '../model/types.ts';
import { cmp } from '../model/util.ts';

/** 万元/亩, or null where 用地面积 or 总投资 is missing or not positive. */
export function investmentIntensity(p: Pick<Project, 'totalInvestment' | 'landArea'>): number | null {
  if (p.landArea === null || !(p.landArea > 0) || p.totalInvestment === null || !(p.totalInvestment > 0)) return null;
  return p.totalInvestment / p.landArea;
}

export interface IntensityEntry { project: Project; intensity: number }

/**
 * Counted projects (签约 and later) whose intensity is below `threshold`, lowest first; ties by unit,
 * then project name, so the order never depends on the input order.
 */
export function lowIntensityProjects(projects: readonly Project[], threshold: number): IntensityEntry[] {
  const out: IntensityEntry[] = [];
  for (const project of projects) {
    if (!isCounted(project)) continue;
    const intensity = investmentIntensity(project);
    if (intensity !== null && intensity < threshold) out.push({ project, intensity });
  }
  return out.sort((a, b) => a.intensity - b.intensity || cmp(a.project.unit, b.project.unit) || cmp(a.project.name, b.project.name));
}

export interface IntensitySummary {
  /** Counted projects that give both land area and total investment. */
  projects: number;
  landArea: number;
  totalInvestment: number;
  /** Σ总投资 ÷ Σ用地面积 over those projects, or null when none gives a land area. */
  intensity: number | null;
}

/** The average intensity of a set of projects (a unit, the city), weighted by land area. */
export function intensitySummary(projects: readonly Project[]): IntensitySummary {
  let n = 0, land = 0, invest = 0;
  for (const p of projects) {
    if (!isCounted(p) || investmentIntensity(p) === null) continue;
    n++;
    land += p.landArea!;
    invest += p.totalInvestment!;
  }
  return { projects: n, landArea: land, totalInvestment: invest, intensity: n > 0 ? invest / land : null };
}
