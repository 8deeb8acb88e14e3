import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  createFrontier,
  emptyRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  subtreeRoot,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '@dossier/proof';

// Vectors of the CT reference implementation (github.com/transparency-dev/merkle: testonly/constants.go and
// testdata/), used as data.
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const b64 = (text: string | null | undefined): Uint8Array =>
  Uint8Array.from(Buffer.from(text ?? '', 'base64'));

const leafInputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const leaves = leafInputs.map((input) => leafHash(hex(input)));
const leafAt = (i: number): Uint8Array => leaves[i] ?? new Uint8Array();

interface InclusionVector {
  readonly leafIdx: number;
  readonly treeSize: number;
  readonly root: string;
  readonly leafHash: string;
  readonly proof: ReadonlyArray<string> | null;
  readonly desc: string;
  readonly wantErr: boolean;
  readonly file: string;
}
interface ConsistencyVector {
  readonly size1: number;
  readonly size2: number;
  readonly root1: string;
  readonly root2: string;
  readonly proof: ReadonlyArray<string> | null;
  readonly desc: string;
  readonly wantErr: boolean;
  readonly file: string;
}
const load = <V>(kind: string): ReadonlyArray<V> =>
  (JSON.parse(readFileSync(new URL(`./vectors/${kind}.json`, import.meta.url), 'utf8')) as { vectors: V[] })
    .vectors;

describe('RFC 9162 hashing', () => {
  it('hashes the empty tree, an empty leaf, a leaf and a node as the reference does', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(leafHash(new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(toHex(leafHash(Buffer.from('L123456')))).toBe(
      '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56',
    );
    // A node's hash is not the leaf hash of its children's concatenation (second preimage).
    const [a, b] = [leafHash(Buffer.from('Hello')), leafHash(Buffer.from('World'))];
    expect(toHex(nodeHash(a, b))).not.toBe(toHex(leafHash(Buffer.concat([a, b]))));
  });

  it('gives the reference root for every size from 0 to 8, by recursion and by streaming', () => {
    const frontier = createFrontier();
    for (let size = 0; size <= 8; size++) {
      expect(toHex(subtreeRoot(leafAt, 0, size)), `size ${size}`).toBe(roots[size]);
      expect(toHex(frontier.root()), `frontier at ${size}`).toBe(roots[size]);
      if (size < 8) frontier.push(leafAt(size));
    }
  });
});

describe('inclusion proofs: the reference vectors', () => {
  const vectors = load<InclusionVector>('inclusion');
  it.each(vectors.map((v) => [v.file, v] as const))('%s', (_, v) => {
    const verdict = verifyInclusion({
      index: v.leafIdx,
      size: v.treeSize,
      leaf: b64(v.leafHash),
      proof: (v.proof ?? []).map(b64),
      root: b64(v.root),
    });
    expect(verdict.ok).toBe(!v.wantErr);
    // A happy path is also what this package computes for that leaf of the reference tree.
    if (v.desc === 'happy path' && toHex(b64(v.leafHash)) === toHex(leafAt(v.leafIdx)))
      expect(inclusionProof(leafAt, v.leafIdx, v.treeSize).map(toHex)).toEqual(
        (v.proof ?? []).map((p) => toHex(b64(p))),
      );
  });
  it('covers every kind of vector', () => {
    expect(vectors.length).toBeGreaterThan(60);
    expect(vectors.filter((v) => !v.wantErr).length).toBeGreaterThan(3);
  });
});

describe('consistency proofs: the reference vectors', () => {
  const vectors = load<ConsistencyVector>('consistency');
  it.each(vectors.map((v) => [v.file, v] as const))('%s', (_, v) => {
    const verdict = verifyConsistency({
      size1: v.size1,
      size2: v.size2,
      root1: b64(v.root1),
      root2: b64(v.root2),
      proof: (v.proof ?? []).map(b64),
    });
    expect(verdict.ok).toBe(!v.wantErr);
    if (v.desc === 'happy path' && v.size2 <= 8)
      expect(consistencyProof(leafAt, v.size1, v.size2).map(toHex)).toEqual(
        (v.proof ?? []).map((p) => toHex(b64(p))),
      );
  });
  it('covers every kind of vector', () => {
    expect(vectors.length).toBeGreaterThan(60);
  });
});
