import type { Either } from 'fp-ts/lib/Either.js';
import type { EventShape } from '../decider.js';
import type { StoreUnavailable } from '../store/errors.js';
import type { ReadModelBus } from '../bus/readModelBus.js';
import type { EventStore } from '../store/port.js';
import type { CopyPhase } from './copyWorker.js';
import type { ConsumerFailure } from './failure.js';
import type { AnyProjectionOf, Projection } from './projection.js';
import type { ProjectionStore } from './projectionStore.js';
import type { Rows } from './rows.js';

/** Any projection, keyed or a fold, whatever its events and queries: what a runner takes a list of. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of projections of different types
export type AnyProjection = AnyProjectionOf<any, any>;

/** How to run projections. */
export interface ProjectionRunnerOptions {
  /** The event store whose global log is folded. */
  readonly store: EventStore;
  /** Where each projection's state and checkpoint are kept. */
  readonly states: ProjectionStore;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Where read-model changes are announced; a new bus when omitted (see `runner.bus`). */
  readonly bus?: ReadModelBus;
  /** Saves the changed rows and the checkpoint after this many events at the latest; 1,000 unless told. */
  readonly saveEvery?: number;
  /** Events read from the log at a time while catching up, before the subscription goes live; 2,000 unless told. */
  readonly pageSize?: number;
  /** While live, saves this long after the last event; 20 ms unless told. */
  readonly idleMs?: number;
  /** The pause after a store failure before subscribing again: doubling from 100 ms up to 5 s unless told. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
}

/** The runner does not run a projection of that name. */
export interface ProjectionNotRunning {
  readonly _tag: 'ProjectionNotRunning';
  readonly name: string;
}

/** Two projections given to one runner share a name. */
export interface DuplicateProjection {
  readonly _tag: 'DuplicateProjection';
  readonly name: string;
}

/** A rebuild stopped on an event (the old copy still serves); the report says which and why. */
export interface RebuildFailed {
  readonly _tag: 'RebuildFailed';
  readonly failure: ConsumerFailure;
}

/** The runner was stopped before the rebuild could finish. */
export interface RunnerStopped {
  readonly _tag: 'RunnerStopped';
}

/** Why a projection runner could not start. */
export type StartError = StoreUnavailable | DuplicateProjection;

/** Why a rebuild did not swap in a fresh copy. */
export type RebuildError = ProjectionNotRunning | RebuildFailed | RunnerStopped | StoreUnavailable;

/** A rebuild that swapped in its fresh copy. */
export interface Rebuilt {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  /** The last position the fresh copy had folded when it was swapped in. */
  readonly position: bigint | null;
}

/** Where one projection is. Positions are global-log positions; `lag` counts positions, not events. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** The generation of the copy that queries read. */
  readonly generation: number;
  readonly phase: CopyPhase;
  /** The last position folded into the state queries read. */
  readonly position: bigint | null;
  /** The last position saved with its state: where a restart resumes. */
  readonly checkpoint: bigint | null;
  /** The last position in the log that passes the projection's filter, when the store could say. */
  readonly head: bigint | null;
  /** How far `position` is behind `head` (0 when level); null when the head is unknown. */
  readonly lag: bigint | null;
  readonly caughtUp: boolean;
  /** A fresh copy being built beside the one that serves. */
  readonly rebuilding: {
    readonly version: number;
    readonly generation: number;
    readonly position: bigint | null;
    readonly phase: CopyPhase;
  } | null;
  /** The last store failure (subscribing or saving) not yet overcome. */
  readonly lastError: string | null;
  /** The event the projection stopped on, if it did (or a rebuild did). */
  readonly failure: ConsumerFailure | null;
}

/** A set of projections kept up to date from the log. */
export interface ProjectionRunner {
  /** The bus this runner announces read-model changes on. */
  readonly bus: ReadModelBus;
  /** The projection's queries over the copy that serves now. */
  readonly query: <Ev extends EventShape, Q>(
    projection: AnyProjectionOf<Ev, Q>,
  ) => Either<ProjectionNotRunning, Q>;
  /** The state of a fold's copy that serves now. */
  readonly state: <S, Ev extends EventShape, Q>(
    projection: Projection<S, Ev, Q>,
  ) => Either<ProjectionNotRunning, S>;
  /** The rows of the copy that serves now (a fold's state is the one row `state`/``). */
  readonly rows: (projection: AnyProjection) => Either<ProjectionNotRunning, Rows>;
  /** Where each projection is, with its lag behind the log's head. */
  readonly status: () => Promise<ReadonlyArray<ProjectionStatus>>;
  /**
   * Folds the log from zero into a fresh copy while queries answer from the current one, then swaps it in
   * and drops the old one. A second call while one runs joins it.
   */
  readonly rebuild: (projection: AnyProjection | string) => Promise<Either<RebuildError, Rebuilt>>;
  /**
   * Resolves once every projection has folded the log up to its head as it stood at the call (finishing any
   * rebuild first) and saved it, or has stopped on a failure.
   */
  readonly settled: () => Promise<void>;
  /** Stops every projection, saving what was folded; no subscription or timer is left behind. */
  readonly stop: () => Promise<void>;
}
