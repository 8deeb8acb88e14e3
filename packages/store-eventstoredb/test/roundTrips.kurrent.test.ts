// A command's round trips through @kurrent/kurrentdb-client, counted on the test server: on KurrentDB 25.1+ the
// command-id claim and the events go in one multi-stream append — one round trip, atomic, the one event's position
// from the answer — and on an older server the claim is appended first, then the events.
import { afterEach, describe, expect, it } from 'vitest';
import { handle, verifyStore, type EventStore } from '@dossier/core';
import type { ServedRequest } from '@dossier/eventstoredb-test-server';
import { probeStreams } from '../src/atomicAppend.js';
import { createEventStoreDbStore, type EsdbClientLike } from '../src/index.js';
import { claimStream } from '../src/commandIndex.js';
import { counter } from './support/counter.js';
import { newEvent, right, left } from './support/events.js';
import { startKurrentFixture, type KurrentFixture } from './support/kurrentdb.js';

let fixture: KurrentFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

const add = (f: KurrentFixture, n: number, commandId: string, store: EventStore = f.store) =>
  right(
    handle(store, counter, {
      stream: 'counter-1',
      command: { type: 'Add', n },
      context: { commandId, actor: 'test' },
    }),
  );

const writes = (requests: ReadonlyArray<ServedRequest>) =>
  requests.filter((r) => r.kind === 'append' || r.kind === 'appendSession');
const readsOf = (requests: ReadonlyArray<ServedRequest>, stream: string) =>
  requests.filter((r) => r.kind === 'read' && r.stream === stream);

describe('round trips of a command on KurrentDB 25.1+ (multi-stream append)', () => {
  it('a one-event command: its claim and its event in one append, and its position from the answer', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    const handled = await add(fixture, 1, 'second');

    expect(writes(fixture.server.requests)).toEqual([
      {
        kind: 'appendSession',
        streams: [
          { stream: claimStream('counter-1', 'second'), events: 1 },
          { stream: 'counter-1', events: 1 },
        ],
      },
    ]);
    // The stream's one read is its load, from the start: none of its last event, none of the positions written.
    expect(readsOf(fixture.server.requests, 'counter-1')).toEqual([
      { kind: 'read', stream: 'counter-1', direction: 'forwards', from: 0n },
    ]);
    const stored = fixture.server.store.streamEvents('counter-1')[1];
    expect(handled.events.map((e) => [e.revision, e.position])).toEqual([[1n, stored?.position]]);
  });

  it('probes the server once per store, with its own capped streams, out of the global log', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    await add(fixture, 1, 'second');

    const probes = fixture.server.requests.filter(
      (r) => r.kind === 'appendSession' && r.streams.some((s) => s.stream === probeStreams.event),
    );
    expect(probes).toHaveLength(1);
    const all = await right(fixture.store.readAll({ fromPosition: 0n, limit: 100 }));
    expect(all.map((e) => e.stream)).toEqual(['counter-1', 'counter-1']);
  });

  it('a command of 100 events: one append with its claim, then its positions read back', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    const handled = await add(fixture, 100, 'batch');

    expect(writes(fixture.server.requests)).toEqual([
      {
        kind: 'appendSession',
        streams: [
          { stream: claimStream('counter-1', 'batch'), events: 1 },
          { stream: 'counter-1', events: 100 },
        ],
      },
    ]);
    const stored = fixture.server.store.streamEvents('counter-1');
    expect(handled.events.map((e) => e.position)).toEqual(stored.slice(1).map((e) => e.position));
  });

  it('a stale tip is a ConcurrencyConflict and writes neither the events nor the claim', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    const [first] = (await add(fixture, 1, 'first')).events;
    await add(fixture, 1, 'second');

    const conflict = await left(
      fixture.store.append('counter-1', 0n, [newEvent('Added', { i: 1 }, { commandId: 'stale' })], {
        expectedHash: first?.metadata.hash ?? '',
      }),
    );

    expect(conflict).toMatchObject({
      _tag: 'ConcurrencyConflict',
      stream: 'counter-1',
      expected: 0n,
      actual: 1n,
    });
    expect(fixture.server.store.streamEvents('counter-1')).toHaveLength(2);
    expect(fixture.server.store.streamEvents(claimStream('counter-1', 'stale'))).toEqual([]);
  });

  it('a repeated command is recognised from its claim and answered with its original events; the chain verifies', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    const once = await add(fixture, 2, 'twice');
    const again = await add(fixture, 2, 'twice');

    expect(again.events).toEqual(once.events);
    expect(fixture.server.store.streamEvents('counter-1')).toHaveLength(2);
    expect(await right(fixture.store.readCommand('counter-1', 'twice'))).toEqual(once.events);
    expect(await right(verifyStore(fixture.store))).toMatchObject({ ok: true, events: 2 });
  });
});

describe('round trips of a command on a server without multi-stream append', () => {
  it('the claim is appended first, then the event: two appends', async () => {
    fixture = await startKurrentFixture({ batchAppend: true, multiStreamAppend: false });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    await add(fixture, 1, 'second');

    expect(writes(fixture.server.requests)).toEqual([
      { kind: 'append', stream: claimStream('counter-1', 'second'), events: 1 },
      { kind: 'append', stream: 'counter-1', events: 1 },
    ]);
  });
});

/** The client as the store sees it, its multi-stream append replaced (a KurrentDBClient keeps private fields). */
const withMultiStreamAppend = (
  client: EsdbClientLike,
  replaced: Pick<EsdbClientLike, 'multiStreamAppend'>,
): EsdbClientLike => ({
  appendToStream: (...args) => client.appendToStream(...args),
  readStream: (...args) => client.readStream(...args),
  readAll: (...args) => client.readAll(...args),
  subscribeToAll: (...args) => client.subscribeToAll(...args),
  deleteStream: (...args) => client.deleteStream(...args),
  setStreamMetadata: (...args) => client.setStreamMetadata(...args),
  getStreamMetadata: (...args) => client.getStreamMetadata(...args),
  dispose: () => Promise.resolve(),
  ...replaced,
});

describe('the probe of what the server offers', () => {
  it('tries again after a server out of reach, appending the two-call way meanwhile', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    const { client } = fixture;
    let failures = 1;
    const flaky: EsdbClientLike = withMultiStreamAppend(client, {
      multiStreamAppend: (requests: Parameters<NonNullable<EsdbClientLike['multiStreamAppend']>>[0]) => {
        if (failures-- > 0) return Promise.reject(Object.assign(new Error('down'), { type: 'unavailable' }));
        return client.multiStreamAppend(requests);
      },
    });
    const store = createEventStoreDbStore({ client: flaky });
    fixture.server.requests.length = 0;

    await add(fixture, 1, 'first', store);
    const meanwhile = writes(fixture.server.requests);
    fixture.server.requests.length = 0;
    await add(fixture, 1, 'second', store);

    expect(meanwhile).toEqual([
      { kind: 'append', stream: claimStream('counter-1', 'first'), events: 1 },
      { kind: 'append', stream: 'counter-1', events: 1 },
    ]);
    // The probe this time (and the caps on its streams), then the command in one transaction.
    const served = writes(fixture.server.requests);
    expect(served[0]).toMatchObject({
      kind: 'appendSession',
      streams: [{ stream: probeStreams.claim }, { stream: probeStreams.event }],
    });
    expect(served.slice(1, -1)).toEqual([
      { kind: 'append', stream: `$$${probeStreams.claim}`, events: 1 },
      { kind: 'append', stream: `$$${probeStreams.event}`, events: 1 },
    ]);
    expect(served.at(-1)).toEqual({
      kind: 'appendSession',
      streams: [
        { stream: claimStream('counter-1', 'second'), events: 1 },
        { stream: 'counter-1', events: 1 },
      ],
    });
    await store.close();
  });

  it('a server that refuses it for good (access denied) is not probed again', async () => {
    fixture = await startKurrentFixture({ batchAppend: true });
    let probes = 0;
    const refusing: EsdbClientLike = withMultiStreamAppend(fixture.client, {
      multiStreamAppend: () => {
        probes++;
        return Promise.reject(Object.assign(new Error('no'), { type: 'access-denied' }));
      },
    });
    const store = createEventStoreDbStore({ client: refusing });

    await add(fixture, 1, 'first', store);
    await add(fixture, 1, 'second', store);

    expect(probes).toBe(1);
    expect(fixture.server.store.streamEvents('counter-1')).toHaveLength(2);
    await store.close();
  });
});
