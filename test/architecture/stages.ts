/**
 * The stages of src/lib/, in pipeline order. A module belongs to the stage of its folder; the two
 * pipelines at the root (one file, the whole build) may import every stage, no stage imports them.
 * docs/pipeline.md draws the same table.
 */
export interface Stage { name: string; rank: number; orchestrator: boolean }

const ORDER = ['model', 'read', 'normalise', 'recognise', 'checks', 'compute', 'views', 'charts', 'outputs'] as const;
const ORCHESTRATORS = ['return-file.ts', 'pipeline.ts'] as const;

export const STAGES: readonly Stage[] = [
  ...ORDER.map((name, rank) => ({ name, rank, orchestrator: false })),
  ...ORCHESTRATORS.map((name) => ({ name, rank: ORDER.length, orchestrator: true })),
];

/** `lib/compute/rank.ts` → the compute stage; null for a module outside every stage. */
export function stageOf(module: string): Stage | null {
  const m = /^lib\/(?:([^/]+)\/.+|([^/]+))$/.exec(module.replace(/\.ts$/, '') + '.ts');
  if (!m) return null;
  const name = m[1] ?? m[2]!;
  // charts and outputs are siblings: both draw from views, neither from the other.
  return STAGES.find((s) => s.name === name) ?? null;
}
