import * as E from 'fp-ts/lib/Either.js';
import {
  decodeRecorded,
  undecodable,
  type EventSchema,
  type RawRecordedEvent,
  type RecordedEvent,
  type UndecodableEvent,
} from '@dossier/core';

/** A row of `events` as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  readonly position: bigint;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** The columns every read selects, in the order of {@link EventRow}. */
export const eventColumns = 'position, stream, revision, type, data, metadata';

const parseJson = (row: EventRow, column: 'data' | 'metadata'): E.Either<UndecodableEvent, unknown> => {
  try {
    return E.right(JSON.parse(row[column]) as unknown);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return E.left(undecodable(row, `${column} is not valid JSON: ${detail}`));
  }
};

/** Parses a row's JSON, then decodes it with the schema; a corrupt row becomes an {@link UndecodableEvent}. */
export const decodeRow = (schema: EventSchema, row: EventRow): E.Either<UndecodableEvent, RecordedEvent> => {
  const data = parseJson(row, 'data');
  if (E.isLeft(data)) return data;
  const metadata = parseJson(row, 'metadata');
  if (E.isLeft(metadata)) return metadata;
  const raw: RawRecordedEvent = {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: data.right,
    metadata: metadata.right,
  };
  return decodeRecorded(schema, raw);
};

/** Decodes rows in order, stopping at the first that does not decode. */
export const decodeRows = (
  schema: EventSchema,
  rows: ReadonlyArray<EventRow>,
): E.Either<UndecodableEvent, ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    const decoded = decodeRow(schema, row);
    if (E.isLeft(decoded)) return decoded;
    events.push(decoded.right);
  }
  return E.right(events);
};
