import * as E from 'fp-ts/lib/Either.js';
import {
  isJsonValue,
  type NewEvent,
  type PreparedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import type { EsdbEventData, EsdbJsonData } from './clientLike.js';
import { toEsdbMetadata, toEsdbProperties } from './metadata.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EventStoreDB keeps event ids as UUIDs and hands them back in lower case; the ids are checked (and
 * lowered) before anything is prepared, so the hash covers the id as it will be read back.
 */
export const checkEventIds = (
  stream: StreamName,
  events: ReadonlyArray<NewEvent>,
): E.Either<StoreError, ReadonlyArray<NewEvent>> => {
  const checked: NewEvent[] = [];
  for (const [index, event] of events.entries()) {
    if (!uuidPattern.test(event.metadata.eventId)) {
      return E.left({
        _tag: 'InvalidEvent',
        stream,
        index,
        type: event.type,
        reason: `eventId ${JSON.stringify(event.metadata.eventId)} is not a UUID, which EventStoreDB requires`,
      });
    }
    checked.push({
      ...event,
      metadata: { ...event.metadata, eventId: event.metadata.eventId.toLowerCase() },
    });
  }
  return E.right(checked);
};

const eventDataWith =
  (encodeMetadata: (metadata: PreparedEvent['metadata']) => EsdbEventData['metadata']) =>
  (event: PreparedEvent): EsdbEventData => ({
    id: event.metadata.eventId,
    contentType: 'application/json',
    type: event.type,
    // The clients write data with JSON.stringify, so a bare number, boolean or null goes through too.
    data: event.data as EsdbJsonData,
    metadata: encodeMetadata(event.metadata),
  });

/** A prepared event as a JSON event with EventStoreDB metadata. */
export const toEventData = eventDataWith(toEsdbMetadata);

/** A prepared event for a multi-stream append, whose metadata travels as string properties. */
export const toPropertyEventData = eventDataWith(toEsdbProperties);

/**
 * The hash covers the data as it is stored: data that JSON would change (a Date, a class instance) would
 * read back different and break the chain, so a schema that encodes to such data is refused.
 */
export const checkEncoded = (
  stream: StreamName,
  prepared: ReadonlyArray<PreparedEvent>,
): E.Either<StoreError, ReadonlyArray<PreparedEvent>> => {
  const index = prepared.findIndex((event) => !isJsonValue(event.data));
  const event = prepared[index];
  if (event === undefined) return E.right(prepared);
  return E.left({
    _tag: 'InvalidEvent',
    stream,
    index,
    type: event.type,
    reason: 'the schema encoded data that is not plain JSON',
  });
};
