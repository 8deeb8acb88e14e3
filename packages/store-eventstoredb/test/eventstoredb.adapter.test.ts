// What is particular to EventStoreDB, through @eventstore/db-client and the protocol test server. The port's
// own guarantees are in eventstoredb.conformance.test.ts.
import { binaryEvent, jsonEvent, type EventStoreDBClient } from '@eventstore/db-client';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStoreDbStore, type EsdbClientLike, type EventStoreDbStore } from '../src/index.js';
import { withGrpcReads } from '../src/grpcReads.js';
import { label, left, newEvent, newEvents, right, take } from './support/events.js';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';

let fixture: EsdbFixture | undefined;
const start = async (options: Parameters<typeof startEsdbFixture>[0] = { batchAppend: true }) => {
  fixture = await startEsdbFixture(options);
  return fixture;
};
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

const rawEvents = async (client: EventStoreDBClient, stream: string) => {
  const out = [];
  for await (const resolved of client.readStream(stream))
    if (resolved.event !== undefined) out.push(resolved.event);
  return out;
};

describe('EventStoreDB adapter', () => {
  it("reads and subscribes through the client's channel with its own decoding of the answers; reads what the client reads", async () => {
    const { store, client } = await start();
    const wrapped = withGrpcReads(client);
    expect(wrapped).not.toBe(client);
    // Compared, never called: the wrapper's own calls, not the client's.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    expect(wrapped.readAll).not.toBe(client.readAll);
    // eslint-disable-next-line @typescript-eslint/unbound-method
    expect(wrapped.subscribeToAll).not.toBe(client.subscribeToAll);
    await right(store.append('case-1', 'no-stream', newEvents(3)));
    const ours = [];
    for await (const resolved of wrapped.readStream('case-1', {
      direction: 'forwards',
      fromRevision: 'start',
      maxCount: 10,
    }))
      ours.push(resolved.event);
    const theirs = (await rawEvents(client, 'case-1')).map(({ created: _created, ...event }) => event);
    expect(ours).toEqual(theirs);
  });

  describe('metadata', () => {
    it('is EventStoreDB JSON metadata, with the event id as the EventStoreDB id and $correlationId, $causationId', async () => {
      const { store, client } = await start();
      const event = newEvent(
        'CaseOpened',
        { id: 1 },
        {
          commandId: 'cmd-1',
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: 'user-1',
        },
      );
      const [recorded] = (await right(store.append('case-1', 'no-stream', [event]))).events;
      const [raw] = await rawEvents(client, 'case-1');
      expect(raw?.id).toBe(event.metadata.eventId);
      expect(raw?.isJson).toBe(true);
      expect(raw?.data).toEqual({ id: 1 });
      expect(raw?.metadata).toEqual({
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
        commandId: 'cmd-1',
        commandHash: null,
        actor: 'user-1',
        recordedAt: recorded?.metadata.recordedAt,
        schemaVersion: 1,
        hash: recorded?.metadata.hash,
      });
    });

    it('records an upper-case event id in the lower case EventStoreDB hands back, so the chain holds', async () => {
      const { store } = await start();
      const event = newEvent('CaseOpened');
      const upper = { ...event, metadata: { eventId: event.metadata.eventId.toUpperCase() } };
      const appended = await right(store.append('case-1', 'no-stream', [upper]));
      const [read] = await right(store.readStream('case-1'));
      expect(read?.metadata.eventId).toBe(event.metadata.eventId);
      expect(read).toEqual(appended.events[0]);
    });

    it('refuses an event id that is not a UUID before writing anything', async () => {
      const { store } = await start();
      const refused = await left(
        store.append('case-1', 'any', [newEvent('A'), { ...newEvent('B'), metadata: { eventId: 'e-2' } }]),
      );
      expect(refused).toMatchObject({ _tag: 'InvalidEvent', index: 1, type: 'B' });
      expect(await left(store.readStream('case-1'))).toMatchObject({ _tag: 'StreamNotFound' });
    });
  });

  describe('append', () => {
    it('gives every event of a batch its own position in $all', async () => {
      const { store } = await start();
      const appended = await right(store.append('case-1', 'no-stream', newEvents(3)));
      const all = await right(store.readAll());
      expect(appended.events.map((e) => e.position)).toEqual(all.map((e) => e.position));
      expect(appended.position).toBe(all[2]?.position);
    });

    it('retries `any` when another writer appends between reading the tip and writing, keeping one chain', async () => {
      let interfered = false;
      const { store, client } = await start({
        batchAppend: true,
        wrap: (inner) => ({
          ...bind(inner),
          appendToStream: async (stream, events, options) => {
            if (!interfered && stream === 'case-1' && options.expectedRevision === 0n) {
              interfered = true;
              await fixture?.store.append('case-1', 0n, [newEvent('Interloper')])();
            }
            return inner.appendToStream(stream, events, options);
          },
        }),
      });
      await right(store.append('case-1', 'no-stream', [newEvent('A')]));
      const appended = await right(store.append('case-1', 'any', [newEvent('B')]));
      expect(interfered).toBe(true);
      expect(appended.nextExpectedRevision).toBe(2n);
      const events = await right(store.readStream('case-1'));
      expect(events.map((e) => e.type)).toEqual(['A', 'Interloper', 'B']);
      expect((await rawEvents(client, 'case-1')).length).toBe(3);
    });

    it('reports a race lost at an exact revision with the actual revision from WrongExpectedVersionError', async () => {
      let interfered = false;
      const { store } = await start({
        batchAppend: false,
        wrap: (inner) => ({
          ...bind(inner),
          appendToStream: async (stream, events, options) => {
            if (!interfered && options.expectedRevision === 0n) {
              interfered = true;
              await fixture?.store.append(stream, 0n, newEvents(2))();
            }
            return inner.appendToStream(stream, events, options);
          },
        }),
      });
      await right(store.append('case-1', 'no-stream', [newEvent('A')]));
      expect(await left(store.append('case-1', 0n, [newEvent('B')]))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'case-1',
        expected: 0n,
        actual: 2n,
      });
    });

    it('works with a client that answers conflicts instead of throwing them (throwOnAppendFailure=false)', async () => {
      const { server, store } = await start();
      const lenient = (await import('@eventstore/db-client')).EventStoreDBClient.connectionString(
        `${server.url}&throwOnAppendFailure=false`,
      );
      const other = createEventStoreDbStore({ client: lenient });
      try {
        await right(store.append('case-1', 'no-stream', [newEvent('A')]));
        let raced = false;
        const racing = createEventStoreDbStore({
          client: {
            ...bind(lenient),
            appendToStream: async (stream, events, options) => {
              if (!raced) {
                raced = true;
                await store.append(stream, 'any', [newEvent('Interloper')])();
              }
              return lenient.appendToStream(stream, events, options);
            },
          },
        });
        expect(await left(racing.append('case-1', 0n, [newEvent('B')]))).toMatchObject({
          _tag: 'ConcurrencyConflict',
          actual: 1n,
        });
        expect((await right(other.append('case-1', 'any', [newEvent('C')]))).nextExpectedRevision).toBe(2n);
      } finally {
        await other.close();
        await lenient.dispose();
      }
    });

    it('refuses data a schema encodes to something JSON would change, which would break the chain', async () => {
      const { store } = await start({
        batchAppend: true,
        schema: {
          encode: (_type, data) =>
            E.right({ data: { ...(data as object), at: new Date(0) }, schemaVersion: 1 }),
          decode: (_type, _version, data) => E.right(data),
        },
      });
      expect(await left(store.append('case-1', 'no-stream', [newEvent('A', { x: 1 })]))).toMatchObject({
        _tag: 'InvalidEvent',
        index: 0,
        reason: expect.stringMatching(/not plain JSON/) as unknown,
      });
      expect(await left(store.readStream('case-1'))).toMatchObject({ _tag: 'StreamNotFound' });
    });

    it('will not chain from a last event that has no Dossier hash', async () => {
      const { store, client } = await start();
      await client.appendToStream('case-1', jsonEvent({ type: 'Foreign', data: { x: 1 } }));
      expect(await left(store.append('case-1', 'any', [newEvent('A')]))).toMatchObject({
        _tag: 'UndecodableEvent',
        stream: 'case-1',
        revision: 0n,
        type: 'Foreign',
      });
    });
  });

  describe('reads', () => {
    it('report a binary event as UndecodableEvent with its stream, revision and position', async () => {
      const { store, client } = await start();
      await right(store.append('case-1', 'no-stream', [newEvent('A')]));
      const written = await client.appendToStream(
        'case-1',
        binaryEvent({ type: 'B', data: new TextEncoder().encode('{not json') }),
      );
      const expected = {
        _tag: 'UndecodableEvent',
        stream: 'case-1',
        revision: 1n,
        position: written.position?.commit,
        type: 'B',
      };
      expect(await left(store.readStream('case-1'))).toMatchObject(expected);
      // In the global log an event without Dossier's metadata looks like another application's: skipped and counted
      // by default, reported by a strict store (docs/stores.md, "Sharing an EventStoreDB server").
      expect((await right(store.readAll())).map((e) => e.type)).toEqual(['A']);
      expect((store as EventStoreDbStore).foreignEvents()).toMatchObject({
        skipped: 1,
        last: { stream: 'case-1' },
      });
      const strict = createEventStoreDbStore({ client }, { foreignEvents: 'strict' });
      expect(await left(strict.readAll())).toMatchObject(expected);
      await strict.close();
    });

    it('leave EventStoreDB’s own records out of $all', async () => {
      const { store, client } = await start();
      await right(store.append('case-1', 'no-stream', [newEvent('A')]));
      await client.setStreamMetadata('case-1', { maxAge: 3600 });
      await right(store.append('case-2', 'no-stream', [newEvent('B')]));
      await right(store.deleteStream('case-2'));
      const all = await right(store.readAll());
      expect(all.map((e) => `${e.type}@${e.stream}`)).toEqual(['A@case-1', 'B@case-2']);
      const backwards = await right(store.readAll({ direction: 'backwards' }));
      expect(backwards.map((e) => e.type)).toEqual(['B', 'A']);
    });

    it('page with position + 1 even where the server refuses to start inside a record, as a real one does', async () => {
      let refused = 0;
      const { store } = await start({
        batchAppend: true,
        wrap: (inner) => ({
          ...bind(inner),
          // A real server answers a start that is not a record's own position with "invalid position".
          readAll: (options) => {
            const at = options.fromPosition;
            const boundary =
              typeof at === 'string' ||
              fixture?.server.store.log.some((record) => record.position === at.commit);
            if (boundary === true) return inner.readAll(options);
            refused += 1;
            return (async function* () {
              await Promise.resolve();
              yield* [];
              throw Object.assign(new Error('Trying to read from an invalid position.'), { type: 'unknown' });
            })();
          },
        }),
      });
      for (let i = 0; i < 4; i++) await right(store.append(`s-${i}`, 'no-stream', newEvents(3)));
      const all = await right(store.readAll());
      const paged: bigint[] = [];
      for (let from = 0n; ;) {
        const page = await right(store.readAll({ fromPosition: from, limit: 5 }));
        paged.push(...page.map((e) => e.position));
        const last = page[page.length - 1];
        if (last === undefined || page.length < 5) break;
        from = last.position + 1n;
      }
      expect(paged).toEqual(all.map((e) => e.position));
      const back = await right(
        store.readAll({ direction: 'backwards', fromPosition: (all[6]?.position ?? 0n) + 1n, limit: 3 }),
      );
      expect(back.map((e) => e.position)).toEqual([6, 5, 4].map((i) => all[i]?.position));
      expect(refused).toBeGreaterThan(0);
    });

    it('page through $all past the page size, both ways, with inclusive starts', async () => {
      const { store } = await start();
      for (let i = 0; i < 6; i++) await right(store.append(`s-${i}`, 'no-stream', newEvents(100)));
      const all = await right(store.readAll());
      expect(all.length).toBe(600);
      const middle = all[300];
      const fromMiddle = await right(store.readAll({ fromPosition: middle?.position ?? 0n, limit: 250 }));
      expect(fromMiddle.map((e) => e.position)).toEqual(all.slice(300, 550).map((e) => e.position));
      const back = await right(
        store.readAll({ direction: 'backwards', fromPosition: middle?.position ?? 0n }),
      );
      expect(back.map((e) => e.position)).toEqual(
        all
          .slice(0, 301)
          .reverse()
          .map((e) => e.position),
      );
    });
  });

  describe('delete', () => {
    it('soft-deletes: the stream reads and writes as StreamDeleted, its events stay in $all', async () => {
      const { store, client } = await start();
      await right(store.append('case-1', 'no-stream', newEvents(2)));
      await right(store.deleteStream('case-1', 1n));
      expect(await left(store.readStream('case-1'))).toEqual({ _tag: 'StreamDeleted', stream: 'case-1' });
      expect(await left(store.append('case-1', 'any', [newEvent('A')]))).toEqual({
        _tag: 'StreamDeleted',
        stream: 'case-1',
      });
      expect(await left(store.deleteStream('case-1'))).toEqual({ _tag: 'StreamDeleted', stream: 'case-1' });
      expect((await right(store.readAll())).length).toBe(2);
      const metadata = await client.getStreamMetadata('case-1');
      expect(metadata.metadata?.truncateBefore).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    });

    it('deletes a stream that never existed when told it does not exist, as the in-memory store does', async () => {
      const { store } = await start();
      await right(store.deleteStream('case-9', 'no-stream'));
      expect(await left(store.readStream('case-9'))).toEqual({ _tag: 'StreamDeleted', stream: 'case-9' });
      expect(await left(store.append('case-9', 'no-stream', [newEvent('A')]))).toMatchObject({
        _tag: 'StreamDeleted',
      });
    });

    it('answers a tombstoned stream with StreamDeleted', async () => {
      const { store, client } = await start();
      await right(store.append('case-1', 'no-stream', newEvents(1)));
      await client.tombstoneStream('case-1');
      expect(await left(store.readStream('case-1'))).toEqual({ _tag: 'StreamDeleted', stream: 'case-1' });
      expect(await left(store.append('case-1', 'any', [newEvent('A')]))).toEqual({
        _tag: 'StreamDeleted',
        stream: 'case-1',
      });
      expect(await left(store.deleteStream('case-1'))).toEqual({ _tag: 'StreamDeleted', stream: 'case-1' });
    });
  });

  describe('subscriptions', () => {
    it('say caughtUp when the last record of $all is one the filter leaves out', async () => {
      const { store } = await start();
      await right(store.append('case-1', 'no-stream', [newEvent('CaseOpened')]));
      await right(store.append('other-1', 'no-stream', [newEvent('Other')]));
      await right(store.deleteStream('other-1')); // a $metadata record ends the log
      const subscription = store.subscribe({ filter: { kind: 'streamName', prefixes: ['case-'] } });
      try {
        const messages = await take(subscription, (m) => m.some((x) => x.kind === 'caughtUp'));
        expect(messages.map(label)).toEqual(['CaseOpened@case-1', 'caughtUp']);
        await right(store.append('case-2', 'no-stream', [newEvent('CaseOpened')]));
        const live = await take(subscription, (m) => m.length === 1);
        expect(live.map(label)).toEqual(['CaseOpened@case-2']);
      } finally {
        await subscription.stop();
      }
    });

    it('say caughtUp before events appended after the subscription started', async () => {
      const { store } = await start();
      await right(store.append('case-1', 'no-stream', newEvents(3)));
      const subscription = store.subscribe({ afterPosition: -1n });
      try {
        const first = await take(subscription, (m) => m.length === 1);
        await right(store.append('case-2', 'no-stream', [newEvent('Later')]));
        const rest = await take(subscription, (m) => m.length === 4);
        expect([...first, ...rest].map(label)).toEqual([
          'SomethingHappened@case-1',
          'SomethingHappened@case-1',
          'SomethingHappened@case-1',
          'caughtUp',
          'Later@case-2',
        ]);
      } finally {
        await subscription.stop();
      }
    });

    it('fail with SubscriptionFailed carrying StoreUnavailable when the server goes away', async () => {
      const { store, server } = await start();
      await right(store.append('case-1', 'no-stream', newEvents(1)));
      const subscription = store.subscribe();
      await take(subscription, (m) => m.some((x) => x.kind === 'caughtUp'));
      await server.stop();
      await expect(take(subscription, () => false)).rejects.toMatchObject({
        error: { _tag: 'StoreUnavailable' },
      });
    });

    it('stop while waiting for live events, and never deliver after', async () => {
      const { store, server } = await start();
      const subscription = store.subscribe();
      const iterator = subscription[Symbol.asyncIterator]();
      // No Dossier event yet, but a new database's system records: caught up at the last of them.
      const horizon = server.store.log.at(-1)?.position;
      expect(horizon).toBeDefined();
      expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: horizon });
      const waiting = iterator.next();
      await subscription.stop();
      expect(await waiting).toEqual({ done: true, value: undefined });
    });
  });

  describe('connections', () => {
    it('answer StoreUnavailable with a cause when nothing listens', async () => {
      const { server } = await start();
      const url = server.url;
      await fixture?.dispose();
      fixture = undefined;
      const store = createEventStoreDbStore({ connectionString: url });
      try {
        const refused = await left(store.append('case-1', 'any', [newEvent('A')]));
        expect(refused).toMatchObject({
          _tag: 'StoreUnavailable',
          cause: expect.stringMatching(/unavailable/i) as unknown,
        });
        expect(await left(store.readAll())).toMatchObject({ _tag: 'StoreUnavailable' });
      } finally {
        await store.close();
      }
    });

    it('answer every call with StoreUnavailable, never a throw, for a kurrentdb:// string or a $ prefix', async () => {
      const kurrent = createEventStoreDbStore({ connectionString: 'kurrentdb://localhost:2113?tls=false' });
      const dollar = createEventStoreDbStore(
        { connectionString: 'esdb://localhost:1?tls=false' },
        { streamPrefix: '$x-' },
      );
      const notEsdb = createEventStoreDbStore({ connectionString: 'http://localhost:2113' });
      try {
        expect(await left(kurrent.append('case-1', 'any', [newEvent('A')]))).toMatchObject({
          _tag: 'StoreUnavailable',
          cause: expect.stringMatching(/KurrentDBClient/) as unknown,
        });
        expect(await left(kurrent.readAll())).toMatchObject({ _tag: 'StoreUnavailable' });
        expect(await left(dollar.readStream('case-1'))).toMatchObject({
          _tag: 'StoreUnavailable',
          cause: expect.stringMatching(/must not start with \$/) as unknown,
        });
        expect(await left(notEsdb.readAll())).toMatchObject({
          _tag: 'StoreUnavailable',
          cause: expect.stringMatching(/esdb:\/\/ or esdb\+discover:\/\//) as unknown,
        });
      } finally {
        await Promise.all([kurrent.close(), dollar.close(), notEsdb.close()]);
      }
    });
  });
});

/** The client's methods bound to it, so a test can override one and keep the rest. */
function bind(client: EsdbClientLike): EsdbClientLike {
  return {
    appendToStream: client.appendToStream.bind(client),
    readStream: client.readStream.bind(client),
    readAll: client.readAll.bind(client),
    subscribeToAll: client.subscribeToAll.bind(client),
    deleteStream: client.deleteStream.bind(client),
    setStreamMetadata: client.setStreamMetadata.bind(client),
    getStreamMetadata: client.getStreamMetadata.bind(client),
    dispose: client.dispose.bind(client),
  };
}
