// Running a projection on the in-memory stores: start, query, status, the bus, a rebuild, stop.
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  createReadModelBus,
  onReadModelChanged,
  runProjections,
  type ProjectionStatus,
  type ReadModelChanged,
} from '@dossier/core';
import { openTickets, ticket } from './openTickets.js';

/** What the tour saw. */
export interface InMemoryTour {
  readonly openP1: number;
  readonly total: number;
  readonly status: ProjectionStatus | undefined;
  readonly heard: ReadonlyArray<ReadModelChanged>;
  readonly rebuilt: string;
}

export const runInMemory = async (): Promise<InMemoryTour> => {
  const store = createInMemoryStore();
  await store.append('ticket-1', 'no-stream', [ticket('TicketOpened', 'P1')])();
  await store.append('ticket-2', 'no-stream', [ticket('TicketOpened', 'P2')])();

  // #region start
  const states = createInMemoryProjectionStore(); // or createSqliteProjectionStore() from @dossier/store-sqlite
  const bus = createReadModelBus();
  const started = await runProjections({ store, states, projections: [openTickets], bus })();
  if (E.isLeft(started)) throw new Error(`cannot start: ${started.left._tag}`);
  const runner = started.right;
  // #endregion start

  // #region listen
  const heard: ReadModelChanged[] = [];
  const stopListening = onReadModelChanged(bus, (change) => heard.push(change), 'openTickets');
  // #endregion listen

  await store.append('ticket-3', 'no-stream', [ticket('TicketOpened', 'P1')])();
  await store.append('ticket-2', 0n, [ticket('TicketClosed', 'P2')])();

  // #region query
  await runner.settled(); // folded up to the log's head as it stood, and saved
  const view = runner.query(openTickets); // Either<ProjectionNotRunning, the projection's queries>
  const openP1 = E.isRight(view) ? view.right.open('P1') : 0;
  // #endregion query
  const total = E.isRight(view) ? view.right.total : 0;

  // #region status
  const [status] = await runner.status();
  // { name: 'openTickets', phase: 'live', position: 3n, checkpoint: 3n, head: 3n, lag: 0n, caughtUp: true, … }
  // #endregion status

  // #region rebuild
  const rebuilt = await runner.rebuild(openTickets); // queries answer from the old copy until the swap
  // #endregion rebuild

  // #region stop
  stopListening();
  await runner.stop(); // saves what was folded; no subscription or timer is left
  await states.close();
  await store.close();
  // #endregion stop

  return {
    openP1,
    total,
    status,
    heard,
    rebuilt: E.isRight(rebuilt)
      ? `generation ${rebuilt.right.generation} at ${rebuilt.right.position}`
      : rebuilt.left._tag,
  };
};
