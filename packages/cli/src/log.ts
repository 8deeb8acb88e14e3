import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ReadAllOptions, RecordedEvent, StreamName } from '@dossier/core';
import type { CliFailure } from './failure.js';
import type { StoreSession } from './storeAccess.js';

const pageSize = 1_000;

/** Every event of one stream in revision order, read a page at a time. */
export const readWholeStream =
  (session: StoreSession, stream: StreamName): TaskEither<CliFailure, ReadonlyArray<RecordedEvent>> =>
  async () => {
    const events: RecordedEvent[] = [];
    let from = 0n;
    for (;;) {
      const page = await session.run(
        session.store.readStream(stream, { fromRevision: from, limit: pageSize }),
      )();
      if (E.isLeft(page)) return page;
      events.push(...page.right);
      const last = page.right[page.right.length - 1];
      if (last === undefined || page.right.length < pageSize) return E.right(events);
      from = last.revision + 1n;
    }
  };

/** Hands every page of the global log (filtered as asked) to `visit`, in position order. */
export const forEachPage =
  (
    session: StoreSession,
    visit: (page: ReadonlyArray<RecordedEvent>) => void,
    options: Pick<ReadAllOptions, 'filter'> = {},
  ): TaskEither<CliFailure, number> =>
  async () => {
    let from = 0n;
    let count = 0;
    for (;;) {
      const page = await session.run(
        session.store.readAll({ ...options, fromPosition: from, limit: pageSize }),
      )();
      if (E.isLeft(page)) return page;
      visit(page.right);
      count += page.right.length;
      const last = page.right[page.right.length - 1];
      if (last === undefined || page.right.length < pageSize) return E.right(count);
      from = last.position + 1n;
    }
  };

/** The whole global log (filtered as asked), in position order. */
export const readWholeLog = (
  session: StoreSession,
  options: Pick<ReadAllOptions, 'filter'> = {},
): TaskEither<CliFailure, ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = [];
  return async () => {
    const read = await forEachPage(session, (page) => events.push(...page), options)();
    return E.map(() => events)(read);
  };
};
