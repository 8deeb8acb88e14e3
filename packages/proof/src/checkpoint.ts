import { sign, verify, type KeyObject } from 'node:crypto';
import { rootOfSubtrees, subtreeSizes } from './frontier.js';
import { hashFromHex, sameHash, toHex, type Hash } from './hashes.js';
import { keyIdOf } from './keys.js';
import { fail, parsed, pass, type Parsed, type Verdict } from './result.js';

/** The format tag every checkpoint carries; a new format gets a new tag. */
export const CHECKPOINT_FORMAT = 'dossier-checkpoint/1';

/** A signed tree head: the size and root of the log's Merkle tree at an instant, signed with Ed25519. */
export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  /** How many events the log held. */
  readonly size: number;
  /** The Merkle tree head over their hashes (hex). */
  readonly root: string;
  /** The compact range at `size` (hex, largest subtree first): they hash to `root`, and say where a log parts. */
  readonly subtrees: ReadonlyArray<string>;
  /** When the checkpoint was made, ISO-8601 UTC. */
  readonly timestamp: string;
  /** Which key signed (see `keyIdOf`). */
  readonly keyId: string;
  /** Ed25519 over {@link checkpointMessage}, base64. */
  readonly signature: string;
}

/** A tree head before signing. */
export interface TreeHead {
  readonly size: number;
  readonly root: Hash;
  readonly subtrees: ReadonlyArray<Hash>;
}

/** The bytes signed: the format, size, root, instant and key id, one a line. */
export const checkpointMessage = (
  checkpoint: Pick<Checkpoint, 'size' | 'root' | 'timestamp' | 'keyId'>,
): Buffer =>
  Buffer.from(
    `${CHECKPOINT_FORMAT}\n${checkpoint.size}\n${checkpoint.root}\n${checkpoint.timestamp}\n${checkpoint.keyId}\n`,
  );

/** Signs a tree head with an Ed25519 private key, stamping it with `timestamp`. */
export const signCheckpoint = (head: TreeHead, privateKey: KeyObject, timestamp: string): Checkpoint => {
  const unsigned = { size: head.size, root: toHex(head.root), timestamp, keyId: keyIdOf(privateKey) };
  return {
    format: CHECKPOINT_FORMAT,
    ...unsigned,
    subtrees: head.subtrees.map(toHex),
    signature: sign(null, checkpointMessage(unsigned), privateKey).toString('base64'),
  };
};

/** Whether the checkpoint was signed by this public key and its subtrees hash to its root. */
export const verifyCheckpoint = (checkpoint: Checkpoint, publicKey: KeyObject): Verdict => {
  const keyId = keyIdOf(publicKey);
  if (checkpoint.keyId !== keyId)
    return fail(`signed by key ${checkpoint.keyId}, not by the key given (${keyId})`);
  const signature = Buffer.from(checkpoint.signature, 'base64');
  if (!verify(null, checkpointMessage(checkpoint), publicKey, signature))
    return fail('the signature does not match: the checkpoint was altered or signed by another key');
  return subtreesMatch(checkpoint) ? pass : fail('its subtrees do not hash to its root');
};

const subtreesMatch = (checkpoint: Checkpoint): boolean => {
  const hashes = checkpoint.subtrees.map(hashFromHex);
  const root = hashFromHex(checkpoint.root);
  if (root === undefined || hashes.some((h) => h === undefined)) return false;
  if (hashes.length !== subtreeSizes(checkpoint.size).length) return false;
  return sameHash(rootOfSubtrees(hashes as Hash[]), root);
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A checkpoint from parsed JSON, each field checked, or what is wrong with it. */
export const parseCheckpoint = (json: unknown): Parsed<Checkpoint> => {
  if (!isRecord(json)) return fail('a checkpoint is a JSON object');
  const { format, size, root, subtrees, timestamp, keyId, signature } = json;
  if (format !== CHECKPOINT_FORMAT) return fail(`format is not ${CHECKPOINT_FORMAT}`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    return fail('size is not a whole number of events');
  if (hashFromHex(root) === undefined) return fail('root is not 64 hex digits');
  if (!Array.isArray(subtrees) || subtrees.some((s) => hashFromHex(s) === undefined))
    return fail('subtrees is not a list of 64-hex-digit hashes');
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp)))
    return fail('timestamp is not an ISO-8601 instant');
  if (typeof keyId !== 'string' || !/^[0-9a-f]{32}$/.test(keyId)) return fail('keyId is not 32 hex digits');
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(signature))
    return fail('signature is not base64');
  return parsed({
    format,
    size,
    root: root as string,
    subtrees: subtrees as string[],
    timestamp,
    keyId,
    signature,
  });
};
