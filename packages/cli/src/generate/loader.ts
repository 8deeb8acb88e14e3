import * as TE from 'fp-ts/lib/TaskEither.js';
import type { StateLoader } from '@dossier/core';

/** What a loader keeps of a stream: its state and revision after the last command this run handled on it. */
interface Kept {
  readonly state: unknown;
  readonly revision: bigint | null;
}

/** A loader for command handling that remembers each stream's state after this run's commands. */
export interface RememberingLoader {
  /** The loader of one aggregate: `initialState` is its decider's, the state of a stream with no events. */
  readonly loaderFor: <S>(fallback: StateLoader<S>, initialState: S) => StateLoader<S>;
  /** Records the state and revision a command left its stream in. */
  readonly remember: (stream: string, state: unknown, revision: bigint | null) => void;
}

/**
 * The generator's {@link StateLoader}: a stream this run has written is not read back and folded again for its next
 * command, but taken as its last command left it; any other stream is folded from the store. The append still
 * checks the expected revision, so a stream another writer moved is refused, not overwritten. Every command of a
 * run has a new id, so there is no earlier outcome to look for. At most `limit` streams are kept; past it the
 * memory is cleared and streams are folded from the store again. When the store held no events as the run began
 * (`startsEmpty`), a stream the run has not written has none either: it is not looked for (an append that found
 * one would still be refused by its expected revision).
 */
export const rememberingLoader = (startsEmpty: boolean, limit = 50_000): RememberingLoader => {
  let kept = new Map<string, Kept>();
  // Only names, whatever the size of the run: what tells a new stream from one whose state was dropped.
  const written = new Set<string>();
  return {
    loaderFor: <S>(fallback: StateLoader<S>, initialState: S): StateLoader<S> => ({
      load: (stream, commandId) => {
        const known = kept.get(stream);
        if (known !== undefined) return TE.right({ state: known.state as S, revision: known.revision });
        if (startsEmpty && !written.has(stream)) return TE.right({ state: initialState, revision: null });
        return fallback.load(stream, commandId);
      },
    }),
    remember: (stream, state, revision) => {
      written.add(stream);
      if (kept.size >= limit && !kept.has(stream)) kept = new Map();
      kept.set(stream, { state, revision });
    },
  };
};
