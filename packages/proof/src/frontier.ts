import { emptyRoot, nodeHash, type Hash } from './hashes.js';

/**
 * The compact range of a log: the roots of the perfect subtrees its leaves fill, largest first — at most
 * one per bit of the size, so O(log n) hashes whatever the size. Enough to compute the root and to go on
 * appending, which is how a reader computes the tree of a log streamed once.
 */
export interface Frontier {
  /** How many leaves were pushed. */
  readonly size: () => number;
  /** Adds a leaf (its leaf hash, see `leafHash`). */
  readonly push: (leaf: Hash) => void;
  /** The tree head of the leaves so far: RFC 9162's MTH. */
  readonly root: () => Hash;
  /** The subtree roots, largest (leftmost) first. */
  readonly subtrees: () => ReadonlyArray<Hash>;
}

/** The sizes of the perfect subtrees a log of `size` leaves decomposes into, largest first. */
export const subtreeSizes = (size: number): ReadonlyArray<number> => {
  const sizes: number[] = [];
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2)
    if (Math.floor(size / bit) % 2 === 1) sizes.push(bit);
  return sizes;
};

/** Folds subtree roots, largest first, into the tree's root: the smaller ones hang on the right. */
export const rootOfSubtrees = (subtrees: ReadonlyArray<Hash>): Hash => {
  let root: Hash | undefined;
  for (let i = subtrees.length - 1; i >= 0; i--) {
    const subtree = subtrees[i] as Hash;
    root = root === undefined ? subtree : nodeHash(subtree, root);
  }
  return root ?? emptyRoot();
};

/** A frontier of no leaves, or one resumed from the subtrees of a log of `size` leaves (as a checkpoint holds them). */
export const createFrontier = (from?: {
  readonly size: number;
  readonly subtrees: ReadonlyArray<Hash>;
}): Frontier => {
  const sizes = subtreeSizes(from?.size ?? 0);
  const stack: { hash: Hash; leaves: number }[] = (from?.subtrees ?? []).map((hash, i) => ({
    hash,
    leaves: sizes[i] ?? 0,
  }));
  let size = from?.size ?? 0;
  return {
    size: () => size,
    push: (leaf) => {
      let merged = { hash: leaf, leaves: 1 };
      for (let top = stack.at(-1); top !== undefined && top.leaves === merged.leaves; top = stack.at(-1)) {
        stack.pop();
        merged = { hash: nodeHash(top.hash, merged.hash), leaves: top.leaves * 2 };
      }
      stack.push(merged);
      size += 1;
    },
    root: () => rootOfSubtrees(stack.map((s) => s.hash)),
    subtrees: () => stack.map((s) => s.hash),
  };
};
