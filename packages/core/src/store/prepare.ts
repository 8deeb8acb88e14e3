import * as E from 'fp-ts/lib/Either.js';
import type { InvalidEvent, UndecodableEvent } from './errors.js';
import { chainHash } from './hashChain.js';
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
  let revision = tip.revision === null ? 0n : tip.revision + 1n;
  for (const [index, event] of events.entries()) {
    const encoded = schema.encode(event.type, event.data);
    if (E.isLeft(encoded)) {
      return E.left({ _tag: 'InvalidEvent', stream, index, type: event.type, reason: encoded.left });
    }
    const unhashed = {
      eventId: event.metadata.eventId,
      commandId: event.metadata.commandId ?? null,
      commandHash: event.metadata.commandHash ?? null,
      correlationId: event.metadata.correlationId ?? event.metadata.commandId ?? event.metadata.eventId,
      causationId: event.metadata.causationId ?? null,
      actor: event.metadata.actor ?? null,
      recordedAt,
      schemaVersion: event.metadata.schemaVersion ?? encoded.right.schemaVersion,
    };
    const hash = chainHash(previousHash, {
      stream,
      revision,
      type: event.type,
      data: encoded.right.data,
      ...unhashed,
    });
    prepared.push({
      stream,
      revision,
      type: event.type,
      data: encoded.right.data,
      metadata: { ...unhashed, hash },
    });
    previousHash = hash;
    revision += 1n;
  }
  return E.right(prepared);
};

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
