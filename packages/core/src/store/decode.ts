import * as E from 'fp-ts/lib/Either.js';
import { firstProblem } from './codecProblem.js';
import type { UndecodableEvent } from './errors.js';
import { RecordedMetadataCodec } from './metadataCodec.js';
import { undecodable, type RawRecordedEvent } from './prepare.js';
import type { EventSchema } from './schema.js';
import type { RecordedEvent } from './types.js';

/**
 * Turns an event as an adapter read it into a {@link RecordedEvent}: checks its metadata, then upcasts and
 * decodes its data with the schema. Adapters call it on every event they read, so that a corrupt row or an
 * unknown type is reported with its stream and position instead of being skipped.
 */
export const decodeRecorded = (
  schema: EventSchema,
  raw: RawRecordedEvent,
): E.Either<UndecodableEvent, RecordedEvent> => {
  const metadata = RecordedMetadataCodec.decode(raw.metadata);
  if (E.isLeft(metadata))
    return E.left(undecodable(raw, `metadata is malformed: ${firstProblem(metadata.left, 'metadata')}`));
  const data = decodeData(schema, raw.type, metadata.right.schemaVersion, raw.data);
  if (E.isLeft(data)) return E.left(undecodable(raw, data.left));
  return E.right({
    stream: raw.stream,
    revision: raw.revision,
    position: raw.position,
    type: raw.type,
    data: data.right,
    metadata: metadata.right,
  });
};

/**
 * Upcasts and decodes recorded data with the schema, turning a throw into a reason: upcasters and codecs are
 * user code, and one that throws must still not break the port's promise.
 */
export const decodeData = (
  schema: EventSchema,
  type: string,
  schemaVersion: number,
  data: unknown,
): E.Either<string, unknown> => {
  try {
    return schema.decode(type, schemaVersion, data);
  } catch (thrown) {
    return E.left(`decoding threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
};
