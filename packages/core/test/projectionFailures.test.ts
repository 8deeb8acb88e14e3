import { describe, expect, it } from 'vitest';
import {
  SubscriptionFailed,
  createInMemoryProjectionStore,
  createInMemoryStore,
  storeUnavailable,
  type EventStore,
  type Subscription,
} from '@dossier/core';
import { added, appendAll, rightOf, startedRunners, tallyProjection } from './projectionFixtures.js';

const start = startedRunners();

/** A store whose subscriptions fail at once with `StoreUnavailable` while `down` is set. */
const flaky = (inner: EventStore) => {
  let calls = 0;
  const control = { down: true, subscribed: () => calls };
  const store: EventStore = {
    ...inner,
    subscribe: (options): Subscription => {
      calls += 1;
      if (!control.down) return inner.subscribe(options);
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => Promise.reject(new SubscriptionFailed(storeUnavailable('the network went away'))),
        }),
        stop: () => Promise.resolve(),
      };
    },
  };
  return { store, control };
};

describe('projections through store failures', () => {
  it('report a failing subscription as lastError and subscribe again, missing nothing', async () => {
    const inner = createInMemoryStore();
    await appendAll(inner, [
      ['basket-1', added(1)],
      ['basket-2', added(2)],
    ]);
    const { store, control } = flaky(inner);
    const tally = tallyProjection();
    const runner = await start({
      store,
      states: createInMemoryProjectionStore(),
      projections: [tally],
      retry: { initialMs: 1, maxMs: 2 },
    });
    while (control.subscribed() < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await runner.status()).toEqual([
      expect.objectContaining({
        phase: 'catchingUp',
        caughtUp: false,
        lastError: 'StoreUnavailable: the network went away',
      }),
    ]);
    control.down = false;
    await runner.settled();
    expect(rightOf(runner.state(tally)).positions).toEqual([0, 1]);
    expect(await runner.status()).toEqual([
      expect.objectContaining({ phase: 'live', lastError: null, failure: null }),
    ]);
  });

  it('keep folding while saves fail, say so in lastError, and save state and checkpoint together once they pass', async () => {
    const store = createInMemoryStore();
    let failing = false;
    const states = createInMemoryProjectionStore({
      fault: (write) => (failing && write.operation === 'save' ? 'failBefore' : 'none'),
    });
    const tally = tallyProjection();
    const runner = await start({
      store,
      states,
      projections: [tally],
      idleMs: 1,
      retry: { initialMs: 5, maxMs: 5 },
    });
    await runner.settled();
    failing = true;
    await appendAll(store, [
      ['basket-1', added(1)],
      ['basket-1', added(2)],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rightOf(runner.query(tally)).total).toBe(3);
    const [during] = await runner.status();
    expect(during).toMatchObject({
      position: 1n,
      checkpoint: null,
      lastError: 'saving tally: injected fault before save',
    });
    const key = { name: 'tally', version: 1, generation: 0 };
    expect(rightOf(await states.current('tally')())).toEqual({ key, checkpoint: null });
    expect(states.rows(key).get('state', '')).toBeUndefined();
    failing = false;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await runner.status()).toEqual([expect.objectContaining({ checkpoint: 1n, lastError: null })]);
    expect(rightOf(await states.current('tally')())).toEqual({ key, checkpoint: 1n });
    expect(states.rows(key).get('state', '')).toEqual(rightOf(runner.state(tally)));
  });
});
