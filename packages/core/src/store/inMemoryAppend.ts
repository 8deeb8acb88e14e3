import * as E from 'fp-ts/lib/Either.js';
import { concurrencyConflict, streamDeleted, type StoreError } from './errors.js';
import { meetsExpectation } from './expected.js';
import { GENESIS_HASH } from './hashChain.js';
import { decodeRow, type StoredRow, type StreamEntry } from './inMemoryRows.js';
import { RecordedMetadataCodec } from './metadataCodec.js';
import { prepareAppend } from './prepare.js';
import { isJsonValue, type EventSchema } from './schema.js';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StreamName } from './types.js';

/** The in-memory store's whole state: the global log (index = position) and each stream's tip. */
export interface InMemoryLog {
  readonly rows: StoredRow[];
  readonly streams: Map<StreamName, StreamEntry>;
}

/**
 * Appends a batch to the log, all or nothing: every check (deletion, expected revision, schema, JSON, reading
 * back) runs before the first row is pushed, and nothing awaits in between, so appends never interleave.
 */
export const appendToLog = (
  log: InMemoryLog,
  schema: EventSchema,
  recordedAt: string,
  stream: StreamName,
  expected: ExpectedRevision,
  events: ReadonlyArray<NewEvent>,
): E.Either<StoreError, AppendResult> => {
  const entry = log.streams.get(stream);
  if (entry?.deleted === true) return E.left(streamDeleted(stream));
  const current = entry?.revision ?? null;
  if (!meetsExpectation(expected, current)) {
    return E.left(concurrencyConflict(stream, expected, current ?? 'no-stream'));
  }
  if (events.length === 0) {
    const lastIndex = entry?.rows[entry.rows.length - 1];
    const position = lastIndex === undefined ? -1n : BigInt(lastIndex);
    return E.right({ nextExpectedRevision: current ?? -1n, position, events: [] });
  }
  const prepared = prepareAppend(
    schema,
    stream,
    { revision: current, hash: entry?.hash ?? GENESIS_HASH },
    events,
    recordedAt,
  );
  if (E.isLeft(prepared)) return prepared;

  const rows: StoredRow[] = [];
  const recorded: RecordedEvent[] = [];
  for (const [index, event] of prepared.right.entries()) {
    const refuse = (reason: string) =>
      E.left({ _tag: 'InvalidEvent' as const, stream, index, type: event.type, reason });
    // The hash covers the data as stored; data that JSON would change would read back different and break it.
    if (!isJsonValue(event.data)) return refuse('the schema encoded data that is not plain JSON');
    if (!RecordedMetadataCodec.is(event.metadata)) return refuse('the metadata is not made of strings');
    const row: StoredRow = {
      stream,
      revision: event.revision,
      position: BigInt(log.rows.length + index),
      text: { type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) },
    };
    // What cannot be read back must not be written: a schema whose decode refuses its own encoding.
    const readBack = decodeRow(schema, row);
    if (E.isLeft(readBack)) return refuse(`it would not read back: ${readBack.left.reason}`);
    rows.push(row);
    recorded.push(readBack.right);
  }

  const target: StreamEntry = entry ?? { revision: null, hash: GENESIS_HASH, deleted: false, rows: [] };
  for (const row of rows) {
    target.rows.push(log.rows.length);
    log.rows.push(row);
  }
  const last = recorded[recorded.length - 1];
  if (last !== undefined) {
    target.revision = last.revision;
    target.hash = last.metadata.hash;
  }
  log.streams.set(stream, target);
  return E.right({
    nextExpectedRevision: last?.revision ?? current ?? -1n,
    position: last?.position ?? -1n,
    events: recorded,
  });
};
