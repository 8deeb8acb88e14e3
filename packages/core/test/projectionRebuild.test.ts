import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  put,
  createInMemoryProjectionStore,
  createInMemoryStore,
  runProjections,
  type EventStore,
  type Subscription,
} from '@dossier/core';
import {
  added,
  appendAll,
  removed,
  right,
  rightOf,
  startedRunners,
  tallyProjection,
  type ApplyCounter,
} from './projectionFixtures.js';

const start = startedRunners();

/**
 * A store whose reads from the very start (a rebuild's catch-up, a page at a time, and its subscription) deliver
 * nothing until `open` is called.
 */
const gated = (inner: EventStore): { readonly store: EventStore; readonly open: () => void } => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const subscribe = (options: Parameters<EventStore['subscribe']>[0] = {}): Subscription => {
    const subscription = inner.subscribe(options);
    if (options.afterPosition !== undefined) return subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          await gate;
          return iterator.next();
        },
        return: async () => {
          await subscription.stop();
          return { done: true, value: undefined };
        },
      }),
      stop: subscription.stop,
    };
  };
  const readAll: EventStore['readAll'] = (options = {}) =>
    options.fromPosition === 0n && options.direction !== 'backwards'
      ? async () => {
          await gate;
          return inner.readAll(options)();
        }
      : inner.readAll(options);
  return { store: { ...inner, subscribe, readAll }, open: () => open() };
};

const stale = { perStream: { 'basket-stale': 99 }, positions: [] };

describe('rebuilding a projection', () => {
  it('answers from the old copy while a fresh one is built, then swaps it in and drops the old', async () => {
    const inner = createInMemoryStore();
    await appendAll(
      inner,
      Array.from({ length: 20 }, (_, i) => [`basket-${i % 4}`, added(i)] as const),
    );
    const states = createInMemoryProjectionStore();
    // An old copy that a bug once folded wrong, checkpointed at the head.
    const oldKey = { name: 'tally', version: 1, generation: 3 };
    await right(states.reset(oldKey));
    await right(states.save({ key: oldKey, changes: [put('state', '', stale)], checkpoint: 19n }));
    await right(states.promote(oldKey));
    const { store, open } = gated(inner);
    const tally = tallyProjection();
    const runner = await start({ store, states, projections: [tally] });
    await runner.settled();

    const rebuilt = runner.rebuild('tally');
    await appendAll(inner, [['basket-stale', removed(9)]]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rightOf(runner.query(tally)).of('basket-stale')).toBe(90);
    const [during] = await runner.status();
    expect(during).toMatchObject({
      generation: 3,
      rebuilding: { version: 1, generation: 4, position: null },
    });

    open();
    expect(await rebuilt).toEqual(E.right({ name: 'tally', version: 1, generation: 4, position: 20n }));
    expect(rightOf(runner.query(tally)).of('basket-stale')).toBe(-9);
    expect(rightOf(runner.state(tally)).positions).toEqual(Array.from({ length: 21 }, (_, i) => i));
    await runner.settled();
    expect(states.copies().map((copy) => copy.key)).toEqual([{ name: 'tally', version: 1, generation: 4 }]);
    expect(rightOf(await states.current('tally')())?.checkpoint).toBe(20n);
    const [after] = await runner.status();
    expect(after).toMatchObject({ generation: 4, rebuilding: null, position: 20n, lag: 0n });
  });

  it('joins a rebuild already under way rather than starting a second', async () => {
    const inner = createInMemoryStore();
    await appendAll(inner, [['basket-1', added(1)]]);
    const { store, open } = gated(inner);
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tallyProjection()],
    });
    const first = runner.rebuild('tally');
    const second = runner.rebuild('tally');
    open();
    expect(await second).toEqual(await first);
    expect(await runner.rebuild('nothing')).toEqual(
      E.left({ _tag: 'ProjectionNotRunning', name: 'nothing' }),
    );
  });

  it('keeps the old copy serving when the rebuild fails on an event', async () => {
    const store = createInMemoryStore();
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-1', added(2)],
    ]);
    const states = createInMemoryProjectionStore();
    const first = await start({ store, states, projections: [tallyProjection()] });
    await first.settled();
    await first.stop();
    const failing = tallyProjection({ failOn: 2 });
    const runner = await start({ store, states, projections: [failing] });
    const outcome = await runner.rebuild(failing);
    expect(outcome).toMatchObject(
      E.left({ _tag: 'RebuildFailed', failure: { kind: 'ApplyFailed', position: 1n } }),
    );
    expect(rightOf(runner.query(failing)).total).toBe(3);
    expect(rightOf(await states.current('tally')())?.key.generation).toBe(0);
    // What the rebuild folded before the failing event stays saved beside it, until a next rebuild starts over.
    expect(states.copies().map((copy) => [copy.key.generation, copy.checkpoint])).toEqual([
      [0, 1n],
      [1, 0n],
    ]);
  });

  it('rebuilds on start when the version changed, and a restart resumes the rebuild where it was', async () => {
    const store = createInMemoryStore();
    await appendAll(
      store,
      Array.from({ length: 12 }, (_, i) => [`basket-${i % 3}`, added(i)] as const),
    );
    let refusePromotion = false;
    const states = createInMemoryProjectionStore({
      fault: (write) => (refusePromotion && write.operation === 'promote' ? 'failBefore' : 'none'),
    });
    const v1 = await start({ store, states, projections: [tallyProjection()] });
    await v1.settled();
    await v1.stop();

    const counter: ApplyCounter = { count: 0 };
    const v2 = tallyProjection({ version: 2, counter });
    refusePromotion = true;
    const interrupted = await start({ store, states, projections: [v2], saveEvery: 5 });
    await interrupted.settled();
    // No old copy of this version can answer: queries read the rebuild as it grows.
    expect(rightOf(interrupted.query(v2)).total).toBe(66);
    expect(await interrupted.status()).toEqual([
      expect.objectContaining({ version: 2, generation: 1, rebuilding: null }),
    ]);
    await interrupted.stop();
    expect(counter.count).toBe(12);
    expect(rightOf(await states.current('tally')())?.key).toEqual({
      name: 'tally',
      version: 1,
      generation: 0,
    });

    refusePromotion = false;
    await appendAll(store, [['basket-0', added(100)]]);
    const resumed = await start({ store, states, projections: [v2] });
    await resumed.settled();
    expect(counter.count).toBe(13);
    expect(rightOf(resumed.query(v2)).total).toBe(166);
    expect(states.copies().map((copy) => copy.key)).toEqual([{ name: 'tally', version: 2, generation: 1 }]);
  });

  it('refuses two projections with one name', async () => {
    const outcome = await runProjections({
      store: createInMemoryStore(),
      states: createInMemoryProjectionStore(),
      projections: [tallyProjection(), tallyProjection({ version: 2 })],
    })();
    expect(outcome).toEqual(E.left({ _tag: 'DuplicateProjection', name: 'tally' }));
  });
});
