// Other applications' events on the same server: a Dossier store reads only its own from the global log, counts what
// it skipped, and never halts on them; a strict store (for audits) reports the first one as undecodable.
import { binaryEvent, jsonEvent } from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  runProjections,
  type Projection,
  type ProjectionRunner,
} from '@dossier/core';
import { createEventStoreDbStore, type EventStoreDbStore } from '../src/index.js';
import { left, newEvent, right, take } from './support/events.js';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';

let fixture: EsdbFixture | undefined;
let runner: ProjectionRunner | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await fixture?.dispose();
  fixture = undefined;
});

/** Dossier's events and, between them, another application's: no metadata, its own metadata, binary, a system event. */
const sharedServer = async () => {
  fixture = await startEsdbFixture({ batchAppend: true });
  const { client } = fixture;
  const store = fixture.store as EventStoreDbStore;
  await right(store.append('case-1', 'no-stream', [newEvent('CaseOpened', { n: 1 })]));
  await client.appendToStream('orders-7', jsonEvent({ type: 'OrderPlaced', data: { total: 3 } }));
  await client.appendToStream(
    'orders-7',
    jsonEvent({ type: 'OrderShipped', data: {}, metadata: { $correlationId: 'x', app: 'shop' } }),
  );
  await client.appendToStream('blobs-1', binaryEvent({ type: 'Blob', data: Buffer.from([1, 2, 3]) }));
  await client.setStreamMetadata('orders-7', { maxCount: 100 }); // a `$metadata` event in `$$orders-7`
  await right(store.append('case-1', 0n, [newEvent('CaseClosed', { n: 2 })]));
  return { fixture, store };
};

const counted: Projection<number, { type: string; data: unknown }, number> = {
  name: 'counted',
  version: 1,
  eventTypes: ['CaseOpened', 'CaseClosed', 'OrderPlaced', 'OrderShipped', 'Blob'],
  initialState: 0,
  apply: (n) => n + 1,
  query: (n) => n,
};

describe('foreign events on a shared server', () => {
  it("readAll hands out only Dossier's events and counts the others it skipped", async () => {
    const { store } = await sharedServer();
    const events = await right(store.readAll());
    expect(events.map((e) => `${e.stream}:${e.type}`)).toEqual(['case-1:CaseOpened', 'case-1:CaseClosed']);
    const report = store.foreignEvents();
    expect(report.skipped).toBe(3); // the system event is EventStoreDB's own, left out as ever, not counted
    expect(report.last).toMatchObject({ stream: 'blobs-1', type: 'Blob' });
  });

  it("a subscription from the start delivers Dossier's events and catches up past the others", async () => {
    const { store } = await sharedServer();
    const subscription = store.subscribe();
    const messages = await take(subscription, (ms) => ms.some((m) => m.kind === 'caughtUp'));
    await subscription.stop();
    expect(messages.flatMap((m) => (m.kind === 'event' ? [m.event.type] : []))).toEqual([
      'CaseOpened',
      'CaseClosed',
    ]);
    expect(store.foreignEvents().skipped).toBe(3);
  });

  it("a projection over the global log folds Dossier's events and never halts on another application's", async () => {
    const { store, fixture: f } = await sharedServer();
    runner = await right(
      runProjections({ store, states: createInMemoryProjectionStore(), projections: [counted], idleMs: 1 }),
    );
    await f.client.appendToStream('orders-8', jsonEvent({ type: 'OrderPlaced', data: {} })); // live, too
    await right(store.append('case-2', 'no-stream', [newEvent('CaseOpened', { n: 3 })]));
    await runner.settled();
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'counted', phase: 'live', failure: null });
    expect(runner.query(counted)).toEqual({ _tag: 'Right', right: 3 });
  });

  it('a strict store (for audits) answers the first foreign event as undecodable, with its stream and position', async () => {
    const { fixture: f } = await sharedServer();
    const strict = createEventStoreDbStore({ client: f.client }, { foreignEvents: 'strict' });
    const error = await left(strict.readAll());
    expect(error).toMatchObject({ _tag: 'UndecodableEvent', stream: 'orders-7', type: 'OrderPlaced' });
    expect(typeof (error as { position?: unknown }).position).toBe('bigint');
    expect(strict.foreignEvents().skipped).toBe(0);
    await strict.close();
  });

  it('a foreign event inside a Dossier stream is damage: reading that stream reports it whatever the policy', async () => {
    const { store, fixture: f } = await sharedServer();
    await f.client.appendToStream('case-1', jsonEvent({ type: 'Intruder', data: {} }));
    expect(await left(store.readStream('case-1'))).toMatchObject({
      _tag: 'UndecodableEvent',
      stream: 'case-1',
      revision: 2n,
    });
  });
});
