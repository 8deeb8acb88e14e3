import * as E from 'fp-ts/lib/Either.js';
import {
  decodeRecorded,
  undecodable,
  type RawRecordedEvent,
  type RecordedEvent,
  type UndecodableEvent,
} from '@dossier/core';
import type { EsdbRecordedEvent, EsdbResolvedEvent } from './clientLike.js';
import type { StoreContext } from './context.js';
import { fromEsdbMetadata } from './metadata.js';
import { positionOf } from './positions.js';

/** A client event as core's raw event: data and metadata still unchecked. */
export const toRaw = (
  resolved: EsdbResolvedEvent,
  event: EsdbRecordedEvent,
  streamPrefix: string,
): RawRecordedEvent => ({
  stream: event.streamId.slice(streamPrefix.length),
  revision: event.revision,
  position: positionOf(resolved),
  type: event.type,
  data: event.data,
  metadata: fromEsdbMetadata(event.id, event.metadata),
});

/**
 * Decodes a client event with core's `decodeRecorded`. A binary event cannot be Dossier data and is refused
 * here, as a schema without codecs would take its bytes. A JSON event whose bytes do not parse comes back
 * from the clients as the raw text, which only a schema expecting objects can tell from a JSON string.
 */
export const decodeEvent = (
  ctx: Pick<StoreContext, 'schema' | 'streamPrefix'>,
  resolved: EsdbResolvedEvent,
  event: EsdbRecordedEvent,
): E.Either<UndecodableEvent, RecordedEvent> => {
  const raw = toRaw(resolved, event, ctx.streamPrefix);
  if (!event.isJson) return E.left(undecodable(raw, 'data is not JSON (the event was written as binary)'));
  return decodeRecorded(ctx.schema, raw);
};
