import type { EventFilter, StreamName } from './types.js';

/** Whether an event passes a filter; no filter passes everything, an empty prefix list passes nothing. */
export const matchesFilter = (
  filter: EventFilter | undefined,
  event: { readonly stream: StreamName; readonly type: string },
): boolean => {
  if (filter === undefined) return true;
  const value = filter.kind === 'eventType' ? event.type : event.stream;
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
};
