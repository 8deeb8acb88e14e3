import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreError } from './errors.js';
import type { SnapshotStore } from './snapshots.js';
import type {
  AppendOptions,
  AppendResult,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamName,
  SubscribeOptions,
  Subscription,
} from './types.js';

/**
 * The one port every event store implements. Reads return whole pages (bounded by `limit`);
 * `readAll` pages through the log with `fromPosition`. Every failure is a {@link StoreError} value.
 */
export interface EventStore {
  /** Appends events atomically (all or none) if the stream is where the writer expects it. */
  readonly append: (
    stream: StreamName,
    expected: ExpectedRevision,
    events: ReadonlyArray<NewEvent>,
    options?: AppendOptions,
  ) => TaskEither<StoreError, AppendResult>;
  /** Reads one stream; `StreamNotFound` when it has no events, `StreamDeleted` when deleted. */
  readonly readStream: (
    stream: StreamName,
    options?: ReadStreamOptions,
  ) => TaskEither<StoreError, ReadonlyArray<RecordedEvent>>;
  /**
   * The events recorded on a stream under a command id (the `commandId` of their metadata), in revision order,
   * found through the store's index of command ids without scanning the stream; none when the id is new.
   * `StreamDeleted` when the stream was deleted (EventStoreDB, whose index is kept beside the stream, knows it only
   * for an id that recorded events there; for another it answers none, and reading the stream says it).
   */
  readonly readCommand: (
    stream: StreamName,
    commandId: string,
  ) => TaskEither<StoreError, ReadonlyArray<RecordedEvent>>;
  /** The latest snapshot of each stream's state: a cache for command handling, never part of the log. */
  readonly snapshots: SnapshotStore;
  /** Reads the global log in position order. */
  readonly readAll: (options?: ReadAllOptions) => TaskEither<StoreError, ReadonlyArray<RecordedEvent>>;
  /**
   * Subscribes to the global log after a position: past events first, then `caughtUp`, then live events,
   * with no gap and no duplicate. An undecodable event ends the iteration with an error thrown by the
   * iterator carrying the {@link StoreError} (see `SubscriptionFailed`).
   */
  readonly subscribe: (options?: SubscribeOptions) => Subscription;
  /**
   * Deletes a stream for good (a tombstone, not EventStoreDB's soft delete): reads, appends and a second
   * delete answer `StreamDeleted` afterwards. Its events may stay in the global log for audits.
   */
  readonly deleteStream: (stream: StreamName, expected?: ExpectedRevision) => TaskEither<StoreError, void>;
  /** Releases connections, file handles and timers. */
  readonly close: () => Promise<void>;
}
