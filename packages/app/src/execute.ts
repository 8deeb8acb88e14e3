import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  handle,
  traceRefusedRequest,
  type Decider,
  type EventStore,
  type Handled,
  type HandleError,
  type HandleOptions,
  type StreamName,
} from '@dossier/core';
import type { DecodeFailed } from '@dossier/domain';
import {
  aggregateOfStream,
  type AggregateCommand,
  type AggregateError,
  type AggregateEvent,
  type AggregateName,
  type AggregateState,
  type DossierDeciders,
} from './aggregates.js';
import { checkAddress, checkRequest, type ExecuteContext } from './executeRequest.js';

export type { ExecuteContext } from './executeRequest.js';

/** A command addressed to a stream that is not one of the named aggregate's: refused before anything is read. */
export interface StreamOfAnotherAggregate {
  readonly _tag: 'StreamOfAnotherAggregate';
  readonly aggregate: AggregateName;
  readonly stream: StreamName;
  /** The aggregate the stream's prefix names, if any. */
  readonly streamAggregate: AggregateName | null;
}

/**
 * Why executing a command on an aggregate failed: the input did not decode (each bad path named), it was
 * misaddressed, the domain refused it, or the store failed.
 */
export type ExecuteError<A extends AggregateName> =
  HandleError<AggregateError<A>> | StreamOfAnotherAggregate | DecodeFailed;

// The tags `execute` fails with when the domain did not answer: the store, the id check, the address, the codec.
const failureTags: ReadonlySet<string> = new Set([
  'ConcurrencyConflict',
  'StreamNotFound',
  'StreamDeleted',
  'UndecodableEvent',
  'InvalidEvent',
  'StoreUnavailable',
  'AppendOutcomeUnknown',
  'CommandIdReused',
  'StreamOfAnotherAggregate',
  'DecodeFailed',
]);

/** Whether an error of {@link execute} is a failure (store, command id, address, codec), not the domain's answer. */
export const isExecuteFailure = (error: { readonly _tag: string }): boolean => failureTags.has(error._tag);

/** Whether an error of {@link execute} is a domain refusal: the aggregate said no. */
export const isRefusal = <A extends AggregateName>(
  error: ExecuteError<A>,
): error is AggregateError<A> & ExecuteError<A> => !isExecuteFailure(error);

type AnyDecider<A extends AggregateName> = Decider<
  AggregateCommand<A>,
  AggregateState<A>,
  AggregateEvent<A>,
  AggregateError<A>
>;

/**
 * Sends a command to a stream of the named aggregate through core's `handle`, with that aggregate's decider: load,
 * decide, append, idempotent by command id. Whatever its static type, the command is first decoded with the
 * aggregate's codec (so JSON from outside may be passed as it is): input that does not decode is answered with
 * `DecodeFailed` naming each bad path, and nothing is read, decided or appended. Never throws.
 */
export const execute = <A extends AggregateName>(
  store: EventStore,
  deciders: DossierDeciders,
  aggregate: A,
  stream: StreamName,
  command: AggregateCommand<A>,
  context: ExecuteContext = {},
  options: HandleOptions<AggregateState<A>> = {},
): TE.TaskEither<ExecuteError<A>, Handled<AggregateState<A>>> => {
  // Turned away before handling: traced as handling that failed, as `handle` traces its own DecodeFailed.
  const refused =
    (error: ExecuteError<A>): TE.TaskEither<ExecuteError<A>, never> =>
    () => {
      traceRefusedRequest({ stream, command, context }, error);
      return Promise.resolve(E.left(error));
    };
  const address = checkAddress(aggregate, stream);
  if (E.isLeft(address)) return refused(address.left);
  const streamAggregate = aggregateOfStream(stream) ?? null;
  if (streamAggregate !== aggregate)
    return refused({ _tag: 'StreamOfAnotherAggregate', aggregate, stream, streamAggregate });
  const checked = checkRequest(aggregate, command, context, options);
  if (E.isLeft(checked)) return refused(checked.left);
  const request = checked.right;
  // The three deciders differ in type; indexing by `A` gives back the one whose types `A` names. The command was
  // decoded just above, so the handler is given the decider without its decoder: decoded once, at this entry.
  const { initialState, decide, evolve } = deciders[aggregate] as unknown as AnyDecider<A>;
  const decider: AnyDecider<A> = { initialState, decide, evolve };
  const commandId = request.context.commandId ?? randomUUID();
  return handle(
    store,
    decider,
    {
      stream,
      command: request.command,
      context: {
        commandId,
        actor: request.context.actor ?? request.command.actor.id,
        ...(request.context.correlationId === undefined
          ? {}
          : { correlationId: request.context.correlationId }),
        ...(request.context.causationId === undefined ? {} : { causationId: request.context.causationId }),
      },
    },
    request.options,
  );
};
