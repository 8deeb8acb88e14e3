import type { EventFilter } from '@dossier/core';
import type { EsdbFilter, EsdbRecordedEvent } from './clientLike.js';

/** EventStoreDB's own events: `$`-prefixed types (`$metadata`, `$>` links, `$statsCollected`) or streams. */
export const isSystemEvent = (event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/** Whether an event passes a Dossier filter; no prefixes match nothing. */
export const matchesFilter = (
  filter: EventFilter | undefined,
  event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>,
): boolean => {
  if (filter === undefined) return true;
  const field = filter.kind === 'eventType' ? event.type : event.streamId;
  return filter.prefixes.some((prefix) => field.startsWith(prefix));
};

/** Whether the adapter hands an event out: never a system event, and only what the filter lets through. */
export const isDelivered = (
  filter: EventFilter | undefined,
  event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>,
): boolean => !isSystemEvent(event) && matchesFilter(filter, event);

/**
 * The filter the server applies, so that it sends as little as possible: the caller's prefixes, or else
 * everything but system event types. `checkpointInterval: 1` asks for a checkpoint at every search window,
 * which subscriptions use to learn how far the server has looked. The adapter filters again on its side
 * (system streams, and clients whose `readAll` takes no filter), so the server's filter only saves traffic.
 * An empty prefix list matches nothing, and the server is given no filter then.
 */
export const serverFilter = (
  filter: EventFilter | undefined,
  checkpointReached?: EsdbFilter['checkpointReached'],
): EsdbFilter | undefined => {
  const callback = checkpointReached === undefined ? {} : { checkpointReached };
  if (filter === undefined)
    return { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1, ...callback };
  if (filter.prefixes.length === 0) return undefined;
  return { filterOn: filter.kind, prefixes: [...filter.prefixes], checkpointInterval: 1, ...callback };
};
