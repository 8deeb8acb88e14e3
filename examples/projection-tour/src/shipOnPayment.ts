// A process manager: each OrderPaid event asks for a ShipOrder command on the order's shipment, dispatched through
// command handling under an id derived from the event, so a redelivered event never ships twice.
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  handle,
  runProcessManager,
  type Decider,
  type EventStore,
  type ProcessManager,
  type ProjectionStore,
} from '@dossier/core';
import { randomUUID } from 'node:crypto';

type OrderPaid = {
  readonly type: 'OrderPaid';
  readonly data: { readonly order: string; readonly items: number };
};
type ShipOrder = { readonly type: 'ShipOrder'; readonly order: string; readonly items: number };
type OrderShipped = { readonly type: 'OrderShipped'; readonly data: { readonly items: number } };
type ShippingError = { readonly _tag: 'NothingToShip'; readonly order: string };

/** A shipment ships whatever it is told to: only the command id keeps a redelivered order from shipping twice. */
const shipment: Decider<ShipOrder, number, OrderShipped, ShippingError> = {
  initialState: 0,
  decide: (command) =>
    command.items > 0
      ? E.right([{ type: 'OrderShipped', data: { items: command.items } }])
      : E.left({ _tag: 'NothingToShip', order: command.order }),
  evolve: (shipped, event) => shipped + event.data.items,
};

// #region manager
/** The caller's pure part: which events, and what commands each one asks for. */
const shipping: ProcessManager<OrderPaid, ShipOrder> = {
  name: 'shipping', // the key of its checkpoint
  eventTypes: ['OrderPaid'],
  react: (event) => [{ type: 'ShipOrder', order: event.data.order, items: event.data.items }],
};
// #endregion manager

const startShipping = (store: EventStore, checkpoints: ProjectionStore) =>
  // #region run-manager
  runProcessManager({
    store,
    checkpoints, // the same port as projections' state
    manager: shipping,
    // context.commandId is `shipping:<event id>:<index>`: the same on every redelivery (IN-4)
    dispatch: (command, context) =>
      handle(store, shipment, {
        stream: `shipment-${command.order}`,
        command,
        context: {
          commandId: context.commandId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          actor: 'shipping',
        },
      }),
  })();
// #endregion run-manager

/** What the tour saw: shipments per order after two runs over the same events, and the refusals recorded. */
export const shipOnPayment = async (): Promise<{
  readonly shipments: ReadonlyArray<number>;
  readonly refused: ReadonlyArray<string>;
}> => {
  const store = createInMemoryStore();
  for (const [order, items] of [
    ['a', 2],
    ['b', 0],
    ['c', 5],
  ] as const)
    await store.append(`order-${order}`, 'no-stream', [
      { type: 'OrderPaid', data: { order, items }, metadata: { eventId: randomUUID() } },
    ])();
  const refused: string[] = [];
  // Two runners, each with a checkpoint store of its own: the second sees every event again, as after a lost checkpoint.
  for (const checkpoints of [createInMemoryProjectionStore(), createInMemoryProjectionStore()]) {
    const started = await startShipping(store, checkpoints);
    if (E.isLeft(started)) throw new Error(started.left.cause);
    await started.right.settled();
    refused.push(...started.right.status().refusals.map((r) => `${r.stream}: ${r.error._tag}`));
    await started.right.stop();
  }
  const shipments: number[] = [];
  for (const order of ['a', 'b', 'c']) {
    const read = await store.readStream(`shipment-${order}`)();
    shipments.push(E.isRight(read) ? read.right.length : 0);
  }
  await store.close();
  return { shipments, refused };
};
