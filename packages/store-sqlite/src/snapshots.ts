import * as E from 'fp-ts/lib/Either.js';
import { isJsonValue, type SnapshotStore, type StoreError, type StoredSnapshot } from '@dossier/core';
import { failure, type StoreContext } from './context.js';

interface SnapshotRow {
  readonly stream: string;
  readonly revision: bigint;
  readonly hash: string;
  readonly key: string;
  readonly state: string;
}

/**
 * Snapshots in their own table, one row per stream, written best effort in a transaction of their own: a
 * snapshot is a cache of a fold, so losing one costs a longer fold and never a command, and an append never
 * waits for a state to be encoded. A row whose state is not JSON reads as a failure the loader reports.
 */
export const sqliteSnapshots = (
  ctx: StoreContext,
  write: (run: () => E.Either<StoreError, void>) => Promise<E.Either<StoreError, void>>,
): SnapshotStore => ({
  read: (stream) => () => {
    try {
      const row = ctx
        .sql('SELECT stream, revision, hash, key, state FROM snapshots WHERE stream = ?')
        .get(stream) as SnapshotRow | undefined;
      if (row === undefined) return Promise.resolve(E.right(null));
      const snapshot: StoredSnapshot = { ...row, state: JSON.parse(row.state) as unknown };
      return Promise.resolve(E.right(snapshot));
    } catch (thrown) {
      return Promise.resolve(E.left(failure(ctx, `reading the snapshot of ${stream}`, thrown)));
    }
  },
  write: (snapshot) => () => {
    if (ctx.options.readOnly)
      return Promise.resolve(E.left(failure(ctx, 'writing a snapshot', 'the store was opened read-only')));
    if (!isJsonValue(snapshot.state))
      return Promise.resolve(E.left(failure(ctx, 'writing a snapshot', 'its state is not plain JSON')));
    return write(() => {
      ctx
        .sql(
          `INSERT INTO snapshots (stream, revision, hash, key, state) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash,
             key = excluded.key, state = excluded.state`,
        )
        .run(snapshot.stream, snapshot.revision, snapshot.hash, snapshot.key, JSON.stringify(snapshot.state));
      return E.right(undefined);
    });
  },
});
