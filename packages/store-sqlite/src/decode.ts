import * as E from 'fp-ts/lib/Either.js';
import {
  undecodable,
  type EventSchema,
  type RawRecordedEvent,
  type RecordedEvent,
  type RecordedMetadata,
  type StoreError,
  type UndecodableEvent,
} from '@dossier/core';

// Stand-in until core exports decodeRecorded; replaced by the import from @dossier/core.
const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || typeof v === 'string';

export const decodeRecorded = (
  schema: EventSchema,
  raw: RawRecordedEvent,
): E.Either<UndecodableEvent, RecordedEvent> => {
  const m = raw.metadata;
  if (
    !isRecord(m) ||
    !str(m['eventId']) ||
    !strOrNull(m['commandId']) ||
    !strOrNull(m['commandHash']) ||
    !str(m['correlationId']) ||
    !strOrNull(m['causationId']) ||
    !strOrNull(m['actor']) ||
    !str(m['recordedAt']) ||
    typeof m['schemaVersion'] !== 'number' ||
    !str(m['hash'])
  ) {
    return E.left(undecodable(raw, 'metadata is malformed'));
  }
  const metadata = m as unknown as RecordedMetadata;
  const data = schema.decode(raw.type, metadata.schemaVersion, raw.data);
  if (E.isLeft(data)) return E.left(undecodable(raw, data.left));
  return E.right({
    stream: raw.stream,
    revision: raw.revision,
    position: raw.position,
    type: raw.type,
    data: data.right,
    metadata,
  });
};

export class SubscriptionFailed extends Error {
  constructor(readonly error: StoreError) {
    super(`subscription failed: ${error._tag}`);
    this.name = 'SubscriptionFailed';
  }
}
