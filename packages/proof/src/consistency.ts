import { subtreeSizes } from './frontier.js';
import { hashFromHex, sameHash, type Hash } from './hashes.js';

/** Where a log first differs from a checkpoint's: the leaves [from, until) hold a change, those before it match. */
export interface Divergence {
  readonly from: number;
  readonly until: number;
}

/**
 * Compares a checkpoint's subtrees with those of the log's first `size` leaves: the first that differs
 * bounds where the log parted from the checkpoint. Exact to one leaf only when that subtree is one leaf;
 * the checkpoint holds no more, so a tighter bound needs an earlier checkpoint.
 */
export const firstDivergence = (
  checkpointSubtrees: ReadonlyArray<string>,
  logSubtrees: ReadonlyArray<Hash>,
  size: number,
): Divergence | undefined => {
  let start = 0;
  for (const [i, leaves] of subtreeSizes(size).entries()) {
    const theirs = hashFromHex(checkpointSubtrees[i]);
    const ours = logSubtrees[i];
    if (theirs === undefined || ours === undefined || !sameHash(theirs, ours))
      return { from: start, until: start + leaves };
    start += leaves;
  }
  return undefined;
};
