import {
  createInMemoryStore,
  handle,
  type CommandShape,
  type Decider,
  type ErrorShape,
  type EventShape,
  type EventStore,
  type RecordedEvent,
} from '@dossier/core';
import * as E from 'fp-ts/lib/Either.js';
import type { StampedCommand, Step } from '../../src/testing/index.js';

/** A store and its events read back in log order: what a runtime's projections see. */
export const readLog = async (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const all = await store.readAll()();
  if (E.isLeft(all)) throw new Error(`readAll failed: ${all.left._tag}`);
  return all.right;
};

/** Sends each step through core's command handler into the store; refusals are the domain's and record nothing. */
export const handleAll = async <
  C extends StampedCommand & CommandShape,
  S,
  Ev extends EventShape,
  Err extends ErrorShape,
>(
  store: EventStore,
  decider: Decider<C, S, Ev, Err>,
  steps: ReadonlyArray<Step<C>>,
): Promise<number> => {
  let refused = 0;
  for (const [index, { stream, command }] of steps.entries()) {
    const handled = await handle(store, decider, {
      stream,
      command,
      context: { commandId: `command-${index}`, actor: command.actor.id },
    })();
    if (E.isLeft(handled)) refused += 1;
  }
  return refused;
};

/** A fresh in-memory store from core (any JSON, `recordedAt` from the system clock). */
export const storeFor = (): EventStore => createInMemoryStore();
