import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  keyed,
  MemoryRows,
  type AnyProjectionOf,
  type EventShape,
  type Recorded,
  type RecordedEvent,
} from '@dossier/core';
import type { CliFailure } from './failure.js';
import { forEachPage } from './log.js';
import type { StoreSession } from './storeAccess.js';

/**
 * Folds the log through one projection, from zero, into rows in memory, and answers its queries over them: the read
 * model as the events say now. Only the event types the projection handles reach `apply`; the store decoded each
 * with the domain's codecs.
 */
export const foldProjection = <Ev extends EventShape, Q>(
  session: StoreSession,
  projection: AnyProjectionOf<Ev, Q>,
): TaskEither<CliFailure, Q> => {
  const handled = new Set<string>(projection.eventTypes);
  const fold = keyed(projection);
  const rows = new MemoryRows();
  const visit = (page: ReadonlyArray<RecordedEvent>): void => {
    for (const event of page)
      if (handled.has(event.type))
        for (const change of fold.apply(rows, event as Recorded<Ev>)) rows.change(change);
  };
  return pipe(
    forEachPage(session, visit, { filter: { kind: 'eventType', prefixes: projection.eventTypes } }),
    TE.map(() => fold.query(rows)),
  );
};
