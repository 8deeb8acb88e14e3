import { matchesFilter, type EventFilter } from '@dossier/core';
import type { EsdbFilter, EsdbRecordedEvent } from './clientLike.js';

/** EventStoreDB's own events: `$`-prefixed types (`$metadata`, `$>` links, `$statsCollected`) or streams. */
export const isSystemEvent = (event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/**
 * Whether the adapter hands an event out: never a system event, only the store's own streams (those under
 * its stream prefix), and only what the filter lets through (matched against the name without the prefix).
 */
export const isDelivered = (
  filter: EventFilter | undefined,
  event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>,
  streamPrefix = '',
): boolean =>
  !isSystemEvent(event) &&
  event.streamId.startsWith(streamPrefix) &&
  matchesFilter(filter, { stream: event.streamId.slice(streamPrefix.length), type: event.type });

/**
 * The filter the server applies, so that it sends as little as possible: the caller's prefixes, or else
 * everything but system event types. Under a stream prefix, stream-name prefixes get the prefix too, and
 * otherwise the server is asked for the prefix's streams (one filter per request) and event types are
 * checked here. The adapter filters again on its side in any case (system streams, and clients whose
 * `readAll` takes no filter), so the server's filter only saves traffic. `checkpointInterval: 1` asks for
 * a checkpoint at every search window, which subscriptions use to learn how far the server has looked.
 * An empty prefix list matches nothing, and the server is given no filter then.
 */
export const serverFilter = (filter: EventFilter | undefined, streamPrefix = ''): EsdbFilter | undefined => {
  if (filter?.prefixes.length === 0) return undefined;
  if (filter?.kind === 'streamName') {
    const prefixes = filter.prefixes.map((prefix) => `${streamPrefix}${prefix}`);
    return { filterOn: 'streamName', prefixes, checkpointInterval: 1 };
  }
  if (streamPrefix !== '') return { filterOn: 'streamName', prefixes: [streamPrefix], checkpointInterval: 1 };
  if (filter === undefined) return { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 };
  return { filterOn: 'eventType', prefixes: [...filter.prefixes], checkpointInterval: 1 };
};
