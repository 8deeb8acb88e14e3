import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  runProcessManager,
  type EventStore,
  type ProcessManager,
  type ProcessManagerRunner,
  type ProjectionStore,
  type ReadModelBus,
  type StoreUnavailable,
} from '@dossier/core';
import {
  commandIdFor,
  invitationFlow,
  invitationFlowReactsTo,
  type InvitationEvent,
  type InvitationFlowDispatch,
  type PaymentProfileEvent,
} from '@dossier/domain';
import type { DossierDeciders } from './aggregates.js';
import { dispatchFlow, type FlowDispatchError } from './dispatchFlow.js';

/** The name the invitation flow's checkpoint is kept under. */
export const invitationFlowName = 'invitationFlow';

/**
 * The domain's invitation flow as a process manager: UserInvited → IssueInvitation, resend and cancellation requests
 * → ResendInvitation / CancelInvitation, acceptance → ActivateInvitedUser (IN-4), expiry, cancellation and declining
 * → WithdrawPendingUser (IN-2, IN-5). Each command carries the saga's id derived from the triggering event.
 */
export const invitationProcessManager: ProcessManager<
  PaymentProfileEvent | InvitationEvent,
  InvitationFlowDispatch
> = {
  name: invitationFlowName,
  eventTypes: invitationFlowReactsTo,
  react: (recorded) =>
    invitationFlow({
      stream: recorded.stream,
      event: { type: recorded.type, data: recorded.data } as PaymentProfileEvent | InvitationEvent,
      eventId: recorded.metadata.eventId,
    }),
};

/** How to run the invitation flow. */
export interface InvitationFlowOptions {
  readonly store: EventStore;
  /** Where its checkpoint lives: with the projections' state, so a restart resumes where it stopped. */
  readonly checkpoints: ProjectionStore;
  readonly deciders: DossierDeciders;
  readonly bus?: ReadModelBus;
  /** The pause before retrying a dispatch after a store failure; core's default unless told. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
}

/**
 * Runs the invitation flow on core's process-manager runner from its own checkpoint. A command is dispatched under
 * the id `commandIdFor(eventId, index)`, so an event delivered again — after a crash between dispatch and checkpoint,
 * or a replay — meets command handling's record of that id and acts once (IN-4). Refusals of the domain (an acceptance
 * that crossed a cancellation, say) are recorded in the runner's status, and the flow moves on.
 */
export const runInvitationFlow = (
  options: InvitationFlowOptions,
): TE.TaskEither<StoreUnavailable, ProcessManagerRunner<FlowDispatchError>> =>
  runProcessManager({
    store: options.store,
    checkpoints: options.checkpoints,
    manager: invitationProcessManager,
    dispatch: dispatchFlow(options.store, options.deciders),
    commandIdFor,
    ...(options.bus === undefined ? {} : { bus: options.bus }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
