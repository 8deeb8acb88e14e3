// The answers of Streams.Read decoded straight from their bytes into what the store reads, for a KurrentDBClient's
// gRPC reads (grpcReads.ts). The client's generated code builds a message object for every field of every event and
// then converts it; on a read of many events that is most of the client's time, on the one thread the application
// also runs on. The field numbers are those of the client's streams.proto and shared.proto (ReadResp, ReadEvent,
// RecordedEvent, UUID, StreamIdentifier); the result is what the client's convertGrpcEvent gives, but `created`, which
// the store does not read (test/readResponses.test.ts holds the two equal on messages the generated code writes).
import { createRequire } from 'node:module';
import type { Reader as ProtobufReader } from 'protobufjs';
import type { EsdbPosition, EsdbRecordedEvent, EsdbResolvedEvent } from './clientLike.js';

type Reader = ProtobufReader;

const { Reader: ReaderClass } = createRequire(import.meta.url)('protobufjs/minimal.js') as {
  readonly Reader: { create(buffer: Uint8Array): Reader };
};

const utf8 = new TextDecoder();

/**
 * A varint of up to 64 bits, whole, as a bigint: protobufjs gives 64-bit values as numbers (rounded past 2^53) unless
 * long.js is loaded beside it, and revisions and positions go up to 2^64 - 1. An int64 has the same bits.
 */
const varint64 = (reader: Reader): bigint => {
  const { buf, len } = reader;
  let pos = reader.pos;
  let low = 0;
  let high = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= len) throw new RangeError(`varint past the end of the message (${len} bytes)`);
    const byte = buf[pos++] as number;
    low |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      reader.pos = pos;
      return BigInt(low >>> 0);
    }
  }
  for (let shift = -4; shift < 32; shift += 7) {
    if (pos >= len) throw new RangeError(`varint past the end of the message (${len} bytes)`);
    const byte = buf[pos++] as number;
    if (shift < 0) {
      // The fifth byte: four bits for the low word, three for the high one.
      low |= (byte & 0x0f) << 28;
      high = (byte & 0x7f) >> 4;
    } else high |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  reader.pos = pos;
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
};

/** A recorded event as it came over the wire, before its data and metadata are parsed. */
interface WireRecord {
  id: string | undefined;
  stream: Uint8Array | undefined;
  revision: bigint;
  prepare: bigint;
  commit: bigint;
  type: string | undefined;
  contentType: string | undefined;
  customMetadata: Uint8Array | undefined;
  data: Uint8Array | undefined;
}

/** ReadResp.ReadEvent as it came over the wire. */
export interface WireReadEvent {
  event: WireRecord | undefined;
  link: WireRecord | undefined;
  commitPosition: bigint | undefined;
}

const hex64 = (bits: bigint): string => BigInt.asUintN(64, bits).toString(16).padStart(16, '0');

/** UUID: its string form, or the structured one (two int64) written as the client writes it. */
const readUuid = (reader: Reader, end: number): string | undefined => {
  let id: string | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2 && (tag & 7) === 2) id = reader.string();
    else if (tag >>> 3 === 1 && (tag & 7) === 2) {
      const stop = reader.uint32() + reader.pos;
      let most = 0n;
      let least = 0n;
      while (reader.pos < stop) {
        const inner = reader.uint32();
        if (inner >>> 3 === 1 && (inner & 7) === 0) most = varint64(reader);
        else if (inner >>> 3 === 2 && (inner & 7) === 0) least = varint64(reader);
        else reader.skipType(inner & 7);
      }
      const ms = hex64(most);
      const ls = hex64(least);
      id = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
    } else reader.skipType(tag & 7);
  }
  return id;
};

/** StreamIdentifier: its name's bytes. */
const readStreamName = (reader: Reader, end: number): Uint8Array | undefined => {
  let name: Uint8Array | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 3 && (tag & 7) === 2) name = reader.bytes();
    else reader.skipType(tag & 7);
  }
  return name === undefined ? new Uint8Array() : plainBytes(name);
};

/** One entry of RecordedEvent's metadata map: the keys the store reads are kept. */
const readMapEntry = (reader: Reader, end: number, record: WireRecord): void => {
  let key = '';
  let value = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) key = reader.string();
    else if (tag >>> 3 === 2 && (tag & 7) === 2) value = reader.string();
    else reader.skipType(tag & 7);
  }
  if (key === 'type') record.type = value;
  else if (key === 'content-type') record.contentType = value;
};

const readRecord = (reader: Reader, end: number): WireRecord => {
  const record: WireRecord = {
    id: undefined,
    stream: undefined,
    revision: 0n,
    prepare: 0n,
    commit: 0n,
    type: undefined,
    contentType: undefined,
    customMetadata: undefined,
    data: undefined,
  };
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2 && field === 1) record.id = readUuid(reader, reader.uint32() + reader.pos);
    else if (wire === 2 && field === 2) record.stream = readStreamName(reader, reader.uint32() + reader.pos);
    else if (wire === 0 && field === 3) record.revision = varint64(reader);
    else if (wire === 0 && field === 4) record.prepare = varint64(reader);
    else if (wire === 0 && field === 5) record.commit = varint64(reader);
    else if (wire === 2 && field === 6) readMapEntry(reader, reader.uint32() + reader.pos, record);
    else if (wire === 2 && field === 7) record.customMetadata = reader.bytes();
    else if (wire === 2 && field === 8) record.data = reader.bytes();
    else reader.skipType(wire);
  }
  return record;
};

const readEvent = (reader: Reader, end: number): WireReadEvent => {
  const event: WireReadEvent = { event: undefined, link: undefined, commitPosition: undefined };
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2 && field === 1) event.event = readRecord(reader, reader.uint32() + reader.pos);
    else if (wire === 2 && field === 2) event.link = readRecord(reader, reader.uint32() + reader.pos);
    else if (wire === 0 && field === 3) event.commitPosition = varint64(reader);
    else if (wire === 2 && field === 4) {
      // no_position: the other case of the oneof
      reader.skip(reader.uint32());
      event.commitPosition = undefined;
    } else reader.skipType(wire);
  }
  return event;
};

const readNotFound = (reader: Reader, end: number): Uint8Array => {
  let stream: Uint8Array | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) stream = readStreamName(reader, reader.uint32() + reader.pos);
    else reader.skipType(tag & 7);
  }
  return stream ?? new Uint8Array();
};

const readCheckpoint = (reader: Reader, end: number): EsdbPosition => {
  let commit = 0n;
  let prepare = 0n;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 0) commit = varint64(reader);
    else if (tag >>> 3 === 2 && (tag & 7) === 0) prepare = varint64(reader);
    else reader.skipType(tag & 7);
  }
  return { commit, prepare };
};

const readSubscriptionId = (reader: Reader, end: number): string => {
  let id = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) id = reader.string();
    else reader.skipType(tag & 7);
  }
  return id;
};

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
      if (wire !== 2 || field < 1 || field > 9) {
        if (field >= 1 && field <= 9) content = other;
        reader.skipType(wire);
        continue;
      }
      const end = reader.uint32() + reader.pos;
      if (field === 1) content = { kind: 'event', event: readEvent(reader, end) };
      else if (field === 2)
        content = { kind: 'confirmation', subscriptionId: readSubscriptionId(reader, end) };
      else if (field === 3) content = { kind: 'checkpoint', position: readCheckpoint(reader, end) };
      else if (field === 4) content = { kind: 'streamNotFound', stream: readNotFound(reader, end) };
      else {
        content = field === 8 ? caughtUp : field === 9 ? fellBehind : other;
        reader.skip(end - reader.pos);
      }
    }
    return new ReadResponse(content);
  }
}

const other: Content = Object.freeze({ kind: 'other' });
const caughtUp: Content = Object.freeze({ kind: 'caughtUp' });
const fellBehind: Content = Object.freeze({ kind: 'fellBehind' });

/** Bytes the reader sliced from the message, as the plain Uint8Array the client's generated code hands out. */
const plainBytes = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

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
