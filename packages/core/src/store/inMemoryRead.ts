import * as E from 'fp-ts/lib/Either.js';
import { streamDeleted, streamNotFound, type StoreError } from './errors.js';
import { matchesFilter } from './filter.js';
import type { InMemoryLog } from './inMemoryAppend.js';
import { countOf, decodeRow, decodeRows, typeOf, type StoredRow } from './inMemoryRows.js';
import type { EventSchema } from './schema.js';
import type { CatchUpPage } from './subscription.js';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamName } from './types.js';

function* range(from: number, to: number, backwards: boolean): Generator<number> {
  for (let i = from; backwards ? i >= to : i <= to; i += backwards ? -1 : 1) yield i;
}

const rowsAt = (log: InMemoryLog, indices: ReadonlyArray<number>): StoredRow[] =>
  indices.flatMap((index) => {
    const row = log.rows[index];
    return row === undefined ? [] : [row];
  });

const passes = (filter: EventFilter | undefined, row: StoredRow): boolean =>
  matchesFilter(filter, { stream: row.stream, type: typeOf(row) });

/** Reads one stream of the in-memory log: inclusive start, either direction, up to a limit. */
export const readStreamOf = (
  log: InMemoryLog,
  schema: EventSchema,
  stream: StreamName,
  options: ReadStreamOptions,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  const entry = log.streams.get(stream);
  if (entry?.deleted === true) return E.left(streamDeleted(stream));
  if (entry === undefined || entry.revision === null) return E.left(streamNotFound(stream));
  const last = entry.rows.length - 1;
  const limit = countOf(options.limit);
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? BigInt(last) : 0n);
  const start = backwards ? Math.min(Number(from), last) : Math.max(Number(from), 0);
  const picked: number[] = [];
  for (const revision of range(start, backwards ? 0 : last, backwards)) {
    if (picked.length >= limit) break;
    const index = entry.rows[revision];
    if (index !== undefined) picked.push(index);
  }
  return decodeRows(schema, rowsAt(log, picked));
};

/** Reads the in-memory global log: inclusive start, either direction, up to a limit, filtered. */
export const readAllOf = (
  log: InMemoryLog,
  schema: EventSchema,
  options: ReadAllOptions,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  const last = log.rows.length - 1;
  const limit = countOf(options.limit);
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? BigInt(last) : 0n);
  const start = backwards ? Math.min(Number(from), last) : Math.max(Number(from), 0);
  const picked: number[] = [];
  for (const index of range(start, backwards ? 0 : last, backwards)) {
    if (picked.length >= limit) break;
    const row = log.rows[index];
    if (row !== undefined && passes(options.filter, row)) picked.push(index);
  }
  return decodeRows(schema, rowsAt(log, picked));
};

/**
 * A subscription's page: matching events after a position, each decoded on its own so that those before
 * a corrupt one are still delivered; a short page has scanned to the head of the log.
 */
export const readPageOf = (
  log: InMemoryLog,
  schema: EventSchema,
  after: bigint | undefined,
  limit: number,
  filter: EventFilter | undefined,
): CatchUpPage => {
  const events: E.Either<StoreError, RecordedEvent>[] = [];
  for (
    let index = after === undefined || after < 0n ? 0 : Number(after) + 1;
    index < log.rows.length;
    index++
  ) {
    if (events.length >= limit) return { events };
    const row = log.rows[index];
    if (row === undefined || !passes(filter, row)) continue;
    const event = decodeRow(schema, row);
    events.push(event);
    if (E.isLeft(event)) return { events };
  }
  return log.rows.length === 0 ? { events } : { events, scannedTo: BigInt(log.rows.length - 1) };
};

/** The events a command recorded on a stream, through the stream's command-id index: no scan. */
export const readCommandOf = (
  log: InMemoryLog,
  schema: EventSchema,
  stream: StreamName,
  commandId: string,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  const entry = log.streams.get(stream);
  if (entry?.deleted === true) return E.left(streamDeleted(stream));
  const revisions = entry?.commands.get(commandId);
  if (entry === undefined || revisions === undefined) return E.right([]);
  return decodeRows(
    schema,
    rowsAt(
      log,
      revisions.flatMap((revision) => entry.rows[revision] ?? []),
    ),
  );
};
