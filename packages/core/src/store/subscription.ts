import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from './errors.js';
import type {
  EventFilter,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from './types.js';

/**
 * Thrown by a subscription's iterator when the store fails or an event cannot be decoded: iteration ends
 * there, after every event before it was delivered. `error` is the {@link StoreError}.
 */
export class SubscriptionFailed extends Error {
  constructor(readonly error: StoreError) {
    super(`subscription failed: ${error._tag}`);
    this.name = 'SubscriptionFailed';
  }
}

/** One page of the log for a subscription. */
export interface CatchUpPage {
  /**
   * Matching events after the cursor in position order; a `Left` stands for one that could not be decoded,
   * so the events before it are still delivered first.
   */
  readonly events: ReadonlyArray<E.Either<StoreError, RecordedEvent>>;
  /**
   * How far the read looked (inclusive), past events the filter rejected, so they are not scanned again;
   * defaults to the last event's position.
   */
  readonly scannedTo?: bigint;
}

/** What {@link catchUpThenLive} needs from a store. */
export interface CatchUpSource {
  /** Up to `limit` events matching `filter` strictly after `afterPosition` (omitted: from the start). */
  readonly readPage: (
    afterPosition: bigint | undefined,
    limit: number,
    filter: EventFilter | undefined,
  ) => Promise<E.Either<StoreError, CatchUpPage>>;
  /** Calls `onChange` whenever the log may have grown; returns the way to stop watching. */
  readonly watch: (onChange: () => void) => () => void;
  /** Also looks again this often while live, for writers `watch` cannot see (other processes). */
  readonly pollIntervalMs?: number;
  /** Events per page; 500 unless told. */
  readonly pageSize?: number;
}

/**
 * A subscription over any store that can read a page after a position and say when the log changed: pages
 * until a short page, then `caughtUp`, then a read after every change. The change watch starts before the
 * first read and each read clears it first, so an append racing a read is read again rather than missed;
 * each read starts after the last position delivered or scanned, so nothing is delivered twice.
 */
export const catchUpThenLive = (source: CatchUpSource, options: SubscribeOptions = {}): Subscription => {
  const pageSize = Math.max(1, source.pageSize ?? 500);
  let stopped = false;
  let wake: (() => void) | undefined;

  const stop = (): void => {
    stopped = true;
    wake?.();
  };

  const waitForChange = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer =
        source.pollIntervalMs === undefined ? undefined : setTimeout(() => wake?.(), source.pollIntervalMs);
      wake = () => {
        if (timer !== undefined) clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  async function* messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
    if (stopped) return;
    let changed = false;
    const unwatch = source.watch(() => {
      changed = true;
      wake?.();
    });
    try {
      let cursor = options.afterPosition;
      let live = false;
      while (!stopped) {
        changed = false;
        const page = await source.readPage(cursor, pageSize, options.filter);
        if (stopped) return;
        if (E.isLeft(page)) throw new SubscriptionFailed(page.left);
        let fresh = 0;
        for (const item of page.right.events) {
          if (E.isLeft(item)) throw new SubscriptionFailed(item.left);
          // A source that hands back what was already delivered must not make us deliver it twice.
          if (cursor !== undefined && item.right.position <= cursor) continue;
          cursor = item.right.position;
          fresh += 1;
          yield { kind: 'event', event: item.right };
          if (stopped) return;
        }
        const scannedTo = page.right.scannedTo;
        if (scannedTo !== undefined && (cursor === undefined || scannedTo > cursor)) cursor = scannedTo;
        // A full page that moved nothing forward would be read again forever: count it as the end.
        if (page.right.events.length >= pageSize && fresh > 0) continue;
        if (!live) {
          live = true;
          yield { kind: 'caughtUp', position: cursor ?? null };
          if (stopped) return;
        }
        if (!changed) await waitForChange();
      }
    } finally {
      stopped = true;
      unwatch();
      wake?.();
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    stop: async () => {
      stop();
      // Runs the generator's `finally` now if it waits at a `yield`, so the watch is released at once.
      await iterator.return(undefined);
    },
  };
};
