import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { EventShape } from '../decider.js';
import type { StoreError } from '../store/errors.js';
import { GENESIS_HASH } from '../store/hashChain.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent, StreamName } from '../store/types.js';
import { startingPoint, type Start } from './snapshotStart.js';
import type { SnapshotSettings } from './snapshotSettings.js';

/** What a command recorded when it was handled before: its events, and the stream's state and revision just after. */
export interface EarlierOutcome<S> {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly state: S;
  readonly revision: bigint;
}

/** A stream's current state, its last revision (null: no events) and, if the command was handled before, what it recorded. */
export interface LoadedState<S> {
  readonly state: S;
  readonly revision: bigint | null;
  readonly earlier?: EarlierOutcome<S>;
  /** The last event's hash, passed to the append so the store need not read it again. */
  readonly hash?: string;
  /** How many events were folded after the snapshot the state started from (or from the start). */
  readonly folded?: number;
}

/** How command handling gets a stream's state. */
export interface StateLoader<S> {
  readonly load: (stream: StreamName, commandId: string) => TaskEither<StoreError, LoadedState<S>>;
}

/**
 * The event as the decider knows it. Trusts the store's schema: give the store an `eventSchema` built from
 * the decider's codecs, so that what is read has been decoded (and upcast) into the decider's events.
 */
export const toDomainEvent = <Ev extends EventShape>(recorded: RecordedEvent): Ev =>
  ({ type: recorded.type, data: recorded.data }) as Ev;

interface FoldingDecider<S, Ev> {
  readonly initialState: S;
  readonly evolve: (state: S, event: Ev) => S;
}

interface Folded<S> {
  readonly state: S;
  readonly revision: bigint | null;
  readonly hash: string;
  readonly folded: number;
  /** How many pages were read. */
  readonly pages: number;
}

/** How many events the loader reads at a time. */
export const defaultPageSize = 1000;

type Page = E.Either<StoreError, ReadonlyArray<RecordedEvent>>;

const readPage = (store: EventStore, stream: StreamName, from: bigint, pageSize: number): Promise<Page> =>
  store.readStream(stream, { fromRevision: from, limit: pageSize })();

/**
 * Folds the stream from a starting point up to `until` (inclusive; the end when omitted), page by page, the first
 * page being `first` when the caller already asked for it. A snapshot start is read from its own revision, whose
 * event must still carry the snapshot's hash: 'stale' when it does not (or the stream no longer reaches it).
 */
const foldFrom = async <S, Ev extends EventShape>(
  store: EventStore,
  decider: FoldingDecider<S, Ev>,
  stream: StreamName,
  start: Start<S>,
  pageSize: number,
  until?: bigint,
  first?: Promise<Page>,
): Promise<E.Either<StoreError | 'stale', Folded<S>>> => {
  let { state } = start;
  let revision = start.revision;
  let hash = start.hash;
  let folded = 0;
  let pages = 0;
  let checkFirst = start.revision !== null;
  let next = first ?? readPage(store, stream, start.revision ?? 0n, pageSize);
  for (;;) {
    const page = await next;
    pages++;
    if (E.isLeft(page)) {
      if (page.left._tag !== 'StreamNotFound') return page;
      if (checkFirst) return E.left('stale');
      break;
    }
    const events = page.right;
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as RecordedEvent;
      if (checkFirst) {
        checkFirst = false;
        if (event.revision !== start.revision || event.metadata.hash !== start.hash) return E.left('stale');
        continue;
      }
      if (until !== undefined && event.revision > until)
        return E.right({ state, revision, hash, folded, pages });
      state = decider.evolve(state, toDomainEvent<Ev>(event));
      revision = event.revision;
      hash = event.metadata.hash;
      folded++;
    }
    if (checkFirst) return E.left('stale');
    const last = events[events.length - 1];
    if (events.length < pageSize || last === undefined) break;
    next = readPage(store, stream, last.revision + 1n, pageSize);
  }
  return E.right({ state, revision, hash, folded, pages });
};

const origin = <S>(initialState: S): Start<S> => ({
  state: initialState,
  revision: null,
  hash: GENESIS_HASH,
});

/** Snapshot settings for loading: how they are used, and the key this decider's snapshots are stored under. */
export interface LoaderSnapshots<S> {
  readonly settings: SnapshotSettings<S>;
  readonly key: string;
}

/**
 * Loads a stream's state: from its latest valid snapshot when `snapshots` are given (see {@link startingPoint};
 * one that proves stale is reported and the stream folded from the start), then the events after it. A repeat
 * is recognised through the store's command-id index, without scanning the stream; its outcome's state is the
 * current one when it was the last command, otherwise the stream folded up to it. The index is asked once the
 * first page was asked for, and again if the fold read more pages, so that a command whose events the fold saw is
 * always found: answering from the index before reading the stream could miss events appended in between.
 */
export const loadState = async <S, Ev extends EventShape>(
  store: EventStore,
  decider: FoldingDecider<S, Ev>,
  snapshots: LoaderSnapshots<S> | undefined,
  pageSize: number,
  stream: StreamName,
  commandId: string,
): Promise<E.Either<StoreError, LoadedState<S>>> => {
  const start =
    snapshots === undefined
      ? origin(decider.initialState)
      : await startingPoint(store, stream, decider.initialState, snapshots.settings, snapshots.key);
  const first = readPage(store, stream, start.revision ?? 0n, pageSize);
  const earlierRead = store.readCommand(stream, commandId)();
  let loaded = await foldFrom(store, decider, stream, start, pageSize, undefined, first);
  const refolded = E.isLeft(loaded) && loaded.left === 'stale';
  if (refolded) {
    snapshots?.settings.onProblem?.({
      _tag: 'SnapshotIgnored',
      stream,
      reason: 'stale',
      detail: `the event at revision ${String(start.revision)} no longer carries the snapshot's hash`,
    });
    loaded = await foldFrom(store, decider, stream, origin(decider.initialState), pageSize);
  }
  let earlierEvents = await earlierRead;
  if (E.isLeft(loaded)) return E.left(loaded.left === 'stale' ? staleOrigin(stream) : loaded.left);
  const { state, revision, hash, folded, pages } = loaded.right;
  if (E.isRight(earlierEvents) && earlierEvents.right.length === 0 && (pages > 1 || refolded))
    earlierEvents = await store.readCommand(stream, commandId)();
  if (E.isLeft(earlierEvents)) return earlierEvents;
  const last = earlierEvents.right[earlierEvents.right.length - 1];
  if (last === undefined) return E.right({ state, revision, hash, folded });
  const earlierState =
    last.revision === revision
      ? E.right({ state })
      : await foldFrom(store, decider, stream, origin(decider.initialState), pageSize, last.revision);
  if (E.isLeft(earlierState))
    return E.left(earlierState.left === 'stale' ? staleOrigin(stream) : earlierState.left);
  return E.right({
    state,
    revision,
    hash,
    folded,
    earlier: { events: earlierEvents.right, state: earlierState.right.state, revision: last.revision },
  });
};

/** The loader `handle` uses unless given another: {@link loadState} as a {@link StateLoader}. */
export const streamLoader = <S, Ev extends EventShape>(
  store: EventStore,
  decider: FoldingDecider<S, Ev>,
  snapshots?: LoaderSnapshots<S>,
  pageSize = defaultPageSize,
): StateLoader<S> => ({
  load: (stream, commandId) => () => loadState(store, decider, snapshots, pageSize, stream, commandId),
});

// Folding from the origin never checks a first event; this only satisfies the types.
const staleOrigin = (stream: StreamName): StoreError => ({
  _tag: 'StoreUnavailable',
  cause: `folding ${stream} from its start found a stale start`,
});

/** The loader without snapshots: folds the whole stream; repeats are still found through the index. */
export const foldingLoader = <S, Ev extends EventShape>(
  store: EventStore,
  decider: FoldingDecider<S, Ev>,
  pageSize = defaultPageSize,
): StateLoader<S> => streamLoader(store, decider, undefined, pageSize);
