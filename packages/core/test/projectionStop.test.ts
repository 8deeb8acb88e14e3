import { randomUUID } from 'node:crypto';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  runProcessManager,
  runProjections,
  type DispatchContext,
} from '@dossier/core';
import { added, appendAll, right, rightOf, tallyProjection } from './projectionFixtures.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('stopping runners', () => {
  it('leaves no timer and no subscription: later events change nothing, and the last fold is saved', async () => {
    const store = createInMemoryStore();
    const states = createInMemoryProjectionStore();
    const tally = tallyProjection();
    const before = timers();
    const runner = await right(runProjections({ store, states, projections: [tally], idleMs: 10_000 }));
    await runner.settled();
    await appendAll(store, [['basket-1', added(1)]]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The idle save is still pending, far in the future.
    expect(timers()).toBeGreaterThan(before);
    await runner.stop();
    expect(timers()).toBe(before);
    expect(rightOf(await states.current('tally')())?.checkpoint).toBe(0n);
    await appendAll(store, [['basket-1', added(2)]]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(rightOf(runner.query(tally)).total).toBe(1);
    expect(await runner.status()).toEqual([
      expect.objectContaining({ phase: 'stopped', position: 0n, lag: 1n }),
    ]);
  });

  it('stops a process manager waiting to retry at once, leaving no timer', async () => {
    const store = createInMemoryStore();
    await right(
      store.append('order-1', 'no-stream', [
        { type: 'OrderPlaced', data: {}, metadata: { eventId: randomUUID() } },
      ]),
    );
    const before = timers();
    const tried: DispatchContext[] = [];
    const runner = await right(
      runProcessManager({
        store,
        checkpoints: createInMemoryProjectionStore(),
        manager: { name: 'pm', eventTypes: ['OrderPlaced'], react: () => ['ship'] },
        dispatch: (_command: string, context) => {
          tried.push(context);
          return TE.left({ _tag: 'StoreUnavailable', cause: 'down' });
        },
        retry: { initialMs: 60_000, maxMs: 60_000 },
      }),
    );
    while (tried.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await runner.stop();
    expect(timers()).toBe(before);
    expect(runner.status()).toMatchObject({ phase: 'stopped', checkpoint: null, dispatched: 0 });
  });

  it('stops a process manager on an undecodable event, with a report, before dispatching anything for it', async () => {
    const store = createInMemoryStore();
    for (let i = 0; i < 3; i++)
      await right(
        store.append(`order-${i}`, 'no-stream', [
          { type: 'OrderPlaced', data: { i }, metadata: { eventId: randomUUID() } },
        ]),
      );
    expect(store.tamper('order-1', 0n, (stored) => ({ ...stored, data: '{broken' }))).toBe(true);
    const dispatched: unknown[] = [];
    const runner = await right(
      runProcessManager({
        store,
        checkpoints: createInMemoryProjectionStore(),
        manager: { name: 'pm', eventTypes: ['OrderPlaced'], react: (event) => [event.data] },
        dispatch: (command: unknown) => {
          dispatched.push(command);
          return TE.right(undefined);
        },
      }),
    );
    await runner.settled();
    expect(dispatched).toEqual([{ i: 0 }]);
    expect(runner.status()).toMatchObject({
      phase: 'failed',
      checkpoint: 0n,
      failure: { kind: 'UndecodableEvent', name: 'pm', stream: 'order-1', revision: 0n, position: 1n },
    });
    await runner.stop();
  });
});
