import type { KeyObject } from 'node:crypto';
import { verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { eventHash, type ProvenEvent } from './eventHash.js';
import { hashFromHex, leafHash, type Hash } from './hashes.js';
import { fail, parsed, pass, type Parsed, type Verdict } from './result.js';
import { verifyInclusion } from './verify.js';

/** The format tag every inclusion proof carries. */
export const INCLUSION_PROOF_FORMAT = 'dossier-inclusion/1';

/** One event, where it stands in the log, and the Merkle path from it to a checkpoint's root. */
export interface EventInclusionProof {
  readonly format: typeof INCLUSION_PROOF_FORMAT;
  readonly event: ProvenEvent;
  /** The hash before the event in its stream, from which its own hash is recomputed. */
  readonly previousHash: string;
  /** Its index among the log's events (0-based, in global order): the leaf. */
  readonly index: number;
  /** The checkpoint's size: the tree the path leads up. */
  readonly size: number;
  /** The checkpoint's root, for reference; the checkpoint given to the check is what counts. */
  readonly root: string;
  /** Sibling hashes (hex), deepest first (RFC 9162 §2.1.3.1). */
  readonly path: ReadonlyArray<string>;
}

/** The leaf of an event: its chain hash's 32 bytes, hashed as an RFC 9162 leaf. */
export const eventLeaf = (eventHashHex: string): Hash | undefined => {
  const bytes = hashFromHex(eventHashHex);
  return bytes === undefined ? undefined : leafHash(bytes);
};

/**
 * Checks, with no store: the checkpoint is signed by the key; the event's content gives its recorded hash;
 * that hash is the leaf at `index` of the checkpoint's tree.
 */
export const verifyEventProof = (
  proof: EventInclusionProof,
  checkpoint: Checkpoint,
  publicKey: KeyObject,
): Verdict => {
  const signed = verifyCheckpoint(checkpoint, publicKey);
  if (!signed.ok) return fail(`the checkpoint does not verify: ${signed.reason}`);
  if (proof.size !== checkpoint.size)
    return fail(`the proof is for a log of ${proof.size} events, the checkpoint covers ${checkpoint.size}`);
  const recomputed = eventHash(proof.event, proof.previousHash);
  if (recomputed !== proof.event.metadata.hash)
    return fail("the event's content does not give its recorded hash: the event was altered");
  const leaf = eventLeaf(proof.event.metadata.hash);
  const root = hashFromHex(checkpoint.root);
  const path = proof.path.map(hashFromHex);
  if (leaf === undefined || root === undefined || path.some((h) => h === undefined))
    return fail('a hash in the proof is not 64 hex digits');
  const included = verifyInclusion({
    index: proof.index,
    size: proof.size,
    leaf,
    proof: path as Hash[],
    root,
  });
  return included.ok ? pass : fail(`the event is not in the checkpointed log: ${included.reason}`);
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nullableString = (value: unknown): boolean => value === null || typeof value === 'string';

const isEvent = (value: unknown): value is ProvenEvent => {
  if (!isRecord(value) || !isRecord(value['metadata'])) return false;
  const m = value['metadata'];
  return (
    typeof value['stream'] === 'string' &&
    typeof value['revision'] === 'string' &&
    typeof value['position'] === 'string' &&
    typeof value['type'] === 'string' &&
    'data' in value &&
    typeof m['eventId'] === 'string' &&
    nullableString(m['commandId']) &&
    nullableString(m['commandHash']) &&
    typeof m['correlationId'] === 'string' &&
    nullableString(m['causationId']) &&
    nullableString(m['actor']) &&
    typeof m['recordedAt'] === 'string' &&
    typeof m['schemaVersion'] === 'number' &&
    typeof m['hash'] === 'string'
  );
};

/** An inclusion proof from parsed JSON, each field checked, or what is wrong with it. */
export const parseEventProof = (json: unknown): Parsed<EventInclusionProof> => {
  if (!isRecord(json)) return fail('an inclusion proof is a JSON object');
  const { format, event, previousHash, index, size, root, path } = json;
  if (format !== INCLUSION_PROOF_FORMAT) return fail(`format is not ${INCLUSION_PROOF_FORMAT}`);
  if (!isEvent(event)) return fail('event is not a recorded event with its metadata');
  if (typeof previousHash !== 'string') return fail('previousHash is missing');
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0)
    return fail('index is not a whole number');
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1)
    return fail('size is not a positive whole number');
  if (typeof root !== 'string') return fail('root is missing');
  if (!Array.isArray(path) || path.some((p) => typeof p !== 'string'))
    return fail('path is not a list of hashes');
  return parsed({ format, event, previousHash, index, size, root, path: path as string[] });
};
