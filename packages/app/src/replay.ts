import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  toDomainEvent,
  type EventShape,
  type EventStore,
  type RecordedEvent,
  type StoreError,
  type StreamName,
} from '@dossier/core';
import {
  aggregateOfStream,
  type AggregateName,
  type AggregateState,
  type DossierDeciders,
} from './aggregates.js';

/** A stream whose name does not start with one of Dossier's aggregates (`supportCase-`, `paymentProfile-`, `invitation-`). */
export interface UnknownAggregate {
  readonly _tag: 'UnknownAggregate';
  readonly stream: StreamName;
}

/** A stream replayed: its aggregate, the state its events fold to, and those events in order. */
export type ReplayedStream = {
  readonly [A in AggregateName]: {
    readonly aggregate: A;
    readonly state: AggregateState<A>;
    readonly events: ReadonlyArray<RecordedEvent>;
  };
}[AggregateName];

/** How far to replay: every event while `keep` says yes, none from the first it refuses (e.g. an as-of instant). */
export interface ReplayOptions {
  readonly keep?: (event: RecordedEvent) => boolean;
  readonly pageSize?: number;
}

interface Folding {
  readonly initialState: unknown;
  readonly evolve: (state: unknown, event: EventShape) => unknown;
}

/**
 * Folds one stream with its aggregate's decider, found by the stream's prefix: what an auditor's `replay` shows. A
 * stream with no events is `StreamNotFound`, one of no aggregate `UnknownAggregate`.
 */
export const replay =
  (
    store: EventStore,
    deciders: DossierDeciders,
    stream: StreamName,
    options: ReplayOptions = {},
  ): TaskEither<StoreError | UnknownAggregate, ReplayedStream> =>
  async () => {
    const aggregate = aggregateOfStream(stream);
    if (aggregate === undefined) return E.left({ _tag: 'UnknownAggregate', stream });
    // Each decider folds its own events; the mapped type above ties the state back to the aggregate.
    const decider = deciders[aggregate] as unknown as Folding;
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 1000));
    const keep = options.keep ?? (() => true);
    let state = decider.initialState;
    const events: RecordedEvent[] = [];
    for (let from = 0n; ;) {
      const page = await store.readStream(stream, { fromRevision: from, limit: pageSize })();
      if (E.isLeft(page)) {
        if (page.left._tag === 'StreamNotFound' && events.length > 0) break;
        return page;
      }
      for (const event of page.right) {
        if (!keep(event)) return E.right({ aggregate, state, events } as ReplayedStream);
        state = decider.evolve(state, toDomainEvent(event));
        events.push(event);
      }
      const last = page.right[page.right.length - 1];
      if (page.right.length < pageSize || last === undefined) break;
      from = last.revision + 1n;
    }
    return E.right({ aggregate, state, events } as ReplayedStream);
  };
