import { nodeHash, sameHash, type Hash } from './hashes.js';
import { fail, pass, type Verdict } from './result.js';

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** An inclusion proof as RFC 9162 §2.1.3 states it. */
export interface InclusionClaim {
  readonly index: number;
  readonly size: number;
  readonly leaf: Hash;
  readonly proof: ReadonlyArray<Hash>;
  readonly root: Hash;
}

/** RFC 9162 §2.1.3.2: whether `proof` shows the leaf at `index` in the tree of `size` leaves with this root. */
export const verifyInclusion = ({ index, size, leaf, proof, root }: InclusionClaim): Verdict => {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return fail(`leaf ${index} is not in a tree of ${size} leaves`);
  if (leaf.length !== 32) return fail('the leaf is not a SHA-256 hash');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return fail('the proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else r = nodeHash(r, p);
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('the proof is shorter than the tree is deep');
  return sameHash(r, root) ? pass : fail('the proof leads to another root: the leaf is not in this tree');
};

/** A consistency proof as RFC 9162 §2.1.4 states it. */
export interface ConsistencyClaim {
  readonly size1: number;
  readonly root1: Hash;
  readonly size2: number;
  readonly root2: Hash;
  readonly proof: ReadonlyArray<Hash>;
}

/**
 * RFC 9162 §2.1.4.2: whether `proof` shows the tree of `size1` leaves with `root1` to be a prefix of the
 * tree of `size2` leaves with `root2` — that the log only grew in between.
 */
export const verifyConsistency = ({ size1, root1, size2, root2, proof }: ConsistencyClaim): Verdict => {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0)
    return fail('sizes must be whole numbers');
  if (size2 < size1) return fail(`the tree shrank from ${size1} to ${size2} leaves`);
  // Every tree extends the empty one: a proof from size 0 proves nothing.
  if (size1 === 0) return fail('a consistency proof from the empty tree is meaningless');
  if (size1 === size2) {
    if (proof.length > 0) return fail('trees of the same size need no proof');
    return sameHash(root1, root2) ? pass : fail('two trees of the same size have different roots');
  }
  if (proof.length === 0) return fail('the proof is empty');
  const path = Number.isInteger(Math.log2(size1)) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Hash;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('the proof is longer than the trees are deep');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else sr = nodeHash(sr, c);
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('the proof is shorter than the trees are deep');
  if (!sameHash(fr, root1)) return fail(`the proof does not lead to the root of the first ${size1} leaves`);
  if (!sameHash(sr, root2)) return fail(`the proof does not lead to the root of the first ${size2} leaves`);
  return pass;
};
