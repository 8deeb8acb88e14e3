import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { EventShape, Projection, Recorded, RecordedEvent } from '@dossier/core';
import type { CliFailure } from './failure.js';
import { forEachPage } from './log.js';
import type { StoreSession } from './storeAccess.js';

/**
 * Folds the log through one projection, from zero: the read model as the events say now. Only the event
 * types the projection handles reach `apply`; the store decoded each with the domain's codecs.
 */
export const foldProjection = <S, Ev extends EventShape, Q>(
  session: StoreSession,
  projection: Projection<S, Ev, Q>,
): TaskEither<CliFailure, S> => {
  const handled = new Set<string>(projection.eventTypes);
  let state = projection.initialState;
  const visit = (page: ReadonlyArray<RecordedEvent>): void => {
    for (const event of page)
      if (handled.has(event.type)) state = projection.apply(state, event as Recorded<Ev>);
  };
  return pipe(
    forEachPage(session, visit, { filter: { kind: 'eventType', prefixes: projection.eventTypes } }),
    TE.map(() => state),
  );
};
