// The standard projections a node registers at start (stopped until enabled), as the server's
// EventStore.Projections.Core.Standard handlers behave with their default sources:
// - $by_category: every event (links included) of a stream whose name has a `-` after its first character and does
//   not start with `$` is linked into `$ce-<the part before the first '-'>`; a link is re-linked to its own target;
// - $by_event_type: every event that is not a link and sits in its own stream is linked into `$et-<its type>`;
// - $streams: the first event of every stream is linked into `$streams`;
// - $stream_by_category: the first event of every categorised stream is linked into `$category-<category>`;
// - $by_correlation_id: every event whose JSON metadata has a `$correlationId` is linked into `$bc-<that id>`.
// Metastreams (`$$…`) hold stream metadata, not events: no projection sees them.
import { LINK_EVENT_TYPE } from '../links.js';
import type { RecordedEvent } from '../storage.js';
import { emittedLink, type Emitted } from './emitted.js';

/** What a projection does with one record of `$all`: the events it writes because of it. */
export type ProjectionHandler = (record: RecordedEvent) => readonly Emitted[];

const utf8Decoder = new TextDecoder();

const categoryOf = (stream: string): string | undefined => {
  if (stream.startsWith('$')) return undefined;
  const separator = stream.indexOf('-');
  return separator > 0 ? stream.slice(0, separator) : undefined;
};

const pointer = (record: RecordedEvent): string => `${record.revision}@${record.stream}`;

const byCategory: ProjectionHandler = (record) => {
  const category = categoryOf(record.stream);
  if (category === undefined) return [];
  const target = record.type === LINK_EVENT_TYPE ? utf8Decoder.decode(record.data) : pointer(record);
  return [emittedLink(`$ce-${category}`, target, record, { $o: record.stream })];
};

const byEventType: ProjectionHandler = (record) =>
  record.type === LINK_EVENT_TYPE ? [] : [emittedLink(`$et-${record.type}`, pointer(record), record)];

const streams: ProjectionHandler = (record) =>
  record.revision === 0n ? [emittedLink('$streams', pointer(record), record)] : [];

const streamByCategory: ProjectionHandler = (record) => {
  const category = categoryOf(record.stream);
  return record.revision === 0n && category !== undefined
    ? [emittedLink(`$category-${category}`, pointer(record), record)]
    : [];
};

const byCorrelationId: ProjectionHandler = (record) => {
  let correlationId: unknown;
  try {
    correlationId = (JSON.parse(utf8Decoder.decode(record.metadata)) as Record<string, unknown>)[
      '$correlationId'
    ];
  } catch {
    return [];
  }
  return typeof correlationId === 'string'
    ? [emittedLink(`$bc-${correlationId}`, pointer(record), record)]
    : [];
};

/** The system projections by name; every one skips metastreams. */
export const systemProjectionHandlers: Readonly<Record<string, ProjectionHandler>> = {
  $by_category: byCategory,
  $by_event_type: byEventType,
  $streams: streams,
  $stream_by_category: streamByCategory,
  $by_correlation_id: byCorrelationId,
};
