import type { EsdbPosition, EsdbResolvedEvent } from './clientLike.js';

/**
 * The commit position is Dossier's global position: it orders `$all`, and filtered checkpoints carry only it
 * (their prepare position may be 0). Positions stay bigint end to end; a number would lose them past 2^53.
 */
export const toPosition = (position: EsdbPosition): bigint => position.commit;

/** A Dossier position as a client position. Events written outside explicit transactions have prepare = commit. */
export const toEsdbPosition = (position: bigint): EsdbPosition => ({ commit: position, prepare: position });

/**
 * The largest 64-bit value: what servers before 22.6 report for an event read from a stream (which comes
 * from the index, not the log) instead of its position.
 */
const unknownPosition = 2n ** 64n - 1n;

/**
 * An event's global position: the recorded event's own, else the resolved event's commit position; -1 when
 * the server did not say (stream reads on servers before 22.6).
 */
export const positionOf = (resolved: EsdbResolvedEvent): bigint => {
  const own = resolved.event?.position?.commit;
  if (own !== undefined && own !== unknownPosition) return own;
  const commit = resolved.commitPosition;
  if (commit !== undefined && commit !== unknownPosition) return commit;
  return -1n;
};
