import type { EventShape } from '../decider.js';
import type { RecordedEvent } from '../store/types.js';

/** A recorded event whose `type` and `data` are those of one of the domain events `Ev`, so `switch (e.type)` narrows. */
export type Recorded<Ev extends EventShape> = Ev extends EventShape
  ? RecordedEvent<Ev['type'], Ev['data']>
  : never;

/**
 * A read model as a pure fold: the runtime, not the projection, decides where its state and checkpoint live.
 * State must be plain JSON data (records and arrays, no Map, Set, Date or bigint) so that any runtime can
 * store it; `query` gives the questions the view answers over a state.
 */
export interface Projection<S, Ev extends EventShape, Q> {
  /** Unique name, used for the checkpoint and the stored state. */
  readonly name: string;
  /** Raised whenever `apply` or the state's shape changes: a new version is rebuilt from zero. */
  readonly version: number;
  /** The event types `apply` handles; the runner subscribes with this filter. */
  readonly eventTypes: ReadonlyArray<Ev['type']>;
  readonly initialState: S;
  /** Folds one event into the state; pure and total over `eventTypes`. */
  readonly apply: (state: S, event: Recorded<Ev>) => S;
  /** The view's queries over a state. */
  readonly query: (state: S) => Q;
}

/** Folds recorded events through a projection from its initial state: a rebuild from zero, in memory. */
export const replayProjection = <S, Ev extends EventShape, Q>(
  projection: Projection<S, Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): S => {
  let state = projection.initialState;
  for (const event of events) state = projection.apply(state, event);
  return state;
};
