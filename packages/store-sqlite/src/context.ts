import type Database from 'better-sqlite3';
import type { StoreError, StoreUnavailable } from '@dossier/core';
import type { ChangeFeed } from './changes.js';
import type { ResolvedOptions } from './options.js';
import { markBusy } from './busy.js';
import { unavailable } from './sqliteErrors.js';
import type { Statements } from './statements.js';

/** What every operation of one open store shares. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly sql: Statements;
  readonly options: ResolvedOptions;
  readonly changes: ChangeFeed;
}

/**
 * The {@link StoreUnavailable} for something SQLite threw while `doing` an operation on this store; one made of
 * another connection's lock is marked, so that the operation can be tried again (`whileBusy`).
 */
export const failure = (ctx: StoreContext, doing: string, thrown: unknown): StoreUnavailable =>
  markBusy(unavailable(ctx.options.path, doing, thrown, ctx.options.busyTimeoutMs), thrown);

/** The largest 64-bit integer: "no bound" for a backwards read. */
export const maxInt64 = 9223372036854775807n;
const minInt64 = -maxInt64 - 1n;

/**
 * A revision or position as SQLite can bind it: 64-bit. Beyond that no row exists anyway, so clamping keeps
 * the answer the same and spares the caller a RangeError.
 */
export const int64 = (value: bigint): bigint =>
  value > maxInt64 ? maxInt64 : value < minInt64 ? minInt64 : value;

/**
 * A read's `limit` as SQL's LIMIT, where -1 means none: as in the in-memory store, none (or NaN) means all and
 * negatives and fractions round down; a limit too large for an integer is no limit.
 */
export const sqlLimit = (limit: number | undefined): number =>
  limit === undefined || Number.isNaN(limit) || limit >= Number.MAX_SAFE_INTEGER
    ? -1
    : Math.max(0, Math.floor(limit));

/** Thrown inside a transaction to roll it back with a refusal; caught where the transaction is run. */
export class Refused extends Error {
  constructor(readonly error: StoreError) {
    super(error._tag);
  }
}
