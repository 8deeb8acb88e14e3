import { context as otelContext } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { EventShape } from '../decider.js';
import { cappedBackoff, consume, typeFilter } from '../projection/consume.js';
import {
  applyFailed,
  describeStoreError,
  retriesOn,
  subscriptionFailure,
  type ConsumerFailure,
} from '../projection/failure.js';
import { cancellablePause, positionWaiters } from '../projection/progress.js';
import type { Recorded } from '../projection/projection.js';
import type { CopyKey } from '../projection/projectionStore.js';
import { rowOverlay, type RowChange } from '../projection/rows.js';
import type { StoreError, StoreUnavailable } from '../store/errors.js';
import type { RecordedEvent } from '../store/types.js';
import { endFailed, endOk } from '../tracing/tracer.js';
import { noteRetry, startFlowStep, type FlowStep } from './flowSpans.js';
import type { ProcessManagerOptions, ProcessManagerRunner, ProcessManagerStatus, Refusal } from './types.js';

const transientTags: ReadonlySet<string> = new Set(['StoreUnavailable', 'ConcurrencyConflict']);

const defaultIsTransient = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  '_tag' in error &&
  typeof error._tag === 'string' &&
  transientTags.has(error._tag);

const describe = (error: unknown): string =>
  defaultIsTransient(error)
    ? describeStoreError(error as StoreError)
    : JSON.stringify(error, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

const keptRefusals = 100;

/**
 * Runs a process manager: subscribes after its checkpoint to the event types it reacts to, turns each event
 * into commands with `react`, and dispatches them one by one with ids derived from the event's id. The
 * checkpoint moves past an event only once each of its commands was carried out or refused by the domain;
 * a transient failure is retried (the same command, the same id) until it passes or the runner stops. After
 * a crash the event comes again and its commands carry the same ids, so command handling recognises what was
 * already done and nothing happens twice (IN-4).
 */
export const runProcessManager =
  <Ev extends EventShape, C, Err>(
    options: ProcessManagerOptions<Ev, C, Err>,
  ): TaskEither<StoreUnavailable, ProcessManagerRunner<Err>> =>
  async () => {
    const { store, checkpoints, manager, dispatch } = options;
    const name = manager.name;
    const isTransient = options.isTransient ?? defaultIsTransient;
    const commandIdFor =
      options.commandIdFor ?? ((eventId: string, index: number) => `${name}:${eventId}:${index}`);
    const backoff = cappedBackoff(options.retry?.initialMs ?? 100, options.retry?.maxMs ?? 5_000);
    const saveEvery = Math.max(1, Math.floor(options.saveEvery ?? 100));
    const types = new Set<string>(manager.eventTypes);

    const current = await checkpoints.current(name)();
    if (E.isLeft(current)) return current;
    let key: CopyKey = { name, version: 0, generation: 0 };
    if (current.right === null) {
      const created = await checkpoints.reset(key)();
      if (E.isLeft(created)) return created;
      const promoted = await checkpoints.promote(key)();
      if (E.isLeft(promoted)) return promoted;
    } else key = current.right.key;

    const rows = rowOverlay(checkpoints.rows(key));
    let position = current.right?.checkpoint ?? null;
    let saved = position;
    let unsaved = 0;
    let caughtUp = false;
    let phase: ProcessManagerStatus<Err>['phase'] = 'catchingUp';
    let dispatched = 0;
    let refusalCount = 0;
    const refusals: Refusal<Err>[] = [];
    let lastError: string | null = null;
    let failure: ConsumerFailure | null = null;
    let stopping = false;
    let saving: Promise<void> = Promise.resolve();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const retryPause = cancellablePause();

    const ended = () => phase === 'failed' || phase === 'stopped';
    const hasReached = (target: bigint | null) =>
      ended() ||
      (caughtUp && saved === position && (target === null || (position !== null && position >= target)));
    const waiters = positionWaiters(hasReached);

    const flush = (): Promise<void> => {
      saving = saving.then(async () => {
        if (saved === position) return;
        const checkpoint = position;
        const count = unsaved;
        const changes = rows.takeChanges();
        const result = await checkpoints.save({ key, changes, checkpoint })();
        rows.settle(E.isRight(result));
        if (E.isLeft(result)) {
          lastError = `saving the checkpoint of ${name}: ${result.left.cause}`;
          if (!stopping) scheduleSave(backoff(0));
          return;
        }
        unsaved -= count;
        saved = checkpoint;
        options.bus?.emit('readModelChanged', { projection: name, position: checkpoint, reason: 'saved' });
        waiters.wake();
      });
      return saving;
    };

    const scheduleSave = (delay: number) => {
      if (idle !== undefined || stopping) return;
      idle = setTimeout(() => {
        idle = undefined;
        void flush();
      }, delay);
    };

    // Each command until it is carried out or refused; false when the runner stopped while retrying.
    const carryOut = async (
      command: C,
      context: Parameters<typeof dispatch>[1],
      step: FlowStep,
    ): Promise<boolean> => {
      for (let attempt = 0; ; attempt++) {
        if (stopping) return false;
        const result = await otelContext.with(step.context, dispatch(command, context));
        if (E.isRight(result)) {
          dispatched += 1;
          lastError = null;
          if (phase === 'retrying') phase = caughtUp ? 'live' : 'catchingUp';
          return true;
        }
        if (!isTransient(result.left)) {
          refusalCount += 1;
          refusals.push({
            commandId: context.commandId,
            stream: context.event.stream,
            position: context.event.position,
            error: result.left,
          });
          if (refusals.length > keptRefusals) refusals.shift();
          return true;
        }
        phase = 'retrying';
        noteRetry(step, context.commandId, result.left);
        lastError = describe(result.left);
        await retryPause.pause(backoff(attempt));
      }
    };

    const onEvent = async (event: RecordedEvent): Promise<'continue' | 'stop'> => {
      let commands: ReadonlyArray<C> = [];
      let changes: ReadonlyArray<RowChange> = [];
      if (types.has(event.type)) {
        try {
          commands = manager.react(event as Recorded<Ev>, rows);
          changes = manager.evolve?.(rows, event as Recorded<Ev>) ?? [];
        } catch (thrown) {
          failure = applyFailed(name, event, thrown);
          phase = 'failed';
          return 'stop';
        }
      }
      if (commands.length > 0) {
        const step = startFlowStep(name, event, commands.length);
        for (const [index, command] of commands.entries()) {
          const context = {
            commandId: commandIdFor(event.metadata.eventId, index),
            correlationId: event.metadata.correlationId,
            causationId: event.metadata.eventId,
            index,
            event,
          };
          if (!(await carryOut(command, context, step))) {
            endFailed(step.span, 'failed', { _tag: 'RunnerStopped' });
            return 'stop';
          }
        }
        endOk(step.span, 'dispatched');
      }
      for (const change of changes) rows.change(change);
      position = event.position;
      unsaved += 1;
      // An event that caused commands is checkpointed at once, so a restart dispatches as little again as it can.
      if (commands.length > 0 || unsaved >= saveEvery) await flush();
      else if (caughtUp) scheduleSave(20);
      waiters.wake();
      return 'continue';
    };

    const consumer = consume({
      store,
      filter: typeFilter(manager.eventTypes),
      checkpoint: () => position,
      onEvent,
      onCaughtUp: async () => {
        caughtUp = true;
        if (phase === 'catchingUp') phase = 'live';
        await flush();
        waiters.wake();
      },
      onFailure: (error) => {
        const report = subscriptionFailure(name, error);
        if (report.kind === 'StoreFailed') lastError = report.error;
        else [failure, phase] = [report, 'failed'];
        return retriesOn(report);
      },
      retryDelayMs: backoff,
    });
    const finished = consumer.done.then(async () => {
      if (phase !== 'failed') phase = 'stopped';
      await flush();
      waiters.wake();
    });

    return E.right({
      rows: () => rows,
      status: () => ({
        name,
        phase,
        position,
        checkpoint: saved,
        caughtUp,
        dispatched,
        refusals: [...refusals],
        refusalCount,
        lastError,
        failure,
      }),
      settled: async () => {
        const head = await store.readAll({
          direction: 'backwards',
          limit: 1,
          filter: typeFilter(manager.eventTypes),
        })();
        const target = E.isRight(head) ? (head.right[0]?.position ?? null) : null;
        await waiters.wait(target);
      },
      stop: async () => {
        stopping = true;
        if (idle !== undefined) clearTimeout(idle);
        idle = undefined;
        retryPause.cancel();
        await consumer.stop();
        await finished;
        await saving;
      },
    });
  };
