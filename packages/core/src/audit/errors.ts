import type { StoreError } from '../store/errors.js';

/** An event whose hash cannot be read, so the log's Merkle tree cannot be computed past it. */
export interface UnreadableLeaf {
  readonly _tag: 'UnreadableLeaf';
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly reason: string;
}

/** The event a proof was asked for is not among the checkpointed ones. */
export interface EventNotCheckpointed {
  readonly _tag: 'EventNotCheckpointed';
  readonly stream: string;
  readonly revision: bigint;
  /** Why: not in the log at all, or recorded after the checkpoint. */
  readonly reason: string;
}

/** The log no longer holds what the checkpoint signed, so no proof against it can be made. */
export interface LogDisagrees {
  readonly _tag: 'LogDisagrees';
  readonly reason: string;
}

/** What computing the tree, a checkpoint or a proof over a store can fail with. */
export type AuditError = StoreError | UnreadableLeaf | EventNotCheckpointed | LogDisagrees;
