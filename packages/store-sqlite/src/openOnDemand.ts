import * as E from 'fp-ts/lib/Either.js';
import type { StoreUnavailable } from '@dossier/core';

/** A store opened by its first use, as {@link openOnDemand} gives it. */
export interface OnDemand<S> {
  /** The open store, opening it first if no call has yet; or why it cannot be opened now. */
  readonly ready: () => Promise<E.Either<StoreUnavailable, S>>;
  /** The store if a call has opened it, for what cannot wait (reads made synchronously). */
  readonly current: () => S | null;
  /** Closes the store if it was opened (or is being opened); after it, nothing opens. */
  readonly close: () => Promise<void>;
}

/**
 * Opens a store on its use rather than when it was created, for a file another connection held locked then. Calls
 * made meanwhile share one opening; when it fails (the file is still locked) they answer why, and the next call tries
 * again; once open, the store is kept. Once closed, every call answers `closedError`.
 */
export const openOnDemand = <S extends { readonly close: () => Promise<void> }>(
  open: () => Promise<E.Either<StoreUnavailable, S>>,
  closedError: StoreUnavailable,
): OnDemand<S> => {
  let opened: S | null = null;
  let opening: Promise<E.Either<StoreUnavailable, S>> | null = null;
  let closed = false;
  const ready = (): Promise<E.Either<StoreUnavailable, S>> => {
    if (closed) return Promise.resolve(E.left(closedError));
    if (opened !== null) return Promise.resolve(E.right(opened));
    opening ??= open().then(async (result) => {
      opening = null;
      if (E.isLeft(result)) return result;
      // Closed while it was opening: nobody will close it later.
      if (closed) {
        await result.right.close();
        return E.left(closedError);
      }
      opened = result.right;
      return result;
    });
    return opening;
  };
  return {
    ready,
    current: () => opened,
    close: async () => {
      closed = true;
      await opening;
      await opened?.close();
    },
  };
};
