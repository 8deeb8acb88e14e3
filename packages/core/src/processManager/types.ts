import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { ReadModelBus } from '../bus/readModelBus.js';
import type { EventShape } from '../decider.js';
import type { ConsumerFailure } from '../projection/failure.js';
import type { Recorded } from '../projection/projection.js';
import type { ProjectionStore } from '../projection/projectionStore.js';
import type { RowChange, Rows } from '../projection/rows.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent } from '../store/types.js';

/**
 * A process manager as the caller supplies it: a name (its checkpoint's key), the event types it reacts to,
 * and a pure function from one recorded event to the commands it causes, in order. One that must remember
 * something between events (which cases are linked to an incident) keeps it as keyed rows, like a keyed
 * projection: `react` reads them, `evolve` answers the changes one event makes.
 */
export interface ProcessManager<Ev extends EventShape, C> {
  readonly name: string;
  readonly eventTypes: ReadonlyArray<Ev['type']>;
  /** The commands one event causes; `rows` is the manager's own state as it was before this event. */
  readonly react: (event: Recorded<Ev>, rows: Rows) => ReadonlyArray<C>;
  /**
   * The changes one event makes to the manager's rows, recorded once its commands were carried out or refused
   * and saved with the checkpoint that passes it, in one step: a restart finds rows and checkpoint in agreement.
   */
  readonly evolve?: (rows: Rows, event: Recorded<Ev>) => ReadonlyArray<RowChange>;
}

/** The ids a command is dispatched under, all derived from the event that caused it. */
export interface DispatchContext {
  /** Derived from the triggering event's id and the command's index: the same on every redelivery (IN-4). */
  readonly commandId: string;
  /** The triggering event's correlation id: the conversation goes on. */
  readonly correlationId: string;
  /** The triggering event's id. */
  readonly causationId: string;
  /** The command's index among those the event caused. */
  readonly index: number;
  readonly event: RecordedEvent;
}

/** How to run a process manager. */
export interface ProcessManagerOptions<Ev extends EventShape, C, Err> {
  readonly store: EventStore;
  /** Where the checkpoint is kept, with the manager's rows when it has `evolve` (the same port as projections'). */
  readonly checkpoints: ProjectionStore;
  readonly manager: ProcessManager<Ev, C>;
  /**
   * Carries out one command, usually through core's `handle` with `context.commandId` as the command id, so
   * that a command dispatched again after a crash is recognised and not applied twice.
   */
  readonly dispatch: (command: C, context: DispatchContext) => TaskEither<Err, unknown>;
  /**
   * Whether a dispatch error is worth retrying (the store failed, a conflict outlasted its retries) rather
   * than a refusal to record and move past. By default `StoreUnavailable` and `ConcurrencyConflict` are.
   */
  readonly isTransient?: (error: Err) => boolean;
  /** The command id for the `index`-th command caused by event `eventId`; `<name>:<eventId>:<index>` unless told. */
  readonly commandIdFor?: (eventId: string, index: number) => string;
  /** The pause before retrying after a transient failure: doubling from 100 ms up to 5 s unless told. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Saves the checkpoint after this many events that caused no command, at the latest; 100 unless told. */
  readonly saveEvery?: number;
  /** Announces `{ projection: name, position }` on this bus after each checkpoint it saves, when given. */
  readonly bus?: ReadModelBus;
}

/** A command the domain refused: recorded, not retried; the checkpoint moves past its event. */
export interface Refusal<Err> {
  readonly commandId: string;
  readonly stream: string;
  readonly position: bigint;
  readonly error: Err;
}

/** Where a process manager is. */
export interface ProcessManagerStatus<Err> {
  readonly name: string;
  readonly phase: 'catchingUp' | 'live' | 'retrying' | 'failed' | 'stopped';
  /** The last event whose commands were all dispatched (or refused). */
  readonly position: bigint | null;
  /** The last position saved: where a restart resumes. */
  readonly checkpoint: bigint | null;
  readonly caughtUp: boolean;
  /** Commands carried out (a repeat recognised by its id counts too). */
  readonly dispatched: number;
  /** Refusals so far, the most recent last (the last 100 are kept). */
  readonly refusals: ReadonlyArray<Refusal<Err>>;
  readonly refusalCount: number;
  /** The transient failure being retried, or the last one. */
  readonly lastError: string | null;
  /** The event it stopped on (undecodable), if it did. */
  readonly failure: ConsumerFailure | null;
}

/** A running process manager. */
export interface ProcessManagerRunner<Err> {
  readonly status: () => ProcessManagerStatus<Err>;
  /** The manager's rows as folded so far (saved or not): what a caller asks of its state. */
  readonly rows: () => Rows;
  /** Resolves once every event up to the log's head at the call was dispatched and checkpointed, or it stopped. */
  readonly settled: () => Promise<void>;
  /** Stops after the dispatch in flight, saving the checkpoint; no subscription or timer is left. */
  readonly stop: () => Promise<void>;
}
