import { createFrontier, type Frontier } from './frontier.js';
import type { Hash } from './hashes.js';
import { consistencyProof, inclusionProof, subtreeRoot, type LeafAt } from './tree.js';

/**
 * A log's leaf hashes packed 32 bytes each in one growing buffer (32 MB per million events), with the
 * frontier kept alongside: what proofs read, since a proof's nodes span leaves anywhere in the log.
 */
export interface LeafLog {
  readonly size: () => number;
  readonly push: (leaf: Hash) => void;
  readonly leafAt: LeafAt;
  /** The frontier over every leaf pushed: root and subtrees at the current size. */
  readonly frontier: Frontier;
  /** The root of the first `size` leaves. */
  readonly rootAt: (size: number) => Hash;
  readonly inclusionProof: (index: number, size: number) => ReadonlyArray<Hash>;
  readonly consistencyProof: (size1: number, size2: number) => ReadonlyArray<Hash>;
}

/** An empty {@link LeafLog}. */
export const createLeafLog = (): LeafLog => {
  let buffer = Buffer.alloc(32 * 1024);
  let size = 0;
  const frontier = createFrontier();
  const leafAt: LeafAt = (index) => {
    if (index < 0 || index >= size) throw new RangeError(`no leaf ${index} in a log of ${size}`);
    return buffer.subarray(index * 32, index * 32 + 32);
  };
  return {
    size: () => size,
    push: (leaf) => {
      if ((size + 1) * 32 > buffer.length) {
        const grown = Buffer.alloc(buffer.length * 2);
        buffer.copy(grown);
        buffer = grown;
      }
      buffer.set(leaf, size * 32);
      size += 1;
      frontier.push(leaf);
    },
    leafAt,
    frontier,
    rootAt: (at) => subtreeRoot(leafAt, 0, at),
    inclusionProof: (index, at) => inclusionProof(leafAt, index, at),
    consistencyProof: (size1, size2) => consistencyProof(leafAt, size1, size2),
  };
};
