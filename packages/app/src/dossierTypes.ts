import type { Either } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type {
  CheckpointWriterOptions,
  EventShape,
  EventStore,
  Handled,
  HandleOptions,
  ProcessManagerStatus,
  AnyProjection,
  AnyProjectionOf,
  Rows,
  ProjectionNotRunning,
  ProjectionStatus,
  ProjectionStore,
  ReadModelBus,
  RebuildError,
  Rebuilt,
  StartError,
  StreamName,
} from '@dossier/core';
import type { IncidentId, Instant, SupportPolicy } from '@dossier/domain';
import type {
  AuditTrailQueries,
  OpenTicketQueueQueries,
  PendingInvitationsQueries,
  PermissionMatrixQueries,
} from '@dossier/projections';
import type { AggregateCommand, AggregateName, AggregateState, DossierDeciders } from './aggregates.js';
import type { FlowDispatchError } from './dispatchFlow.js';
import type { ExecuteContext, ExecuteError } from './execute.js';
import type { ExpiryOutcome } from './expiry.js';
import type { IncidentResolution, IncidentResolutionError } from './incidentResolution.js';

/** How to assemble a Dossier; only the event store is needed. */
export interface DossierOptions {
  readonly store: EventStore;
  /**
   * Where the read models' state and checkpoints live, with the invitation flow's checkpoint: in memory unless told
   * (then every start folds the log from zero). Give a SQLite projection store to resume across restarts.
   */
  readonly projectionStore?: ProjectionStore;
  /** The support policy the SupportCase decider uses; the domain's default unless told. */
  readonly supportPolicy?: SupportPolicy;
  /** The bus read-model changes are announced on; a new one unless told (see `dossier.bus`). */
  readonly bus?: ReadModelBus;
  /**
   * Whether `start` runs the flows — the invitation flow (IN-4) and the incident flow (SC-11) — which write commands
   * to the store: true unless told. Set it false for read-only work (queries, rebuilds, audits) on a store another
   * process writes to.
   */
  readonly flows?: boolean;
  /** Saves read-model state after this many events at the latest; core's default (1,000) unless told. */
  readonly saveEvery?: number;
  /** While live, saves this long after the last event; core's default (20 ms) unless told. */
  readonly idleMs?: number;
  /** The pause after a store failure before trying again; core's default (100 ms doubling up to 5 s) unless told. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /**
   * Signs a checkpoint of the log every `everyEvents` events or `everyMs` milliseconds while started, and hands
   * it to `write` (e.g. `checkpointFiles(folder)`): none unless told. See docs/auditing.md.
   */
  readonly checkpoints?: CheckpointWriterOptions;
}

/** A query or rebuild asked before `start` (or after `stop`). */
export interface DossierNotStarted {
  readonly _tag: 'DossierNotStarted';
}

/** Why a read model cannot answer: Dossier is not running, or does not run that read model. */
export type ViewUnavailable = DossierNotStarted | ProjectionNotRunning;

/** Why `start` failed; nothing is left running then. */
export type DossierStartError = StartError;

/** Where every read model and flow are. */
export interface DossierStatus {
  readonly projections: ReadonlyArray<ProjectionStatus>;
  /** Null when the flows are not running (before `start`, or with `flows: false`). */
  readonly invitationFlow: ProcessManagerStatus<FlowDispatchError> | null;
  /** Null when the flows are not running (before `start`, or with `flows: false`). */
  readonly incidentFlow: ProcessManagerStatus<FlowDispatchError> | null;
}

/** Sends a typed command to a stream of an aggregate; see {@link DossierOptions} for what runs in the background. */
export type DossierExecute = <A extends AggregateName>(
  aggregate: A,
  stream: StreamName,
  command: AggregateCommand<A>,
  context?: ExecuteContext,
  options?: HandleOptions<AggregateState<A>>,
) => TaskEither<ExecuteError<A>, Handled<AggregateState<A>>>;

/** Dossier's domain on its runtime: commands in, read models out, the invitation flow and its expiry scheduler. */
export interface Dossier {
  readonly store: EventStore;
  /** The deciders by aggregate, under the support policy given: what `replay` folds a stream with. */
  readonly deciders: DossierDeciders;
  /** Where read-model changes are announced, so a live view can refresh (`onReadModelChanged` from core). */
  readonly bus: ReadModelBus;
  /** Runs a command through core's `handle`: idempotent by `context.commandId` (a new UUID unless given). */
  readonly execute: DossierExecute;
  /** Starts the four read models (catch-up, then live) and, unless told not to, the invitation and incident flows. */
  readonly start: () => Promise<Either<DossierStartError, void>>;
  /** Stops everything `start` started, saving what was folded; the store stays open (it is the caller's). */
  readonly stop: () => Promise<void>;
  /** Resolves once the flows have dispatched all they were asked and every read model has folded the whole log. */
  readonly waitUntilCaughtUp: () => Promise<void>;
  /** Any running read model's queries, by its projection (one of `dossierProjections`). */
  readonly query: <Ev extends EventShape, Q>(
    projection: AnyProjectionOf<Ev, Q>,
  ) => Either<ViewUnavailable, Q>;
  /** Any running read model's rows (plain JSON), by its projection: what its queries read, for checks. */
  readonly rows: (projection: AnyProjection) => Either<ViewUnavailable, Rows>;
  /** RM-1, live. */
  readonly openTicketQueue: () => Either<ViewUnavailable, OpenTicketQueueQueries>;
  /** RM-2, live. */
  readonly permissionMatrix: () => Either<ViewUnavailable, PermissionMatrixQueries>;
  /** RM-3, live. */
  readonly pendingInvitations: () => Either<ViewUnavailable, PendingInvitationsQueries>;
  /** RM-4, live. */
  readonly auditTrail: () => Either<ViewUnavailable, AuditTrailQueries>;
  /** Rebuilds one read model from zero into a fresh copy while the old one answers, then swaps. */
  readonly rebuild: (name: string) => Promise<Either<RebuildError | DossierNotStarted, Rebuilt>>;
  readonly status: () => Promise<DossierStatus>;
  /**
   * The expiry scheduler (IN-2, IN-3): once caught up, issues `ExpireInvitation` for every invitation RM-3 says is past
   * its 14 days at `now` — an instant the caller gives, never the clock — then waits for the flow to withdraw them.
   */
  readonly expireDue: (now: Instant) => Promise<Either<ViewUnavailable, ReadonlyArray<ExpiryOutcome>>>;
  /**
   * The status page's report that `incidentId` ended at `at` (SC-11): once caught up, resolves the first open case
   * linked to it, which the incident flow turns into the resolution of every other one, then waits for the flow.
   * Reporting the same end twice resolves nothing twice. Without a report, the first `ResolveLinkedIncident` an
   * agent sends for the incident has the same effect.
   */
  readonly resolveIncident: (
    incidentId: IncidentId,
    at: Instant,
  ) => Promise<Either<IncidentResolutionError, IncidentResolution>>;
}
