import type { EventStore, RecordedEvent, SubscriptionMessage } from '@dossier/core';

/** What a {@link countingStore} saw go past: the events of forward reads of the log and of subscriptions. */
export interface LogReads {
  /** Positions of the events that forward reads of the global log and subscriptions delivered, in order. */
  readonly delivered: bigint[];
  /** Subscriptions opened. */
  subscriptions: number;
}

/**
 * An event store that records every event it hands to a reader of the global log (forward `readAll` and `subscribe`):
 * what the runners read on a restart. Backward reads of one event (the runners' probes of the head) are not counted.
 */
export const countingStore = (
  store: EventStore,
): { readonly store: EventStore; readonly reads: LogReads } => {
  const reads: LogReads = { delivered: [], subscriptions: 0 };
  const noted = (event: RecordedEvent): RecordedEvent => {
    reads.delivered.push(event.position);
    return event;
  };
  return {
    reads,
    store: {
      ...store,
      readAll: (options) => async () => {
        const read = await store.readAll(options)();
        if (read._tag === 'Right' && options?.direction !== 'backwards') read.right.forEach(noted);
        return read;
      },
      subscribe: (options) => {
        reads.subscriptions += 1;
        const inner = store.subscribe(options);
        async function* counted(): AsyncGenerator<SubscriptionMessage> {
          for await (const message of inner) {
            if (message.kind === 'event') noted(message.event);
            yield message;
          }
        }
        const messages = counted();
        return { [Symbol.asyncIterator]: () => messages, stop: inner.stop };
      },
    },
  };
};
