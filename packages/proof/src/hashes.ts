import { createHash } from 'node:crypto';

/** A SHA-256 digest: 32 bytes. */
export type Hash = Uint8Array;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** RFC 9162 §2.1.1: a leaf's hash, prefixed 0x00 so that no leaf can pass for an inner node. */
export const leafHash = (data: Uint8Array): Hash =>
  createHash('sha256').update(LEAF_PREFIX).update(data).digest();

/** RFC 9162 §2.1.1: an inner node's hash over its two children, prefixed 0x01. */
export const nodeHash = (left: Hash, right: Hash): Hash =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/** The root of the empty tree: SHA-256 of nothing. */
export const emptyRoot = (): Hash => createHash('sha256').digest();

/** Whether two hashes are the same bytes. */
export const sameHash = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Lower-case hex, as hashes appear in checkpoints and proofs. */
export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The bytes of a hex SHA-256 digest, or undefined when the text is not 64 hex digits. */
export const hashFromHex = (text: unknown): Hash | undefined =>
  typeof text === 'string' && /^[0-9a-f]{64}$/.test(text)
    ? Uint8Array.from(Buffer.from(text, 'hex'))
    : undefined;
