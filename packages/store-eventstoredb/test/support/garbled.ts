// Answers that arrive as bytes that are no answer (the test server's `garble` fault: a message cut short, or noise):
// what a broken proxy or a flipped bit delivers. Shared by the two clients' test files, which must not load together.
import { expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { SubscriptionFailed, type EventStore, type RecordedEvent } from '@dossier/core';
import type { TestServer } from '@dossier/eventstoredb-test-server';
import { newEvent, right } from './events.js';

export interface GarbleFixture {
  readonly server: TestServer;
  readonly store: EventStore;
}

const seed = async (store: EventStore): Promise<void> => {
  await right(store.append('case-1', 'no-stream', [newEvent('A'), newEvent('B'), newEvent('C')]));
};

const typesOf = (events: ReadonlyArray<RecordedEvent>): string[] => events.map((e) => e.type);

/** Takes the subscription's events until it fails or catches up; the failure, if any. */
const drain = async (
  store: EventStore,
  afterPosition?: bigint,
): Promise<{ readonly events: RecordedEvent[]; readonly failure: unknown }> => {
  const subscription = store.subscribe(afterPosition === undefined ? {} : { afterPosition });
  const events: RecordedEvent[] = [];
  let failure: unknown;
  try {
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      events.push(message.event);
    }
  } catch (thrown) {
    failure = thrown;
  } finally {
    await subscription.stop();
  }
  return { events, failure };
};

export const garbledAnswerTests = (start: () => Promise<GarbleFixture>): void => {
  it('a read whose answer arrives garbled, at any message, cut short or as noise, is asked again and comes back whole', async () => {
    const { server, store } = await start();
    await seed(store);
    for (const afterMessages of [0, 1, 2])
      for (const bytes of ['cut', 'noise'] as const) {
        server.faults.inject('read', { kind: 'garble', afterMessages, bytes });
        expect(typesOf(await right(store.readStream('case-1'))), `${afterMessages} ${bytes}`).toEqual([
          'A',
          'B',
          'C',
        ]);
        expect(server.faults.pending()).toBe(0);
      }
    expect(server.faults.fired.filter((f) => f.fault.kind === 'garble')).toHaveLength(6);
  });

  it('a read garbled every time it is asked is StoreUnavailable naming the unreadable answer, never a part of it', async () => {
    const { server, store } = await start();
    await seed(store);
    server.faults.inject('read', { kind: 'garble', afterMessages: 1 }, 50);
    const read = await store.readStream('case-1')();
    server.faults.clear();
    expect(E.isLeft(read) && read.left).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/case-1.*Response message parsing error/) as unknown,
    });
    expect(typesOf(await right(store.readStream('case-1')))).toEqual(['A', 'B', 'C']);
  });

  it('an append whose answer arrives garbled is sent again with the same ids: written once, and answered', async () => {
    const { server, store } = await start();
    await seed(store);
    server.faults.inject('append', { kind: 'garble', bytes: 'noise' });
    const appended = await right(store.append('case-1', 2n, [newEvent('D')]));
    expect(appended.nextExpectedRevision).toBe(3n);
    expect(server.faults.fired.map((f) => f.fault.kind)).toEqual(['garble']);
    const stored = await right(store.readStream('case-1'));
    expect(typesOf(stored)).toEqual(['A', 'B', 'C', 'D']);
    expect(appended.events.map((e) => e.metadata.eventId)).toEqual([stored[3]?.metadata.eventId]);
  });

  it('a subscription meeting a garbled message fails with StoreUnavailable after whole events only; resumed, it gives the rest once', async () => {
    const { server, store } = await start();
    await seed(store);
    server.faults.inject('subscription', { kind: 'garble', afterMessages: 2 });
    const first = await drain(store);
    expect(first.failure).toBeInstanceOf(SubscriptionFailed);
    expect((first.failure as SubscriptionFailed).error).toMatchObject({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(/Response message parsing error/) as unknown,
    });
    expect(first.events.length).toBeLessThan(3);
    const last = first.events[first.events.length - 1];
    const rest = await drain(store, last?.position);
    expect(rest.failure).toBeUndefined();
    expect(typesOf([...first.events, ...rest.events])).toEqual(['A', 'B', 'C']);
  });
};
