import * as E from 'fp-ts/lib/Either.js';
import {
  streamDeleted,
  streamNotFound,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import { inTransaction } from './transactions.js';
import { failure, int64, maxInt64, sqlLimit, type StoreContext } from './context.js';
import { filterSql } from './filter.js';
import { decodeRows, eventColumns, type EventRow } from './rows.js';

/** A stream's row in `streams`: its last revision and hash, and when it was deleted. */
export interface TipRow {
  readonly revision: bigint | null;
  readonly hash: string;
  readonly deleted_at: string | null;
}

export const readTip = (ctx: StoreContext, stream: StreamName): TipRow | undefined =>
  ctx.sql('SELECT revision, hash, deleted_at FROM streams WHERE stream = ?').get(stream) as
    TipRow | undefined;

// The SQL texts as constants: the statement cache is keyed by text, and a text built anew for every read is
// hashed anew for every lookup.
const streamForwardsSql = `SELECT ${eventColumns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`;
const streamBackwardsSql = `SELECT ${eventColumns} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`;
// INDEXED BY: on a long stream the planner would rather walk (stream, revision) for the ORDER BY.
const commandSql = `SELECT ${eventColumns} FROM events INDEXED BY events_by_command
  WHERE stream = ?
    AND (CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.commandId') END) = ?
  ORDER BY revision`;

/** Reads one stream, in one read transaction so that its tip and its events agree. */
export const readStream = (
  ctx: StoreContext,
  stream: StreamName,
  options: ReadStreamOptions = {},
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  try {
    return inTransaction(ctx.db, (): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
      const tip = readTip(ctx, stream);
      if (tip?.deleted_at !== null && tip?.deleted_at !== undefined) return E.left(streamDeleted(stream));
      if (tip?.revision === null || tip?.revision === undefined) return E.left(streamNotFound(stream));
      const backwards = options.direction === 'backwards';
      const rows = ctx
        .sql(backwards ? streamBackwardsSql : streamForwardsSql)
        .all(
          stream,
          int64(options.fromRevision ?? (backwards ? maxInt64 : 0n)),
          sqlLimit(options.limit),
        ) as EventRow[];
      return decodeRows(ctx.options.schema, rows);
    });
  } catch (thrown) {
    return E.left(failure(ctx, `reading stream ${stream}`, thrown));
  }
};

/** Reads the global log in position order, filtering in SQL. */
export const readAll = (
  ctx: StoreContext,
  options: ReadAllOptions = {},
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  try {
    const backwards = options.direction === 'backwards';
    const filter = filterSql(options.filter);
    const rows = ctx
      .sql(
        backwards
          ? `SELECT ${eventColumns} FROM events WHERE position <= ? AND ${filter.condition} ORDER BY position DESC LIMIT ?`
          : `SELECT ${eventColumns} FROM events WHERE position >= ? AND ${filter.condition} ORDER BY position ASC LIMIT ?`,
      )
      .all(
        int64(options.fromPosition ?? (backwards ? maxInt64 : 0n)),
        ...filter.params,
        sqlLimit(options.limit),
      ) as EventRow[];
    return decodeRows(ctx.options.schema, rows);
  } catch (thrown) {
    return E.left(failure(ctx, 'reading the log', thrown));
  }
};

const noEvents: ReadonlyArray<RecordedEvent> = Object.freeze([]);

/** The events a command recorded on a stream, through the `events_by_command` index. */
export const readCommand = (
  ctx: StoreContext,
  stream: StreamName,
  commandId: string,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  try {
    return inTransaction(ctx.db, (): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
      const tip = readTip(ctx, stream);
      if (tip?.deleted_at !== null && tip?.deleted_at !== undefined) return E.left(streamDeleted(stream));
      // Events are written with their stream's row, in one transaction: no row, no events, nothing to look up.
      if (tip === undefined) return E.right(noEvents);
      const rows = ctx.sql(commandSql).all(stream, commandId) as EventRow[];
      return decodeRows(ctx.options.schema, rows);
    });
  } catch (thrown) {
    return E.left(failure(ctx, `looking up command ${commandId} on ${stream}`, thrown));
  }
};
