import * as E from 'fp-ts/lib/Either.js';
import { streamDeleted, streamNotFound, type StoreError } from './errors.js';
import { matchesFilter } from './filter.js';
import { countOf, decodeRow, decodeRows, typeOf, type InMemoryLog } from './inMemoryRows.js';
import type { EventSchema } from './schema.js';
import type { CatchUpPage } from './subscription.js';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamName } from './types.js';

function* range(from: number, to: number, backwards: boolean): Generator<number> {
  for (let i = from; backwards ? i >= to : i <= to; i += backwards ? -1 : 1) yield i;
}

const rowsAt = (log: InMemoryLog, indices: ReadonlyArray<number>): RecordedEvent[] =>
  indices.flatMap((index) => {
    const row = log.events[index];
    return row === undefined ? [] : [row];
  });

const passes = (log: InMemoryLog, filter: EventFilter | undefined, row: RecordedEvent): boolean =>
  matchesFilter(filter, { stream: row.stream, type: typeOf(log, row) });

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
  // Plain loops, no generator: this runs for every command's load.
  const events: RecordedEvent[] = [];
  const step = backwards ? -1 : 1;
  for (
    let revision = backwards ? Math.min(Number(from), last) : Math.max(Number(from), 0);
    events.length < limit && revision >= 0 && revision <= last;
    revision += step
  ) {
    const row = log.events[entry.rows[revision] ?? -1];
    if (row === undefined) continue;
    const decoded = decodeRow(schema, log, row);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};

/** Reads the in-memory global log: inclusive start, either direction, up to a limit, filtered. */
export const readAllOf = (
  log: InMemoryLog,
  schema: EventSchema,
  options: ReadAllOptions,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  const last = log.events.length - 1;
  const limit = countOf(options.limit);
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? BigInt(last) : 0n);
  const start = backwards ? Math.min(Number(from), last) : Math.max(Number(from), 0);
  const picked: number[] = [];
  for (const index of range(start, backwards ? 0 : last, backwards)) {
    if (picked.length >= limit) break;
    const row = log.events[index];
    if (row !== undefined && passes(log, options.filter, row)) picked.push(index);
  }
  return decodeRows(schema, log, rowsAt(log, picked));
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
    index < log.events.length;
    index++
  ) {
    if (events.length >= limit) return { events };
    const row = log.events[index];
    if (row === undefined || !passes(log, filter, row)) continue;
    const event = decodeRow(schema, log, row);
    events.push(event);
    if (E.isLeft(event)) return { events };
  }
  return log.events.length === 0 ? { events } : { events, scannedTo: BigInt(log.events.length - 1) };
};

/** The events a command recorded on a stream, through the store's command-id index: no scan. */
export const readCommandOf = (
  log: InMemoryLog,
  schema: EventSchema,
  stream: StreamName,
  commandId: string,
): E.Either<StoreError, ReadonlyArray<RecordedEvent>> => {
  const entry = log.streams.get(stream);
  if (entry?.deleted === true) return E.left(streamDeleted(stream));
  if (entry === undefined) return E.right(noEvents);
  const indices = log.commands.get(commandId);
  if (indices === undefined) return E.right(noEvents);
  const events: RecordedEvent[] = [];
  // In log order, which within one stream is revision order; the same id may have recorded on other streams.
  for (const index of typeof indices === 'number' ? [indices] : indices) {
    const row = log.events[index];
    if (row === undefined || row.stream !== stream) continue;
    const decoded = decodeRow(schema, log, row);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};

// The answer for a command id never seen, which is every new command's: one shared empty array.
const noEvents: ReadonlyArray<RecordedEvent> = Object.freeze([]);
