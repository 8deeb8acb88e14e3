import * as E from 'fp-ts/lib/Either.js';
import {
  GENESIS_HASH,
  RecordedMetadataCodec,
  concurrencyConflict,
  decodeData,
  isJsonValue,
  meetsExpectation,
  prepareAppend,
  streamDeleted,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import { Refused, failure, type StoreContext } from './context.js';
import { inTransaction } from './transactions.js';
import { readTip } from './read.js';
import { isUniqueViolation } from './sqliteErrors.js';

/** The last revision actually written for a stream, read from the log itself rather than from `streams`. */
const writtenRevision = (ctx: StoreContext, stream: StreamName): bigint | 'no-stream' => {
  const row = ctx.sql('SELECT max(revision) AS revision FROM events WHERE stream = ?').get(stream) as {
    revision: bigint | null;
  };
  return row.revision ?? 'no-stream';
};

const appendInTransaction = (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
): E.Either<StoreError, AppendResult> => {
  const tip = readTip(ctx, stream);
  if (tip?.deleted_at !== null && tip?.deleted_at !== undefined) return E.left(streamDeleted(stream));
  const current = tip?.revision ?? null;
  if (!meetsExpectation(expected, current)) {
    return E.left(concurrencyConflict(stream, expected, current ?? 'no-stream'));
  }
  if (events.length === 0) {
    const last = ctx.sql('SELECT max(position) AS position FROM events WHERE stream = ?').get(stream) as {
      position: bigint | null;
    };
    return E.right({ nextExpectedRevision: current ?? -1n, position: last.position ?? -1n, events: [] });
  }
  const prepared = prepareAppend(
    ctx.options.schema,
    stream,
    { revision: current, hash: tip?.hash ?? GENESIS_HASH },
    events,
    ctx.options.clock(),
  );
  if (E.isLeft(prepared)) return prepared;
  const insert = ctx.sql(
    'INSERT INTO events (stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)',
  );
  const recorded: RecordedEvent[] = [];
  for (const [index, event] of prepared.right.entries()) {
    const refuse = (reason: string) =>
      E.left({ _tag: 'InvalidEvent' as const, stream, index, type: event.type, reason });
    // The hash covers the data as it is stored; data that JSON would change (a Date, a class) would read
    // back different and break the chain, so a schema that encodes to such data is refused here.
    if (!isJsonValue(event.data)) return refuse('the schema encoded data that is not plain JSON');
    // The position is the rowid SQLite just gave the row (safe integers: a bigint).
    const position = BigInt(
      insert.run(
        stream,
        event.revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ).lastInsertRowid,
    );
    // What cannot be read back must not be written (a schema whose decode refuses its own encoding, metadata
    // that is not strings); the refusal rolls the batch back. The data is decoded here, once, from what was
    // stored, so the result carries the events as a read would return them without reading them again.
    if (!RecordedMetadataCodec.is(event.metadata)) return refuse('the metadata is not made of strings');
    let data: unknown = event.data;
    if (!event.readsBackUnchanged) {
      const decoded = decodeData(ctx.options.schema, event.type, event.metadata.schemaVersion, event.data);
      if (E.isLeft(decoded)) return refuse(`it would not read back: ${decoded.left}`);
      data = decoded.right;
    }
    recorded.push({
      stream,
      revision: event.revision,
      position,
      type: event.type,
      data,
      metadata: event.metadata,
    });
  }
  const last = recorded[recorded.length - 1];
  if (last === undefined) return E.left(failure(ctx, `appending to ${stream}`, 'no event was written'));
  ctx
    .sql(
      `INSERT INTO streams (stream, revision, hash) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
    )
    .run(stream, last.revision, last.metadata.hash);
  return E.right({ nextExpectedRevision: last.revision, position: last.position, events: recorded });
};

/**
 * Appends inside the group commit's `BEGIN IMMEDIATE` transaction, in a savepoint of its own: the write lock is
 * taken before the tip is read, so no other process can move the stream between the check and the insert, and
 * a refusal rolls back this append alone. The tip is read in the transaction rather than taken from the
 * caller's `expectedHash`: it is one indexed row, and it is what makes a stale expectation a conflict.
 */
export const appendInGroup = (
  ctx: StoreContext,
  stream: StreamName,
  expected: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
): E.Either<StoreError, AppendResult> => {
  if (ctx.options.readOnly)
    return E.left(failure(ctx, `appending to ${stream}`, 'the store was opened read-only'));
  let result: E.Either<StoreError, AppendResult>;
  try {
    result = inTransaction(ctx.db, () => {
      const outcome = appendInTransaction(ctx, stream, expected, events);
      // Throwing is how better-sqlite3 rolls a transaction back; caught just below.
      if (E.isLeft(outcome)) throw new Refused(outcome.left);
      return outcome;
    });
  } catch (thrown) {
    if (thrown instanceof Refused) return E.left(thrown.error);
    // A row for this revision exists though `streams` did not say so: another writer won. The unique key
    // is the last line of defence, whatever wrote the row.
    if (isUniqueViolation(thrown)) {
      try {
        return E.left(concurrencyConflict(stream, expected, writtenRevision(ctx, stream)));
      } catch (alsoThrown) {
        return E.left(failure(ctx, `appending to ${stream}`, alsoThrown));
      }
    }
    return E.left(failure(ctx, `appending to ${stream}`, thrown));
  }
  return result;
};
