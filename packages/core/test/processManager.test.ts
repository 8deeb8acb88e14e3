import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  handle,
  runProcessManager,
  storeUnavailable,
  type Decider,
  type DispatchContext,
  type EventStore,
  type ProcessManager,
  type ProcessManagerRunner,
  type ProjectionStore,
} from '@dossier/core';
import { right } from './projectionFixtures.js';

// Orders ask for payments: a payment stream takes a charge each time it is told to, so only the command id
// stops a redelivered order from charging twice.
type OrderEvent = { readonly type: 'OrderPlaced'; readonly data: { readonly amount: number } };
type Charge = { readonly type: 'Charge'; readonly amount: number; readonly order: string };
type PaymentEvent = { readonly type: 'Charged'; readonly data: { readonly amount: number } };
type PaymentError = { readonly _tag: 'NonPositiveAmount'; readonly amount: number };

const payment: Decider<Charge, number, PaymentEvent, PaymentError> = {
  initialState: 0,
  decide: (command) =>
    command.amount > 0
      ? E.right([{ type: 'Charged', data: { amount: command.amount } }])
      : E.left({ _tag: 'NonPositiveAmount', amount: command.amount }),
  evolve: (total, event) => total + event.data.amount,
};

const billing: ProcessManager<OrderEvent, Charge> = {
  name: 'billing',
  eventTypes: ['OrderPlaced'],
  react: (event) => [{ type: 'Charge', amount: event.data.amount, order: event.stream }],
};

const paymentStream = (order: string) => `payment-${order.slice('order-'.length)}`;

const dispatchThrough = (store: EventStore) => (command: Charge, context: DispatchContext) =>
  handle(store, payment, {
    stream: paymentStream(command.order),
    command,
    context: {
      commandId: context.commandId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: 'billing',
    },
  });

const placeOrders = async (store: EventStore, amounts: ReadonlyArray<number>) => {
  for (const [i, amount] of amounts.entries())
    await right(
      store.append(`order-${i}`, 'no-stream', [
        { type: 'OrderPlaced', data: { amount }, metadata: { eventId: randomUUID() } },
      ]),
    );
};

const chargesOf = async (store: EventStore, orders: number) => {
  const counts: number[] = [];
  for (let i = 0; i < orders; i++) {
    const read = await store.readStream(`payment-${i}`)();
    counts.push(E.isRight(read) ? read.right.length : 0);
  }
  return counts;
};

const running: Array<ProcessManagerRunner<unknown>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((runner) => runner.stop()));
});

const start = async (store: EventStore, checkpoints: ProjectionStore, dispatch = dispatchThrough(store)) => {
  const runner = await right(
    runProcessManager({ store, checkpoints, manager: billing, dispatch, retry: { initialMs: 1, maxMs: 5 } }),
  );
  running.push(runner);
  return runner;
};

describe('runProcessManager', () => {
  it('IN-4 dispatches each command once, under an id derived from the triggering event, with its correlation', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [10, 20, 30]);
    const seen: DispatchContext[] = [];
    const dispatch = (command: Charge, context: DispatchContext) => {
      seen.push(context);
      return dispatchThrough(store)(command, context);
    };
    const runner = await start(store, createInMemoryProjectionStore(), dispatch);
    await runner.settled();
    expect(await chargesOf(store, 3)).toEqual([1, 1, 1]);
    const orders = await right(store.readAll({ filter: { kind: 'eventType', prefixes: ['OrderPlaced'] } }));
    expect(seen.map((c) => c.commandId)).toEqual(orders.map((e) => `billing:${e.metadata.eventId}:0`));
    const charged = await right(store.readStream('payment-1'));
    expect(charged[0]?.metadata).toMatchObject({
      causationId: orders[1]?.metadata.eventId,
      correlationId: orders[1]?.metadata.correlationId,
    });
    expect(runner.status()).toMatchObject({
      phase: 'live',
      position: orders[2]?.position,
      checkpoint: orders[2]?.position,
      dispatched: 3,
      refusalCount: 0,
    });
  });

  it('IN-4 acts once per event when every event is delivered again', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [1, 2, 3, 4]);
    const checkpoints = createInMemoryProjectionStore();
    const first = await start(store, checkpoints);
    await first.settled();
    await first.stop();
    // Its checkpoint is lost: the next runner sees every order again.
    const amnesiac = createInMemoryProjectionStore();
    const second = await start(store, amnesiac);
    await second.settled();
    expect(await chargesOf(store, 4)).toEqual([1, 1, 1, 1]);
    expect(second.status().dispatched).toBe(4);
  });

  it('IN-4 acts once when it crashes between dispatching and saving its checkpoint', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5, 6, 7]);
    let crashing = true;
    const checkpoints = createInMemoryProjectionStore({
      // While the first runner lives, no checkpoint after a dispatch lands: it died right after each command.
      fault: (write) =>
        crashing && write.operation === 'save' && write.copy.checkpoint !== null ? 'failBefore' : 'none',
    });
    const first = await start(store, checkpoints);
    while ((await chargesOf(store, 3)).some((n) => n === 0))
      await new Promise((resolve) => setTimeout(resolve, 2));
    await first.stop();
    expect(first.status().checkpoint).toBeNull();
    crashing = false;
    const second = await start(store, checkpoints);
    await second.settled();
    expect(await chargesOf(store, 3)).toEqual([1, 1, 1]);
    expect(second.status()).toMatchObject({ dispatched: 3, checkpoint: 2n });
  });

  it('records a domain refusal in its status and moves on', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5, -1, 7]);
    const runner = await start(store, createInMemoryProjectionStore());
    await runner.settled();
    expect(await chargesOf(store, 3)).toEqual([1, 0, 1]);
    const status = runner.status();
    expect(status).toMatchObject({ dispatched: 2, refusalCount: 1, position: 2n, checkpoint: 2n });
    expect(status.refusals).toEqual([
      {
        commandId: expect.stringMatching(/^billing:/) as unknown,
        stream: 'order-1',
        position: 1n,
        error: { _tag: 'NonPositiveAmount', amount: -1 },
      },
    ]);
  });

  it('retries a store failure with the same command id, and holds its checkpoint until it passes', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5]);
    const attempts: string[] = [];
    const checkpoints = createInMemoryProjectionStore();
    const dispatch = (command: Charge, context: DispatchContext) => {
      attempts.push(context.commandId);
      return attempts.length <= 3
        ? TE.left(storeUnavailable('disk full'))
        : dispatchThrough(store)(command, context);
    };
    const runner = await start(store, checkpoints, dispatch);
    await runner.settled();
    expect(new Set(attempts).size).toBe(1);
    expect(attempts).toHaveLength(4);
    expect(await chargesOf(store, 1)).toEqual([1]);
    expect(runner.status()).toMatchObject({ phase: 'live', checkpoint: 0n, lastError: null, dispatched: 1 });
  });

  it('stops cleanly while retrying, without moving its checkpoint', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5]);
    const checkpoints = createInMemoryProjectionStore();
    const runner = await start(store, checkpoints, () => TE.left(storeUnavailable('down')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runner.status()).toMatchObject({ phase: 'retrying', lastError: 'StoreUnavailable: down' });
    await runner.stop();
    expect(runner.status()).toMatchObject({ phase: 'stopped', checkpoint: null });
    expect(await checkpoints.current('billing')()).toEqual(
      E.right({ key: { name: 'billing', version: 0, generation: 0 }, checkpoint: null }),
    );
  });

  it('takes the caller’s command ids and judgement of what is transient', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5]);
    const seen: string[] = [];
    let failures = 0;
    const runner = await right(
      runProcessManager({
        store,
        checkpoints: createInMemoryProjectionStore(),
        manager: billing,
        commandIdFor: (eventId, index) => `mine/${eventId}/${index}`,
        // Here a refusal is worth one more try: the caller knows its domain.
        isTransient: (error: PaymentError | { readonly _tag: string }) => error._tag === 'NotYet',
        dispatch: (command, context) => {
          seen.push(context.commandId);
          failures += 1;
          return failures === 1 ? TE.left({ _tag: 'NotYet' }) : dispatchThrough(store)(command, context);
        },
        retry: { initialMs: 1, maxMs: 1 },
      }),
    );
    running.push(runner);
    await runner.settled();
    const [order] = await right(store.readAll({ filter: { kind: 'eventType', prefixes: ['OrderPlaced'] } }));
    expect(seen).toEqual([`mine/${order?.metadata.eventId}/0`, `mine/${order?.metadata.eventId}/0`]);
    expect(await chargesOf(store, 1)).toEqual([1]);
    expect(runner.status()).toMatchObject({ dispatched: 1, refusalCount: 0 });
  });

  it('stops with a report when react throws, its checkpoint before that event', async () => {
    const store = createInMemoryStore();
    await placeOrders(store, [5, 6]);
    const picky: ProcessManager<OrderEvent, Charge> = {
      ...billing,
      react: (event, rows) => {
        if (event.data.amount === 6) throw new Error('no rule for 6');
        return billing.react(event, rows);
      },
    };
    const runner = await right(
      runProcessManager({
        store,
        checkpoints: createInMemoryProjectionStore(),
        manager: picky,
        dispatch: dispatchThrough(store),
      }),
    );
    running.push(runner);
    await runner.settled();
    expect(runner.status()).toMatchObject({
      phase: 'failed',
      checkpoint: 0n,
      dispatched: 1,
      failure: {
        kind: 'ApplyFailed',
        name: 'billing',
        stream: 'order-1',
        position: 1n,
        error: 'no rule for 6',
      },
    });
  });

  it('keeps its rows with its checkpoint: react reads what evolve wrote before, and a restart reads them back', async () => {
    const store = createInMemoryStore();
    const checkpoints = createInMemoryProjectionStore();
    // Charges only an order larger than every order seen before: what it remembers is the largest amount.
    const record: ProcessManager<OrderEvent, Charge> = {
      name: 'record',
      eventTypes: ['OrderPlaced'],
      react: (event, rows) => {
        const best = rows.get('max', '') as { readonly amount: number } | undefined;
        return best !== undefined && best.amount >= event.data.amount
          ? []
          : [{ type: 'Charge', amount: event.data.amount, order: event.stream }];
      },
      evolve: (rows, event) => {
        const best = rows.get('max', '') as { readonly amount: number } | undefined;
        return best !== undefined && best.amount >= event.data.amount
          ? []
          : [{ group: 'max', key: '', row: { amount: event.data.amount } }];
      },
    };
    const run = async () => {
      const runner = await right(
        runProcessManager({ store, checkpoints, manager: record, dispatch: dispatchThrough(store) }),
      );
      running.push(runner);
      return runner;
    };
    await placeOrders(store, [5, 3, 8]);
    const first = await run();
    await first.settled();
    expect(first.rows().get('max', '')).toEqual({ amount: 8 });
    await first.stop();
    expect(await chargesOf(store, 3)).toEqual([1, 0, 1]);

    await right(
      store.append('order-3', 'no-stream', [
        { type: 'OrderPlaced', data: { amount: 7 }, metadata: { eventId: randomUUID() } },
      ]),
    );
    const second = await run();
    await second.settled();
    expect(second.status().dispatched).toBe(0); // 7 < 8, read back from the saved rows, not folded again
    expect(await chargesOf(store, 4)).toEqual([1, 0, 1, 0]);
  });
});
