import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { fold, type CommandShape, type Decider, type ErrorShape, type EventShape } from '../decider.js';
import type { EventStore } from '../store/port.js';
import type { NewEvent, RecordedEvent, StreamName } from '../store/types.js';
import { backoffDelay, defaultBackoff, type Backoff } from './backoff.js';
import { commandHash } from './commandHash.js';
import { commandIdReused, type HandleError } from './errors.js';
import { foldingLoader, type StateLoader } from './stateLoader.js';

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
  /** Makes each event's id; `crypto.randomUUID` when omitted. */
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
  /** How the stream's state is loaded; folding the whole stream unless told. */
  readonly load?: StateLoader<S>;
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
 * codecs); ids are checked per stream.
 */
export const handle =
  <C extends CommandShape, S, Ev extends EventShape, Err extends ErrorShape>(
    store: EventStore,
    decider: Decider<C, S, Ev, Err>,
    request: HandleRequest<NoInfer<C>>,
    options: HandleOptions<NoInfer<S>> = {},
  ): TaskEither<HandleError<Err>, Handled<S>> =>
  async () => {
    const { stream, command, context } = request;
    const hash = commandHash(command);
    const loader = options.load ?? foldingLoader(store, decider);
    const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? 5));
    const backoff: Backoff = { ...defaultBackoff, ...options.jitter };
    const newEventId = context.newEventId ?? randomUUID;
    const toNew = (event: Ev): NewEvent => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: newEventId(),
        commandId: context.commandId,
        commandHash: hash,
        correlationId: context.correlationId ?? context.commandId,
        causationId: context.causationId ?? context.commandId,
        actor: context.actor,
      },
    });

    for (let attempt = 0; ; attempt++) {
      const loaded = await loader.load(stream, context.commandId)();
      if (E.isLeft(loaded)) return loaded;
      const { state, revision, earlier } = loaded.right;
      if (earlier !== undefined) {
        // Events recorded without a digest cannot disagree; the id alone marks them.
        const same = earlier.events.every(
          (e) => e.metadata.commandHash === null || e.metadata.commandHash === hash,
        );
        return same
          ? E.right({ ...earlier, repeated: true })
          : E.left(commandIdReused(context.commandId, stream));
      }
      const decided = decider.decide(command, state);
      if (E.isLeft(decided)) return decided;
      if (decided.right.length === 0) return E.right({ events: [], state, revision, repeated: false });
      const appended = await store.append(stream, revision ?? 'no-stream', decided.right.map(toNew))();
      if (E.isRight(appended)) {
        return E.right({
          events: appended.right.events,
          state: fold(decider, decided.right, state),
          revision: appended.right.nextExpectedRevision,
          repeated: false,
        });
      }
      if (appended.left._tag !== 'ConcurrencyConflict' || attempt >= maxRetries) return appended;
      await backoff.sleep(backoffDelay(backoff, attempt));
    }
  };
