import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  SubscriptionFailed,
  type StoreError,
  type StoreUnavailable,
  type Subscription,
  type SubscriptionMessage,
} from '@dossier/core';
import { openOnDemand } from './openOnDemand.js';
import type { SqliteEventStore } from './store.js';

/**
 * A store whose file was locked by another connection when it was created. Each call first opens it — waiting for the
 * lock up to the busy timeout, on timers, never blocking the event loop — and, once open, every call goes to it; a
 * call that found the file still locked answers `StoreUnavailable`, and the next one tries again.
 */
export const pendingStore = (
  path: string,
  open: () => Promise<E.Either<StoreUnavailable, SqliteEventStore>>,
): SqliteEventStore => {
  const { ready, close } = openOnDemand(open, {
    _tag: 'StoreUnavailable',
    cause: `the event store ${path} was closed`,
  });

  const via =
    <A>(use: (store: SqliteEventStore) => TE.TaskEither<StoreError, A>): TE.TaskEither<StoreError, A> =>
    async () => {
      const store = await ready();
      return E.isLeft(store) ? store : use(store.right)();
    };

  const subscribe: SqliteEventStore['subscribe'] = (options) => {
    let inner: Subscription | null = null;
    let stopped = false;
    return {
      [Symbol.asyncIterator]: (): AsyncIterator<SubscriptionMessage> => {
        let iterator: AsyncIterator<SubscriptionMessage> | null = null;
        return {
          next: async () => {
            if (iterator === null) {
              const store = await ready();
              if (E.isLeft(store)) throw new SubscriptionFailed(store.left);
              if (stopped) return { done: true, value: undefined };
              inner ??= store.right.subscribe(options);
              iterator = inner[Symbol.asyncIterator]();
            }
            return iterator.next();
          },
          return: async () => {
            await iterator?.return?.();
            return { done: true, value: undefined };
          },
        };
      },
      stop: async () => {
        stopped = true;
        await inner?.stop();
      },
    };
  };

  return {
    path,
    append: (stream, expected, events, options) =>
      via((store) => store.append(stream, expected, events, options)),
    readStream: (stream, options) => via((store) => store.readStream(stream, options)),
    readAll: (options) => via((store) => store.readAll(options)),
    readCommand: (stream, commandId) => via((store) => store.readCommand(stream, commandId)),
    snapshots: {
      read: (stream) => via((store) => store.snapshots.read(stream)),
      write: (snapshot) => via((store) => store.snapshots.write(snapshot)),
    },
    deleteStream: (stream, expected) => via((store) => store.deleteStream(stream, expected)),
    listStreams: () => via((store) => store.listStreams()),
    recordedTips: () => via((store) => store.recordedTips()),
    // Once open, the batch is the store's; a store that never opens lets each append answer why.
    inTransaction: async (work) => {
      const store = await ready();
      return E.isLeft(store) ? work() : store.right.inTransaction(work);
    },
    subscribe,
    close,
  };
};
