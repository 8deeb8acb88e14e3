import type { StoreError } from '../../store/errors.js';
import type { RecordedEvent, Subscription, SubscriptionMessage } from '../../store/types.js';

/** What a subscription delivered before it was stopped, and what its iterator threw, if anything. */
export interface Drained {
  readonly messages: ReadonlyArray<SubscriptionMessage>;
  readonly error?: unknown;
}

/** How long a subscription may take to deliver what a test waits for before the test fails. */
export const subscriptionBoundMs = 5_000;

/**
 * Reads a subscription until `done` says so, it ends or it throws, then stops it. Bounded: a subscription
 * that stalls fails the test with what it had delivered, instead of hanging it.
 */
export const drain = async (
  subscription: Subscription,
  done: (messages: ReadonlyArray<SubscriptionMessage>) => boolean,
  onMessage?: (message: SubscriptionMessage, messages: ReadonlyArray<SubscriptionMessage>) => Promise<void>,
): Promise<Drained> => {
  const iterator = subscription[Symbol.asyncIterator]();
  const messages: SubscriptionMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const events = messages.filter((m) => m.kind === 'event').length;
      reject(new Error(`the subscription stalled: ${events} events and ${messages.length - events} signals`));
    }, subscriptionBoundMs);
  });
  try {
    while (!done(messages)) {
      const next = await Promise.race([iterator.next(), bound]);
      if (next.done === true) break;
      messages.push(next.value);
      await onMessage?.(next.value, messages);
    }
    return { messages };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('the subscription stalled')) throw error;
    return { messages, error };
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
};

/** Like {@link drain}, but the subscription must not fail. */
export const collect = async (
  subscription: Subscription,
  done: (messages: ReadonlyArray<SubscriptionMessage>) => boolean,
  onMessage?: (message: SubscriptionMessage, messages: ReadonlyArray<SubscriptionMessage>) => Promise<void>,
): Promise<ReadonlyArray<SubscriptionMessage>> => {
  const drained = await drain(subscription, done, onMessage);
  if ('error' in drained) throw drained.error;
  return drained.messages;
};

/** The events among subscription messages. */
export const eventsOf = (messages: ReadonlyArray<SubscriptionMessage>): RecordedEvent[] =>
  messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));

/** Stops once `n` events have arrived. */
export const events =
  (n: number) =>
  (messages: ReadonlyArray<SubscriptionMessage>): boolean =>
    eventsOf(messages).length >= n;

/** Stops once `caughtUp` has arrived. */
export const caughtUp = (messages: ReadonlyArray<SubscriptionMessage>): boolean =>
  messages.some((m) => m.kind === 'caughtUp');

/** The store error a subscription's iterator threw (a `SubscriptionFailed` from any adapter), if it did. */
export const storeErrorOf = (thrown: unknown): StoreError | undefined => {
  if (typeof thrown !== 'object' || thrown === null || !('error' in thrown)) return undefined;
  const error = (thrown as { readonly error: unknown }).error;
  return typeof error === 'object' && error !== null && '_tag' in error ? (error as StoreError) : undefined;
};
