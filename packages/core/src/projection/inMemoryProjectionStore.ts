import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type StoreUnavailable } from '../store/errors.js';
import { isJsonValue } from '../store/schema.js';
import {
  sameCopy,
  type CopyChanges,
  type CopyKey,
  type ProjectionStore,
  type StoredCopy,
} from './projectionStore.js';
import type { RowSource } from './rows.js';

/**
 * What a fault hook tells the store to do with one operation: go ahead, fail without writing (a crash before
 * the write), or write and then fail (a crash after the commit, before the caller heard of it).
 */
export type ProjectionStoreFault = 'none' | 'failBefore' | 'failAfter';

/** A write the fault hook is asked about. */
export type ProjectionStoreWrite =
  | { readonly operation: 'save'; readonly copy: CopyChanges }
  | { readonly operation: 'reset'; readonly key: CopyKey }
  | { readonly operation: 'promote'; readonly key: CopyKey };

/** How to build an in-memory projection store. */
export interface InMemoryProjectionStoreOptions {
  /** Asked before every write, so that tests can crash a runner between applying and checkpointing. */
  readonly fault?: (write: ProjectionStoreWrite) => ProjectionStoreFault;
}

/** The in-memory projection store, plus a look at what it holds, for tests. */
export interface InMemoryProjectionStore extends ProjectionStore {
  /** Every copy held, current or not. */
  readonly copies: () => ReadonlyArray<StoredCopy>;
}

interface Held {
  readonly key: CopyKey;
  checkpoint: bigint | null;
  // Rows are values nobody mutates (apply answers fresh objects), so they are kept as given, per group.
  readonly groups: Map<string, Map<string, unknown>>;
}

const idOf = (key: CopyKey): string => JSON.stringify([key.name, key.version, key.generation]);

const toCopy = (held: Held): StoredCopy => ({ key: held.key, checkpoint: held.checkpoint });

// Looks the copy up on every read, so that a source taken before a reset or a save sees what is there now.
const sourceOf = (copies: ReadonlyMap<string, Held>, id: string): RowSource => ({
  get: (group, key) => copies.get(id)?.groups.get(group)?.get(key),
  entries: (group) =>
    [...(copies.get(id)?.groups.get(group) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
});

/**
 * A {@link ProjectionStore} in process memory: each save applies a copy's changed rows and its checkpoint in one
 * step. A row that is not plain JSON is refused, so that what runs here also runs on SQLite.
 */
export const createInMemoryProjectionStore = (
  options: InMemoryProjectionStoreOptions = {},
): InMemoryProjectionStore => {
  const copies = new Map<string, Held>();
  const current = new Map<string, CopyKey>();
  let closed = false;

  const run =
    <A>(work: () => E.Either<StoreUnavailable, A>): TaskEither<StoreUnavailable, A> =>
    () =>
      Promise.resolve(closed ? E.left(storeUnavailable('the in-memory projection store is closed')) : work());

  const write = (request: ProjectionStoreWrite, apply: () => E.Either<StoreUnavailable, void>) =>
    run(() => {
      const fault = options.fault?.(request) ?? 'none';
      if (fault === 'failBefore')
        return E.left(storeUnavailable(`injected fault before ${request.operation}`));
      const done = apply();
      if (fault === 'failAfter' && E.isRight(done))
        return E.left(storeUnavailable(`injected fault after ${request.operation}`));
      return done;
    });

  const save = ({ key, changes, checkpoint }: CopyChanges): E.Either<StoreUnavailable, void> => {
    const held = copies.get(idOf(key));
    if (held === undefined) return E.left(storeUnavailable(`no copy ${idOf(key)} to save into`));
    // Checked first, so that a refused save writes nothing.
    for (const change of changes)
      if (change.row !== null && !isJsonValue(change.row))
        return E.left(
          storeUnavailable(`a row of ${key.name} (${change.group}/${change.key}) is not plain JSON`),
        );
    for (const { group, key: rowKey, row } of changes) {
      let rows = held.groups.get(group);
      if (row === null) {
        rows?.delete(rowKey);
        if (rows?.size === 0) held.groups.delete(group);
        continue;
      }
      if (rows === undefined) held.groups.set(group, (rows = new Map<string, unknown>()));
      rows.set(rowKey, row);
    }
    held.checkpoint = checkpoint;
    return E.right(undefined);
  };

  return {
    current: (name) =>
      run(() => {
        const key = current.get(name);
        const held = key === undefined ? undefined : copies.get(idOf(key));
        return E.right(held === undefined ? null : toCopy(held));
      }),
    load: (key) =>
      run(() => {
        const held = copies.get(idOf(key));
        return E.right(held === undefined ? null : toCopy(held));
      }),
    reset: (key) =>
      write({ operation: 'reset', key }, () => {
        copies.set(idOf(key), { key, checkpoint: null, groups: new Map() });
        return E.right(undefined);
      }),
    save: (copy) => write({ operation: 'save', copy }, () => save(copy)),
    rows: (key) => sourceOf(copies, idOf(key)),
    promote: (key) =>
      write({ operation: 'promote', key }, () => {
        if (!copies.has(idOf(key))) return E.left(storeUnavailable(`no saved copy ${idOf(key)} to promote`));
        for (const [id, held] of copies)
          if (held.key.name === key.name && !sameCopy(held.key, key)) copies.delete(id);
        current.set(key.name, key);
        return E.right(undefined);
      }),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
    copies: () => [...copies.values()].map(toCopy),
  };
};
