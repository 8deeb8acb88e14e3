import * as E from 'fp-ts/lib/Either.js';
import { decodeData } from './decode.js';
import { concurrencyConflict, streamDeleted, type StoreError } from './errors.js';
import { meetsExpectation } from './expected.js';
import { GENESIS_HASH } from './hashChain.js';
import { deepFreeze, type InMemoryLog, type StreamEntry } from './inMemoryRows.js';
import { RecordedMetadataCodec } from './metadataCodec.js';
import { prepareAppend, type PreparedEvent } from './prepare.js';
import { frozenJsonCopy, type EventSchema } from './schema.js';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StreamName } from './types.js';

/** A stream's entry before its first event. */
export const emptyEntry = (): StreamEntry => ({
  revision: null,
  hash: GENESIS_HASH,
  deleted: false,
  rows: [],
});

// Not a closure made per event: this runs for every event appended.
const invalid = (stream: StreamName, index: number, type: string, reason: string) =>
  E.left({ _tag: 'InvalidEvent' as const, stream, index, type, reason });

/**
 * Appends a batch to the log, all or nothing: every check (deletion, expected revision, schema, JSON, decoding
 * what will be read) runs before the first event is pushed, and nothing awaits in between, so appends never
 * interleave. Each event is decoded here, once, as a read would decode it (not at all when the schema says the
 * data reads back unchanged); reads then hand out that object.
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

  const recorded: RecordedEvent[] = [];
  const storedData: unknown[] = [];
  for (let index = 0; index < prepared.right.length; index++) {
    const event = prepared.right[index] as PreparedEvent;
    // The hash covers the data as stored; data that JSON would change would read back different and break it.
    const data = frozenJsonCopy(event.data);
    if (data === undefined)
      return invalid(stream, index, event.type, 'the schema encoded data that is not plain JSON');
    if (!RecordedMetadataCodec.is(event.metadata))
      return invalid(stream, index, event.type, 'the metadata is not made of strings');
    // What cannot be read back must not be written: a schema whose decode refuses its own encoding. Data the
    // codec left unchanged both ways reads back as the stored copy itself, with nothing to decode.
    let readBack: unknown = data;
    if (!event.readsBackUnchanged) {
      const decoded = decodeData(schema, event.type, event.metadata.schemaVersion, data);
      if (E.isLeft(decoded))
        return invalid(stream, index, event.type, `it would not read back: ${decoded.left}`);
      readBack = decoded.right;
    }
    storedData.push(data);
    recorded.push(
      Object.freeze({
        stream,
        revision: event.revision,
        position: BigInt(log.events.length + index),
        type: event.type,
        // The stored copy is frozen already; only what a codec decoded from it needs freezing, at every depth.
        data: readBack === data ? data : deepFreeze(readBack),
        // prepareAppend made the metadata for this event alone: freezing it keeps it out of every caller's reach.
        metadata: Object.freeze(event.metadata),
      }),
    );
  }

  const target: StreamEntry = entry ?? emptyEntry();
  for (let i = 0; i < recorded.length; i++) {
    const event = recorded[i] as RecordedEvent;
    const index = log.events.length;
    if (storedData[i] !== event.data) log.storedData.set(index, storedData[i]);
    target.rows.push(index);
    log.events.push(event);
    const commandId = event.metadata.commandId;
    if (commandId === null) continue;
    const indices = log.commands.get(commandId);
    if (indices === undefined) log.commands.set(commandId, index);
    else if (typeof indices === 'number') log.commands.set(commandId, [indices, index]);
    else indices.push(index);
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
