import type { ChainBroken } from './chainVerifier.js';
import type { RecordedEvent } from './types.js';

/** Checks the global log pushed in read order: positions go up and so do the instants events were recorded. */
export interface OrderCheck {
  readonly push: (event: RecordedEvent) => void;
  /** The first event out of order, if any. */
  readonly result: () => ChainBroken | undefined;
}

/**
 * A fresh {@link OrderCheck}. `recordedAt` is hashed and set inside the append, under the store's write lock,
 * so along the log it never goes back: an event recorded earlier than one before it was moved there. A stream's
 * events moved later in the log (or two events swapped) are caught so, though each chain is intact.
 * `clockSkewMs` allows writers whose clocks disagree (EventStoreDB clients on several machines).
 */
export const orderCheck = (clockSkewMs = 0): OrderCheck => {
  let previous: { readonly event: RecordedEvent; readonly at: number } | undefined;
  let latest = Number.NEGATIVE_INFINITY;
  let found: ChainBroken | undefined;

  const broken = (event: RecordedEvent, detail: string): ChainBroken => ({
    ok: false,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    problem: 'outOfOrder',
    detail,
  });

  const push = (event: RecordedEvent): void => {
    if (found !== undefined) return;
    const at = Date.parse(event.metadata.recordedAt);
    if (previous !== undefined && event.position <= previous.event.position) {
      found = broken(event, `position ${event.position} is not after position ${previous.event.position}`);
      return;
    }
    if (!Number.isNaN(at) && at + clockSkewMs < latest && previous !== undefined) {
      found = broken(
        event,
        `recorded at ${event.metadata.recordedAt}, earlier than an event before it in the log (${new Date(latest).toISOString()}): the log was reordered`,
      );
      return;
    }
    if (!Number.isNaN(at)) latest = Math.max(latest, at);
    previous = { event, at };
  };

  return { push, result: () => found };
};
