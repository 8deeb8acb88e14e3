import type { RecordedMetadata } from '@dossier/core';

/**
 * Dossier's metadata as EventStoreDB JSON metadata. The event id is the EventStoreDB event's own id, so it
 * is not repeated; correlation and causation use EventStoreDB's conventional `$correlationId` and
 * `$causationId`, so its `$by_correlation_id` projection and UI understand them. `$causationId` is left out
 * when there is no cause, as EventStoreDB expects a string there.
 */
export const toEsdbMetadata = (metadata: RecordedMetadata): Record<string, unknown> => ({
  $correlationId: metadata.correlationId,
  ...(metadata.causationId === null ? {} : { $causationId: metadata.causationId }),
  commandId: metadata.commandId,
  commandHash: metadata.commandHash,
  actor: metadata.actor,
  recordedAt: metadata.recordedAt,
  schemaVersion: metadata.schemaVersion,
  hash: metadata.hash,
});

/**
 * Dossier's metadata as the string properties KurrentDB's v2 append takes (string keys, string values only): the
 * same keys, a null left out, the schema version in decimal. A v1 read gives them back as one JSON object of strings,
 * which `fromEsdbMetadata` reads as the same metadata, so the hash chain holds whichever way an event was written.
 */
export const toEsdbProperties = (metadata: RecordedMetadata): Record<string, string> => {
  const properties: Record<string, string> = {
    $correlationId: metadata.correlationId,
    recordedAt: metadata.recordedAt,
    schemaVersion: String(metadata.schemaVersion),
    hash: metadata.hash,
  };
  if (metadata.causationId !== null) properties['$causationId'] = metadata.causationId;
  if (metadata.commandId !== null) properties['commandId'] = metadata.commandId;
  if (metadata.commandHash !== null) properties['commandHash'] = metadata.commandHash;
  if (metadata.actor !== null) properties['actor'] = metadata.actor;
  return properties;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Back to Dossier's shape, still unchecked: core's `decodeRecorded` validates it. Metadata that is not a
 * JSON object (absent, or bytes the client could not parse) is handed on as it is, so that it is reported.
 */
export const fromEsdbMetadata = (eventId: string, metadata: unknown): unknown => {
  if (!isRecord(metadata)) return metadata;
  // The v2 property form (see toEsdbProperties): its schema version is a string, and a null is a key left out.
  const version = metadata['schemaVersion'];
  const properties = typeof version === 'string';
  const nullable = (key: string): unknown => (properties && !(key in metadata) ? null : metadata[key]);
  return {
    eventId,
    commandId: nullable('commandId'),
    commandHash: nullable('commandHash'),
    correlationId: metadata['$correlationId'],
    causationId: '$causationId' in metadata ? metadata['$causationId'] : null,
    actor: nullable('actor'),
    recordedAt: metadata['recordedAt'],
    schemaVersion: properties && /^[1-9]\d{0,14}$/.test(version) ? Number(version) : version,
    hash: metadata['hash'],
  };
};
