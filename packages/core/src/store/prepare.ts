import * as E from 'fp-ts/lib/Either.js';
import type { InvalidEvent, UndecodableEvent } from './errors.js';
import { chainHashOfFields } from './hashChain.js';
import type { EventSchema } from './schema.js';
import type { NewEvent, RecordedMetadata, StreamName } from './types.js';

/** An event ready to be written: validated, versioned, with its metadata and hash filled in. */
export interface PreparedEvent {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly type: string;
  /** Data in the current schema version, as it will be stored. */
  readonly data: unknown;
  readonly metadata: RecordedMetadata;
  /** Decoding `data` at its schema version gives `data` back unchanged (see `EncodedData`): no need to decode it. */
  readonly readsBackUnchanged: boolean;
}

/** Where the stream stands before an append: its last revision and hash, or nothing yet. */
export interface StreamTip {
  readonly revision: bigint | null;
  readonly hash: string;
}

/**
 * Validates every event against the schema and chains their hashes from the stream's tip. Adapters call
 * it inside their append, once they know the tip, so that the chain never forks. A single invalid event
 * refuses the whole batch before anything is written.
 */
export const prepareAppend = (
  schema: EventSchema,
  stream: StreamName,
  tip: StreamTip,
  events: ReadonlyArray<NewEvent>,
  recordedAt: string,
): E.Either<InvalidEvent, ReadonlyArray<PreparedEvent>> => {
  const prepared: PreparedEvent[] = [];
  let previousHash = tip.hash;
  let revision = tip.revision === null ? 0n : nextRevision(tip.revision);
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as NewEvent;
    const encoded = schema.encode(event.type, event.data);
    if (E.isLeft(encoded)) {
      return E.left({ _tag: 'InvalidEvent', stream, index, type: event.type, reason: encoded.left });
    }
    const m = event.metadata;
    const schemaVersion = m.schemaVersion ?? encoded.right.schemaVersion;
    const data = encoded.right.data;
    const eventId = m.eventId;
    const commandId = m.commandId ?? null;
    const commandHash = m.commandHash ?? null;
    const correlationId = m.correlationId ?? m.commandId ?? m.eventId;
    const causationId = m.causationId ?? null;
    const actor = m.actor ?? null;
    // The fields are named one by one (no spreads): this runs for every event written.
    const hash = chainHashOfFields(previousHash, {
      stream,
      revision,
      type: event.type,
      data,
      eventId,
      commandId,
      commandHash,
      correlationId,
      causationId,
      actor,
      recordedAt,
      schemaVersion,
    });
    prepared.push({
      stream,
      revision,
      type: event.type,
      data,
      metadata: {
        eventId,
        commandId,
        commandHash,
        correlationId,
        causationId,
        actor,
        recordedAt,
        schemaVersion,
        hash,
      },
      readsBackUnchanged:
        encoded.right.readsBackUnchanged === true && schemaVersion === encoded.right.schemaVersion,
    });
    previousHash = hash;
    revision = nextRevision(revision);
  }
  return E.right(prepared);
};

// Most streams are short: the revisions they use are shared rather than made anew for every event (a bigint
// is an object of its own, one more per event kept for the garbage collector to move).
const smallRevisions: ReadonlyArray<bigint> = Array.from({ length: 1024 }, (_, i) => BigInt(i));
const nextRevision = (revision: bigint): bigint =>
  revision < 1023n ? (smallRevisions[Number(revision) + 1] as bigint) : revision + 1n;

/** A recorded event as an adapter read it back, before decoding: data and metadata still untrusted. */
export interface RawRecordedEvent {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** Builds the {@link UndecodableEvent} for a raw event. */
export const undecodable = (
  raw: Pick<RawRecordedEvent, 'stream' | 'revision' | 'position' | 'type'>,
  reason: string,
): UndecodableEvent => ({
  _tag: 'UndecodableEvent',
  stream: raw.stream,
  revision: raw.revision,
  position: raw.position,
  type: raw.type,
  reason,
});
