import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { EventStore, Handled } from '@dossier/core';
import { systemActor, type InvitationFlowDispatch } from '@dossier/domain';
import type { AggregateState, DossierDeciders } from './aggregates.js';
import { execute, type ExecuteError } from './execute.js';

/** The ids a process manager dispatches a command under, all derived from the event that caused it. */
export interface CausedBy {
  /** Derived from the triggering event's id, so that a redelivery carries the same id (IN-4). */
  readonly commandId: string;
  /** The triggering event's correlation id. */
  readonly correlationId: string;
  /** The triggering event's id. */
  readonly causationId: string;
}

/** Why a command of the invitation flow was not carried out. */
export type FlowDispatchError = ExecuteError<'invitation'> | ExecuteError<'paymentProfile'>;

/** What a command of the invitation flow did to its stream. */
export type FlowDispatched =
  Handled<AggregateState<'invitation'>> | Handled<AggregateState<'paymentProfile'>>;

/**
 * Carries out one command of the invitation flow through `handle`, with its aggregate's decider, the id the flow or
 * the runner derived from the triggering event (the saga's own id wins when it has one), the event's correlation and
 * causation ids, and the flow's system actor.
 */
export const dispatchFlow =
  (store: EventStore, deciders: DossierDeciders) =>
  (dispatch: InvitationFlowDispatch, cause: CausedBy): TE.TaskEither<FlowDispatchError, FlowDispatched> => {
    const context = {
      commandId: dispatch.commandId ?? cause.commandId,
      correlationId: cause.correlationId,
      causationId: cause.causationId,
      actor: systemActor.id,
    };
    return dispatch.aggregate === 'invitation'
      ? execute(store, deciders, 'invitation', dispatch.stream, dispatch.command, context)
      : execute(store, deciders, 'paymentProfile', dispatch.stream, dispatch.command, context);
  };
