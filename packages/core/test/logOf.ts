import * as TE from 'fp-ts/lib/TaskEither.js';
import { storeUnavailable, type EventStore, type RecordedEvent } from '@dossier/core';

/**
 * A store answering `readAll` from a copy of a log, which tests rewrite as an attacker with the files would;
 * verification reads nothing else of the port.
 */
export const logOf = (events: ReadonlyArray<RecordedEvent>): EventStore => {
  const refuse = () => TE.left(storeUnavailable('not used by verification'));
  return {
    readAll: (options = {}) => {
      const from = options.fromPosition ?? 0n;
      return TE.right(events.filter((e) => e.position >= from).slice(0, options.limit ?? events.length));
    },
    append: refuse,
    readStream: refuse,
    readCommand: refuse,
    snapshots: { read: refuse, write: refuse },
    deleteStream: refuse,
    subscribe: () => {
      throw new Error('not used by verification');
    },
    close: () => Promise.resolve(),
  };
};
