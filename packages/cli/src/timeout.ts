import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type EventStore, type StoreError } from '@dossier/core';

/** Runs a task, or gives up with `onTimeout()` after `ms`: a server that never answers must not hang the CLI. */
export const within =
  <L, A>(ms: number, onTimeout: () => L, task: TaskEither<L, A>): TaskEither<L, A> =>
  () => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<E.Either<L, A>>((resolve) => {
      timer = setTimeout(() => resolve(E.left(onTimeout())), ms);
    });
    return Promise.race([task(), timedOut]).finally(() => clearTimeout(timer));
  };

/**
 * The store with each read bounded by `ms`: every page must come within the time-out, however long the
 * whole log takes to read.
 */
export const boundedReads = (store: EventStore, ms: number): EventStore => {
  const noAnswer = (): StoreError =>
    storeUnavailable(
      `no answer within ${ms} ms; check that the server is running and reachable, or raise --timeout`,
    );
  return {
    ...store,
    readStream: (stream, options) => within(ms, noAnswer, store.readStream(stream, options)),
    readAll: (options) => within(ms, noAnswer, store.readAll(options)),
  };
};
