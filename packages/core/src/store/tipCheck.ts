import type { ChainBroken, StreamVerification } from './chainVerifier.js';
import type { StreamName } from './types.js';

/**
 * A stream's tip as the store records it apart from its events (SQLite's `streams` row, the in-memory
 * store's entry): what an append chains from. The log must end where the tip says.
 */
export interface RecordedTip {
  readonly stream: StreamName;
  /** The last revision written; null for a stream deleted before it had events. */
  readonly revision: bigint | null;
  /** The last event's hash (the genesis hash when there is none). */
  readonly hash: string;
}

/** Where a stream's chain ended in the log: the last revision and position read, and its hash. */
export interface ChainEnd {
  readonly revision: bigint;
  readonly position: bigint;
  readonly hash: string;
}

const mismatch = (
  stream: StreamName,
  revision: bigint,
  position: bigint | null,
  problem: ChainBroken['problem'],
  detail: string,
): ChainBroken => ({ ok: false, stream, revision, position, problem, detail });

/**
 * Compares a stream whose chain is intact with the tip the store records for it. A log shorter than the
 * tip was truncated; a longer one had events added behind the store's back; the same length with another
 * hash had its tip edited (and, to keep the chain intact, whatever led to it).
 */
export const checkTip = (
  stream: StreamName,
  result: StreamVerification,
  end: ChainEnd | undefined,
  tip: RecordedTip | undefined,
): ChainBroken | undefined => {
  if (!result.ok) return undefined;
  const lastRevision = end?.revision ?? null;
  if (tip === undefined) {
    return lastRevision === null
      ? undefined
      : mismatch(
          stream,
          0n,
          null,
          'inserted',
          `the store records no tip for ${stream}, yet the log holds ${result.events} of its events`,
        );
  }
  const recorded = tip.revision;
  if (recorded === null) {
    return lastRevision === null
      ? undefined
      : mismatch(stream, 0n, null, 'inserted', 'the store records the stream as having no events');
  }
  if (lastRevision === null || lastRevision < recorded) {
    const missing = lastRevision === null ? 0n : lastRevision + 1n;
    const count = recorded - missing + 1n;
    return mismatch(
      stream,
      missing,
      null,
      'truncated',
      lastRevision === null
        ? `the whole stream is missing from the log: its recorded tip is revision ${recorded}`
        : `${count === 1n ? `revision ${missing} is` : `revisions ${missing} to ${recorded} are`} missing from the end of the stream: its recorded tip is revision ${recorded}`,
    );
  }
  if (lastRevision > recorded && end !== undefined) {
    return mismatch(
      stream,
      recorded + 1n,
      null,
      'inserted',
      `the log goes on to revision ${lastRevision} past the recorded tip, revision ${recorded}: events were added behind the store's back`,
    );
  }
  if (end !== undefined && end.hash !== tip.hash) {
    return mismatch(
      stream,
      end.revision,
      end.position,
      'edited',
      'the last event hashes differently from the tip the store recorded: the tip (and the chain before it) was rewritten',
    );
  }
  return undefined;
};
