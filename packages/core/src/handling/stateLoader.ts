import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { EventShape } from '../decider.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent, StreamName } from '../store/types.js';
import type { StoreError } from '../store/errors.js';

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
}

/**
 * How command handling gets a stream's state. The default folds the whole stream; a loader starting from a
 * snapshot sees earlier commands only after the snapshot, which bounds how long a repeat is recognised.
 */
export interface StateLoader<S> {
  readonly load: (stream: StreamName, commandId: string) => TaskEither<StoreError, LoadedState<S>>;
}

/**
 * The event as the decider knows it. Trusts the store's schema: give the store an `eventSchema` built from
 * the decider's codecs, so that what is read has been decoded (and upcast) into the decider's events.
 */
export const toDomainEvent = <Ev extends EventShape>(recorded: RecordedEvent): Ev =>
  ({ type: recorded.type, data: recorded.data }) as Ev;

/** The default {@link StateLoader}: reads the stream page by page and folds every event (no stream: the initial state). */
export const foldingLoader = <S, Ev extends EventShape>(
  store: EventStore,
  decider: { readonly initialState: S; readonly evolve: (state: S, event: Ev) => S },
  pageSize = 1000,
): StateLoader<S> => ({
  load: (stream, commandId) => async () => {
    let state = decider.initialState;
    let revision: bigint | null = null;
    const earlierEvents: RecordedEvent[] = [];
    let earlier: { state: S; revision: bigint } | undefined;
    for (let from = 0n; ;) {
      const page = await store.readStream(stream, { fromRevision: from, limit: pageSize })();
      if (E.isLeft(page)) {
        if (page.left._tag === 'StreamNotFound') break;
        return page;
      }
      for (const event of page.right) {
        state = decider.evolve(state, toDomainEvent<Ev>(event));
        revision = event.revision;
        if (event.metadata.commandId === commandId) {
          earlierEvents.push(event);
          earlier = { state, revision };
        }
      }
      if (page.right.length < pageSize || revision === null) break;
      from = revision + 1n;
    }
    return E.right(
      earlier === undefined
        ? { state, revision }
        : { state, revision, earlier: { ...earlier, events: earlierEvents } },
    );
  },
});
