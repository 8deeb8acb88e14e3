import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type StoreUnavailable } from '../store/errors.js';
import { isJsonValue } from '../store/schema.js';
import { sameCopy, type CopyKey, type ProjectionStore, type StoredCopy } from './projectionStore.js';

/**
 * What a fault hook tells the store to do with one operation: go ahead, fail without writing (a crash before
 * the write), or write and then fail (a crash after the commit, before the caller heard of it).
 */
export type ProjectionStoreFault = 'none' | 'failBefore' | 'failAfter';

/** A write the fault hook is asked about. */
export type ProjectionStoreWrite =
  | { readonly operation: 'save'; readonly copy: StoredCopy }
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
  // Kept as JSON text, as a database would: a copy never shares objects with the runner that saved it.
  readonly text: string;
  readonly checkpoint: bigint | null;
}

const idOf = (key: CopyKey): string => JSON.stringify([key.name, key.version, key.generation]);

const toCopy = (held: Held): StoredCopy => ({
  key: held.key,
  state: JSON.parse(held.text) as unknown,
  checkpoint: held.checkpoint,
});

/**
 * A {@link ProjectionStore} in process memory: each save replaces a copy's state and checkpoint in one step.
 * State is stored as JSON text, so a state that is not plain JSON is refused.
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
    save: (copy) =>
      write({ operation: 'save', copy }, () => {
        if (!isJsonValue(copy.state))
          return E.left(storeUnavailable(`the state of ${copy.key.name} is not plain JSON`));
        copies.set(idOf(copy.key), {
          key: copy.key,
          text: JSON.stringify(copy.state),
          checkpoint: copy.checkpoint,
        });
        return E.right(undefined);
      }),
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
