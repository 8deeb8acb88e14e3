// The answers of Streams.Read decoded straight from their bytes into what the store reads, for the store's reads and
// catch-up subscriptions over a client's channel (grpcReads.ts). The clients' generated code builds a message object
// for every field of every event and then converts it; on a read of many events that is most of the client's time,
// on the one thread the application also runs on. The result is what the clients' convertGrpcEvent gives, but
// `created`, which the store does not read (test/readResponses.test.ts holds the two equal on answers the generated
// code writes).
import type { EsdbPosition, EsdbRecordedEvent, EsdbResolvedEvent } from './clientLike.js';
import {
  plainBytes,
  readCheckpoint,
  readEvent,
  readNotFound,
  messageEnd,
  ReaderClass,
  readSubscriptionId,
  type WireReadEvent,
  type WireRecord,
} from './readWire.js';

export type { WireReadEvent } from './readWire.js';

const utf8 = new TextDecoder();

/** What one ReadResp holds: its content is a oneof. */
type Content =
  | { readonly kind: 'event'; readonly event: WireReadEvent }
  | { readonly kind: 'streamNotFound'; readonly stream: Uint8Array }
  | { readonly kind: 'confirmation'; readonly subscriptionId: string }
  | { readonly kind: 'checkpoint'; readonly position: EsdbPosition }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'fellBehind' }
  | { readonly kind: 'other' };

// CaughtUp and FellBehind as the client's Subscription reads them: their time and place are not decoded (the store
// only listens for the signal), so they read as sent without a timestamp.
const withoutTimestamp = Object.freeze({ hasTimestamp: () => false });

/**
 * A ReadResp as the client's ReadStream and Subscription read one, asking `hasEvent`, `hasStreamNotFound`,
 * `hasConfirmation`, `hasCheckpoint`, `hasCaughtUp`, `hasFellBehind` and getting each: an event, a stream not found,
 * a confirmation, a checkpoint, caught up, fell behind, or what neither acts on (first and last positions).
 */
export class ReadResponse {
  private constructor(private readonly content: Content) {}

  hasEvent(): boolean {
    return this.content.kind === 'event';
  }

  getEvent(): WireReadEvent | undefined {
    return this.content.kind === 'event' ? this.content.event : undefined;
  }

  hasStreamNotFound(): boolean {
    return this.content.kind === 'streamNotFound';
  }

  getStreamNotFound(): { getStreamIdentifier(): { getStreamName(): Uint8Array } } | undefined {
    if (this.content.kind !== 'streamNotFound') return undefined;
    const name = this.content.stream;
    return { getStreamIdentifier: () => ({ getStreamName: () => name }) };
  }

  hasConfirmation(): boolean {
    return this.content.kind === 'confirmation';
  }

  getConfirmation(): { getSubscriptionId(): string } | undefined {
    if (this.content.kind !== 'confirmation') return undefined;
    const id = this.content.subscriptionId;
    return { getSubscriptionId: () => id };
  }

  hasCheckpoint(): boolean {
    return this.content.kind === 'checkpoint';
  }

  /** The checkpoint's position; bigints, which the client's `BigInt(…)` takes as they are. */
  getCheckpoint(): { getCommitPosition(): bigint; getPreparePosition(): bigint } | undefined {
    if (this.content.kind !== 'checkpoint') return undefined;
    const { commit, prepare } = this.content.position;
    return { getCommitPosition: () => commit, getPreparePosition: () => prepare };
  }

  hasCaughtUp(): boolean {
    return this.content.kind === 'caughtUp';
  }

  getCaughtUp(): { hasTimestamp(): boolean } | undefined {
    return this.content.kind === 'caughtUp' ? withoutTimestamp : undefined;
  }

  hasFellBehind(): boolean {
    return this.content.kind === 'fellBehind';
  }

  getFellBehind(): { hasTimestamp(): boolean } | undefined {
    return this.content.kind === 'fellBehind' ? withoutTimestamp : undefined;
  }

  /** Decodes one ReadResp; its content is a oneof (fields 1 to 9), so the last of them wins, as in any decoder. */
  static decode(bytes: Uint8Array): ReadResponse {
    const reader = ReaderClass.create(bytes);
    let content: Content = other;
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (wire === 2 && field === 1)
        content = { kind: 'event', event: readEvent(reader, messageEnd(reader)) };
      else if (wire === 2 && field === 2)
        content = { kind: 'confirmation', subscriptionId: readSubscriptionId(reader, messageEnd(reader)) };
      else if (wire === 2 && field === 3)
        content = { kind: 'checkpoint', position: readCheckpoint(reader, messageEnd(reader)) };
      else if (wire === 2 && field === 4)
        content = { kind: 'streamNotFound', stream: readNotFound(reader, messageEnd(reader)) };
      else {
        if (field >= 1 && field <= 9) content = field === 8 ? caughtUp : field === 9 ? fellBehind : other;
        reader.skipType(wire);
      }
    }
    return new ReadResponse(content);
  }
}

const other: Content = Object.freeze({ kind: 'other' });
const caughtUp: Content = Object.freeze({ kind: 'caughtUp' });
const fellBehind: Content = Object.freeze({ kind: 'fellBehind' });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const toRecorded = (record: WireRecord): EsdbRecordedEvent => {
  const isJson = (record.contentType ?? 'application/octet-stream') === 'application/json';
  const data = record.data ?? new Uint8Array();
  const custom = record.customMetadata;
  let metadata: unknown;
  if (custom !== undefined && custom.length > 0) {
    try {
      metadata = JSON.parse(utf8.decode(custom)) as unknown;
    } catch {
      metadata = plainBytes(custom);
    }
  }
  const position: EsdbPosition = { commit: record.commit, prepare: record.prepare };
  return {
    streamId: utf8.decode(record.stream ?? new Uint8Array()),
    id: record.id ?? '',
    revision: record.revision,
    type: record.type ?? '<no-event-type-provided>',
    isJson,
    data: isJson ? parseJson(utf8.decode(data)) : plainBytes(data),
    metadata,
    position,
  };
};

/** A decoded ReadEvent as the store's resolved event (the client's convertGrpcEvent, but `created`). */
export const toResolved = (read: WireReadEvent): EsdbResolvedEvent => {
  const resolved: { event?: EsdbRecordedEvent; link?: EsdbRecordedEvent; commitPosition?: bigint } = {};
  if (read.event !== undefined) resolved.event = toRecorded(read.event);
  if (read.link !== undefined) resolved.link = toRecorded(read.link);
  if (read.commitPosition !== undefined) resolved.commitPosition = read.commitPosition;
  return resolved;
};
