import { createHash } from 'node:crypto';
import type { Either } from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../store/hashChain.js';
import type { StreamName } from '../store/types.js';

/** How a state becomes JSON and back: an io-ts codec of the state (`t.Type<S, unknown, unknown>`) fits. */
export interface StateCodec<S> {
  readonly name?: string;
  readonly encode: (state: S) => unknown;
  readonly decode: (json: unknown) => Either<unknown, S>;
}

/** Why a snapshot was not used or not written. Command handling goes on from the events either way. */
export type SnapshotProblem =
  | {
      readonly _tag: 'SnapshotIgnored';
      readonly stream: StreamName;
      /** Made under another key (evolve, initial state or codec changed), its state undecodable, or stale. */
      readonly reason: 'other-key' | 'undecodable' | 'stale' | 'unreadable';
      readonly detail: string;
    }
  | { readonly _tag: 'SnapshotNotWritten'; readonly stream: StreamName; readonly detail: string };

/** Snapshots for command handling: how often, how the state is encoded, and who hears of problems. */
export interface SnapshotSettings<S> {
  readonly codec: StateCodec<S>;
  /** A snapshot is written once this many events were folded or appended since the last one; 100 unless told. */
  readonly every?: number;
  /**
   * Part of the key. The key already changes with `evolve`'s source text, the encoded initial state and the
   * codec's name; raise this when evolve's behaviour changes where its text does not show it (a helper it calls).
   */
  readonly version?: string;
  /** Told of each snapshot ignored or not written; a process warning (`DOSSIER_SNAPSHOT`) unless given. */
  readonly onProblem?: (problem: SnapshotProblem) => void;
}

/** Snapshots every 100 events unless told. */
export const defaultSnapshotEvery = 100;

/**
 * The key snapshots are stored under: a digest of evolve's source, the encoded initial state, the codec's name
 * and the settings' version, so that changing any of them invalidates the snapshots made before.
 */
export const snapshotKey = <S>(
  evolve: (state: S, event: never) => S,
  initialState: S,
  settings: Pick<SnapshotSettings<S>, 'codec' | 'version'>,
): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        evolve: evolve.toString(),
        initial: settings.codec.encode(initialState),
        codec: settings.codec.name ?? '',
        version: settings.version ?? '',
      }),
    )
    .digest('hex')
    .slice(0, 32);

/** The default reporter: a process warning, so a problem is seen without failing the command. */
export const warnOfSnapshot = (problem: SnapshotProblem): void => {
  process.emitWarning(
    `${problem._tag} on ${problem.stream}${problem._tag === 'SnapshotIgnored' ? ` (${problem.reason})` : ''}: ${problem.detail}`,
    { code: 'DOSSIER_SNAPSHOT' },
  );
};
