import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreUnavailable } from '../store/errors.js';

/**
 * Which copy of a projection's state: a rebuild writes generation `n + 1` (or a new version) while queries
 * keep reading generation `n`, then promotes it.
 */
export interface CopyKey {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
}

/** One copy as stored: its plain-JSON state and the global position it has folded everything up to. */
export interface StoredCopy {
  readonly key: CopyKey;
  readonly state: unknown;
  /** The last position folded in (inclusive); null when nothing was folded yet. */
  readonly checkpoint: bigint | null;
}

/**
 * Where projection (and process-manager) state lives with its checkpoint. `save` writes both in one atomic
 * step, so a restart never finds a checkpoint that disagrees with the state: what makes at-least-once
 * delivery effectively-once. Every failure is a {@link StoreUnavailable} value.
 */
export interface ProjectionStore {
  /** The copy queries read for a projection name (the last one promoted), or null. */
  readonly current: (name: string) => TaskEither<StoreUnavailable, StoredCopy | null>;
  /** One copy by key, promoted or not, or null. */
  readonly load: (key: CopyKey) => TaskEither<StoreUnavailable, StoredCopy | null>;
  /** Writes a copy's state and checkpoint together, all or nothing; state must be plain JSON. */
  readonly save: (copy: StoredCopy) => TaskEither<StoreUnavailable, void>;
  /** Makes a saved copy the current one and drops every other copy of its name, in one atomic step. */
  readonly promote: (key: CopyKey) => TaskEither<StoreUnavailable, void>;
  /** Releases file handles. */
  readonly close: () => Promise<void>;
}

/** Whether two keys name the same copy. */
export const sameCopy = (a: CopyKey, b: CopyKey): boolean =>
  a.name === b.name && a.version === b.version && a.generation === b.generation;
