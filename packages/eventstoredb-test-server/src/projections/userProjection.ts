// A user projection: JavaScript in the server's projection language, run in a `node:vm` context. What is supported
// is the core of it — sources `fromAll()`, `fromStream(s)`, `fromStreams(s…)`, `fromCategory(c)`; `when({…})` with
// `$init`, `$any` and handlers by event type; `linkTo(stream, event)` and `emit(stream, type, data, metadata)`
// (refused unless the projection was created with emit enabled, as the server faults it); `options({})` and `log()`
// accepted. State is kept but not published (no `$projections-<name>-result` stream, State/Result unanswered).
// The query runs once when the projection is created; handlers then run synchronously for each record.
import { runInNewContext } from 'node:vm';
import type { RecordedEvent } from '../storage.js';
import { emittedEvent, emittedLink, type Emitted } from './emitted.js';
import type { ProjectionHandler } from './systemProjections.js';

type Handlers = Record<string, ((state: unknown, event: unknown) => unknown) | undefined>;

const utf8Decoder = new TextDecoder();

const parse = (bytes: Uint8Array): unknown => {
  try {
    return JSON.parse(utf8Decoder.decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
};

/** The event as a handler sees it. */
const projectionEvent = (record: RecordedEvent): Record<string, unknown> => ({
  streamId: record.stream,
  sequenceNumber: Number(record.revision),
  eventType: record.type,
  eventId: record.id,
  isJson: record.isJson,
  data: record.isJson ? parse(record.data) : undefined,
  body: record.isJson ? parse(record.data) : undefined,
  bodyRaw: utf8Decoder.decode(record.data),
  metadata: parse(record.metadata),
  metadataRaw: utf8Decoder.decode(record.metadata),
});

/** Compiles `query`; throws (a SyntaxError, or what the query threw) when it is not a projection. */
export function userProjectionHandler(query: string, emitEnabled: boolean): ProjectionHandler {
  let selects: (record: RecordedEvent) => boolean = () => false;
  let handlers: Handlers = {};
  let emitted: Emitted[] = [];
  let current: RecordedEvent | undefined;
  const records = new WeakMap<object, RecordedEvent>();

  const emitting = (what: string): RecordedEvent => {
    if (!emitEnabled) throw new Error(`${what}: emit is not enabled for this projection`);
    if (current === undefined) throw new Error(`${what} outside a handler`);
    return current;
  };
  const builder = {
    when: (given: Handlers) => {
      handlers = given;
      return builder;
    },
    partitionBy: () => builder,
    foreachStream: () => builder,
    outputState: () => builder,
  };
  const source = (predicate: (record: RecordedEvent) => boolean) => {
    selects = (record) => !record.stream.startsWith('$') && predicate(record);
    return builder;
  };
  const sandbox = {
    fromAll: () => source(() => true),
    fromStream: (stream: string) => source((record) => record.stream === stream),
    fromStreams: (...streams: unknown[]) => {
      const names = new Set(streams.flat().map(String));
      return source((record) => names.has(record.stream));
    },
    fromCategory: (category: string) => source((record) => record.stream.startsWith(`${category}-`)),
    options: () => undefined,
    log: () => undefined,
    linkTo: (stream: string, event: object) => {
      const cause = emitting('linkTo');
      const target = records.get(event) ?? cause;
      emitted.push(emittedLink(stream, `${target.revision}@${target.stream}`, cause));
    },
    emit: (stream: string, type: string, data: unknown, metadata?: Record<string, unknown>) => {
      emitted.push(emittedEvent(stream, type, data, metadata ?? {}, emitting('emit')));
    },
  };
  runInNewContext(query, sandbox, { timeout: 1_000 });

  let state: unknown = handlers['$init']?.(undefined, undefined) ?? {};
  return (record) => {
    if (!selects(record)) return [];
    const handler = handlers[record.type] ?? handlers['$any'];
    if (handler === undefined) return [];
    const event = projectionEvent(record);
    records.set(event, record);
    emitted = [];
    current = record;
    try {
      state = handler(state, event) ?? state;
    } finally {
      current = undefined;
    }
    return emitted;
  };
}
