import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, StoreError } from '@dossier/core';
import type { CommandStep, Step } from '../scenario/index.js';

/** How far a store already holds the scenario: not at all, all of it, or an interrupted run's part. */
export type Progress = 'fresh' | 'complete' | 'partial';

/** How many events the store's global log holds. */
export const countEvents = async (store: EventStore): Promise<E.Either<StoreError, number>> => {
  let count = 0;
  for (let from = 0n; ;) {
    const page = await store.readAll({ fromPosition: from, limit: 1000 })();
    if (E.isLeft(page)) return page;
    count += page.right.length;
    const last = page.right[page.right.length - 1];
    if (last === undefined || page.right.length < 1000) return E.right(count);
    from = last.position + 1n;
  }
};

const recorded = async (store: EventStore, step: CommandStep): Promise<E.Either<StoreError, boolean>> => {
  const events = await store.readStream(step.request.stream)();
  if (E.isLeft(events)) return events.left._tag === 'StreamNotFound' ? E.right(false) : events;
  return E.right(events.right.some((event) => event.metadata.commandId === step.id));
};

/** Whether the script's first and last recorded commands are in the store, by their command ids. */
export const progressOf = async (
  store: EventStore,
  script: ReadonlyArray<Step>,
): Promise<E.Either<StoreError, Progress>> => {
  const writes = script.filter(
    (step): step is CommandStep => step.kind === 'command' && step.expect === 'accepted',
  );
  const first = writes[0];
  const last = writes[writes.length - 1];
  if (first === undefined || last === undefined) return E.right('fresh');
  const started = await recorded(store, first);
  if (E.isLeft(started) || !started.right) return E.map((): Progress => 'fresh')(started);
  const finished = await recorded(store, last);
  return E.map((done: boolean): Progress => (done ? 'complete' : 'partial'))(finished);
};
