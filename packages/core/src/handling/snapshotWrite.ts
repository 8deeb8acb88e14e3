import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '../store/port.js';
import type { StreamName } from '../store/types.js';
import type { SnapshotProblem, SnapshotSettings } from './snapshotSettings.js';

/** Snapshot settings with their defaults filled in, and the key they write under. */
export interface ResolvedSnapshots<S> {
  readonly settings: SnapshotSettings<S> & {
    readonly every: number;
    readonly onProblem: (problem: SnapshotProblem) => void;
  };
  readonly key: string;
}

/**
 * Writes a snapshot of the state at a revision once `sinceLast` events were folded or appended since the one the
 * state started from. Best effort: a failure (a codec that throws, a store that refuses) is reported and the
 * command's outcome stands, since the events are the truth and a missing snapshot only costs a longer fold.
 */
export const writeSnapshotIfDue = async <S>(
  store: EventStore,
  stream: StreamName,
  snapshots: ResolvedSnapshots<S>,
  sinceLast: number,
  at: { readonly state: S; readonly revision: bigint; readonly hash: string },
): Promise<void> => {
  if (sinceLast < snapshots.settings.every) return;
  const notWritten = (detail: string) =>
    snapshots.settings.onProblem({ _tag: 'SnapshotNotWritten', stream, detail });
  let state: unknown;
  try {
    state = snapshots.settings.codec.encode(at.state);
  } catch (thrown) {
    notWritten(`the state codec threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    return;
  }
  const written = await store.snapshots.write({
    stream,
    revision: at.revision,
    hash: at.hash,
    key: snapshots.key,
    state,
  })();
  if (E.isLeft(written)) notWritten(written.left._tag);
};
