/**
 * Each period's project ledger serialised once (v8 structured-clone bytes) for the two places that
 * need the whole of it as bytes: the data-file worker, which gets the ledgers moved to it instead of
 * a copy of the model, and the pages' incremental-build keys, which hash them. A ledger is 96 % of
 * a period; JSON.stringify-ing every period for the keys cost the main thread 0.5 s a build at
 * 120 × 12 × 60, serialising 0.15 s, once.
 *
 * Equal bytes mean equal ledgers, which is all a key needs. (The converse can fail: V8 writes a
 * whole number held as a double differently from a small integer, so a ledger could serialise
 * differently without changing; its pages would then be rendered again, never reused wrongly.)
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { PeriodModel } from '../lib/model/site-model.ts';

export interface LedgerBytes {
  /** Per period, in order: its ledger's bytes (each its own ArrayBuffer, so it can be moved). */
  bytes: Uint8Array[];
  /** Per period, in order: the SHA-256 of those bytes. */
  digests: string[];
}

export function serialiseLedgers(periods: readonly PeriodModel[]): LedgerBytes {
  const bytes = periods.map((p) => {
    const b = serialize(p.projects);
    // Small Buffers share a pooled ArrayBuffer, which must not be moved away.
    return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? new Uint8Array(b.buffer) : new Uint8Array(b);
  });
  return { bytes, digests: bytes.map(digestOf) };
}

const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One period's ledger digest, for a caller that has not serialised the ledgers (`serialiseLedgers`). */
export function ledgerDigest(p: PeriodModel): string {
  return digestOf(serialize(p.projects));
}

/**
 * A period as the incremental keys hash it (the pages' and the data files' month cache): everything
 * but its ledger as JSON, and the ledger by its digest.
 */
export function periodKeyText(p: PeriodModel, ledgerDigest: string): string {
  return `${JSON.stringify({ ...p, projects: null })}\0${ledgerDigest}`;
}
