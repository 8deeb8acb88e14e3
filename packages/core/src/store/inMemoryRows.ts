import * as E from 'fp-ts/lib/Either.js';
import { decodeRecorded } from './decode.js';
import type { UndecodableEvent } from './errors.js';
import { undecodable } from './prepare.js';
import type { EventSchema } from './schema.js';
import type { RecordedEvent, StreamName } from './types.js';

/** What the in-memory store keeps of an event that can be edited behind the port's back: text, as a file holds it. */
export interface StoredEventText {
  readonly type: string;
  /** The data as JSON text. */
  readonly data: string;
  /** The recorded metadata as JSON text. */
  readonly metadata: string;
}

/** One event of the in-memory log. Text, not objects, so that no caller can reach into the stored events. */
export interface StoredRow {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position: bigint;
  text: StoredEventText;
}

/** A stream's tip in the in-memory store and where its events sit in the log. */
export interface StreamEntry {
  revision: bigint | null;
  hash: string;
  deleted: boolean;
  /** Log indices of the stream's events, by revision. */
  readonly rows: number[];
}

const parse = (row: StoredRow, field: 'data' | 'metadata'): E.Either<UndecodableEvent, unknown> => {
  try {
    return E.right(JSON.parse(row.text[field]) as unknown);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return E.left(undecodable({ ...row, type: row.text.type }, `${field} is not valid JSON: ${detail}`));
  }
};

/** Parses and decodes a stored row into a fresh {@link RecordedEvent}. */
export const decodeRow = (schema: EventSchema, row: StoredRow): E.Either<UndecodableEvent, RecordedEvent> => {
  const data = parse(row, 'data');
  if (E.isLeft(data)) return data;
  const metadata = parse(row, 'metadata');
  if (E.isLeft(metadata)) return metadata;
  return decodeRecorded(schema, {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.text.type,
    data: data.right,
    metadata: metadata.right,
  });
};

/** Decodes rows in order, stopping at the first that does not decode. */
export const decodeRows = (
  schema: EventSchema,
  rows: Iterable<StoredRow>,
): E.Either<UndecodableEvent, ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    const decoded = decodeRow(schema, row);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};

/** A read's `limit` as a count: none means all, negatives and fractions round down to what is possible. */
export const countOf = (limit: number | undefined): number =>
  limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
