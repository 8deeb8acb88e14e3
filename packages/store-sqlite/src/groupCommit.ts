import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@dossier/core';
import { inImmediateTransaction } from './transactions.js';
import { isBusy, nextPause } from './busy.js';
import { failure, type StoreContext } from './context.js';

interface Job {
  /** What the write does, for the failure it answers if the group cannot commit. */
  readonly doing: string;
  readonly work: () => E.Either<StoreError, unknown>;
  readonly done: (result: E.Either<StoreError, unknown>) => void;
  /** When it was submitted: it waits for another connection's lock up to the busy timeout from then. */
  readonly since: number;
}

/** Runs writes submitted together in one transaction, so that they share one commit and one fsync. */
export interface GroupWriter {
  readonly submit: <A>(
    doing: string,
    work: () => E.Either<StoreError, A>,
  ) => Promise<E.Either<StoreError, A>>;
  /** Commits whatever is waiting, waiting for another connection's lock as a write would, before the connection closes. */
  readonly drain: () => Promise<void>;
}

/**
 * Group commit. Every write submitted before the event loop turns joins one `BEGIN IMMEDIATE` transaction;
 * each runs in a savepoint of its own (better-sqlite3 nests transactions as savepoints), so a write refused or
 * failing rolls back alone and answers alone, while the others commit together. Nothing is answered before the
 * commit, so an acknowledged write is as durable as `synchronous` makes a commit; if the commit itself fails,
 * every write of the group is answered with that failure. While another connection holds the write lock, the
 * group is tried again after a pause on a timer (writes submitted meanwhile join it), so the event loop keeps
 * running; a write still waiting after the busy timeout is answered `StoreUnavailable`.
 */
export const groupWriter = (ctx: StoreContext, committed: () => void): GroupWriter => {
  let waiting: Job[] = [];
  let scheduled = false;
  let pause = 0;
  const pending = new Set<Promise<unknown>>();
  const schedule = (delayMs: number): void => {
    if (scheduled) return;
    scheduled = true;
    const tick = (): void => {
      scheduled = false;
      flush();
    };
    if (delayMs === 0) setImmediate(tick);
    else setTimeout(tick, delayMs);
  };
  const flush = (): void => {
    const jobs = waiting;
    waiting = [];
    if (jobs.length === 0) return;
    let results: Array<E.Either<StoreError, unknown>>;
    try {
      results = inImmediateTransaction(ctx.db, () => jobs.map((job) => job.work()));
    } catch (thrown) {
      // Busy at BEGIN: nothing ran. Those still within the busy timeout wait for the next attempt.
      const now = Date.now();
      const retry = isBusy(thrown) && !ctx.db.inTransaction;
      const waitOn = retry ? jobs.filter((job) => now - job.since < ctx.options.busyTimeoutMs) : [];
      for (const job of jobs) if (!waitOn.includes(job)) job.done(E.left(failure(ctx, job.doing, thrown)));
      if (waitOn.length > 0) {
        waiting = [...waitOn, ...waiting];
        pause = nextPause(pause);
        schedule(pause);
      }
      return;
    }
    pause = 0;
    committed();
    jobs.forEach((job, i) => job.done(results[i] ?? E.left(failure(ctx, job.doing, 'no result'))));
  };
  return {
    submit: <A>(doing: string, work: () => E.Either<StoreError, A>) => {
      const answer = new Promise<E.Either<StoreError, A>>((resolve) => {
        waiting.push({
          doing,
          work,
          done: resolve as (result: E.Either<StoreError, unknown>) => void,
          since: Date.now(),
        });
        schedule(0);
      });
      pending.add(answer);
      void answer.then(() => pending.delete(answer));
      return answer;
    },
    drain: async () => {
      flush();
      while (pending.size > 0) {
        await Promise.all([...pending]);
      }
    },
  };
};
