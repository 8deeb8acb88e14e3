// Appends whose outcome the client cannot know — a connection reset after the commit, before it, a commit timed
// out, a follower's NotLeader — through the store, over the test server's faults: the store sends the append again
// as it was (same event ids, same expected revision), and the server's idempotent-write check keeps one copy. When
// retrying cannot settle it, the answer is AppendOutcomeUnknown, never a second copy.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type Fault, type TestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore, type EsdbClientLike } from '../src/index.js';
import { left, newEvents, right } from './support/events.js';

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close();
});

const open = async (wrap?: (client: EsdbClientLike, server: TestServer) => EsdbClientLike) => {
  const server = await startTestServer({ client: '@eventstore/db-client', faults: true });
  const client = EventStoreDBClient.connectionString(server.url);
  const store = createEventStoreDbStore({ client: wrap === undefined ? client : wrap(client, server) });
  opened.push(
    () => server.stop(),
    () => client.dispose(),
    () => store.close(),
  );
  return { server, store, client };
};

const idsIn = (server: TestServer, stream: string): string[] =>
  server.store.streamEvents(stream).map((event) => event.id);

describe('an append whose answer is lost is sent again and kept once', () => {
  const faults: ReadonlyArray<Fault> = [
    { kind: 'dropAfterCommit' },
    { kind: 'drop' },
    { kind: 'timeout', committed: true },
    { kind: 'timeout' },
    { kind: 'notLeader' },
  ];
  it.each(faults)('$kind (committed: $committed)', async (fault) => {
    const { server, store } = await open();
    await right(store.append('s-1', 'no-stream', newEvents(1)));
    server.faults.inject('append', fault);
    const events = newEvents(3);
    const appended = await right(store.append('s-1', 0n, events));
    expect(appended.nextExpectedRevision).toBe(3n);
    expect(appended.events.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
    expect(idsIn(server, 's-1').slice(1)).toEqual(events.map((e) => e.metadata.eventId));
    expect(server.faults.fired.map((f) => f.fault)).toEqual([fault]);
  });

  it('reads cut mid-way are read again from their start', async () => {
    const { server, store } = await open();
    await right(store.append('s-1', 'no-stream', newEvents(5)));
    server.faults.inject('read', { kind: 'drop', afterMessages: 2 });
    const read = await right(store.readStream('s-1'));
    expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(server.faults.pending()).toBe(0);
  });
});

describe('when retrying cannot settle it', () => {
  it('answers AppendOutcomeUnknown naming the stream and ids; the events are in the stream once or not at all', async () => {
    const { server, store } = await open();
    server.faults.inject('append', { kind: 'dropAfterCommit' }, 20);
    const events = newEvents(2);
    const failure = await left(store.append('s-1', 'no-stream', events));
    const ids = events.map((e) => e.metadata.eventId);
    expect(failure).toMatchObject({
      _tag: 'AppendOutcomeUnknown',
      stream: 's-1',
      expected: 'no-stream',
      eventIds: ids,
    });
    expect(idsIn(server, 's-1')).toEqual(ids);
    server.faults.clear();
    // The same append once the server answers again: the server's idempotent check gives the first result.
    const again = await right(store.append('s-1', 'no-stream', events));
    expect(again.nextExpectedRevision).toBe(1n);
    expect(idsIn(server, 's-1')).toEqual(ids);
  });
});

describe('a wrong expected version after a lost answer is settled by reading the stream', () => {
  /** A client whose first append is answered UNAVAILABLE after `before` ran (and after it was written, if `written`). */
  const losingFirstAnswer =
    (written: boolean, before: (server: TestServer) => Promise<void>) =>
    (client: EsdbClientLike, server: TestServer): EsdbClientLike => {
      let lost = false;
      return new Proxy(client, {
        get: (target, key) => {
          if (key !== 'appendToStream' || lost) {
            // Bound to the client itself: its methods use private fields a proxy does not have.
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          }
          return async (...args: Parameters<EsdbClientLike['appendToStream']>) => {
            lost = true;
            if (written) await target.appendToStream(...args);
            await before(server);
            throw Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), { type: 'unavailable' });
          };
        },
      });
    };

  const otherWriter = async (server: TestServer): Promise<void> => {
    const other = EventStoreDBClient.connectionString(server.url);
    await other.appendToStream('s-1', jsonEvent({ id: randomUUID(), type: 'Other', data: {} }));
    await other.dispose();
  };

  it('our ids after the revision: the first attempt was written, and that is the answer', async () => {
    const { server, store } = await open(losingFirstAnswer(true, otherWriter));
    const events = newEvents(2);
    const appended = await right(store.append('s-1', 'no-stream', events));
    expect(appended.nextExpectedRevision).toBe(1n);
    expect(server.store.streamEvents('s-1').map((e) => e.type)).toEqual([
      'SomethingHappened',
      'SomethingHappened',
      'Other',
    ]);
  });

  it("another writer's event there: never written, a ConcurrencyConflict", async () => {
    const { server, store } = await open(losingFirstAnswer(false, otherWriter));
    const failure = await left(store.append('s-1', 'no-stream', newEvents(2)));
    expect(failure).toMatchObject({
      _tag: 'ConcurrencyConflict',
      stream: 's-1',
      expected: 'no-stream',
      actual: 0n,
    });
    expect(server.store.streamEvents('s-1').map((e) => e.type)).toEqual(['Other']);
  });
});
