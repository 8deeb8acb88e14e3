import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '@dossier/core';
import { sqliteCode } from './sqliteErrors.js';

/**
 * How long one statement waits inside SQLite for another connection's lock. better-sqlite3 is synchronous, so that
 * wait blocks the event loop: it is kept short, and a longer wait (up to the store's `busyTimeoutMs`) is made of
 * attempts with pauses on timers between them, while the event loop runs.
 */
export const attemptBusyMs = 25;

/** Whether SQLite threw because another connection held a lock. */
export const isBusy = (thrown: unknown): boolean => {
  const code = sqliteCode(thrown);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};

// The failures made of a busy SQLite error, so that an operation answering one can be tried again.
const busyFailures = new WeakSet<object>();

/** Marks a failure as made of a lock held by another connection. */
export const markBusy = <A extends object>(failure: A, thrown: unknown): A => {
  if (isBusy(thrown)) busyFailures.add(failure);
  return failure;
};

/** Whether a failure was marked by {@link markBusy}: another connection's lock, worth another attempt. */
export const wasBusy = (failure: object): boolean => busyFailures.has(failure);

/** The pause before the next attempt: from 5 ms, doubling, at most 100 ms. */
export const nextPause = (pause: number): number => Math.min(Math.max(5, pause * 2), 100);

/**
 * Runs `work` until it answers anything but a busy failure, or `timeoutMs` has passed: the last busy failure is
 * the answer then. Between attempts it pauses on timers, so a lock held for seconds never blocks the event loop.
 */
export const whileBusy = async <A, L extends object = StoreError>(
  timeoutMs: number,
  work: () => E.Either<L, A>,
): Promise<E.Either<L, A>> => {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 5; ; pause = nextPause(pause)) {
    const result = work();
    if (E.isRight(result) || !busyFailures.has(result.left)) return result;
    const left = deadline - Date.now();
    if (left <= 0) return result;
    await sleep(Math.min(pause, left));
  }
};

/**
 * Runs a write of a connection whose statements otherwise wait `busyTimeoutMs` inside SQLite (reads seldom wait in
 * WAL mode) with that wait cut to {@link attemptBusyMs}, and tries it again on timers while another connection holds
 * the lock, up to `busyTimeoutMs`: the event loop runs meanwhile. `work` must be one transaction, so that a busy
 * attempt changed nothing. What it throws at the end is thrown.
 */
export const writeWhileBusy = async <A>(
  db: Database.Database,
  busyTimeoutMs: number,
  work: () => A,
): Promise<A> => {
  const deadline = Date.now() + busyTimeoutMs;
  for (let pause = 5; ; pause = nextPause(pause)) {
    db.pragma(`busy_timeout = ${attemptBusyMs}`);
    try {
      return work();
    } catch (thrown) {
      const left = deadline - Date.now();
      if (!isBusy(thrown) || left <= 0 || db.inTransaction) throw thrown;
      await sleep(Math.min(pause, left));
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
  }
};
