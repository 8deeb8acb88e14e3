// The embedded default: events and read models in SQLite files, so a restart resumes from the checkpoint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { runProjections, type EventStore, type ProjectionStore } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '@dossier/store-sqlite';
import { openTickets, ticket } from './openTickets.js';

/** What each run of the tour folded, and what it answered. */
export interface SqliteTour {
  readonly appliedPerRun: ReadonlyArray<number>;
  readonly total: number;
}

// Counts the calls of `apply`, to show that a restart folds only what is new.
const counting = (counter: { n: number }): typeof openTickets => ({
  ...openTickets,
  apply: (...args: Parameters<typeof openTickets.apply>) => {
    counter.n += 1;
    return openTickets.apply(...args);
  },
});

const runOnce = async (
  store: EventStore,
  states: ProjectionStore,
): Promise<{ applied: number; total: number }> => {
  const counter = { n: 0 };
  const projection = counting(counter);
  const started = await runProjections({ store, states, projections: [projection] })();
  if (E.isLeft(started)) throw new Error(`cannot start: ${started.left._tag}`);
  await started.right.settled();
  const view = started.right.query(projection);
  await started.right.stop();
  return { applied: counter.n, total: E.isRight(view) ? view.right.total : -1 };
};

export const runOnSqlite = async (): Promise<SqliteTour> => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-projection-tour-'));
  try {
    // #region sqlite
    const store = createSqliteStore({ path: join(folder, 'events.db') });
    // Its own file by default (./.dossier/projections.db): a read model can be dropped without touching events.
    const states = createSqliteProjectionStore({ path: join(folder, 'projections.db') });
    // #endregion sqlite
    for (let i = 0; i < 10; i++)
      await store.append(`ticket-${i}`, 'no-stream', [ticket('TicketOpened', 'P3')])();
    const first = await runOnce(store, states);
    await store.append('ticket-0', 0n, [ticket('TicketClosed', 'P3')])();
    const second = await runOnce(store, states);
    await states.close();
    await store.close();
    return { appliedPerRun: [first.applied, second.applied], total: second.total };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
