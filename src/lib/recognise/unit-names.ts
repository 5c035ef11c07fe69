/**
 * Recognising a unit from how clerks write it: name, alias or code, with suffixes such as 管委会,
 * 人民政府 or （盖章）, inside a 填报单位 line, a sheet name or a file name.
 */
import { squash } from '../model/glossary.ts';
import type { Unit } from '../model/types.ts';

const SUFFIXES = [
  '（盖章）', '(盖章)', '盖章', '管理委员会', '管委会', '人民政府', '招商局', '招商服务中心', '招商中心', '招商办',
  '投资促进局', '投促局', '办公室', '工作委员会', '党工委', '填报', '台账', '月报',
];

/** Strips stamps, agency suffixes and whitespace from a unit as written. */
export function cleanUnitText(text: string): string {
  // Cut first: the bracket regex is quadratic on a long cell of unclosed brackets; no unit name is this long.
  let t = squash(text).slice(0, 200).replace(/[（(][^（）()]*[)）]/g, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of SUFFIXES) {
      const key = squash(s);
      if (t.endsWith(key) && t.length > key.length) { t = t.slice(0, -key.length); changed = true; }
    }
  }
  return t.replace(/[：:，,。]+$/, '');
}

export interface UnitIndex {
  /** Exact lookup by cleaned name, alias or code (case-insensitive codes). */
  exact(text: string): Unit | null;
  /** The unit whose name, alias or code appears inside a longer text (a file name); longest wins. */
  within(text: string): Unit | null;
  units: readonly Unit[];
}

export function unitIndex(units: readonly Unit[]): UnitIndex {
  const byKey = new Map<string, Unit>();
  const names: { key: string; unit: Unit }[] = [];
  for (const u of units) {
    byKey.set(u.code.toUpperCase(), u);
    for (const n of [u.name, ...u.aliases]) {
      const k = squash(n);
      if (!k) continue;
      for (const key of new Set([k, cleanUnitText(k)])) {
        if (!byKey.has(key)) byKey.set(key, u);
        names.push({ key, unit: u });
      }
    }
  }
  names.sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
  return {
    units,
    exact(text) {
      const t = squash(text);
      if (!t) return null;
      return byKey.get(t.toUpperCase()) ?? byKey.get(t) ?? byKey.get(cleanUnitText(t)) ?? null;
    },
    within(text) {
      const t = squash(text);
      for (const { key, unit } of names) if (key.length >= 2 && t.includes(key)) return unit;
      // A file named by code: `A03.xls`, `A03-2026-04.xlsx`, `A03_平原`.
      const code = /^([A-Za-z0-9]+)(?:$|[-_ .（(])/.exec(t);
      if (code) return byKey.get(code[1]!.toUpperCase()) ?? null;
      return null;
    },
  };
}
