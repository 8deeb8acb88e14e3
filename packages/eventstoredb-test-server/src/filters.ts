// Server-side filters for reads and subscriptions on `$all` (ReadReq.Options.FilterOptions).
//
// A filter matches on the event type or on the stream name, by prefixes or — when a
// regex is given — by regex (a regex wins over prefixes, as in the server's
// ConvertToEventFilter). The window (`max`, or `count` meaning the server's read batch
// size of 32) is how many records the server scans per page; a filtered subscription
// sends a checkpoint each time `checkpointIntervalMultiplier × window` records have
// been scanned, whether or not they matched, so a consumer of a sparse filter can
// still record progress.
import type { FilterOptions } from './protocol.js';
import type { RecordedEvent } from './storage.js';

/** Enumerators.ReadBatchSize: the search window when the client asks for `count`. */
export const DEFAULT_SEARCH_WINDOW = 32;

export interface EventFilter {
  readonly matches: (record: RecordedEvent) => boolean;
  /** Records scanned between two checkpoints. */
  readonly checkpointInterval: number;
}

export function compileFilter(filter: FilterOptions): EventFilter | { readonly invalid: string } {
  const onEventType = filter.hasEventType();
  const expression = onEventType ? filter.getEventType() : filter.getStreamIdentifier();
  if (expression === undefined)
    return { invalid: 'A filter needs an event type or a stream identifier expression.' };

  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  let test: (value: string) => boolean;
  if (regex !== '') {
    let compiled: RegExp;
    try {
      compiled = new RegExp(regex);
    } catch {
      return { invalid: `'${regex}' is not a valid regular expression.` };
    }
    test = (value) => compiled.test(value);
  } else {
    test = (value) => prefixes.some((prefix) => value.startsWith(prefix));
  }

  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  const multiplier = filter.getCheckpointintervalmultiplier();
  if (window <= 0 || multiplier <= 0)
    return { invalid: 'The search window and checkpoint interval multiplier must be positive.' };

  return {
    matches: (record) => test(onEventType ? record.type : record.stream),
    checkpointInterval: window * multiplier,
  };
}
