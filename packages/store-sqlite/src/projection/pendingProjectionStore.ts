import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { CopyKey, RowSource, StoreUnavailable } from '@dossier/core';
import { openOnDemand } from '../openOnDemand.js';
import type { SqliteProjectionStore } from './projectionStore.js';

/**
 * A projection store whose file was locked by another connection when it was created. Each call first opens it —
 * waiting for the lock up to the busy timeout, on timers, never blocking the event loop — and, once open, every call
 * goes to it; a call that found the file still locked answers `StoreUnavailable`, and the next one tries again.
 */
export const pendingProjectionStore = (
  path: string,
  open: () => Promise<E.Either<StoreUnavailable, SqliteProjectionStore>>,
): SqliteProjectionStore => {
  const store = openOnDemand(open, {
    _tag: 'StoreUnavailable',
    cause: `the projection store ${path} was closed`,
  });
  const via =
    <A>(
      use: (opened: SqliteProjectionStore) => TaskEither<StoreUnavailable, A>,
    ): TaskEither<StoreUnavailable, A> =>
    async () => {
      const opened = await store.ready();
      return E.isLeft(opened) ? opened : use(opened.right)();
    };
  // Rows are read synchronously, so they cannot wait for the file to open: they are the open store's once a call has
  // opened it (the runner loads or resets a copy before it reads its rows). Before that a read throws, as the port
  // lets a read the store cannot answer do, and the runner reports it.
  const rows = (key: CopyKey): RowSource => {
    let source: RowSource | undefined;
    const resolved = (): RowSource => {
      const opened = store.current();
      if (opened === null)
        throw new Error(
          `reading the rows of ${key.name}: the projection store ${path} is not open yet (another connection held it locked)`,
        );
      return (source ??= opened.rows(key));
    };
    return {
      get: (group, rowKey) => resolved().get(group, rowKey),
      entries: (group) => resolved().entries(group),
    };
  };
  return {
    path,
    current: (name) => via((opened) => opened.current(name)),
    load: (key) => via((opened) => opened.load(key)),
    reset: (key) => via((opened) => opened.reset(key)),
    save: (changes) => via((opened) => opened.save(changes)),
    rows,
    promote: (key) => via((opened) => opened.promote(key)),
    close: store.close,
  };
};
