import type { KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  firstDivergence,
  hashFromHex,
  subtreeRoot,
  subtreeSizes,
  toHex,
  verifyCheckpoint,
  verifyConsistency,
  type Checkpoint,
  type LeafLog,
} from '@dossier/proof';
import type { StoreError } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import { verifyStore, type StoreVerification, type VerifyStoreOptions } from '../store/verify.js';
import { exactParting, keptFor, type KeptLeaves } from './keptLeaves.js';
import { leafLogBuilder } from './logTree.js';

/** Where the log parts from a checkpoint: somewhere in the events [from, until) by index in the log, 0-based. */
export interface PartingRange {
  readonly from: number;
  readonly until: number;
  /** The position in the store of the event at `from`, when the log still holds one there. */
  readonly position?: bigint;
}

/** Store positions by index in the log, 8 bytes each. */
const positionLog = () => {
  let positions = new BigInt64Array(1024);
  let size = 0;
  return {
    push: (position: bigint): void => {
      if (size === positions.length) {
        const grown = new BigInt64Array(positions.length * 2);
        grown.set(positions);
        positions = grown;
      }
      positions[size++] = position;
    },
    at: (index: number): bigint | undefined => (index < size ? positions[index] : undefined),
  };
};

/** How the log fails a checkpoint. */
export type CheckpointProblem =
  /** The checkpoint is not signed by the key given, or was altered. */
  | 'signature'
  /** The log holds fewer events than the checkpoint counted. */
  | 'truncated'
  /** The first `size` events are not those the checkpoint signed. */
  | 'rewritten'
  /** An event's hash cannot be read, so the tree cannot be computed. */
  | 'unreadable';

/** What comparing the log with one checkpoint found. */
export type CheckpointResult =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | {
      readonly ok: false;
      readonly checkpoint: Checkpoint;
      readonly problem: CheckpointProblem;
      readonly detail: string;
      /** Where the log parts from it, as closely as the checkpoints tell. */
      readonly parts: PartingRange | undefined;
    };

/** What {@link verifyCheckpoints} found: the store's own checks and each checkpoint's. */
export interface CheckpointVerification {
  readonly ok: boolean;
  readonly store: StoreVerification;
  /** The log's size and root now (undefined when an event's hash cannot be read). */
  readonly size: number;
  readonly root: string | undefined;
  readonly checkpoints: ReadonlyArray<CheckpointResult>;
}

/** Compares the checkpoint's subtrees, those that lie within the log, with the log's own. */
const partingRange = (checkpoint: Checkpoint, leaves: LeafLog): PartingRange | undefined => {
  const size = Math.min(checkpoint.size, leaves.size());
  if (checkpoint.size <= leaves.size()) {
    const ours = subtreeSizes(size).reduce<{ start: number; hashes: Uint8Array[] }>(
      (acc, leavesIn) => ({
        start: acc.start + leavesIn,
        hashes: [...acc.hashes, subtreeRoot(leaves.leafAt, acc.start, acc.start + leavesIn)],
      }),
      { start: 0, hashes: [] },
    ).hashes;
    return firstDivergence(checkpoint.subtrees, ours, size);
  }
  let start = 0;
  for (const [i, leavesIn] of subtreeSizes(checkpoint.size).entries()) {
    const end = start + leavesIn;
    const theirs = hashFromHex(checkpoint.subtrees[i]);
    const ours = end <= leaves.size() ? subtreeRoot(leaves.leafAt, start, end) : undefined;
    if (ours === undefined || theirs === undefined || toHex(ours) !== toHex(theirs))
      return { from: start, until: Math.min(end, leaves.size() + 1) };
    start = end;
  }
  return undefined;
};

const check = (
  checkpoint: Checkpoint,
  publicKey: KeyObject,
  leaves: LeafLog,
  kept: ReadonlyArray<KeptLeaves>,
): CheckpointResult => {
  const refused = (problem: CheckpointProblem, detail: string, parts?: PartingRange): CheckpointResult => ({
    ok: false,
    checkpoint,
    problem,
    detail,
    parts,
  });
  // With the checkpoint's own leaves kept, the exact first index where the log parts; else its subtrees' range.
  const parting = (): PartingRange | undefined => {
    const own = keptFor(checkpoint, kept);
    return own === undefined ? partingRange(checkpoint, leaves) : exactParting(own, leaves);
  };
  const signed = verifyCheckpoint(checkpoint, publicKey);
  if (!signed.ok) return refused('signature', signed.reason);
  const n = leaves.size();
  if (n < checkpoint.size)
    return refused(
      'truncated',
      `the log holds ${n} events, the checkpoint of ${checkpoint.timestamp} counted ${checkpoint.size}`,
      parting(),
    );
  // Every log extends the empty one, whose root the signature check has already tied to size 0.
  if (checkpoint.size === 0) return { ok: true, checkpoint };
  const root1 = hashFromHex(checkpoint.root);
  if (root1 === undefined) return refused('signature', 'its root is not a hash');
  const verdict = verifyConsistency({
    size1: checkpoint.size,
    root1,
    size2: n,
    root2: leaves.frontier.root(),
    proof: leaves.consistencyProof(checkpoint.size, n),
  });
  return verdict.ok
    ? { ok: true, checkpoint }
    : refused(
        'rewritten',
        `the first ${checkpoint.size} events are not those the checkpoint of ${checkpoint.timestamp} signed: ${verdict.reason}`,
        parting(),
      );
};

/** Narrows a failing checkpoint's range with the sizes of checkpoints the log passed: up to those, nothing changed. */
const narrowed = (results: ReadonlyArray<CheckpointResult>): ReadonlyArray<CheckpointResult> => {
  const passed = results.flatMap((r) => (r.ok ? [r.checkpoint.size] : []));
  return results.map((r) => {
    if (r.ok || r.parts === undefined) return r;
    const { from, until } = r.parts;
    return { ...r, parts: { from: Math.max(from, ...passed.filter((size) => size < until)), until } };
  });
};

/** How {@link verifyCheckpoints} reads, and what the auditor kept beside the checkpoints. */
export interface VerifyCheckpointsOptions extends VerifyStoreOptions {
  /**
   * Checkpoints' own leaves (one per event, as `dossier checkpoint --hashes` keeps them): a failing checkpoint
   * whose leaves are here (same size, same signed root) is told the exact first index where the log parts from it.
   */
  readonly kept?: ReadonlyArray<KeptLeaves>;
}

/**
 * Verifies the store (chains, tips, order: {@link verifyStore}) and, in the same pass over the log, proves it
 * an append-only extension of each checkpoint: signed by the key, and consistent (RFC 9162 consistency proof
 * from the checkpoint's tree to the log's). Keeps the leaves (32 bytes an event) to compute the proofs.
 */
export const verifyCheckpoints =
  (
    store: EventStore,
    checkpoints: ReadonlyArray<Checkpoint>,
    publicKey: KeyObject,
    options: VerifyCheckpointsOptions = {},
  ): TaskEither<StoreError, CheckpointVerification> =>
  async () => {
    const tree = leafLogBuilder();
    const positions = positionLog();
    const verified = await verifyStore(store, {
      ...options,
      observe: (item) => {
        options.observe?.(item);
        tree.push(item);
        positions.push(item.position);
      },
    })();
    if (E.isLeft(verified)) return verified;
    const frontier = tree.result();
    const results = E.isLeft(frontier)
      ? checkpoints.map((checkpoint): CheckpointResult => ({
          ok: false,
          checkpoint,
          problem: 'unreadable',
          detail: `the tree cannot be computed: the hash of ${frontier.left.stream} revision ${frontier.left.revision} (position ${frontier.left.position}) cannot be read`,
          parts: undefined,
        }))
      : narrowed(
          checkpoints.map((checkpoint) => check(checkpoint, publicKey, tree.leaves, options.kept ?? [])),
        ).map((r) => {
          const position = r.ok || r.parts === undefined ? undefined : positions.at(r.parts.from);
          return r.ok || r.parts === undefined || position === undefined
            ? r
            : { ...r, parts: { ...r.parts, position } };
        });
    return E.right({
      ok: verified.right.ok && results.every((r) => r.ok),
      store: verified.right,
      size: tree.leaves.size(),
      root: E.isLeft(frontier) ? undefined : toHex(frontier.right.root()),
      checkpoints: results,
    });
  };
