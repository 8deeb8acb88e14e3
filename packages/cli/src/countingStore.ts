import type { EventStore } from '@dossier/core';

/** The store, counting every event its subscriptions deliver: how a rebuild's throughput is measured. */
export const countingSubscriptions = (
  store: EventStore,
): { readonly store: EventStore; count: () => number; reset: () => void } => {
  let delivered = 0;
  return {
    store: {
      ...store,
      subscribe: (options) => {
        const subscription = store.subscribe(options);
        return {
          stop: subscription.stop,
          [Symbol.asyncIterator]: () => {
            const inner = subscription[Symbol.asyncIterator]();
            return {
              next: async () => {
                const next = await inner.next();
                if (next.done !== true && next.value.kind === 'event') delivered += 1;
                return next;
              },
              ...(inner.return === undefined ? {} : { return: inner.return.bind(inner) }),
            };
          },
        };
      },
    },
    count: () => delivered,
    reset: () => {
      delivered = 0;
    },
  };
};
