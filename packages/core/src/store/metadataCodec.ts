import * as t from 'io-ts';
import type { RecordedMetadata } from './types.js';

const nullableString = t.union([t.string, t.null]);

const SchemaVersion = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 1,
  'a schema version (an integer from 1)',
);

/** Recorded metadata as stored: exactly the fields of {@link RecordedMetadata}, any others dropped. */
export const RecordedMetadataCodec: t.Type<RecordedMetadata, RecordedMetadata, unknown> = t.strict(
  {
    eventId: t.string,
    commandId: nullableString,
    commandHash: nullableString,
    correlationId: t.string,
    causationId: nullableString,
    actor: nullableString,
    recordedAt: t.string,
    schemaVersion: SchemaVersion,
    hash: t.string,
  },
  'RecordedMetadata',
);
