// Conversions between protobuf messages and the storage model.
//
// 64-bit numbers: the generated classes were built with `jstype = JS_STRING`, so
// revisions and positions are decimal strings on the message objects; storage keeps
// them as bigint.
import type { ResolvedRecord } from './links.js';
import type { Protocol, ReadResp, StreamIdentifier, UUID } from './protocol.js';
import { ExpectedVersion, type ProposedEvent, type RecordedEvent } from './storage.js';

export const JSON_CONTENT_TYPE = 'application/json';
export const BINARY_CONTENT_TYPE = 'application/octet-stream';

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return identifier === undefined ? '' : Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(protocol: Protocol, name: string): StreamIdentifier {
  return new protocol.shared.StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

/** A UUID message in either form (string, or structured 64-bit halves) as a lowercase string. */
export function uuidToString(uuid: UUID | undefined): string {
  if (uuid === undefined) return '';
  const structured = uuid.getStructured();
  if (uuid.hasStructured() && structured !== undefined) {
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64BE(BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())), 0);
    bytes.writeBigUInt64BE(BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())), 8);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return uuid.getString().toLowerCase();
}

/** A UUID message in the form the client asked for (`UUIDOption`); structured halves are signed int64. */
export function uuidMessage(protocol: Protocol, id: string, structured: boolean): UUID {
  const uuid = new protocol.shared.UUID();
  if (!structured) return uuid.setString(id);
  const bytes = Buffer.from(id.replaceAll('-', ''), 'hex');
  const halves = new protocol.shared.UUID.Structured()
    .setMostSignificantBits(BigInt.asIntN(64, bytes.readBigUInt64BE(0)).toString())
    .setLeastSignificantBits(BigInt.asIntN(64, bytes.readBigUInt64BE(8)).toString());
  return uuid.setStructured(halves);
}

/**
 * A `ReadResp` carrying one event, as the server writes it: `type`, `created` (100 ns
 * ticks since the Unix epoch) and `content-type` in the metadata map; the custom
 * metadata bytes apart; the `$all` position on both the record and the read event.
 * A resolved link carries the event in `event` and the link in `link`; the read event's
 * position is the link's (the record the read or subscription came across).
 */
export function readEventResponse(
  protocol: Protocol,
  record: ResolvedRecord,
  structuredIds: boolean,
): ReadResp {
  const { streams } = protocol;
  const event = new streams.ReadResp.ReadEvent();
  if (record.event !== undefined) event.setEvent(recordedEvent(protocol, record.event, structuredIds));
  if (record.link !== undefined) event.setLink(recordedEvent(protocol, record.link, structuredIds));
  const original = record.link ?? record.event;
  if (original !== undefined) event.setCommitPosition(original.position.toString());
  return new streams.ReadResp().setEvent(event);
}

function recordedEvent(protocol: Protocol, record: RecordedEvent, structuredIds: boolean) {
  const recorded = new protocol.streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(protocol, record.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(protocol, record.stream))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('created', record.created.toString())
    .set('content-type', record.isJson ? JSON_CONTENT_TYPE : BINARY_CONTENT_TYPE);
  return recorded;
}

/** The expected-revision oneof shared (with different case numbers) by Append, BatchAppend, Delete and Tombstone options. */
interface ExpectedRevisionOptions {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}

/** The expected version in the server's encoding, or undefined when the oneof is not set. */
export function expectedVersionOf(
  options: ExpectedRevisionOptions,
  revision: string | undefined,
): bigint | undefined {
  if (options.hasAny()) return ExpectedVersion.Any;
  if (options.hasNoStream()) return ExpectedVersion.NoStream;
  if (options.hasStreamExists()) return ExpectedVersion.StreamExists;
  return revision === undefined ? undefined : BigInt(revision);
}

/** Append's and BatchAppend's ProposedMessage (two classes of the same shape). */
interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export type ProposedEventOrMissing =
  { readonly event: ProposedEvent; readonly size: number } | { readonly missing: 'type' | 'content-type' };

/**
 * A proposed message as an event to store. `type` and `content-type` are required; only
 * `application/json` counts as JSON (the server keeps a flag, not the content type, so
 * any other content type reads back as `application/octet-stream`). The size is what
 * counts against the maximum append size.
 */
export function proposedEvent(message: ProposedMessage): ProposedEventOrMissing {
  const metadataMap = message.getMetadataMap();
  const type = metadataMap.get('type');
  if (type === undefined) return { missing: 'type' };
  const contentType = metadataMap.get('content-type');
  if (contentType === undefined) return { missing: 'content-type' };
  const data = message.getData_asU8();
  const metadata = message.getCustomMetadata_asU8();
  const id = message.getId();
  return {
    event: {
      // A real server rejects a message without an id; tolerate it, the clients always send one.
      id: id === undefined ? crypto.randomUUID() : uuidToString(id),
      type,
      isJson: contentType === JSON_CONTENT_TYPE,
      data,
      metadata,
    },
    size: data.length + metadata.length + Buffer.byteLength(type, 'utf8'),
  };
}
