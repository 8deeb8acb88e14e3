// What the v2 streams protocol's two appends (AppendSession, AppendRecords) share: a record as a storage event,
// and failures that carry their details in the `grpc-status-details-bin` trailer, as KurrentDB sends them.
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import type { CallError } from './errors.js';
import type { Protocol, V2AppendRecord, V2Protocol } from './protocol.js';
import type { ProposedEvent } from './storage.js';

const utf8 = new TextEncoder();
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errorsPackage = 'kurrentdb.protocol.v2.streams.errors';

/** A failed call whose `grpc-status-details-bin` trailer carries a google.rpc.Status with one packed detail. */
export function detailedError(
  protocol: Protocol,
  code: GrpcStatus,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  typeName: string,
): CallError {
  const any = new protocol.google.Any();
  any.pack(detail.serializeBinary(), `${errorsPackage}.${typeName}`);
  const status = new protocol.status.Status()
    .setCode(code as number)
    .setMessage(message)
    .setDetails(any);
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(status.serializeBinary()));
  return Object.assign(new Error(message), { code, details: message, metadata });
}

/** A schema format as the server names it (its enum's name, C#-cased): `Json`, `Protobuf`, `Avro`, `Bytes`. */
function formatName(v2: V2Protocol, format: number | undefined): string {
  const { SchemaFormat } = v2.streams;
  switch (format) {
    case SchemaFormat.SCHEMA_FORMAT_JSON:
      return 'Json';
    case SchemaFormat.SCHEMA_FORMAT_PROTOBUF:
      return 'Protobuf';
    case SchemaFormat.SCHEMA_FORMAT_AVRO:
      return 'Avro';
    case SchemaFormat.SCHEMA_FORMAT_BYTES:
      return 'Bytes';
    case undefined:
    default:
      return 'Unspecified';
  }
}

/**
 * A record as a storage event, or why the server refuses it: its properties are its metadata, which v1 reads see as
 * one JSON object (the server serialises the properties map to JSON) with the record's schema added as
 * `$schema.name` (the type) and `$schema.format` (`Json`, `Bytes`, …); an id the server makes when none is given.
 */
export function recordEvent(v2: V2Protocol, record: V2AppendRecord, stream: string): ProposedEvent | string {
  const schema = record.getSchema();
  const type = schema?.getName() ?? '';
  if (type === '') return `A record for "${stream}" has no schema name.`;
  const id = record.hasRecordId() ? (record.getRecordId() ?? '') : crypto.randomUUID();
  if (!uuidPattern.test(id)) return `Could not parse RecordId '${id}' to GUID`;
  const properties: Record<string, unknown> = {};
  for (const [key, value] of record.getPropertiesMap().entries()) properties[key] = value.toJavaScript();
  properties['$schema.name'] = type;
  const format = schema?.getFormat();
  properties['$schema.format'] = formatName(v2, format);
  return {
    id: id.toLowerCase(),
    type,
    isJson: format === v2.streams.SchemaFormat.SCHEMA_FORMAT_JSON,
    data: record.getData_asU8(),
    metadata: utf8.encode(JSON.stringify(properties)),
  };
}

/** What a record weighs against the server's maximum append size. */
export const recordSize = (event: ProposedEvent): number =>
  event.data.length + event.metadata.length + event.type.length;

/** A transaction over the maximum append size: ABORTED, with its size and the maximum. */
export const transactionTooLarge = (
  protocol: Protocol,
  v2: V2Protocol,
  size: number,
  maxSize: number,
): CallError =>
  detailedError(
    protocol,
    GrpcStatus.ABORTED,
    `The append transaction of ${size} bytes exceeds the maximum of ${maxSize}`,
    new v2.errors.AppendTransactionSizeExceededErrorDetails().setSize(size).setMaxSize(maxSize),
    'AppendTransactionSizeExceededErrorDetails',
  );

/** A write to a tombstoned stream. */
export const streamTombstoned = (protocol: Protocol, v2: V2Protocol, stream: string): CallError =>
  detailedError(
    protocol,
    GrpcStatus.FAILED_PRECONDITION,
    `Stream "${stream}" is tombstoned`,
    new v2.errors.StreamTombstonedErrorDetails().setStream(stream),
    'StreamTombstonedErrorDetails',
  );

/** A stream that is not at the revision a write expected. */
export const revisionConflict = (
  protocol: Protocol,
  v2: V2Protocol,
  stream: string,
  expected: bigint,
  actual: bigint,
): CallError =>
  detailedError(
    protocol,
    GrpcStatus.FAILED_PRECONDITION,
    `Append failed due to a revision conflict on stream "${stream}": expected ${expected}, actual ${actual}`,
    new v2.errors.StreamRevisionConflictErrorDetails()
      .setStream(stream)
      .setExpectedRevision(expected.toString())
      .setActualRevision(actual.toString()),
    'StreamRevisionConflictErrorDetails',
  );
