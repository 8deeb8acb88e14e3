import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@dossier/core';
import { inImmediateTransaction } from './transactions.js';
import { failure, type StoreContext } from './context.js';

interface Job {
  /** What the write does, for the failure it answers if the group cannot commit. */
  readonly doing: string;
  readonly work: () => E.Either<StoreError, unknown>;
  readonly done: (result: E.Either<StoreError, unknown>) => void;
}

/** Runs writes submitted together in one transaction, so that they share one commit and one fsync. */
export interface GroupWriter {
  readonly submit: <A>(
    doing: string,
    work: () => E.Either<StoreError, A>,
  ) => Promise<E.Either<StoreError, A>>;
  /** Commits whatever is waiting now, before the connection closes. */
  readonly flush: () => void;
}

/**
 * Group commit. Every write submitted before the event loop turns joins one `BEGIN IMMEDIATE` transaction;
 * each runs in a savepoint of its own (better-sqlite3 nests transactions as savepoints), so a write refused or
 * failing rolls back alone and answers alone, while the others commit together. Nothing is answered before the
 * commit, so an acknowledged write is as durable as `synchronous` makes a commit; if the commit itself fails,
 * every write of the group is answered with that failure.
 */
export const groupWriter = (ctx: StoreContext, committed: () => void): GroupWriter => {
  let waiting: Job[] = [];
  const flush = (): void => {
    const jobs = waiting;
    waiting = [];
    if (jobs.length === 0) return;
    let results: Array<E.Either<StoreError, unknown>>;
    try {
      results = inImmediateTransaction(ctx.db, () => jobs.map((job) => job.work()));
    } catch (thrown) {
      for (const job of jobs) job.done(E.left(failure(ctx, job.doing, thrown)));
      return;
    }
    committed();
    jobs.forEach((job, i) => job.done(results[i] ?? E.left(failure(ctx, job.doing, 'no result'))));
  };
  return {
    submit: <A>(doing: string, work: () => E.Either<StoreError, A>) =>
      new Promise<E.Either<StoreError, A>>((resolve) => {
        waiting.push({ doing, work, done: resolve as (result: E.Either<StoreError, unknown>) => void });
        if (waiting.length === 1) setImmediate(flush);
      }),
    flush,
  };
};
