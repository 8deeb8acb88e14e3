import type { EventShape } from '../decider.js';
import type { RecordedEvent } from '../store/types.js';
import { put, type RowChange, type Rows, type RowSource } from './rows.js';

/** A recorded event whose `type` and `data` are those of one of the domain events `Ev`, so `switch (e.type)` narrows. */
export type Recorded<Ev extends EventShape> = Ev extends EventShape
  ? RecordedEvent<Ev['type'], Ev['data']>
  : never;

/** What every projection has: a name, a version and the events it folds. */
interface ProjectionIdentity<Ev extends EventShape> {
  /** Unique name, used for the checkpoint and the stored rows. */
  readonly name: string;
  /** Raised whenever `apply` or the rows' shape changes: a new version is rebuilt from zero. */
  readonly version: number;
  /** The event types `apply` handles; the runner subscribes with this filter. */
  readonly eventTypes: ReadonlyArray<Ev['type']>;
}

/**
 * A read model kept as keyed rows (see {@link Rows}): `apply` reads the rows one event touches and answers the
 * changes it makes, so folding an event costs what it changes, whatever the size of the model. The runtime, not
 * the projection, decides where the rows and the checkpoint live, and saves only the rows that changed.
 */
export interface KeyedProjection<Ev extends EventShape, Q> extends ProjectionIdentity<Ev> {
  /** The changes one event makes; pure (it only reads `rows`) and total over `eventTypes`. */
  readonly apply: (rows: Rows, event: Recorded<Ev>) => ReadonlyArray<RowChange>;
  /** The view's queries over the rows. */
  readonly query: (rows: Rows) => Q;
}

/**
 * A read model as a pure fold of one plain-JSON state: the simplest form, for a state that stays small (a few
 * counters). It is kept as one row, so every save writes the whole state and `apply` usually copies it: for a
 * model that grows with the log, write a {@link KeyedProjection}.
 */
export interface Projection<S, Ev extends EventShape, Q> extends ProjectionIdentity<Ev> {
  readonly initialState: S;
  /** Folds one event into the state; pure and total over `eventTypes`. */
  readonly apply: (state: S, event: Recorded<Ev>) => S;
  /** The view's queries over a state. */
  readonly query: (state: S) => Q;
}

/** Either form of projection. */
export type AnyProjectionOf<Ev extends EventShape, Q> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the state of a fold is not the caller's business here
  Projection<any, Ev, Q> | KeyedProjection<Ev, Q>;

/** Whether a projection is a fold of one state rather than keyed rows. */
export const isFold = <Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see AnyProjectionOf
): projection is Projection<any, Ev, Q> => 'initialState' in projection;

/** The one row a fold's state is kept in. */
const stateGroup = 'state';
const stateKey = '';

/** A fold's state as its rows hold it. */
export const foldState = <S>(projection: Projection<S, EventShape, unknown>, rows: Rows): S =>
  (rows.get(stateGroup, stateKey) as S | undefined) ?? projection.initialState;

/** Any projection as keyed rows: a fold becomes one row holding its state. */
export const keyed = <Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
): KeyedProjection<Ev, Q> => {
  if (!isFold(projection)) return projection;
  const fold = projection as Projection<unknown, Ev, Q>;
  return {
    name: fold.name,
    version: fold.version,
    eventTypes: fold.eventTypes,
    apply: (rows, event) => {
      const before = foldState(fold, rows);
      const after = fold.apply(before, event);
      return after === before ? [] : [put(stateGroup, stateKey, after)];
    },
    query: (rows) => fold.query(foldState(fold, rows)),
  };
};

/**
 * Rows held in process memory, as a rebuild from zero in a test or a tool leaves them. Two tables with the same
 * rows are equal under a deep equality (the rows live in one field; the methods are shared).
 */
export class MemoryRows implements Rows, RowSource {
  readonly groups = new Map<string, Map<string, unknown>>();

  get(group: string, key: string): unknown {
    return this.groups.get(group)?.get(key);
  }

  entries(group: string): ReadonlyArray<readonly [string, unknown]> {
    return [...(this.groups.get(group) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  list(group: string): ReadonlyArray<unknown> {
    return this.entries(group).map(([, row]) => row);
  }

  /** Applies one change. */
  change({ group, key, row }: RowChange): void {
    const rows = this.groups.get(group);
    if (row === null) {
      rows?.delete(key);
      if (rows?.size === 0) this.groups.delete(group);
    } else if (rows === undefined) this.groups.set(group, new Map([[key, row]]));
    else rows.set(key, row);
  }
}

/** Folds recorded events through a keyed projection from no rows: a rebuild from zero, in memory. */
export const replayRows = <Ev extends EventShape, Q>(
  projection: KeyedProjection<Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): MemoryRows => {
  const rows = new MemoryRows();
  for (const event of events) for (const change of projection.apply(rows, event)) rows.change(change);
  return rows;
};

/**
 * Folds recorded events through a projection from zero, in memory: a fold's state from its initial state, or a
 * keyed projection's rows from none.
 */
export function replayProjection<S, Ev extends EventShape, Q>(
  projection: Projection<S, Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): S;
export function replayProjection<Ev extends EventShape, Q>(
  projection: KeyedProjection<Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): MemoryRows;
export function replayProjection<Ev extends EventShape, Q>(
  projection: AnyProjectionOf<Ev, Q>,
  events: Iterable<Recorded<Ev>>,
): unknown {
  if (!isFold(projection)) return replayRows(projection, events);
  let state: unknown = projection.initialState;
  for (const event of events) state = (projection as Projection<unknown, Ev, Q>).apply(state, event);
  return state;
}
