import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from './errors.js';
import type { StreamName } from './types.js';

/**
 * A stream's state folded up to a revision, kept to spare folding the events before it. A cache: command
 * handling checks it against the log before using it, and folds the events whenever it does not hold.
 */
export interface StoredSnapshot {
  readonly stream: StreamName;
  /** The revision of the last event folded into the state. */
  readonly revision: bigint;
  /** That event's hash: a snapshot whose revision no longer carries it is stale. */
  readonly hash: string;
  /** Which `evolve`, initial state and state codec made it; a snapshot made under another key is ignored. */
  readonly key: string;
  /** The state as its codec encoded it: plain JSON. */
  readonly state: unknown;
}

/** Where a store keeps the latest snapshot of each stream. */
export interface SnapshotStore {
  /** The stream's latest snapshot, whatever its key; null when there is none. */
  readonly read: (stream: StreamName) => TaskEither<StoreError, StoredSnapshot | null>;
  /** Replaces the stream's snapshot. */
  readonly write: (snapshot: StoredSnapshot) => TaskEither<StoreError, void>;
}
