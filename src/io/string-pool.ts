/**
 * One copy of each short text among the returns read. A return comes back from the cache or from a
 * reader process as fresh objects, so the same 新建, 工业, 项目台账 or investor name is a separate
 * string in every row of every month: at 120 × 12 × 60, 1.6 million copies of 46 000 texts, 55 MB
 * of the pages' heap (docs/performance.md, memory). Sharing them keeps the model 30 % smaller while
 * the pages render, and costs ~0.2 s for 86 000 rows; values are unchanged (equal strings).
 */

/** Longer texts (remarks, messages) rarely repeat; they are left as they are. */
const MAX_SHARED_LENGTH = 64;

export type Intern = <T>(value: T) => T;

/** A pool and the function that replaces, in place, every short string in a value by the pool's copy. */
export function stringPool(): Intern {
  const pool = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (v.length > MAX_SHARED_LENGTH) return v;
      const s = pool.get(v);
      if (s !== undefined) return s;
      pool.set(v, v);
      return v;
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (x !== null && (typeof x === 'string' || typeof x === 'object')) o[k] = walk(x);
    }
    return v;
  };
  return <T>(value: T) => walk(value) as T;
}
