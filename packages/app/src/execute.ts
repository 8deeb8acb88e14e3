import { randomUUID } from 'node:crypto';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  handle,
  type Decider,
  type EventStore,
  type Handled,
  type HandleError,
  type HandleOptions,
  type StreamName,
} from '@dossier/core';
import {
  aggregateOfStream,
  type AggregateCommand,
  type AggregateError,
  type AggregateEvent,
  type AggregateName,
  type AggregateState,
  type DossierDeciders,
} from './aggregates.js';

/** A command addressed to a stream that is not one of the named aggregate's: refused before anything is read. */
export interface StreamOfAnotherAggregate {
  readonly _tag: 'StreamOfAnotherAggregate';
  readonly aggregate: AggregateName;
  readonly stream: StreamName;
  /** The aggregate the stream's prefix names, if any. */
  readonly streamAggregate: AggregateName | null;
}

/** Why executing a command on an aggregate failed: the domain refused it, the store failed, or it was misaddressed. */
export type ExecuteError<A extends AggregateName> = HandleError<AggregateError<A>> | StreamOfAnotherAggregate;

/** The ids a command is recorded under; each has a default, so callers give only what they know. */
export interface ExecuteContext {
  /** A new UUID unless told; give a stable one to make retries of the same command idempotent. */
  readonly commandId?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Who is recorded as asking; the command's `actor.id` unless told. */
  readonly actor?: string;
}

type AnyDecider<A extends AggregateName> = Decider<
  AggregateCommand<A>,
  AggregateState<A>,
  AggregateEvent<A>,
  AggregateError<A>
>;

/**
 * Sends a typed command to a stream of the named aggregate through core's `handle`, with that aggregate's decider:
 * load, decide, append, idempotent by command id. A stream of another aggregate is refused as a value.
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
  const streamAggregate = aggregateOfStream(stream) ?? null;
  if (streamAggregate !== aggregate)
    return TE.left({ _tag: 'StreamOfAnotherAggregate', aggregate, stream, streamAggregate });
  // The three deciders differ in type; indexing by `A` gives back the one whose types `A` names.
  const decider = deciders[aggregate] as unknown as AnyDecider<A>;
  const commandId = context.commandId ?? randomUUID();
  return handle(
    store,
    decider,
    {
      stream,
      command,
      context: {
        commandId,
        actor: context.actor ?? command.actor.id,
        ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
        ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
      },
    },
    options,
  );
};
