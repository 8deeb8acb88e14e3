import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  handle,
  replayProjection,
  runProcessManager,
  runProjections,
  type Decider,
  type EventStore,
  type NewEvent,
  type Projection,
  type ProjectionRunner,
} from '@dossier/core';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';

type BasketEvent =
  | { readonly type: 'ItemAdded'; readonly data: { readonly n: number } }
  | { readonly type: 'ItemRemoved'; readonly data: { readonly n: number } };
interface Tally {
  readonly perStream: Readonly<Record<string, number>>;
  readonly positions: ReadonlyArray<string>;
}

const tally = (counter: { count: number }): Projection<Tally, BasketEvent, { readonly total: number }> => ({
  name: 'tally',
  version: 1,
  eventTypes: ['ItemAdded', 'ItemRemoved'],
  initialState: { perStream: {}, positions: [] },
  apply: (state, event) => {
    counter.count += 1;
    const sign = event.type === 'ItemAdded' ? 1 : -1;
    return {
      perStream: {
        ...state.perStream,
        [event.stream]: (state.perStream[event.stream] ?? 0) + sign * event.data.n,
      },
      // EventStoreDB's positions are 64-bit: kept as decimal text in JSON state.
      positions: [...state.positions, event.position.toString()],
    };
  },
  query: (state) => ({ total: Object.values(state.perStream).reduce((sum, n) => sum + n, 0) }),
});

const event = (type: string, n: number): NewEvent => ({
  type,
  data: { n },
  metadata: { eventId: randomUUID() },
});

const right = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  return result.right;
};

const addItems = async (store: EventStore, from: number, count: number) => {
  for (let i = from; i < from + count; i++) {
    const type = i % 7 === 0 ? 'ItemAddedTwice' : i % 5 === 0 ? 'ItemRemoved' : 'ItemAdded';
    await right(store.append(`basket-${i % 3}`, 'any', [event(type, i)]));
  }
};

const cleanRebuild = async (store: EventStore, projection: Projection<Tally, BasketEvent, unknown>) => {
  const all = await right(store.readAll());
  return replayProjection(
    projection,
    all.filter((e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved') as never,
  );
};

let fixture: EsdbFixture | undefined;
const runners: ProjectionRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await fixture?.dispose();
  fixture = undefined;
});

describe('projections over EventStoreDB (in-process protocol server, real client)', () => {
  it('catch up, go live with the server-side filter, fold exactly their types, and resume from the checkpoint', async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    const { store } = fixture;
    await addItems(store, 0, 60);
    const counter = { count: 0 };
    const states = createInMemoryProjectionStore();
    const first = await right(
      runProjections({ store, states, projections: [tally(counter)], saveEvery: 10, idleMs: 1 }),
    );
    runners.push(first);
    await first.settled();
    await addItems(store, 60, 20);
    await first.settled();
    const folded = (await right(store.readAll())).filter(
      (e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved',
    );
    expect(counter.count).toBe(folded.length);
    const state = first.state(tally(counter));
    expect(E.isRight(state) ? state.right : state.left).toEqual(
      await cleanRebuild(store, tally({ count: 0 })),
    );
    const [status] = await first.status();
    expect(status).toMatchObject({
      phase: 'live',
      caughtUp: true,
      lag: 0n,
      position: folded.at(-1)?.position,
    });
    await first.stop();

    await addItems(store, 80, 10);
    const second = await right(runProjections({ store, states, projections: [tally(counter)], idleMs: 1 }));
    runners.push(second);
    await second.settled();
    const all = (await right(store.readAll())).filter(
      (e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved',
    );
    expect(counter.count).toBe(all.length);
    const resumed = second.state(tally(counter));
    expect(E.isRight(resumed) ? resumed.right : resumed.left).toEqual(
      await cleanRebuild(store, tally({ count: 0 })),
    );
  }, 60_000);

  it('rebuild into a fresh copy and swap it in', async () => {
    fixture = await startEsdbFixture({ batchAppend: false });
    const { store } = fixture;
    await addItems(store, 0, 25);
    const states = createInMemoryProjectionStore();
    const projection = tally({ count: 0 });
    const runner = await right(runProjections({ store, states, projections: [projection] }));
    runners.push(runner);
    await runner.settled();
    const rebuilt = await runner.rebuild(projection);
    expect(rebuilt).toMatchObject(E.right({ name: 'tally', generation: 1 }));
    expect(states.copies().map((copy) => copy.key.generation)).toEqual([1]);
    const state = runner.state(projection);
    expect(E.isRight(state) ? state.right : state.left).toEqual(
      await cleanRebuild(store, tally({ count: 0 })),
    );
  }, 60_000);

  it('IN-4 a process manager restarted between dispatching and checkpointing acts once per event', async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    const { store } = fixture;
    type Ship = { readonly type: 'Ship'; readonly order: string };
    type Shipped = { readonly type: 'Shipped'; readonly data: { readonly order: string } };
    // Ships whenever told to: only the command id keeps a redelivered order from shipping twice.
    const shipment: Decider<Ship, null, Shipped, never> = {
      initialState: null,
      decide: (command) => E.right([{ type: 'Shipped', data: { order: command.order } }]),
      evolve: (state) => state,
    };
    for (let i = 0; i < 3; i++) await right(store.append(`order-${i}`, 'no-stream', [event('OrderPaid', i)]));
    let crashing = true;
    const checkpoints = createInMemoryProjectionStore({
      fault: (write) =>
        crashing && write.operation === 'save' && write.copy.checkpoint !== null ? 'failBefore' : 'none',
    });
    const run = () =>
      right(
        runProcessManager({
          store,
          checkpoints,
          manager: {
            name: 'shipping',
            eventTypes: ['OrderPaid'],
            react: (paid): ReadonlyArray<Ship> => [{ type: 'Ship', order: paid.stream }],
          },
          dispatch: (command: Ship, context) =>
            handle(store, shipment, {
              stream: `shipment-${command.order}`,
              command,
              context: { commandId: context.commandId, causationId: context.causationId, actor: 'shipping' },
            }),
        }),
      );
    const shipments = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const read = await store.readStream(`shipment-order-${i}`)();
        counts.push(E.isRight(read) ? read.right.length : 0);
      }
      return counts;
    };
    const first = await run();
    while ((await shipments()).includes(0)) await new Promise((resolve) => setTimeout(resolve, 5));
    await first.stop();
    expect(first.status().checkpoint).toBeNull();
    crashing = false;
    const second = await run();
    await second.settled();
    await second.stop();
    expect(await shipments()).toEqual([1, 1, 1]);
    expect(second.status()).toMatchObject({ dispatched: 3, refusalCount: 0 });
  }, 60_000);
});
