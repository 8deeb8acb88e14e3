import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { NewEvent, Subscription, SubscriptionMessage } from '@dossier/core';

export const newEvent = (
  type: string,
  data: unknown = {},
  metadata: Partial<NewEvent['metadata']> = {},
): NewEvent => ({
  type,
  data,
  metadata: { eventId: randomUUID(), ...metadata },
});

export const newEvents = (n: number, type = 'SomethingHappened'): NewEvent[] =>
  Array.from({ length: n }, (_, i) => newEvent(type, { i }));

const show = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

export const right = async <A>(task: TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected Right, got ${show(result.left)}`);
  return result.right;
};

export const left = async <L>(task: TaskEither<L, unknown>): Promise<L> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`expected Left, got Right ${show(result.right)}`);
  return result.left;
};

/** Takes messages until `done` says so; fails instead of hanging when they stop coming. */
export const take = async (
  subscription: Subscription,
  done: (messages: ReadonlyArray<SubscriptionMessage>) => boolean,
  timeoutMs = 5_000,
): Promise<SubscriptionMessage[]> => {
  const messages: SubscriptionMessage[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no more messages after ${show(messages)}`)), timeoutMs);
  });
  try {
    while (!done(messages)) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done === true) break;
      messages.push(next.value);
    }
    return messages;
  } finally {
    clearTimeout(timer);
  }
};

/** A message as a short string, for comparing sequences: `caughtUp`, or `type@stream`. */
export const label = (message: SubscriptionMessage): string =>
  message.kind === 'caughtUp' ? 'caughtUp' : `${message.event.type}@${message.event.stream}`;
