import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@dossier/core';

/** Something that can say when it has handled the log up to its head as it was when asked. */
export interface Settles {
  readonly settled: () => Promise<void>;
}

const headOf = async (store: EventStore): Promise<bigint | null> => {
  const last = await store.readAll({ direction: 'backwards', limit: 1 })();
  return E.isRight(last) ? (last.right[0]?.position ?? null) : null;
};

// A burst of writes from elsewhere could keep the log moving for ever; past this many rounds the caller gets control back.
const maxRounds = 1_000;

/**
 * Waits until the process managers have dispatched everything the log asks of them and the projections have folded
 * everything, including the events those dispatches wrote: rounds of `settled` until the log's head stops moving.
 */
export const waitUntilQuiet = async (
  store: EventStore,
  managers: ReadonlyArray<Settles>,
  projections: Settles | null,
): Promise<void> => {
  for (let round = 0; round < maxRounds; round++) {
    const before = await headOf(store);
    for (const manager of managers) await manager.settled();
    await projections?.settled();
    if ((await headOf(store)) === before) return;
  }
};
