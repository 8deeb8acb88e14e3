import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  createFrontier,
  createLeafLog,
  inclusionProof,
  leafHash,
  subtreeRoot,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '@dossier/proof';

const runs = Number(process.env['FC_RUNS'] ?? 100);

/** A random log of 1 to 70 leaves, each from a few random bytes. */
const logArb = fc
  .array(fc.uint8Array({ minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 70 })
  .map((inputs) => inputs.map((input) => leafHash(input)));

/** A log with two sizes m ≤ n within it. */
const sizesArb = logArb.chain((leaves) =>
  fc
    .tuple(fc.integer({ min: 1, max: leaves.length }), fc.integer({ min: 1, max: leaves.length }))
    .map(([a, b]) => ({ leaves, m: Math.min(a, b), n: Math.max(a, b) })),
);

const at =
  (leaves: ReadonlyArray<Hash>) =>
  (i: number): Hash =>
    leaves[i] ?? new Uint8Array();

describe('consistency proofs over random logs', () => {
  it('for any two sizes m ≤ n the proof verifies', () => {
    fc.assert(
      fc.property(sizesArb, ({ leaves, m, n }) => {
        const leafAt = at(leaves);
        const verdict = verifyConsistency({
          size1: m,
          root1: subtreeRoot(leafAt, 0, m),
          size2: n,
          root2: subtreeRoot(leafAt, 0, n),
          proof: consistencyProof(leafAt, m, n),
        });
        expect(verdict).toEqual({ ok: true });
      }),
      { numRuns: runs },
    );
  });

  it('verifies for every m from 1 to n (m = n with an empty proof); from m = 0 there is no proof to check', () => {
    fc.assert(
      fc.property(logArb, (leaves) => {
        const leafAt = at(leaves);
        const n = leaves.length;
        const root2 = subtreeRoot(leafAt, 0, n);
        for (let m = 1; m <= n; m++) {
          const proof = consistencyProof(leafAt, m, n);
          if (m === n) expect(proof).toEqual([]);
          const claim = { size1: m, root1: subtreeRoot(leafAt, 0, m), size2: n, root2, proof };
          expect(verifyConsistency(claim)).toEqual({ ok: true });
        }
        // RFC 9162 defines consistency from a non-empty tree: the empty one is refused here, and a checkpoint of an
        // empty log is held extended by any log (core's verifyCheckpoints) without a proof.
        expect(verifyConsistency({ size1: 0, root1: root2, size2: n, root2, proof: [] }).ok).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it('fails once any of the first m leaves changed, whatever proof the changed log offers', () => {
    fc.assert(
      fc.property(
        sizesArb.chain((s) =>
          fc.record({ s: fc.constant(s), changed: fc.integer({ min: 0, max: s.m - 1 }) }),
        ),
        fc.uint8Array({ minLength: 9, maxLength: 12 }),
        ({ s: { leaves, m, n }, changed }, replacement) => {
          const root1 = subtreeRoot(at(leaves), 0, m);
          const rewritten = leaves.map((leaf, i) => (i === changed ? leafHash(replacement) : leaf));
          const leafAt = at(rewritten);
          const verdict = verifyConsistency({
            size1: m,
            root1,
            size2: n,
            root2: subtreeRoot(leafAt, 0, n),
            proof: consistencyProof(leafAt, m, n),
          });
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: runs },
    );
  });
});

describe('inclusion proofs over random logs', () => {
  it('every leaf is proven in every tree that holds it, and a different leaf is not', () => {
    fc.assert(
      fc.property(sizesArb, ({ leaves, m: index, n: size }) => {
        const leafAt = at(leaves);
        const claim = {
          index: index - 1,
          size,
          leaf: leafAt(index - 1),
          proof: inclusionProof(leafAt, index - 1, size),
          root: subtreeRoot(leafAt, 0, size),
        };
        expect(verifyInclusion(claim)).toEqual({ ok: true });
        expect(
          verifyInclusion({ ...claim, leaf: leafHash(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9)) }).ok,
        ).toBe(false);
      }),
      { numRuns: runs },
    );
  });
});

describe('frontier', () => {
  it('streams to the same root and subtrees at every size, and resumes from its subtrees', () => {
    fc.assert(
      fc.property(sizesArb, ({ leaves, m, n }) => {
        const frontier = createFrontier();
        const log = createLeafLog();
        leaves.slice(0, m).forEach((leaf) => {
          frontier.push(leaf);
          log.push(leaf);
        });
        const resumed = createFrontier({ size: m, subtrees: frontier.subtrees() });
        leaves.slice(m, n).forEach((leaf) => resumed.push(leaf));
        expect(toHex(frontier.root())).toBe(toHex(subtreeRoot(at(leaves), 0, m)));
        expect(toHex(log.rootAt(m))).toBe(toHex(frontier.root()));
        expect(toHex(resumed.root())).toBe(toHex(subtreeRoot(at(leaves), 0, n)));
        expect(resumed.subtrees()).toHaveLength(n.toString(2).replace(/0/g, '').length);
      }),
      { numRuns: runs },
    );
  });
});
