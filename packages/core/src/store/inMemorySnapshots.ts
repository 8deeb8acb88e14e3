import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type StoreError } from './errors.js';
import { frozenJsonCopy } from './schema.js';
import type { SnapshotStore, StoredSnapshot } from './snapshots.js';
import type { StreamName } from './types.js';

/** The in-memory store's snapshots: the latest of each stream, its state a frozen JSON copy. */
export const inMemorySnapshots = (
  run: <A>(operation: () => E.Either<StoreError, A>) => TaskEither<StoreError, A>,
): SnapshotStore => {
  const latest = new Map<StreamName, StoredSnapshot>();
  return {
    read: (stream) => run(() => E.right(latest.get(stream) ?? null)),
    write: (snapshot) =>
      run(() => {
        const state = frozenJsonCopy(snapshot.state);
        if (state === undefined) return E.left(storeUnavailable('a snapshot state must be plain JSON'));
        latest.set(snapshot.stream, Object.freeze({ ...snapshot, state }));
        return E.right(undefined);
      }),
  };
};
