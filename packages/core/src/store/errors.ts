import type { ExpectedRevision, StreamName } from './types.js';

/** Every way a store operation can fail. Stores return these as values; they never throw across the port. */
export type StoreError =
  | ConcurrencyConflict
  | StreamNotFound
  | StreamDeleted
  | UndecodableEvent
  | InvalidEvent
  | StoreUnavailable
  | AppendOutcomeUnknown;

/** The stream was not at the revision the writer expected. */
export interface ConcurrencyConflict {
  readonly _tag: 'ConcurrencyConflict';
  readonly stream: StreamName;
  readonly expected: ExpectedRevision;
  /** The stream's actual last revision, or 'no-stream'. */
  readonly actual: bigint | 'no-stream';
}

/** Reading a stream that has no events. */
export interface StreamNotFound {
  readonly _tag: 'StreamNotFound';
  readonly stream: StreamName;
}

/** The stream was deleted (or tombstoned) and cannot be read or written. */
export interface StreamDeleted {
  readonly _tag: 'StreamDeleted';
  readonly stream: StreamName;
}

/** A recorded event could not be decoded: corrupt, unknown type, or failing its codec after upcasting. */
export interface UndecodableEvent {
  readonly _tag: 'UndecodableEvent';
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly reason: string;
}

/** An event offered for appending failed its codec (or names an unknown type); nothing was written. */
export interface InvalidEvent {
  readonly _tag: 'InvalidEvent';
  readonly stream: StreamName;
  /** Index of the offending event in the batch. */
  readonly index: number;
  readonly type: string;
  readonly reason: string;
}

/** The store could not be reached or failed unexpectedly; `cause` says how. */
export interface StoreUnavailable {
  readonly _tag: 'StoreUnavailable';
  readonly cause: string;
}

/**
 * An append was sent but its answer never came (the connection dropped, a deadline passed) and retrying could not
 * settle whether it was written. Nothing was written twice; the events may or may not be in the stream. Handling the
 * command again with the same command id is safe: a repeat is recognised and answers the first outcome.
 */
export interface AppendOutcomeUnknown {
  readonly _tag: 'AppendOutcomeUnknown';
  readonly stream: StreamName;
  readonly expected: ExpectedRevision;
  /** The ids of the events whose fate is unknown. */
  readonly eventIds: ReadonlyArray<string>;
  readonly cause: string;
}

/** Builds a {@link ConcurrencyConflict}. */
export const concurrencyConflict = (
  stream: StreamName,
  expected: ExpectedRevision,
  actual: bigint | 'no-stream',
): ConcurrencyConflict => ({ _tag: 'ConcurrencyConflict', stream, expected, actual });
/** Builds a {@link StreamNotFound}. */
export const streamNotFound = (stream: StreamName): StreamNotFound => ({ _tag: 'StreamNotFound', stream });
/** Builds a {@link StreamDeleted}. */
export const streamDeleted = (stream: StreamName): StreamDeleted => ({ _tag: 'StreamDeleted', stream });
/** Builds a {@link StoreUnavailable} from whatever was thrown. */
export const storeUnavailable = (cause: unknown): StoreUnavailable => ({
  _tag: 'StoreUnavailable',
  cause: cause instanceof Error ? cause.message : String(cause),
});
/** Builds an {@link AppendOutcomeUnknown}. */
export const appendOutcomeUnknown = (
  stream: StreamName,
  expected: ExpectedRevision,
  eventIds: ReadonlyArray<string>,
  cause: string,
): AppendOutcomeUnknown => ({ _tag: 'AppendOutcomeUnknown', stream, expected, eventIds, cause });
