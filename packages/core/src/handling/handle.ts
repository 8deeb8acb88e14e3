import { context as otelContext, type Context, type Span } from '@opentelemetry/api';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { fold, type CommandShape, type Decider, type ErrorShape, type EventShape } from '../decider.js';
import type { EventStore } from '../store/port.js';
import type { AppendOptions, NewEvent, RecordedEvent, StreamName } from '../store/types.js';
import { backoffDelay, defaultBackoff, type Backoff } from './backoff.js';
import { checkRequest } from './checkRequest.js';
import { commandHash } from './commandHash.js';
import { commandIdReused, type HandleError } from './errors.js';
import { commandEventId } from './eventIds.js';
import { resolveSnapshots, writeSnapshot } from './snapshotWrite.js';
import type { SnapshotSettings } from './snapshotSettings.js';
import { defaultPageSize, loadState, type StateLoader } from './stateLoader.js';
import type { Outcome } from '../tracing/attributes.js';
import { annotate, endFailed, endOk, startSpan, within } from '../tracing/tracer.js';
import {
  commandSpanAttributes,
  handledAttributes,
  traceAppend,
  traceDecide,
  traceLoad,
} from './handleSpans.js';

/** Who asks and under which ids: everything the handler records that the domain does not decide. */
export interface CommandContext {
  /** The command's id, made by the caller: a retried command keeps it, so it is applied once. */
  readonly commandId: string;
  /** The conversation the command belongs to; the command's id when it starts one. */
  readonly correlationId?: string;
  /** The message that caused the command; the command's id when omitted. */
  readonly causationId?: string;
  readonly actor: string;
  /** When the command was issued (ISO-8601), for the caller's logs; the domain takes its `at` from the command. */
  readonly at?: string;
  /**
   * Makes each event's id. When omitted, the id is derived from the stream, the command id and the event's index
   * (a UUIDv5, see `commandEventId`), so an append retried after an unknown outcome offers the same ids again and a
   * store with an idempotent-write check keeps one copy.
   */
  readonly newEventId?: () => string;
}

/** One command for one stream. */
export interface HandleRequest<C> {
  readonly stream: StreamName;
  readonly command: C;
  readonly context: CommandContext;
}

/** How hard to try. */
export interface HandleOptions<S> {
  /** Retries after a `ConcurrencyConflict` before reporting it; 5 unless told. */
  readonly maxRetries?: number;
  /** The wait between retries; see {@link defaultBackoff}. */
  readonly jitter?: Partial<Backoff>;
  /** How the stream's state is loaded; from the latest snapshot if `snapshots` are on, else folding the stream. */
  readonly load?: StateLoader<S>;
  /** Snapshots of the state (off unless given): loaded before the events after them, written every so often. */
  readonly snapshots?: SnapshotSettings<S>;
}

/** What handling a command recorded, and the stream's state and last revision (null: no events) after it. */
export interface Handled<S> {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly state: S;
  readonly revision: bigint | null;
  /** True when the command had been handled before and this is that earlier outcome, nothing appended. */
  readonly repeated: boolean;
}

/**
 * Handles a command: loads the stream's state, lets the decider decide, and appends what it decided at the
 * revision it read, re-reading and deciding again after a conflict (bounded, with jittered waits). A command
 * whose id the stream already holds is not applied again: the earlier outcome comes back if its content is
 * the same, `CommandIdReused` if not. Events are decoded by the store's schema (build it from the decider's
 * codecs); ids are checked per stream. Whatever its static type, the request is checked first and the command
 * decoded with the decider's `decodeCommand` (when it has one): bad input is answered with `DecodeFailed` naming
 * each bad path, and nothing is read, decided or appended.
 *
 * Traced (see docs/tracing.md): a `dossier.handle` span under the active context, with a `dossier.load`,
 * `dossier.decide` and `dossier.append` child for each attempt.
 */
export const handle =
  <C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
    store: EventStore,
    decider: Decider<C, S, Ev, Err>,
    request: HandleRequest<NoInfer<C>>,
    options: HandleOptions<NoInfer<S>> = {},
  ): TaskEither<HandleError<Err>, Handled<S>> =>
  () => {
    const parent = otelContext.active();
    const span = startSpan('dossier.handle', parent);
    const traced: Traced = { parent: within(parent, span), outcome: 'failed', retries: 0 };
    // A span that records nothing (no provider, or sampled out) is ended at once and the handling's own promise
    // handed back: no async step of its own, which every untraced command would pay.
    if (!span.isRecording()) {
      span.end();
      return handleNow(store, decider, request, options, traced);
    }
    return handleRecorded(span, traced, () => handleNow(store, decider, request, options, traced), request);
  };

/** Handling under a span that records: its attributes, and its end once the command is handled. */
const handleRecorded = async <
  R extends E.Either<unknown, { readonly revision: bigint | null; readonly events: ReadonlyArray<unknown> }>,
>(
  span: Span,
  traced: Traced,
  run: () => Promise<R>,
  request: unknown,
): Promise<R> => {
  annotate(span, () => commandSpanAttributes(request));
  const result = await run();
  annotate(span, () => handledAttributes(traced.retries, result));
  if (E.isLeft(result)) endFailed(span, traced.outcome, result.left);
  else endOk(span, traced.outcome);
  return result;
};

/** What the handler tells its span: the context of its children, and how the command ended. */
interface Traced {
  readonly parent: Context;
  outcome: Outcome;
  retries: number;
}

// The options an append gets when the handler knows no tip: shared, since every command of a new stream has none.
const noAppendOptions: AppendOptions = Object.freeze({});

const handleNow = async <C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
  store: EventStore,
  decider: Decider<C, S, Ev, Err>,
  request: HandleRequest<C>,
  options: HandleOptions<S>,
  traced: Traced,
): Promise<E.Either<HandleError<Err>, Handled<S>>> => {
  const checked = checkRequest(decider, request, options);
  if (E.isLeft(checked)) return checked;
  const { stream, command, context } = checked.right;
  const hash = commandHash(command);
  const snapshots = resolveSnapshots(decider, options.snapshots);
  const loader = options.load;
  const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 5));
  for (let attempt = 0; ; attempt++) {
    const loaded = await traceLoad(traced.parent, attempt, () =>
      loader === undefined
        ? loadState(store, decider, snapshots, defaultPageSize, stream, context.commandId)
        : loader.load(stream, context.commandId)(),
    );
    if (E.isLeft(loaded)) return loaded;
    const { state, revision, earlier, hash: tipHash, folded = 0 } = loaded.right;
    if (earlier !== undefined) {
      // Events recorded without a digest cannot disagree; the id alone marks them.
      const same = earlier.events.every(
        (e) => e.metadata.commandHash === null || e.metadata.commandHash === hash,
      );
      traced.outcome = same ? 'repeated' : 'failed';
      return same
        ? E.right({ ...earlier, repeated: true })
        : E.left(commandIdReused(context.commandId, stream));
    }
    const decided = traceDecide(traced.parent, attempt, () => decider.decide(command, state));
    if (E.isLeft(decided) || decided.right.length === 0) {
      // A long stream without a snapshot gets one even when nothing is appended.
      if (
        snapshots !== undefined &&
        folded >= snapshots.settings.every &&
        revision !== null &&
        tipHash !== undefined
      )
        await writeSnapshot(store, stream, snapshots, { state, revision, hash: tipHash });
      traced.outcome = E.isLeft(decided) ? 'refused' : 'unchanged';
      return E.isLeft(decided) ? decided : E.right({ events: [], state, revision, repeated: false });
    }
    const appended = await traceAppend(traced.parent, attempt, revision, () =>
      store.append(
        stream,
        revision ?? 'no-stream',
        newEvents(stream, decided.right, context, hash),
        // The tip it loaded, so the store need not read it again; a stale one is still a conflict.
        revision === null || tipHash === undefined ? noAppendOptions : { expectedHash: tipHash },
      )(),
    );
    if (E.isRight(appended)) {
      traced.outcome = 'appended';
      const after = fold(decider, decided.right, state);
      const events = appended.right.events;
      const last = events[events.length - 1];
      if (snapshots !== undefined && folded + events.length >= snapshots.settings.every && last !== undefined)
        await writeSnapshot(store, stream, snapshots, {
          state: after,
          revision: appended.right.nextExpectedRevision,
          hash: last.metadata.hash,
        });
      return E.right({
        events,
        state: after,
        revision: appended.right.nextExpectedRevision,
        repeated: false,
      });
    }
    traced.outcome = appended.left._tag === 'ConcurrencyConflict' ? 'conflict' : 'failed';
    if (appended.left._tag !== 'ConcurrencyConflict' || attempt >= maxRetries) return appended;
    traced.retries = attempt + 1;
    const backoff: Backoff = { ...defaultBackoff, ...options.jitter };
    await backoff.sleep(backoffDelay(backoff, attempt));
  }
};

/** The events to append for what the decider decided, with the metadata the handler records on each. */
const newEvents = (
  stream: StreamName,
  decided: ReadonlyArray<EventShape>,
  context: CommandContext,
  hash: string,
): ReadonlyArray<NewEvent> => {
  const { newEventId } = context;
  const correlationId = context.correlationId ?? context.commandId;
  const causationId = context.causationId ?? context.commandId;
  return decided.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: newEventId === undefined ? commandEventId(stream, context.commandId, index) : newEventId(),
      commandId: context.commandId,
      commandHash: hash,
      correlationId,
      causationId,
      actor: context.actor,
    },
  }));
};
