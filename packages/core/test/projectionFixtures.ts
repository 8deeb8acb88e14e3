import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { afterEach } from 'vitest';
import {
  runProjections,
  type EventStore,
  type NewEvent,
  type Projection,
  type ProjectionRunner,
} from '@dossier/core';

/** The events of the test projections: items added to and removed from baskets. */
export type BasketEvent =
  | { readonly type: 'ItemAdded'; readonly data: { readonly n: number } }
  | { readonly type: 'ItemRemoved'; readonly data: { readonly n: number } };

/** A tally of baskets: what each holds and every position folded, in order, to catch gaps and repeats. */
export interface Tally {
  readonly perStream: Readonly<Record<string, number>>;
  readonly positions: ReadonlyArray<number>;
}

/** Counts every call of `apply`, across runners, so that tests can tell a re-application. */
export interface ApplyCounter {
  count: number;
}

/** The tally projection; `failOn` makes `apply` throw on an event with that `n`. */
export const tallyProjection = (
  options: {
    readonly name?: string;
    readonly version?: number;
    readonly counter?: ApplyCounter;
    readonly failOn?: number;
  } = {},
): Projection<Tally, BasketEvent, { readonly total: number; readonly of: (stream: string) => number }> => ({
  name: options.name ?? 'tally',
  version: options.version ?? 1,
  eventTypes: ['ItemAdded', 'ItemRemoved'],
  initialState: { perStream: {}, positions: [] },
  apply: (state, event) => {
    if (options.counter !== undefined) options.counter.count += 1;
    if (event.data.n === options.failOn) throw new Error(`cannot fold ${event.data.n}`);
    const sign = event.type === 'ItemAdded' ? 1 : -1;
    return {
      perStream: {
        ...state.perStream,
        [event.stream]: (state.perStream[event.stream] ?? 0) + sign * event.data.n,
      },
      positions: [...state.positions, Number(event.position)],
    };
  },
  query: (state) => ({
    total: Object.values(state.perStream).reduce((sum, n) => sum + n, 0),
    of: (stream) => state.perStream[stream] ?? 0,
  }),
});

export const added = (n: number): NewEvent => ({
  type: 'ItemAdded',
  data: { n },
  metadata: { eventId: randomUUID() },
});
export const removed = (n: number): NewEvent => ({
  type: 'ItemRemoved',
  data: { n },
  metadata: { eventId: randomUUID() },
});
/** An event whose type starts like one the tally folds, which a prefix filter lets through. */
export const addedTwice = (n: number): NewEvent => ({
  type: 'ItemAddedTwice',
  data: { n },
  metadata: { eventId: randomUUID() },
});
export const unrelated = (): NewEvent => ({
  type: 'PriceChanged',
  data: { n: 0 },
  metadata: { eventId: randomUUID() },
});

/** The value of a task that must succeed. */
export const right = async <A>(task: TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(
      `expected success, got ${JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
    );
  return result.right;
};

/** The value of an Either that must be a Right. */
export const rightOf = <A>(either: E.Either<unknown, A>): A => {
  if (E.isLeft(either)) throw new Error(`expected a Right, got ${JSON.stringify(either.left)}`);
  return either.right;
};

/** Appends each event to its stream, one append per event. */
export const appendAll = async (
  store: EventStore,
  items: ReadonlyArray<readonly [string, NewEvent]>,
): Promise<void> => {
  for (const [stream, event] of items) await right(store.append(stream, 'any', [event]));
};

/** A start function for a test file's runners, which are all stopped after each test. */
export const startedRunners = (): ((
  options: Parameters<typeof runProjections>[0],
) => Promise<ProjectionRunner>) => {
  const running: ProjectionRunner[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((runner) => runner.stop()));
  });
  return async (options) => {
    const runner = await right(runProjections(options));
    running.push(runner);
    return runner;
  };
};
