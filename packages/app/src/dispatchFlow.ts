import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { EventStore, Handled, HandleOptions, StateLoader } from '@dossier/core';
import type { IncidentFlowDispatch, InvitationFlowDispatch } from '@dossier/domain';
import type { AggregateName, AggregateState, DossierDeciders } from './aggregates.js';
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

/** A command one of the flows (invitation, incident) asks to dispatch. */
export type FlowDispatch = InvitationFlowDispatch | IncidentFlowDispatch;

/** Why a command of a flow was not carried out. */
export type FlowDispatchError =
  ExecuteError<'invitation'> | ExecuteError<'paymentProfile'> | ExecuteError<'supportCase'>;

/** What a command of a flow did to its stream. */
export type FlowDispatched =
  | Handled<AggregateState<'invitation'>>
  | Handled<AggregateState<'paymentProfile'>>
  | Handled<AggregateState<'supportCase'>>;

/** How a flow's commands load their stream's state, per aggregate; the stream folded from the store unless told. */
export type FlowLoaders = { readonly [A in AggregateName]?: StateLoader<AggregateState<A>> };

const withLoad = <S>(load: StateLoader<S> | undefined): HandleOptions<S> => (load === undefined ? {} : { load });

/**
 * Carries out one command of a flow through `handle`, with its aggregate's decider, the id the flow or the runner
 * derived from the triggering event (the flow's own id wins when it has one), the event's correlation and causation
 * ids, and the flow's system actor (the command's own). `loaders` replace the fold of a stream from the store,
 * per aggregate, for a caller that knows its streams' states (a generator writing alone).
 */
export const dispatchFlow =
  (store: EventStore, deciders: DossierDeciders, loaders: FlowLoaders = {}) =>
  (dispatch: FlowDispatch, cause: CausedBy): TE.TaskEither<FlowDispatchError, FlowDispatched> => {
    const context = {
      commandId: dispatch.commandId ?? cause.commandId,
      correlationId: cause.correlationId,
      causationId: cause.causationId,
      actor: dispatch.command.actor.id,
    };
    switch (dispatch.aggregate) {
      case 'invitation':
        return execute(store, deciders, 'invitation', dispatch.stream, dispatch.command, context, withLoad(loaders.invitation));
      case 'paymentProfile':
        return execute(store, deciders, 'paymentProfile', dispatch.stream, dispatch.command, context, withLoad(loaders.paymentProfile));
      case 'supportCase':
        return execute(store, deciders, 'supportCase', dispatch.stream, dispatch.command, context, withLoad(loaders.supportCase));
    }
  };
