import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { systemClock } from './clock.js';
import { createEmitter } from './emitter.js';
import { concurrencyConflict, storeUnavailable, streamDeleted, type StoreError } from './errors.js';
import { meetsExpectation } from './expected.js';
import { appendToLog, emptyEntry } from './inMemoryAppend.js';
import { readAllOf, readCommandOf, readPageOf, readStreamOf } from './inMemoryRead.js';
import { emptyLog, textOf, type InMemoryLog, type StoredEventText } from './inMemoryRows.js';
import { inMemorySnapshots } from './inMemorySnapshots.js';
import type { EventStore } from './port.js';
import { anyJsonSchema, type EventSchema } from './schema.js';
import { catchUpThenLive, type CatchUpPage } from './subscription.js';
import type { RecordedTip } from './tipCheck.js';
import type { EventFilter, StreamName, Subscription } from './types.js';

/** How to build an in-memory store. */
export interface InMemoryStoreOptions {
  /** Validates appends and decodes reads; any JSON when omitted. */
  readonly schema?: EventSchema;
  /** The `recordedAt` of each append, ISO-8601 UTC; the system clock when omitted. */
  readonly clock?: () => string;
}

/** The in-memory store: the port, plus a way for tests of audits to damage what it holds. */
export interface InMemoryEventStore extends EventStore {
  /**
   * Rewrites a stored event's text behind the port's back, as a failing disk or an intruder would, so that
   * audits and decoding errors can be tested. False when there is no such event.
   */
  readonly tamper: (
    stream: StreamName,
    revision: bigint,
    edit: (stored: StoredEventText) => StoredEventText,
  ) => boolean;
  /** Each stream's tip as the store keeps it apart from the log, for `verifyStore`'s `tips`. */
  readonly recordedTips: () => TaskEither<StoreError, ReadonlyArray<RecordedTip>>;
}

/**
 * An event store in process memory, with every guarantee of the port: for tests, examples and property
 * tests. Positions count from 0 with no gaps. A deleted stream stays deleted: reads, appends and a second
 * delete answer `StreamDeleted`, while its events stay in the global log (as in SQLite and after an
 * EventStoreDB tombstone, the audit trail keeps them).
 */
export const createInMemoryStore = (options: InMemoryStoreOptions = {}): InMemoryEventStore => {
  const schema = options.schema ?? anyJsonSchema;
  const clock = options.clock ?? systemClock();
  const log: InMemoryLog = emptyLog();
  const changes = createEmitter<{ appended: undefined }>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  // Every operation runs whole when its task runs, with nothing awaited in between, so none can interleave.
  const run =
    <A>(operation: () => E.Either<StoreError, A>): TaskEither<StoreError, A> =>
    () => {
      if (closed) return Promise.resolve(E.left(storeUnavailable('the in-memory store is closed')));
      try {
        return Promise.resolve(operation());
      } catch (thrown) {
        return Promise.resolve(E.left(storeUnavailable(thrown)));
      }
    };

  const readPage = (
    after: bigint | undefined,
    limit: number,
    filter: EventFilter | undefined,
  ): Promise<E.Either<StoreError, CatchUpPage>> =>
    Promise.resolve(
      closed
        ? E.left(storeUnavailable('the in-memory store is closed'))
        : E.right(readPageOf(log, schema, after, limit, filter)),
    );

  return {
    append: (stream, expected, events) =>
      run(() => {
        const result = appendToLog(log, schema, clock(), stream, expected, events);
        if (E.isRight(result) && result.right.events.length > 0) changes.emit('appended', undefined);
        return result;
      }),

    readStream: (stream, readOptions = {}) => run(() => readStreamOf(log, schema, stream, readOptions)),

    readAll: (readOptions = {}) => run(() => readAllOf(log, schema, readOptions)),

    readCommand: (stream, commandId) => run(() => readCommandOf(log, schema, stream, commandId)),

    snapshots: inMemorySnapshots(run),

    subscribe: (subscribeOptions = {}) => {
      const subscription = catchUpThenLive(
        {
          readPage,
          watch: (onChange) => {
            changes.on('appended', onChange);
            return () => changes.off('appended', onChange);
          },
        },
        subscribeOptions,
      );
      subscriptions.add(subscription);
      return {
        [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
        stop: async () => {
          subscriptions.delete(subscription);
          await subscription.stop();
        },
      };
    },

    deleteStream: (stream, expected = 'any') =>
      run(() => {
        const entry = log.streams.get(stream);
        if (entry?.deleted === true) return E.left(streamDeleted(stream));
        const current = entry?.revision ?? null;
        if (!meetsExpectation(expected, current)) {
          return E.left(concurrencyConflict(stream, expected, current ?? 'no-stream'));
        }
        if (entry === undefined) log.streams.set(stream, { ...emptyEntry(), deleted: true });
        else entry.deleted = true;
        return E.right(undefined);
      }),

    close: async () => {
      closed = true;
      const open = [...subscriptions];
      subscriptions.clear();
      await Promise.all(open.map((subscription) => subscription.stop()));
      changes.all.clear();
    },

    recordedTips: () =>
      run(() =>
        E.right(
          [...log.streams].map(([stream, entry]) => ({ stream, revision: entry.revision, hash: entry.hash })),
        ),
      ),

    tamper: (stream, revision, edit) => {
      const index = log.streams.get(stream)?.rows[Number(revision)];
      const text = index === undefined ? undefined : textOf(log, index);
      if (index === undefined || text === undefined) return false;
      log.tampered.set(index, edit(text));
      return true;
    },
  };
};
