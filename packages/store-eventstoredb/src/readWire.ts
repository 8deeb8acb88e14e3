// The pieces of Streams.Read's answers as they come over the wire, read with protobufjs's reader: the field numbers
// are those of the clients' streams.proto and shared.proto (ReadResp, ReadEvent, RecordedEvent, UUID,
// StreamIdentifier, Checkpoint, SubscriptionConfirmation). Nothing here parses data or metadata: readResponses.ts
// turns these into what the store reads.
import { createRequire } from 'node:module';
import type { Reader as ProtobufReader } from 'protobufjs';
import type { EsdbPosition } from './clientLike.js';

/** protobufjs's reader over one message. */
export type Reader = ProtobufReader;

export const { Reader: ReaderClass } = createRequire(import.meta.url)('protobufjs/minimal.js') as {
  readonly Reader: { create(buffer: Uint8Array): Reader };
};

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
export interface WireRecord {
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

/** Where the message the reader stands at ends: its length is read, and it starts where the reader is then. */
export const messageEnd = (reader: Reader): number => reader.uint32() + reader.pos;

const hex64 = (bits: bigint): string => BigInt.asUintN(64, bits).toString(16).padStart(16, '0');

/** A message of two 64-bit varints, fields 1 and 2 (UUID.Structured, Checkpoint): both, 0 when absent. */
const readPair = (reader: Reader, end: number): readonly [bigint, bigint] => {
  let first = 0n;
  let second = 0n;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 0) first = varint64(reader);
    else if (tag >>> 3 === 2 && (tag & 7) === 0) second = varint64(reader);
    else reader.skipType(tag & 7);
  }
  return [first, second];
};

/** A message of which one length-delimited field is wanted: its last value read with `read`, if it has one. */
const readField = <A>(
  reader: Reader,
  end: number,
  field: number,
  read: (reader: Reader) => A,
): A | undefined => {
  let value: A | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === field && (tag & 7) === 2) value = read(reader);
    else reader.skipType(tag & 7);
  }
  return value;
};

/** UUID: its string form, or the structured one (two int64) written as the client writes it. */
const readUuid = (reader: Reader, end: number): string | undefined => {
  let id: string | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2 && (tag & 7) === 2) id = reader.string();
    else if (tag >>> 3 === 1 && (tag & 7) === 2) {
      const [most, least] = readPair(reader, messageEnd(reader));
      const ms = hex64(most);
      const ls = hex64(least);
      id = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
    } else reader.skipType(tag & 7);
  }
  return id;
};

/** StreamIdentifier: its name's bytes (field 3), empty when it has none. */
const readStreamName = (reader: Reader, end: number): Uint8Array =>
  plainBytes(readField(reader, end, 3, (r) => r.bytes()) ?? new Uint8Array());

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
    if (wire === 2 && field === 1) record.id = readUuid(reader, messageEnd(reader));
    else if (wire === 2 && field === 2) record.stream = readStreamName(reader, messageEnd(reader));
    else if (wire === 0 && field === 3) record.revision = varint64(reader);
    else if (wire === 0 && field === 4) record.prepare = varint64(reader);
    else if (wire === 0 && field === 5) record.commit = varint64(reader);
    else if (wire === 2 && field === 6) readMapEntry(reader, messageEnd(reader), record);
    else if (wire === 2 && field === 7) record.customMetadata = reader.bytes();
    else if (wire === 2 && field === 8) record.data = reader.bytes();
    else reader.skipType(wire);
  }
  return record;
};

export const readEvent = (reader: Reader, end: number): WireReadEvent => {
  const event: WireReadEvent = { event: undefined, link: undefined, commitPosition: undefined };
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 2 && field === 1) event.event = readRecord(reader, messageEnd(reader));
    else if (wire === 2 && field === 2) event.link = readRecord(reader, messageEnd(reader));
    else if (wire === 0 && field === 3) event.commitPosition = varint64(reader);
    else if (wire === 2 && field === 4) {
      // no_position: the other case of the oneof
      reader.skip(reader.uint32());
      event.commitPosition = undefined;
    } else reader.skipType(wire);
  }
  return event;
};

/** ReadResp.StreamNotFound: the stream's name (field 1, a StreamIdentifier). */
export const readNotFound = (reader: Reader, end: number): Uint8Array =>
  readField(reader, end, 1, (r) => readStreamName(r, messageEnd(r))) ?? new Uint8Array();

/** ReadResp.Checkpoint: its commit (field 1) and prepare (field 2) positions. */
export const readCheckpoint = (reader: Reader, end: number): EsdbPosition => {
  const [commit, prepare] = readPair(reader, end);
  return { commit, prepare };
};

/** ReadResp.SubscriptionConfirmation: the subscription's id (field 1). */
export const readSubscriptionId = (reader: Reader, end: number): string =>
  readField(reader, end, 1, (r) => r.string()) ?? '';

/** Bytes the reader sliced from the message, as the plain Uint8Array the client's generated code hands out. */
export const plainBytes = (bytes: Uint8Array): Uint8Array =>
  new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
