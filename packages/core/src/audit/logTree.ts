import * as E from 'fp-ts/lib/Either.js';
import { createFrontier, createLeafLog, eventLeaf, type Frontier, type LeafLog } from '@dossier/proof';
import type { UndecodableEvent } from '../store/errors.js';
import type { RecordedEvent } from '../store/types.js';
import type { UnreadableLeaf } from './errors.js';

/** Turns the log, pushed in read order, into Merkle leaves: into a frontier only, or kept for proofs. */
export interface TreeBuilder {
  readonly push: (item: RecordedEvent | UndecodableEvent) => void;
  /** The frontier, or the first event whose hash could not be read. */
  readonly result: () => E.Either<UnreadableLeaf, Frontier>;
}

const unreadable = (
  item: { readonly stream: string; readonly revision: bigint; readonly position: bigint },
  reason: string,
): UnreadableLeaf => ({ _tag: 'UnreadableLeaf', ...item, reason });

const builder = (push: (leaf: Uint8Array) => void, frontier: Frontier): TreeBuilder => {
  let failed: UnreadableLeaf | undefined;
  return {
    push: (item) => {
      if (failed !== undefined) return;
      if ('_tag' in item) {
        failed = unreadable(item, item.reason);
        return;
      }
      const leaf = eventLeaf(item.metadata.hash);
      if (leaf === undefined) failed = unreadable(item, 'its recorded hash is not 64 hex digits');
      else push(leaf);
    },
    result: () => (failed === undefined ? E.right(frontier) : E.left(failed)),
  };
};

/** A builder holding O(log n) hashes: enough for the root, which is all a checkpoint needs. */
export const frontierBuilder = (): TreeBuilder => {
  const frontier = createFrontier();
  return builder(frontier.push, frontier);
};

/** A builder keeping every leaf (32 bytes an event) in `leaves`, for proofs. */
export const leafLogBuilder = (): TreeBuilder & { readonly leaves: LeafLog } => {
  const leaves = createLeafLog();
  return { ...builder(leaves.push, leaves.frontier), leaves };
};
