import { emptyRoot, nodeHash, type Hash } from './hashes.js';

/** Leaf hashes by index: an array, or a reader over a buffer of a log's leaves. */
export type LeafAt = (index: number) => Hash;

/** The largest power of two smaller than `n` (n > 1): where RFC 9162 splits a tree. */
const split = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);

/** RFC 9162 §2.1.1 MTH of the leaves [start, end): O(end − start) hashes, O(log n) stack. */
export const subtreeRoot = (leafAt: LeafAt, start: number, end: number): Hash => {
  const n = end - start;
  if (n <= 0) return emptyRoot();
  if (n === 1) return leafAt(start);
  const k = split(n);
  return nodeHash(subtreeRoot(leafAt, start, start + k), subtreeRoot(leafAt, start + k, end));
};

/** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of the first `size` leaves, deepest first. */
export const inclusionProof = (leafAt: LeafAt, index: number, size: number): ReadonlyArray<Hash> => {
  const path = (m: number, start: number, end: number): Hash[] => {
    const n = end - start;
    if (n <= 1) return [];
    const k = split(n);
    return m < k
      ? [...path(m, start, start + k), subtreeRoot(leafAt, start + k, end)]
      : [...path(m - k, start + k, end), subtreeRoot(leafAt, start, start + k)];
  };
  return path(index, 0, size);
};

/** RFC 9162 §2.1.4.1: the proof that the tree of the first `size1` leaves is a prefix of that of the first `size2`. */
export const consistencyProof = (leafAt: LeafAt, size1: number, size2: number): ReadonlyArray<Hash> => {
  const subproof = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    const n = end - start;
    if (m === n) return whole ? [] : [subtreeRoot(leafAt, start, end)];
    const k = split(n);
    return m <= k
      ? [...subproof(m, start, start + k, whole), subtreeRoot(leafAt, start + k, end)]
      : [...subproof(m - k, start + k, end, false), subtreeRoot(leafAt, start, start + k)];
  };
  return size1 <= 0 || size1 > size2 ? [] : subproof(size1, 0, size2, true);
};
