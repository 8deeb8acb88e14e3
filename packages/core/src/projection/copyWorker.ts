import * as E from 'fp-ts/lib/Either.js';
import type { EventShape } from '../decider.js';
import type { StoreUnavailable } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import type { RecordedEvent } from '../store/types.js';
import { endFailed, endOk } from '../tracing/tracer.js';
import { startBatchSpan } from './batchSpan.js';
import { consume, typeFilter, type Consumer } from './consume.js';
import { applyFailed, retriesOn, subscriptionFailure, type ConsumerFailure } from './failure.js';
import { positionWaiters } from './progress.js';
import type { KeyedProjection } from './projection.js';
import type { CopyKey, ProjectionStore } from './projectionStore.js';
import { rowOverlay, type Rows } from './rows.js';

/** A projection with its types erased, as the runner holds many side by side. */
export type ErasedProjection = KeyedProjection<EventShape, unknown>;

/** Where a copy's phase is. */
export type CopyPhase = 'catchingUp' | 'live' | 'failed' | 'stopped';

/** How one copy of one projection is run. */
export interface CopyWorkerOptions {
  readonly store: EventStore;
  readonly states: ProjectionStore;
  readonly projection: ErasedProjection;
  readonly key: CopyKey;
  /** The checkpoint the copy was saved with (its rows are in `states`). */
  readonly checkpoint: bigint | null;
  readonly saveEvery: number;
  /** Events read at a time while catching up. */
  readonly pageSize?: number;
  readonly idleMs: number;
  readonly retryDelayMs: (attempt: number) => number;
  /** After each successful save, with the checkpoint saved. */
  readonly onSaved: (checkpoint: bigint | null) => void;
}

/** One copy of one projection folding the log: the serving copy, or a rebuild beside it. */
export interface CopyWorker {
  readonly key: CopyKey;
  /** The copy's rows as folded so far: those saved, under the changes not saved yet. */
  readonly rows: Rows;
  /** The last position folded in memory. */
  readonly position: () => bigint | null;
  /** The last position saved with the state. */
  readonly saved: () => bigint | null;
  readonly phase: () => CopyPhase;
  readonly caughtUp: () => boolean;
  readonly failure: () => ConsumerFailure | null;
  readonly lastError: () => string | null;
  /** Resolves once the copy has folded up to `position` (or caught up when null), or has failed or stopped. */
  readonly reached: (position: bigint | null) => Promise<void>;
  /** Saves what is folded but not yet saved; the saves stay in order. */
  readonly flush: () => Promise<E.Either<StoreUnavailable, void>>;
  /** While held, saves are skipped (a promotion is under way); `release` lets them go on. */
  readonly holdSaves: () => Promise<void>;
  readonly releaseSaves: () => void;
  /** Ends the subscription; saves what is folded unless told not to. */
  readonly stop: (options?: { readonly save?: boolean }) => Promise<void>;
}

const ok = E.right(undefined);

/**
 * Runs one copy: subscribes after its checkpoint with the server-side type filter, folds each event whose
 * type is exactly one of the projection's (a prefix filter can over-match), and saves the rows changed since
 * the last save with the checkpoint every `saveEvery` events, at catch-up, after `idleMs` without events, and on stop.
 */
export const startCopyWorker = (options: CopyWorkerOptions): CopyWorker => {
  const { projection, key } = options;
  const types = new Set<string>(projection.eventTypes);
  const rows = rowOverlay(options.states.rows(key));
  let position = options.checkpoint;
  let saved = options.checkpoint;
  let unsaved = 0;
  let caughtUp = false;
  let phase: CopyPhase = 'catchingUp';
  let failure: ConsumerFailure | null = null;
  // Kept apart so that a good save does not hide a failing subscription, nor the reverse.
  let saveError: string | null = null;
  let subscribeError: string | null = null;
  let held = false;
  let stopping = false;
  let saving: Promise<E.Either<StoreUnavailable, void>> = Promise.resolve(ok);
  let idle: ReturnType<typeof setTimeout> | undefined;
  let batchStartedAt: number | undefined;

  const hasReached = (target: bigint | null): boolean =>
    phase === 'failed' ||
    phase === 'stopped' ||
    (caughtUp && (target === null || (position !== null && position >= target)));

  const waiters = positionWaiters(hasReached);

  const flush = (): Promise<E.Either<StoreUnavailable, void>> => {
    saving = saving.then(async () => {
      if (held || (unsaved === 0 && saved === position)) return ok;
      // Changes and checkpoint are taken together, with no await between: the pair saved always agrees.
      const snapshot = { key, changes: rows.takeChanges(), checkpoint: position };
      const count = unsaved;
      const span = startBatchSpan({
        key,
        events: count,
        rows: snapshot.changes.length,
        from: saved,
        to: position,
        startedAt: batchStartedAt,
      });
      batchStartedAt = undefined;
      const result = await options.states.save(snapshot)();
      rows.settle(E.isRight(result));
      if (E.isLeft(result)) {
        endFailed(span, 'failed', result.left);
        saveError = `saving ${key.name}: ${result.left.cause}`;
        return result;
      }
      endOk(span, 'saved');
      unsaved -= count;
      saved = snapshot.checkpoint;
      saveError = null;
      options.onSaved(saved);
      return ok;
    });
    return saving;
  };

  const scheduleIdleSave = (delay = options.idleMs): void => {
    if (idle !== undefined || stopping) return;
    idle = setTimeout(() => {
      idle = undefined;
      void flush().then((result) => {
        if (E.isLeft(result) && phase === 'live') scheduleIdleSave(options.retryDelayMs(0));
      });
    }, delay);
  };

  // Answers at once unless a save is due, so that catching up costs no promise per event.
  const onEvent = (event: RecordedEvent): 'continue' | 'stop' | Promise<'continue'> => {
    if (types.has(event.type)) {
      try {
        for (const change of projection.apply(rows, event)) rows.change(change);
      } catch (thrown) {
        failure = applyFailed(key.name, event, thrown);
        phase = 'failed';
        return 'stop';
      }
    }
    position = event.position;
    if (unsaved === 0) batchStartedAt ??= Date.now();
    unsaved += 1;
    if (unsaved >= options.saveEvery)
      return flush().then(() => {
        waiters.wake();
        return 'continue';
      });
    if (caughtUp) scheduleIdleSave();
    waiters.wake();
    return 'continue';
  };

  const consumer: Consumer = consume({
    store: options.store,
    filter: typeFilter(projection.eventTypes),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    checkpoint: () => position,
    onEvent,
    onCaughtUp: async () => {
      caughtUp = true;
      if (phase === 'catchingUp') phase = 'live';
      subscribeError = null;
      await flush();
      waiters.wake();
    },
    onFailure: (error) => {
      const report = subscriptionFailure(key.name, error);
      if (report.kind === 'StoreFailed') subscribeError = report.error;
      else [failure, phase] = [report, 'failed'];
      return retriesOn(report);
    },
    retryDelayMs: options.retryDelayMs,
  });

  const finished = consumer.done.then(async () => {
    if (phase !== 'failed') phase = 'stopped';
    // The part folded before a failure is good: keep it, with its checkpoint just before the failing event.
    await flush();
    waiters.wake();
  });

  return {
    key,
    rows,
    position: () => position,
    saved: () => saved,
    phase: () => phase,
    caughtUp: () => caughtUp,
    failure: () => failure,
    lastError: () => saveError ?? subscribeError,
    reached: waiters.wait,
    flush,
    holdSaves: async () => {
      held = true;
      await saving;
    },
    releaseSaves: () => {
      held = false;
    },
    stop: async (stopOptions = {}) => {
      if (stopOptions.save === false) held = true;
      stopping = true;
      if (idle !== undefined) clearTimeout(idle);
      idle = undefined;
      await consumer.stop();
      await finished;
      if (phase !== 'failed') phase = 'stopped';
      await saving;
    },
  };
};
