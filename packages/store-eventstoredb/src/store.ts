import { anyJsonSchema, type EventSchema, type EventStore, type Subscription } from '@dossier/core';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { append } from './append.js';
import type { EsdbClientLike } from './clientLike.js';
import { connect, schemeProblem } from './connect.js';
import type { StoreContext } from './context.js';
import { deleteStream } from './deleteStream.js';
import { readAll } from './readAll.js';
import { readCommand } from './commandIndex.js';
import { withGrpcReads } from './grpcReads.js';
import { foreignEvents, type ForeignEventPolicy, type ForeignEventsReport } from './foreign.js';
import { esdbSnapshots } from './snapshots.js';
import { readStream } from './readStream.js';
import { subscribe } from './subscribe.js';

/** Where the store's events live: a client the caller built (and owns), or a connection string. */
export type EventStoreDbConnection =
  { readonly client: EsdbClientLike } | { readonly connectionString: string };

/** How the store validates and stamps events. */
export interface EventStoreDbStoreOptions {
  /** Validates events on the way in and decodes them on the way out; any JSON by default. */
  readonly schema?: EventSchema;
  /** Gives `recordedAt`; the system clock by default. */
  readonly clock?: () => Date;
  /**
   * Put before every stream name in EventStoreDB, so that several stores (tenants, test runs) share one
   * server: the store sees, filters and hashes names without it, and its reads of the global log and its
   * subscriptions see only its own streams. None by default; it must not start with `$`.
   */
  readonly streamPrefix?: string;
  /**
   * What reads of the global log and subscriptions do with another application's events on the same server (no
   * Dossier metadata): `skip` them, counted in `foreignEvents()` (the default), or `strict`: answer them as
   * `UndecodableEvent`, for an audit of a server that should hold only Dossier's log. Reads of a stream are strict
   * either way: a foreign event in an aggregate's stream is damage.
   */
  readonly foreignEvents?: ForeignEventPolicy;
}

/** The EventStore port over EventStoreDB, and what it skipped of other applications' events. */
export interface EventStoreDbStore extends EventStore {
  /** How many foreign events the store's reads of `$all` and subscriptions have skipped, and the last one. */
  readonly foreignEvents: () => ForeignEventsReport;
}

const task =
  <E, A>(run: () => Promise<Either<E, A>>): TaskEither<E, A> =>
  () =>
    run();

/**
 * The EventStore port over EventStoreDB. `close()` stops the store's subscriptions and disposes the client
 * when the store made it from a connection string; a client passed in stays the caller's to dispose.
 */
export const createEventStoreDbStore = (
  connection: EventStoreDbConnection,
  options: EventStoreDbStoreOptions = {},
): EventStoreDbStore => {
  // A store that cannot work answers every call with why, as StoreUnavailable: it never throws.
  const problem =
    options.streamPrefix?.startsWith('$') === true
      ? 'createEventStoreDbStore: a streamPrefix must not start with $, which marks system streams'
      : 'connectionString' in connection
        ? schemeProblem(connection.connectionString)
        : null;
  let client: Promise<EsdbClientLike> | undefined;
  const ctx: StoreContext = {
    client: () =>
      problem !== null
        ? Promise.reject(new Error(problem))
        : (client ??=
            'connectionString' in connection
              ? connect(connection.connectionString)
              : Promise.resolve(withGrpcReads(connection.client))),
    schema: options.schema ?? anyJsonSchema,
    clock: options.clock ?? (() => new Date()),
    streamPrefix: options.streamPrefix ?? '',
    foreign: foreignEvents(options.foreignEvents ?? 'skip'),
    atomicAppend: {},
  };
  const live = new Set<Subscription>();
  return {
    append: (stream, expected, events, appendOptions) =>
      task(() => append(ctx, stream, expected, events, appendOptions)),
    readStream: (stream, readOptions) => task(() => readStream(ctx, stream, readOptions)),
    readAll: (readOptions) => task(() => readAll(ctx, readOptions)),
    readCommand: (stream, commandId) => task(() => readCommand(ctx, stream, commandId)),
    snapshots: esdbSnapshots(ctx),
    subscribe: (subscribeOptions) => {
      const subscription = subscribe(ctx, subscribeOptions);
      live.add(subscription);
      return {
        [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
        stop: async () => {
          live.delete(subscription);
          await subscription.stop();
        },
      };
    },
    deleteStream: (stream, expected) => task(() => deleteStream(ctx, stream, expected)),
    foreignEvents: ctx.foreign.report,
    close: async () => {
      const stopping = [...live].map((subscription) => subscription.stop());
      live.clear();
      await Promise.allSettled(stopping);
      // A client passed in stays the caller's; one made here (if it was ever made) is disposed.
      if ('connectionString' in connection && client !== undefined) {
        await client.then((made) => made.dispose()).catch(() => undefined);
      }
    },
  };
};
