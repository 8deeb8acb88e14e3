import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@dossier/core';
import type { EsdbClientLike, EsdbResolvedEvent } from './clientLike.js';
import type { StoreContext } from './context.js';
import { toStoreError, type ErrorContext } from './errors.js';
import { pause, retriesSafely } from './retryable.js';

/** How often a read that met a dropped connection, a deadline or a follower is read again from its start. */
const readRetries = 3;

/**
 * Drains a client read into an array. The clients fail a read by rejecting during iteration (a stream not
 * found, a dropped connection), and some throw before the first event; both become StoreErrors here. A read cut
 * by a dropped connection, a deadline or a follower is read again from its start (reads change nothing), a few
 * times, before the failure is answered.
 */
export const collect = async (
  ctx: StoreContext,
  read: (client: EsdbClientLike) => AsyncIterable<EsdbResolvedEvent>,
  errorContext: ErrorContext,
): Promise<E.Either<StoreError, ReadonlyArray<EsdbResolvedEvent>>> => {
  for (let attempt = 0; ; attempt++) {
    const events: EsdbResolvedEvent[] = [];
    try {
      for await (const resolved of read(await ctx.client())) events.push(resolved);
      return E.right(events);
    } catch (thrown) {
      if (attempt >= readRetries || !retriesSafely(thrown)) return E.left(toStoreError(thrown, errorContext));
      await pause(attempt);
    }
  }
};

/** Runs one client call, turning whatever it throws into a StoreError. */
export const call = async <A>(
  ctx: StoreContext,
  run: (client: EsdbClientLike) => Promise<A>,
  errorContext: ErrorContext,
): Promise<E.Either<StoreError, A>> => {
  try {
    return E.right(await run(await ctx.client()));
  } catch (thrown) {
    return E.left(toStoreError(thrown, errorContext));
  }
};
