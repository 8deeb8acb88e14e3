import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  SubscriptionFailed,
  anyJsonSchema,
  type EventStore,
  type StoreError,
  type RecordedTip,
  type StoreUnavailable,
  type StreamName,
  type Subscription,
} from '@dossier/core';
import { appendInGroup } from './append.js';
import { isBusy, nextPause, whileBusy } from './busy.js';
import { changeFeed } from './changes.js';
import { closeDatabase, openDatabase, openDatabaseWaiting } from './connection.js';
import { inTransaction } from './transactions.js';
import { failure, type StoreContext } from './context.js';
import { deleteStream } from './deleteStream.js';
import { groupWriter } from './groupCommit.js';
import { defaultPath, type ResolvedOptions, type SqliteStoreOptions } from './options.js';
import { pendingStore } from './pendingStore.js';
import { readAll, readCommand, readStream } from './read.js';
import { sqliteSnapshots } from './snapshots.js';
import { statementCache } from './statements.js';
import { subscribe } from './subscribe.js';

/** A stream as `listStreams` reports it. */
export interface StreamSummary {
  readonly stream: StreamName;
  /** The last revision written, or null when the stream was deleted before it had events. */
  readonly revision: bigint | null;
  readonly deleted: boolean;
}

/** The {@link EventStore} over SQLite, plus what tools need beyond the port. */
export interface SqliteEventStore extends EventStore {
  /** The database file. */
  readonly path: string;
  /** Every stream with its last revision, by name. */
  readonly listStreams: () => TE.TaskEither<StoreError, ReadonlyArray<StreamSummary>>;
  /** Each stream's tip from the `streams` table, for `verifyStore`'s `tips`: the log must end there. */
  readonly recordedTips: () => TE.TaskEither<StoreError, ReadonlyArray<RecordedTip>>;
  /**
   * Runs `work` with every append it makes inside one transaction, committed when it resolves and rolled back when
   * it rejects: for loaders that write many commands' events through the command handler, with one sync to disk per
   * batch instead of one per append. Each append still checks its expected revision (as a savepoint of the batch).
   * Only for one writer at a time on this connection; nested calls join the outer batch.
   */
  readonly inTransaction: <A>(work: () => Promise<A>) => Promise<A>;
}

const resolve = (options: SqliteStoreOptions): ResolvedOptions => ({
  path: options.path ?? defaultPath,
  schema: options.schema ?? anyJsonSchema,
  clock: options.clock ?? (() => new Date().toISOString()),
  pollIntervalMs: options.pollIntervalMs ?? 100,
  readOnly: options.readOnly ?? false,
  busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
  synchronous: options.synchronous ?? 'full',
});

// better-sqlite3 is synchronous: each task does its work when run, never when built, and tries again on timers
// while another connection holds a lock, up to the busy timeout.
const taskOf =
  (ctx: StoreContext) =>
  <A>(work: () => E.Either<StoreError, A>): TE.TaskEither<StoreError, A> =>
  () =>
    whileBusy(ctx.options.busyTimeoutMs, work);

/** Takes the write lock for a batch, trying again on timers while another connection holds it. */
const beginImmediate = async (ctx: StoreContext): Promise<void> => {
  const deadline = Date.now() + ctx.options.busyTimeoutMs;
  for (let pause = 5; ; pause = nextPause(pause)) {
    try {
      ctx.db.exec('BEGIN IMMEDIATE');
      return;
    } catch (thrown) {
      const left = deadline - Date.now();
      if (!isBusy(thrown) || left <= 0) throw thrown;
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
};

const storeOver = (ctx: StoreContext): SqliteEventStore => {
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const writer = groupWriter(ctx, () => ctx.changes.notify());
  const task = taskOf(ctx);
  return {
    path: ctx.options.path,
    append: (stream, expected, events) => () =>
      closed
        ? Promise.resolve(E.left(failure(ctx, `appending to ${stream}`, 'the store is closed')))
        : writer.submit(`appending to ${stream}`, () => appendInGroup(ctx, stream, expected, events)),
    readStream: (stream, options) => task(() => readStream(ctx, stream, options)),
    readAll: (options) => task(() => readAll(ctx, options)),
    readCommand: (stream, commandId) => task(() => readCommand(ctx, stream, commandId)),
    snapshots: sqliteSnapshots(ctx, (run) =>
      writer.submit('writing a snapshot', () => {
        try {
          return inTransaction(ctx.db, run);
        } catch (thrown) {
          return E.left(failure(ctx, 'writing a snapshot', thrown));
        }
      }),
    ),
    subscribe: (options) => {
      const subscription = subscribe(ctx, options);
      subscriptions.add(subscription);
      return {
        [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
        stop: () => {
          subscriptions.delete(subscription);
          return subscription.stop();
        },
      };
    },
    deleteStream: (stream, expected) => task(() => deleteStream(ctx, stream, expected)),
    listStreams: () =>
      task(() => {
        try {
          const rows = ctx
            .sql('SELECT stream, revision, deleted_at IS NOT NULL AS deleted FROM streams ORDER BY stream')
            .all() as ReadonlyArray<{ stream: string; revision: bigint | null; deleted: bigint }>;
          return E.right(
            rows.map((row) => ({ stream: row.stream, revision: row.revision, deleted: row.deleted !== 0n })),
          );
        } catch (thrown) {
          return E.left(failure(ctx, 'listing streams', thrown));
        }
      }),
    recordedTips: () =>
      task(() => {
        try {
          const rows = ctx.sql('SELECT stream, revision, hash FROM streams').all() as ReadonlyArray<{
            stream: string;
            revision: bigint | null;
            hash: string;
          }>;
          return E.right(rows.map((row) => ({ stream: row.stream, revision: row.revision, hash: row.hash })));
        } catch (thrown) {
          return E.left(failure(ctx, 'reading stream tips', thrown));
        }
      }),
    inTransaction: async (work) => {
      if (ctx.db.inTransaction) return work();
      await beginImmediate(ctx);
      try {
        const result = await work();
        ctx.db.exec('COMMIT');
        return result;
      } catch (thrown) {
        if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
        throw thrown;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await writer.drain();
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      subscriptions.clear();
      ctx.changes.close();
      closeDatabase(ctx.db);
    },
  };
};

/** A store that could not be opened: every operation answers with why. */
const unavailableStore = (path: string, error: StoreUnavailable): SqliteEventStore => {
  const refuse = <A>(): TE.TaskEither<StoreError, A> => TE.left(error);
  return {
    path,
    append: refuse,
    readStream: refuse,
    readAll: refuse,
    readCommand: refuse,
    snapshots: { read: refuse, write: refuse },
    deleteStream: refuse,
    listStreams: refuse,
    recordedTips: refuse,
    inTransaction: (work) => work(),
    subscribe: () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new SubscriptionFailed(error)) }),
      stop: () => Promise.resolve(),
    }),
    close: () => Promise.resolve(),
  };
};

const over = (resolved: ResolvedOptions, db: StoreContext['db']): SqliteEventStore =>
  storeOver({
    db,
    sql: statementCache(db),
    options: resolved,
    changes: changeFeed(db, resolved.pollIntervalMs),
  });

/**
 * Opens the store now, or says why it cannot: for tools that should stop early on a bad path. While another
 * connection holds a lock it tries again, up to `busyTimeoutMs`, on timers: the event loop keeps running.
 */
export const openSqliteStore =
  (options: SqliteStoreOptions = {}): TE.TaskEither<StoreUnavailable, SqliteEventStore> =>
  async () => {
    const resolved = resolve(options);
    return E.map((db: StoreContext['db']) => over(resolved, db))(await openDatabaseWaiting(resolved));
  };

/**
 * Opens the store; never throws. If the file cannot be opened, every operation answers `StoreUnavailable`
 * naming the path; if it was only locked by another connection, each operation tries to open it again first
 * (waiting up to `busyTimeoutMs` without blocking), so the store works once the lock is gone.
 */
export const createSqliteStore = (options: SqliteStoreOptions = {}): SqliteEventStore => {
  const resolved = resolve(options);
  const opened = openDatabase(resolved);
  if (E.isRight(opened)) return over(resolved, opened.right);
  if (!opened.left.busy) return unavailableStore(resolved.path, opened.left.error);
  return pendingStore(resolved.path, async () =>
    E.map((db: StoreContext['db']) => over(resolved, db))(await openDatabaseWaiting(resolved)),
  );
};
