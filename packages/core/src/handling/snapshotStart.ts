import * as E from 'fp-ts/lib/Either.js';
import { GENESIS_HASH } from '../store/hashChain.js';
import type { EventStore } from '../store/port.js';
import type { StreamName } from '../store/types.js';
import type { SnapshotSettings } from './snapshotSettings.js';

/** Where folding starts: a state and the revision and hash of the last event in it (null: before the first). */
export interface Start<S> {
  readonly state: S;
  readonly revision: bigint | null;
  readonly hash: string;
}

/**
 * The stream's latest snapshot as a starting point, if it can be trusted this far: readable, made under this
 * key, and decodable. Anything else is reported and the fold starts from the initial state; the loader then
 * checks the snapshot against the log itself.
 */
export const startingPoint = async <S>(
  store: EventStore,
  stream: StreamName,
  initialState: S,
  settings: SnapshotSettings<S>,
  key: string,
): Promise<Start<S>> => {
  const origin: Start<S> = { state: initialState, revision: null, hash: GENESIS_HASH };
  const report = (reason: 'other-key' | 'undecodable' | 'unreadable', detail: string): Start<S> => {
    settings.onProblem?.({ _tag: 'SnapshotIgnored', stream, reason, detail });
    return origin;
  };
  const read = await store.snapshots.read(stream)();
  if (E.isLeft(read)) return report('unreadable', read.left._tag);
  const snapshot = read.right;
  if (snapshot === null) return origin;
  if (snapshot.key !== key) return report('other-key', `made under key ${snapshot.key}, not ${key}`);
  let decoded: E.Either<unknown, S>;
  try {
    decoded = settings.codec.decode(snapshot.state);
  } catch (thrown) {
    decoded = E.left(thrown);
  }
  if (E.isLeft(decoded)) return report('undecodable', 'the state codec refused the stored state');
  return { state: decoded.right, revision: snapshot.revision, hash: snapshot.hash };
};
