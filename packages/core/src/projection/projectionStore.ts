import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreUnavailable } from '../store/errors.js';
import type { RowChange, RowSource } from './rows.js';

/**
 * Which copy of a projection's state: a rebuild writes generation `n + 1` (or a new version) while queries
 * keep reading generation `n`, then promotes it.
 */
export interface CopyKey {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
}

/** One copy as stored: its key and the global position it has folded everything up to. */
export interface StoredCopy {
  readonly key: CopyKey;
  /** The last position folded in (inclusive); null when nothing was folded yet. */
  readonly checkpoint: bigint | null;
}

/** What one save writes: the rows changed since the last save of the copy, and its new checkpoint. */
export interface CopyChanges {
  readonly key: CopyKey;
  /** One change per row (its last value); a null row deletes it. Each row must be plain JSON. */
  readonly changes: ReadonlyArray<RowChange>;
  readonly checkpoint: bigint | null;
}

/**
 * Where projection (and process-manager) state lives with its checkpoint: keyed rows per copy. `save` writes the
 * changed rows and the checkpoint in one atomic step, so a restart never finds a checkpoint that disagrees with
 * the rows: what makes at-least-once delivery effectively-once. Every failure is a {@link StoreUnavailable} value.
 */
export interface ProjectionStore {
  /** The copy queries read for a projection name (the last one promoted), or null. */
  readonly current: (name: string) => TaskEither<StoreUnavailable, StoredCopy | null>;
  /** One copy by key, promoted or not, or null. */
  readonly load: (key: CopyKey) => TaskEither<StoreUnavailable, StoredCopy | null>;
  /** Starts a copy empty (no rows, no checkpoint), dropping whatever an earlier attempt left under that key. */
  readonly reset: (key: CopyKey) => TaskEither<StoreUnavailable, void>;
  /** Writes a copy's changed rows and its checkpoint together, all or nothing; the copy must exist. */
  readonly save: (changes: CopyChanges) => TaskEither<StoreUnavailable, void>;
  /**
   * The saved rows of a copy, read synchronously as a fold needs them. A read the store cannot answer throws,
   * and the runner reports it as a failure of the event being folded.
   */
  readonly rows: (key: CopyKey) => RowSource;
  /** Makes a saved copy the current one and drops every other copy of its name, in one atomic step. */
  readonly promote: (key: CopyKey) => TaskEither<StoreUnavailable, void>;
  /** Releases file handles. */
  readonly close: () => Promise<void>;
}

/** Whether two keys name the same copy. */
export const sameCopy = (a: CopyKey, b: CopyKey): boolean =>
  a.name === b.name && a.version === b.version && a.generation === b.generation;
