import * as E from 'fp-ts/lib/Either.js';
import { decodeRecorded } from './decode.js';
import type { UndecodableEvent } from './errors.js';
import { undecodable } from './prepare.js';
import type { EventSchema } from './schema.js';
import type { RecordedEvent, RecordedMetadata, StreamName } from './types.js';

/** What the in-memory store keeps of an event that can be edited behind the port's back: text, as a file holds it. */
export interface StoredEventText {
  readonly type: string;
  /** The data as JSON text. */
  readonly data: string;
  /** The recorded metadata as JSON text. */
  readonly metadata: string;
}

/**
 * One event of the in-memory log. The event is kept decoded and deeply frozen, so that a read hands out the
 * same object without parsing or decoding it again and no caller can change what is stored; `stored` is
 * what a file would hold (the data as the schema encoded it). Once `tamper` rewrites the event, it is kept
 * as text and every read parses and decodes it, as an adapter reading a damaged file does.
 */
export interface StoredRow {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly position: bigint;
  decoded: RecordedEvent | undefined;
  readonly stored: { readonly type: string; readonly data: unknown; readonly metadata: RecordedMetadata };
  text: StoredEventText | undefined;
}

/** A stream's tip in the in-memory store and where its events sit in the log. */
export interface StreamEntry {
  revision: bigint | null;
  hash: string;
  deleted: boolean;
  /** Log indices of the stream's events, by revision. */
  readonly rows: number[];
  /** The revisions of the events each command recorded on this stream, by command id: the idempotency index. */
  readonly commands: Map<string, number[]>;
}

/** The text a row would have in a file: what `tamper` edits. */
export const textOf = (row: StoredRow): StoredEventText =>
  row.text ?? {
    type: row.stored.type,
    data: JSON.stringify(row.stored.data),
    metadata: JSON.stringify(row.stored.metadata),
  };

/** The type a row carries now (a tampered row's text may name another). */
export const typeOf = (row: StoredRow): string => row.text?.type ?? row.stored.type;

const parse = (
  row: StoredRow,
  text: StoredEventText,
  field: 'data' | 'metadata',
): E.Either<UndecodableEvent, unknown> => {
  try {
    return E.right(JSON.parse(text[field]) as unknown);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return E.left(undecodable({ ...row, type: text.type }, `${field} is not valid JSON: ${detail}`));
  }
};

/** A row as a {@link RecordedEvent}: the frozen decoded event, or, for a tampered row, its text parsed and decoded. */
export const decodeRow = (schema: EventSchema, row: StoredRow): E.Either<UndecodableEvent, RecordedEvent> => {
  if (row.decoded !== undefined) return E.right(row.decoded);
  const text = textOf(row);
  const data = parse(row, text, 'data');
  if (E.isLeft(data)) return data;
  const metadata = parse(row, text, 'metadata');
  if (E.isLeft(metadata)) return metadata;
  return decodeRecorded(schema, {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: text.type,
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

/** Freezes an object and every object inside it (data decoded by user codecs may hold nested ones). */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
};
