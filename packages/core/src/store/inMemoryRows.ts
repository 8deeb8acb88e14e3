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

/**
 * The in-memory store's whole state. Each event is kept once, decoded and deeply frozen, so that a read hands out
 * the same object without parsing or decoding it again and no caller can change what is stored: the log holds
 * nothing else per event (every object kept per event is one more for the garbage collector to move). What a
 * file would hold is derived from it, but for the rare event whose data the schema's decoding changes, whose data
 * as stored is kept beside it. Once `tamper` rewrites an event it is kept as text, and every read parses and
 * decodes it, as an adapter reading a damaged file does.
 */
export interface InMemoryLog {
  /** The global log: index = position. */
  readonly events: RecordedEvent[];
  readonly streams: Map<StreamName, StreamEntry>;
  /**
   * The command-id index, over all streams: the log indices of the events each command id recorded (a number
   * when there is one, as there usually is, so that most entries hold no array).
   */
  readonly commands: Map<string, number | number[]>;
  /** By log index: the data as stored, for events whose decoded data differs from it. */
  readonly storedData: Map<number, unknown>;
  /** By log index: the text of events rewritten by `tamper`. */
  readonly tampered: Map<number, StoredEventText>;
}

/** A stream's tip in the in-memory store and where its events sit in the log. */
export interface StreamEntry {
  revision: bigint | null;
  hash: string;
  deleted: boolean;
  /** Log indices of the stream's events, by revision. */
  readonly rows: number[];
}

/** An empty log. */
export const emptyLog = (): InMemoryLog => ({
  events: [],
  streams: new Map(),
  commands: new Map(),
  storedData: new Map(),
  tampered: new Map(),
});

/** The text the event at a log index would have in a file: what `tamper` edits. */
export const textOf = (log: InMemoryLog, index: number): StoredEventText | undefined => {
  const tampered = log.tampered.get(index);
  if (tampered !== undefined) return tampered;
  const event = log.events[index];
  if (event === undefined) return undefined;
  return {
    type: event.type,
    data: JSON.stringify(log.storedData.has(index) ? log.storedData.get(index) : event.data),
    metadata: JSON.stringify(event.metadata),
  };
};

/** The type the event at a log index carries now (a tampered event's text may name another). */
export const typeOf = (log: InMemoryLog, event: RecordedEvent): string =>
  log.tampered.size === 0 ? event.type : (log.tampered.get(Number(event.position))?.type ?? event.type);

const parse = (
  event: RecordedEvent,
  text: StoredEventText,
  field: 'data' | 'metadata',
): E.Either<UndecodableEvent, unknown> => {
  try {
    return E.right(JSON.parse(text[field]) as unknown);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return E.left(undecodable({ ...event, type: text.type }, `${field} is not valid JSON: ${detail}`));
  }
};

/** The event at a log index as a read returns it: the frozen decoded event, or a tampered event's text decoded. */
export const decodeRow = (
  schema: EventSchema,
  log: InMemoryLog,
  event: RecordedEvent,
): E.Either<UndecodableEvent, RecordedEvent> => {
  const text = log.tampered.size === 0 ? undefined : log.tampered.get(Number(event.position));
  if (text === undefined) return E.right(event);
  const data = parse(event, text, 'data');
  if (E.isLeft(data)) return data;
  const metadata = parse(event, text, 'metadata');
  if (E.isLeft(metadata)) return metadata;
  return decodeRecorded(schema, {
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: text.type,
    data: data.right,
    metadata: metadata.right,
  });
};

/** Decodes rows in order, stopping at the first that does not decode. */
export const decodeRows = (
  schema: EventSchema,
  log: InMemoryLog,
  rows: Iterable<RecordedEvent>,
): E.Either<UndecodableEvent, ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    const decoded = decodeRow(schema, log, row);
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
