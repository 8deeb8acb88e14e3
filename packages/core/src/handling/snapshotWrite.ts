import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '../store/port.js';
import type { StreamName } from '../store/types.js';
import {
  defaultSnapshotEvery,
  snapshotKey,
  warnOfSnapshot,
  type SnapshotProblem,
  type SnapshotSettings,
} from './snapshotSettings.js';

/** Snapshot settings with their defaults filled in, and the key they write under. */
export interface ResolvedSnapshots<S> {
  readonly settings: SnapshotSettings<S> & {
    readonly every: number;
    readonly onProblem: (problem: SnapshotProblem) => void;
  };
  readonly key: string;
}

// A snapshot key digests evolve's source text: made once per settings object and decider, not per command.
const keys = new WeakMap<
  object,
  { readonly evolve: unknown; readonly initialState: unknown; readonly key: string }
>();

/** The settings with their defaults filled in and the key they write under; undefined when snapshots are off. */
export const resolveSnapshots = <S>(
  decider: { readonly evolve: (state: S, event: never) => S; readonly initialState: S },
  settings: SnapshotSettings<S> | undefined,
): ResolvedSnapshots<S> | undefined => {
  if (settings === undefined) return undefined;
  let known = keys.get(settings);
  if (known === undefined || known.evolve !== decider.evolve || known.initialState !== decider.initialState) {
    known = {
      evolve: decider.evolve,
      initialState: decider.initialState,
      key: snapshotKey(decider.evolve, decider.initialState, settings),
    };
    keys.set(settings, known);
  }
  return {
    settings: {
      ...settings,
      every: Math.max(1, Math.floor(settings.every ?? defaultSnapshotEvery)),
      onProblem: settings.onProblem ?? warnOfSnapshot,
    },
    key: known.key,
  };
};

/**
 * Writes a snapshot of the state at a revision: the handler calls it once `every` events were folded or appended
 * since the one the state started from. Best effort: a failure (a codec that throws, a store that refuses) is
 * reported and the command's outcome stands, since the events are the truth and a missing snapshot only costs a
 * longer fold.
 */
export const writeSnapshot = async <S>(
  store: EventStore,
  stream: StreamName,
  snapshots: ResolvedSnapshots<S>,
  at: { readonly state: S; readonly revision: bigint; readonly hash: string },
): Promise<void> => {
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
