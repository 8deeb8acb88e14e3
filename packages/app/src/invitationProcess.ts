import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProcessManager, ProcessManagerRunner, StoreUnavailable } from '@dossier/core';
import {
  commandIdFor,
  invitationFlow,
  invitationFlowReactsTo,
  type InvitationEvent,
  type InvitationFlowDispatch,
  type PaymentProfileEvent,
} from '@dossier/domain';
import type { FlowDispatchError } from './dispatchFlow.js';
import { runFlow, type FlowOptions } from './runFlow.js';

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
export type InvitationFlowOptions = FlowOptions;

/**
 * Runs the invitation flow on core's process-manager runner from its own checkpoint. A command is dispatched under
 * the id `commandIdFor(eventId, index)`, so an event delivered again — after a crash between dispatch and checkpoint,
 * or a replay — meets command handling's record of that id and acts once (IN-4). Refusals of the domain (an acceptance
 * that crossed a cancellation, say) are recorded in the runner's status, and the flow moves on.
 */
export const runInvitationFlow = (
  options: InvitationFlowOptions,
): TE.TaskEither<StoreUnavailable, ProcessManagerRunner<FlowDispatchError>> =>
  runFlow(invitationProcessManager, options, commandIdFor);
