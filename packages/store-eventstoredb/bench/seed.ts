// What both EventStoreDB benches need before they time anything: a Left that stops the run with its reason, and a
// log of 100-event streams written through the store, so that reads see Dossier's own events.
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@dossier/core';

/** Awaits a task and throws its Left: a bench that cannot write its input has nothing to measure. */
export const must = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  return result.right;
};

/** Writes `batches` new streams `seed-<b>` of 100 `Added` events each. */
export const seedLog = async (store: EventStore, batches: number): Promise<void> => {
  for (let b = 0; b < batches; b++)
    await must(
      store.append(
        `seed-${b}`,
        'no-stream',
        Array.from({ length: 100 }, (_, n) => ({
          type: 'Added',
          data: { n },
          metadata: { eventId: randomUUID() },
        })),
      ),
    );
};
