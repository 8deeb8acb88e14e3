import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Subscription, SubscriptionMessage } from '@dossier/core';
import { createSqliteStore, type SqliteEventStore } from '../src/index.js';
import { newEvents, right, tempFolder } from './helpers.js';

/** Collects messages until `until` says stop, then stops the subscription. */
const collect = async (
  subscription: Subscription,
  until: (seen: ReadonlyArray<SubscriptionMessage>) => boolean,
  onMessage: (message: SubscriptionMessage) => Promise<void> = () => Promise.resolve(),
): Promise<ReadonlyArray<SubscriptionMessage>> => {
  const seen: SubscriptionMessage[] = [];
  for await (const message of subscription) {
    seen.push(message);
    await onMessage(message);
    if (until(seen)) await subscription.stop();
  }
  return seen;
};

const summary = (messages: ReadonlyArray<SubscriptionMessage>) =>
  messages.map((m) =>
    m.kind === 'event' ? `${m.event.stream}@${m.event.position}` : `caughtUp@${m.position}`,
  );

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('SQLite store, subscriptions', () => {
  let temp: ReturnType<typeof tempFolder>;
  let store: SqliteEventStore;
  beforeEach(() => {
    temp = tempFolder();
    store = createSqliteStore({ path: temp.dbPath, pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('catches up after an exclusive position, then goes live without gap or duplicate', async () => {
    await right(store.append('a', 'any', newEvents(3)));
    const seen = await collect(
      store.subscribe({ afterPosition: 1n }),
      (s) => s.length === 5,
      async (m) => {
        if (m.kind === 'caughtUp') await right(store.append('b', 'any', newEvents(2)));
      },
    );
    expect(summary(seen)).toEqual(['a@2', 'a@3', 'caughtUp@3', 'b@4', 'b@5']);
  });

  it('catches up across many pages', async () => {
    for (let i = 0; i < 6; i++) await right(store.append(`s-${i}`, 'any', newEvents(200)));
    const seen = await collect(store.subscribe(), (s) => s.at(-1)?.kind === 'caughtUp');
    const positions = seen.flatMap((m) => (m.kind === 'event' ? [m.event.position] : []));
    expect(positions).toEqual(Array.from({ length: 1200 }, (_, i) => BigInt(i + 1)));
  });

  it('filters in catch-up and live', async () => {
    await right(store.append('case-1', 'any', newEvents(1)));
    await right(store.append('user-1', 'any', newEvents(1)));
    const seen = await collect(
      store.subscribe({ filter: { kind: 'streamName', prefixes: ['case-'] } }),
      (s) => s.length === 3,
      async (m) => {
        if (m.kind === 'caughtUp') {
          await right(store.append('user-2', 'any', newEvents(1)));
          await right(store.append('case-2', 'any', newEvents(1)));
        }
      },
    );
    expect(summary(seen)).toEqual(['case-1@1', 'caughtUp@2', 'case-2@4']);
  });

  it('waits for the log to pass a position it has not reached yet', async () => {
    await right(store.append('a', 'any', newEvents(2)));
    const seen = await collect(
      store.subscribe({ afterPosition: 3n }),
      (s) => s.some((m) => m.kind === 'event'),
      async (m) => {
        if (m.kind === 'caughtUp') await right(store.append('a', 'any', newEvents(2)));
      },
    );
    expect(summary(seen)).toEqual(['caughtUp@3', 'a@4']);
  });

  it('stops a waiting subscription and leaves no timer behind', async () => {
    const before = timers();
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { kind: 'caughtUp', position: null } });
    const waiting = iterator.next();
    expect(timers()).toBe(before + 1);
    await subscription.stop();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(timers()).toBe(before);
  });

  it('ends its subscriptions when the store closes', async () => {
    const iterator = store.subscribe()[Symbol.asyncIterator]();
    await iterator.next();
    const waiting = iterator.next();
    await store.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });
});
