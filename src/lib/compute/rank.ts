/**
 * Competition ranking ("1, 2, 2, 4"): higher values rank first, equal values share a rank, and
 * items without a value are not ranked (null). Values equal to 1e-12 count as ties, so that
 * 0.1 + 0.2 and 0.3 share a rank.
 */
export function rankDescending<T>(items: readonly T[], value: (item: T) => number | null): (number | null)[] {
  const order = items
    .map((item, i) => ({ i, v: value(item) }))
    .filter((x): x is { i: number; v: number } => x.v !== null && Number.isFinite(x.v))
    .sort((a, b) => b.v - a.v || a.i - b.i);
  const ranks: (number | null)[] = items.map(() => null);
  order.forEach((x, k) => {
    const prev = order[k - 1];
    ranks[x.i] = prev && Math.abs(prev.v - x.v) <= 1e-12 ? ranks[prev.i]! : k + 1;
  });
  return ranks;
}

/** Rank change: last month's rank − this month's (positive = moved up); null where either is missing. */
export function rankChange(previous: number | null | undefined, current: number | null): number | null {
  return previous === null || previous === undefined || current === null ? null : previous - current;
}
