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

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * Back to Dossier's shape, still unchecked: core's `decodeRecorded` validates it. Metadata that is not a
 * JSON object (absent, or bytes the client could not parse) is handed on as it is, so that it is reported.
 */
export const fromEsdbMetadata = (eventId: string, metadata: unknown): unknown => {
  if (!isRecord(metadata)) return metadata;
  return {
    eventId,
    commandId: metadata['commandId'],
    commandHash: metadata['commandHash'],
    correlationId: metadata['$correlationId'],
    causationId: '$causationId' in metadata ? metadata['$causationId'] : null,
    actor: metadata['actor'],
    recordedAt: metadata['recordedAt'],
    schemaVersion: metadata['schemaVersion'],
    hash: metadata['hash'],
  };
};
