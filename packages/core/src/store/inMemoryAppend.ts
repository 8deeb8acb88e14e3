import * as E from 'fp-ts/lib/Either.js';
import { decodeData } from './decode.js';
import { concurrencyConflict, streamDeleted, type StoreError } from './errors.js';
import { meetsExpectation } from './expected.js';
import { GENESIS_HASH } from './hashChain.js';
import { deepFreeze, type StoredRow, type StreamEntry } from './inMemoryRows.js';
import { RecordedMetadataCodec } from './metadataCodec.js';
import { prepareAppend } from './prepare.js';
import { frozenJsonCopy, type EventSchema } from './schema.js';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StreamName } from './types.js';

/** The in-memory store's whole state: the global log (index = position) and each stream's tip. */
export interface InMemoryLog {
  readonly rows: StoredRow[];
  readonly streams: Map<StreamName, StreamEntry>;
}

/** A stream's entry before its first event. */
export const emptyEntry = (): StreamEntry => ({
  revision: null,
  hash: GENESIS_HASH,
  deleted: false,
  rows: [],
  commands: new Map(),
});

/**
 * Appends a batch to the log, all or nothing: every check (deletion, expected revision, schema, JSON, decoding
 * what will be read) runs before the first row is pushed, and nothing awaits in between, so appends never
 * interleave. Each event is decoded here, once, as a read would decode it; reads then hand out that object.
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
    const data = frozenJsonCopy(event.data);
    if (data === undefined) return refuse('the schema encoded data that is not plain JSON');
    if (!RecordedMetadataCodec.is(event.metadata)) return refuse('the metadata is not made of strings');
    // What cannot be read back must not be written: a schema whose decode refuses its own encoding.
    const decoded = decodeData(schema, event.type, event.metadata.schemaVersion, data);
    if (E.isLeft(decoded)) return refuse(`it would not read back: ${decoded.left}`);
    const metadata = Object.freeze({ ...event.metadata });
    const position = BigInt(log.rows.length + index);
    const read: RecordedEvent = deepFreeze({
      stream,
      revision: event.revision,
      position,
      type: event.type,
      data: decoded.right,
      metadata,
    });
    rows.push({
      stream,
      revision: event.revision,
      position,
      decoded: read,
      stored: { type: event.type, data, metadata },
      text: undefined,
    });
    recorded.push(read);
  }

  const target: StreamEntry = entry ?? emptyEntry();
  for (const row of rows) {
    target.rows.push(log.rows.length);
    log.rows.push(row);
  }
  for (const event of recorded) {
    const commandId = event.metadata.commandId;
    if (commandId === null) continue;
    const revisions = target.commands.get(commandId);
    if (revisions === undefined) target.commands.set(commandId, [Number(event.revision)]);
    else revisions.push(Number(event.revision));
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
