import * as E from 'fp-ts/lib/Either.js';
import { storeUnavailable, type StoreError } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import { SubscriptionFailed } from '../store/subscription.js';
import type { EventFilter, RecordedEvent, Subscription } from '../store/types.js';
import { cancellablePause } from './progress.js';

/** What a consumer does after handling an event. */
export type Next = 'continue' | 'stop';

/** A checkpointed consumer of the global log: the loop shared by projection and process-manager runners. */
export interface ConsumeOptions {
  readonly store: EventStore;
  readonly filter: EventFilter | undefined;
  /** The last position handled: each (re)subscription starts after it, and events at or below it are skipped. */
  readonly checkpoint: () => bigint | null;
  /** Answers at once unless it must wait (a save): catch-up then goes on without a pause per event. */
  readonly onEvent: (event: RecordedEvent) => Next | Promise<Next>;
  readonly onCaughtUp: (position: bigint | null) => void | Promise<void>;
  /** A failed subscription: `retry` subscribes again after a pause, `stop` ends the loop. */
  readonly onFailure: (error: StoreError) => 'retry' | 'stop' | Promise<'retry' | 'stop'>;
  /** The pause before the `attempt`-th retry in a row. */
  readonly retryDelayMs: (attempt: number) => number;
  /** Events read at a time while catching up; 2,000 unless told. */
  readonly pageSize?: number;
}

/** A running consumer. */
export interface Consumer {
  /** Settles when the loop has ended, by `stop`, a failure it was told to stop on, or the store closing. */
  readonly done: Promise<void>;
  /** Ends the subscription and any pause, then waits for the loop. */
  readonly stop: () => Promise<void>;
}

/** Starts a consumer: subscribes after the checkpoint, catches up, goes live, and resubscribes after failures. */
export const consume = (options: ConsumeOptions): Consumer => {
  let stopped = false;
  let subscription: Subscription | undefined;
  const retryPause = cancellablePause();

  let progressed = false;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 2_000));

  // Catch-up before subscribing: the log after the checkpoint read a page at a time while pages come full, each
  // event handed on without a promise of its own unless `onEvent` waits. A page the store cannot read is left to
  // the subscription, which delivers the events before a bad one and then reports it, as it would have.
  const catchUp = async (): Promise<void> => {
    while (!stopped) {
      const after = options.checkpoint();
      const page = await options.store.readAll({
        fromPosition: after === null ? 0n : after + 1n,
        limit: pageSize,
        ...(options.filter === undefined ? {} : { filter: options.filter }),
      })();
      if (E.isLeft(page)) return;
      for (const event of page.right) {
        if (stopped) return;
        const last = options.checkpoint();
        if (last !== null && event.position <= last) continue;
        progressed = true;
        const next = options.onEvent(event);
        if ((typeof next === 'string' ? next : await next) === 'stop') {
          stopped = true;
          return;
        }
      }
      if (page.right.length < pageSize) return;
    }
  };

  // One pass over one subscription; the error it failed with, or undefined when it ended.
  const pass = async (): Promise<StoreError | undefined> => {
    try {
      await catchUp();
    } catch (thrown) {
      return storeUnavailable(thrown);
    }
    if (stopped) return undefined;
    const after = options.checkpoint();
    const current = options.store.subscribe({
      ...(after === null ? {} : { afterPosition: after }),
      ...(options.filter === undefined ? {} : { filter: options.filter }),
    });
    subscription = current;
    try {
      for await (const message of current) {
        if (stopped) return undefined;
        if (message.kind === 'caughtUp') {
          await options.onCaughtUp(message.position);
          continue;
        }
        const last = options.checkpoint();
        // At-least-once delivery: whatever is at or below the checkpoint was handled already.
        if (last !== null && message.event.position <= last) continue;
        progressed = true;
        if ((await options.onEvent(message.event)) === 'stop') {
          stopped = true;
          return undefined;
        }
      }
      // The store ended the subscription (it closed): nothing more will come.
      stopped = true;
      return undefined;
    } catch (thrown) {
      return thrown instanceof SubscriptionFailed ? thrown.error : storeUnavailable(thrown);
    } finally {
      subscription = undefined;
      await current.stop();
    }
  };

  const loop = async (): Promise<void> => {
    for (let attempt = 0; !stopped; attempt++) {
      progressed = false;
      const error = await pass();
      // A pass that moved forward was not a failure in a row: the next pause starts short again.
      if (progressed) attempt = 0;
      if (error === undefined || stopped) return;
      if ((await options.onFailure(error)) === 'stop') return;
      if (stopped) return;
      await retryPause.pause(options.retryDelayMs(attempt));
    }
  };

  const done = loop();
  return {
    done,
    stop: async () => {
      stopped = true;
      retryPause.cancel();
      await subscription?.stop();
      await done;
    },
  };
};

/** A capped exponential pause: `initialMs`, doubling, never above `maxMs`. */
export const cappedBackoff =
  (initialMs: number, maxMs: number) =>
  (attempt: number): number =>
    Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));

/** The server-side filter for a set of event types: their names as prefixes (which may over-match). */
export const typeFilter = (eventTypes: ReadonlyArray<string>): EventFilter => ({
  kind: 'eventType',
  prefixes: eventTypes,
});
