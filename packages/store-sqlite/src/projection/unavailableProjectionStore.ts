import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreUnavailable } from '@dossier/core';
import type { SqliteProjectionStore } from './projectionStore.js';

/** A projection store whose file could not be opened (not for a lock): every call answers why. */
export const unavailableProjectionStore = (path: string, error: StoreUnavailable): SqliteProjectionStore => {
  const refuse =
    <A>(): TaskEither<StoreUnavailable, A> =>
    () =>
      Promise.resolve(E.left(error));
  return {
    path,
    current: refuse,
    load: refuse,
    reset: refuse,
    save: refuse,
    // Rows are read synchronously: a read the store cannot answer throws, and the runner reports it.
    rows: () => {
      throw new Error(error.cause);
    },
    promote: refuse,
    close: () => Promise.resolve(),
  };
};
