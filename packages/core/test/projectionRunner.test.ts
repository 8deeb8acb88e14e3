import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  onReadModelChanged,
  replayProjection,
  type ReadModelChanged,
  type RecordedEvent,
} from '@dossier/core';
import {
  added,
  addedTwice,
  appendAll,
  removed,
  right,
  rightOf,
  startedRunners,
  tallyProjection,
  unrelated,
  type ApplyCounter,
  type BasketEvent,
  type Tally,
} from './projectionFixtures.js';

const start = startedRunners();

const rebuildOf = async (
  store: ReturnType<typeof createInMemoryStore>,
  projection = tallyProjection(),
): Promise<Tally> => {
  const all = await right(store.readAll());
  return replayProjection(
    projection,
    all.filter((e): e is RecordedEvent<BasketEvent['type'], BasketEvent['data']> =>
      (projection.eventTypes as string[]).includes(e.type),
    ) as never,
  );
};

describe('runProjections', () => {
  it('catches up on the past, then folds live events, each once and in order', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-2', added(2)],
      ['basket-1', removed(1)],
    ]);
    const tally = tallyProjection();
    const runner = await start({ store, states: createInMemoryProjectionStore(), projections: [tally] });
    await runner.settled();
    expect(rightOf(runner.query(tally)).total).toBe(2);
    await appendAll(store, [['basket-3', added(5)]]);
    await runner.settled();
    expect(rightOf(runner.query(tally)).of('basket-3')).toBe(5);
    expect(rightOf(runner.state(tally))).toEqual(await rebuildOf(store));
    expect(rightOf(runner.state(tally)).positions).toEqual([0, 1, 2, 3]);
  });

  it('misses nothing and repeats nothing appended while it catches up', async () => {
    const store = createInMemoryStore();
    await appendAll(
      store,
      Array.from({ length: 1_200 }, (_, i) => [`basket-${i % 7}`, added(1)] as const),
    );
    const tally = tallyProjection();
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tally],
      saveEvery: 100,
    });
    // Appends race the catch-up, which reads in pages of 500.
    await appendAll(
      store,
      Array.from({ length: 300 }, (_, i) => [`basket-${i % 5}`, removed(1)] as const),
    );
    await runner.settled();
    const state = rightOf(runner.state(tally));
    expect(state.positions).toEqual(Array.from({ length: 1_500 }, (_, i) => i));
    expect(state).toEqual(await rebuildOf(store));
  });

  it('folds only its own event types: a type its prefix filter over-matches is passed over', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-1', addedTwice(100)],
      ['basket-1', unrelated()],
      ['basket-1', added(2)],
    ]);
    const counter: ApplyCounter = { count: 0 };
    const tally = tallyProjection({ counter });
    const runner = await start({ store, states: createInMemoryProjectionStore(), projections: [tally] });
    await runner.settled();
    expect(rightOf(runner.state(tally))).toEqual({ perStream: { 'basket-1': 3 }, positions: [0, 3] });
    expect(counter.count).toBe(2);
  });

  it('resumes after a restart from its checkpoint without applying anything again', async () => {
    const store = createInMemoryStore();
    const states = createInMemoryProjectionStore();
    const counter: ApplyCounter = { count: 0 };
    const tally = tallyProjection({ counter });
    await appendAll(
      store,
      Array.from({ length: 30 }, (_, i) => [`basket-${i % 3}`, added(i)] as const),
    );
    const first = await start({ store, states, projections: [tally], saveEvery: 7 });
    await first.settled();
    await first.stop();
    expect(counter.count).toBe(30);
    await appendAll(
      store,
      Array.from({ length: 10 }, (_, i) => [`basket-${i % 3}`, removed(i)] as const),
    );
    const second = await start({ store, states, projections: [tally], saveEvery: 7 });
    await second.settled();
    expect(counter.count).toBe(40);
    expect(rightOf(second.state(tally))).toEqual(await rebuildOf(store));
  });

  it('ignores events redelivered at or below its checkpoint', async () => {
    const inner = createInMemoryStore();
    await appendAll(
      inner,
      Array.from({ length: 12 }, (_, i) => [`basket-${i % 2}`, added(i + 1)] as const),
    );
    // A store whose subscriptions start from the beginning whatever they are asked: every event comes again.
    const forgetful = { ...inner, subscribe: () => inner.subscribe({}) };
    const states = createInMemoryProjectionStore();
    const counter: ApplyCounter = { count: 0 };
    const tally = tallyProjection({ counter });
    const first = await start({ store: inner, states, projections: [tally] });
    await first.settled();
    await first.stop();
    const second = await start({ store: forgetful, states, projections: [tally] });
    await second.settled();
    expect(counter.count).toBe(12);
    expect(rightOf(second.state(tally))).toEqual(await rebuildOf(inner));
  });

  it('stops only the projection that fails on an event, reports where, and keeps its checkpoint before it', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-2', added(13)],
      ['basket-1', added(2)],
    ]);
    const failing = tallyProjection({ name: 'failing', failOn: 13 });
    const healthy = tallyProjection({ name: 'healthy' });
    const states = createInMemoryProjectionStore();
    const runner = await start({ store, states, projections: [failing, healthy] });
    await runner.settled();
    await appendAll(store, [['basket-3', added(4)]]);
    await runner.settled();
    const status = await runner.status();
    const failed = status.find((s) => s.name === 'failing');
    expect(failed).toMatchObject({
      phase: 'failed',
      position: 0n,
      checkpoint: 0n,
      failure: {
        kind: 'ApplyFailed',
        stream: 'basket-2',
        revision: 0n,
        position: 1n,
        error: 'cannot fold 13',
      },
    });
    expect(rightOf(runner.query(failing)).total).toBe(1);
    expect(status.find((s) => s.name === 'healthy')).toMatchObject({
      phase: 'live',
      position: 3n,
      lag: 0n,
      failure: null,
    });
    expect(rightOf(runner.query(healthy)).total).toBe(20);
    expect(rightOf(await states.current('failing')())?.checkpoint).toBe(0n);
  });

  it('reports an undecodable event with its stream, revision and position, and goes no further', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-1', added(2)],
      ['basket-1', added(3)],
    ]);
    expect(store.tamper('basket-1', 1n, (stored) => ({ ...stored, metadata: '{not json' }))).toBe(true);
    const tally = tallyProjection();
    const runner = await start({ store, states: createInMemoryProjectionStore(), projections: [tally] });
    await runner.settled();
    const [status] = await runner.status();
    expect(status).toMatchObject({
      phase: 'failed',
      position: 0n,
      failure: { kind: 'UndecodableEvent', stream: 'basket-1', revision: 1n, position: 1n },
    });
    expect(rightOf(runner.query(tally)).total).toBe(1);
  });

  it('reports position, checkpoint, lag against the head, and caught-up', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-1', unrelated()],
    ]);
    const tally = tallyProjection();
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tally],
      idleMs: 0,
    });
    await runner.settled();
    expect(await runner.status()).toEqual([
      expect.objectContaining({
        name: 'tally',
        version: 1,
        generation: 0,
        phase: 'live',
        position: 0n,
        checkpoint: 0n,
        head: 0n,
        lag: 0n,
        caughtUp: true,
        rebuilding: null,
        lastError: null,
        failure: null,
      }),
    ]);
  });

  it('announces on the bus each saved change and each swap, with the position', async () => {
    const store = createInMemoryStore();
    const tally = tallyProjection();
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tally],
      idleMs: 0,
    });
    const heard: ReadModelChanged[] = [];
    const stopListening = onReadModelChanged(runner.bus, (change) => heard.push(change), 'tally');
    await appendAll(store, [['basket-1', added(1)]]);
    await runner.settled();
    await appendAll(store, [['basket-1', added(2)]]);
    await runner.settled();
    expect(E.isRight(await runner.rebuild(tally))).toBe(true);
    stopListening();
    await appendAll(store, [['basket-1', added(3)]]);
    await runner.settled();
    expect(heard).toEqual([
      { projection: 'tally', position: 0n, reason: 'saved' },
      { projection: 'tally', position: 1n, reason: 'saved' },
      { projection: 'tally', position: 1n, reason: 'rebuilt' },
    ]);
  });
});
