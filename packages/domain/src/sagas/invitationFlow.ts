import { absurd } from 'fp-ts/lib/function.js';
import type { Instant } from '../shared/instant.js';
import { invitationEventTypes } from '../invitation/codecs.js';
import type { InvitationCommand } from '../invitation/commands.js';
import type { InvitationEvent } from '../invitation/events.js';
import { InvitationIdCodec, invitationStream, type InvitationId } from '../invitation/ids.js';
import type { PaymentProfileCommand, WithdrawalReason } from '../paymentProfile/commands.js';
import type { PaymentProfileEvent } from '../paymentProfile/events.js';
import { paymentProfileStream, ProfileIdCodec, type ProfileId } from '../paymentProfile/ids.js';
import { systemActor } from './systemActor.js';

/** An event the invitation flow is shown, as recorded: its stream, the event, and the store's event id if known. */
export interface InvitationFlowInput {
  readonly stream: string;
  readonly event: PaymentProfileEvent | InvitationEvent;
  readonly eventId?: string;
}

/** A command the invitation flow asks the runtime to dispatch to a stream, with its deterministic id when known. */
export type InvitationFlowDispatch =
  | {
      readonly aggregate: 'invitation';
      readonly stream: ReturnType<typeof invitationStream>;
      readonly command: InvitationCommand;
      readonly commandId?: string;
    }
  | {
      readonly aggregate: 'paymentProfile';
      readonly stream: ReturnType<typeof paymentProfileStream>;
      readonly command: PaymentProfileCommand;
      readonly commandId?: string;
    };

/** The event types the invitation flow reacts to; a runtime may subscribe to these only. */
export const invitationFlowReactsTo = [
  'UserInvited',
  'InvitationResendRequested',
  'InvitationCancellationRequested',
  'InvitationAccepted',
  'InvitationExpired',
  'InvitationCancelled',
  'InvitationDeclined',
] as const;

/**
 * The id of the `index`-th command the flow issues for the event `eventId`: the same event always gives the same ids,
 * so a runtime that dispatches with them (and refuses a command id it has seen) never acts twice on a redelivery.
 */
export const commandIdFor = (eventId: string, index: number): string => `invitationFlow:${eventId}:${index}`;

const idIn = <A>(prefix: string, stream: string, is: (u: unknown) => u is A): A | undefined => {
  const id = stream.startsWith(`${prefix}-`) ? stream.slice(prefix.length + 1) : undefined;
  return is(id) ? id : undefined;
};
const profileIdOf = (stream: string): ProfileId | undefined =>
  idIn('paymentProfile', stream, ProfileIdCodec.is);
const invitationIdOf = (stream: string): InvitationId | undefined =>
  idIn('invitation', stream, InvitationIdCodec.is);

const toInvitation = (id: InvitationId, command: InvitationCommand): InvitationFlowDispatch => ({
  aggregate: 'invitation',
  stream: invitationStream(id),
  command,
});
const toProfile = (id: ProfileId, command: PaymentProfileCommand): InvitationFlowDispatch => ({
  aggregate: 'paymentProfile',
  stream: paymentProfileStream(id),
  command,
});

/** What the profile's events ask of the Invitation: issue it, resend it, cancel it. */
const fromProfile = (
  profileId: ProfileId,
  event: PaymentProfileEvent,
): ReadonlyArray<InvitationFlowDispatch> => {
  const actor = systemActor;
  switch (event.type) {
    case 'UserInvited': {
      const { data } = event;
      return [
        toInvitation(data.invitationId, {
          type: 'IssueInvitation',
          at: data.at,
          actor,
          data: {
            invitationId: data.invitationId,
            profileId,
            email: data.email,
            ...(data.name === undefined ? {} : { name: data.name }),
            permissions: data.permissions,
            emailPreference: data.emailPreference,
            issuedBy: data.by,
          },
        }),
      ];
    }
    case 'InvitationResendRequested':
      return [
        toInvitation(event.data.invitationId, {
          type: 'ResendInvitation',
          at: event.data.at,
          actor,
          data: { requestedBy: event.data.by },
        }),
      ];
    case 'InvitationCancellationRequested':
      return [
        toInvitation(event.data.invitationId, {
          type: 'CancelInvitation',
          at: event.data.at,
          actor,
          data: { requestedBy: event.data.by },
        }),
      ];
    case 'ProfileCreated':
    case 'ProfileDetailsChanged':
    case 'AdminsNotified':
    case 'InvitedUserActivated':
    case 'PendingUserWithdrawn':
    case 'PermissionsChanged':
    case 'UserRemoved':
    case 'PrimaryContactReassigned':
    case 'EmailPreferenceChanged':
      return [];
    default:
      return absurd(event);
  }
};

const withdraw = (
  invitationId: InvitationId,
  profileId: ProfileId,
  reason: WithdrawalReason,
  at: Instant,
): InvitationFlowDispatch =>
  toProfile(profileId, {
    type: 'WithdrawPendingUser',
    at,
    actor: systemActor,
    data: { invitationId, reason },
  });

/** What the Invitation's final states ask of the profile: activate the invitee (IN-4) or withdraw them (IN-5). */
const fromInvitation = (
  invitationId: InvitationId,
  event: InvitationEvent,
): ReadonlyArray<InvitationFlowDispatch> => {
  switch (event.type) {
    case 'InvitationAccepted': {
      const { data } = event;
      return [
        toProfile(data.profileId, {
          type: 'ActivateInvitedUser',
          at: data.at,
          actor: systemActor,
          data: { invitationId, userId: data.by, email: data.email, hasAccount: data.hasAccount },
        }),
      ];
    }
    case 'InvitationExpired':
      return [withdraw(invitationId, event.data.profileId, 'expired', event.data.at)];
    case 'InvitationCancelled':
      return [withdraw(invitationId, event.data.profileId, 'cancelled', event.data.at)];
    case 'InvitationDeclined':
      return [withdraw(invitationId, event.data.profileId, 'declined', event.data.at)];
    case 'InvitationIssued':
    case 'InvitationResent':
      return [];
    default:
      return absurd(event);
  }
};

const isInvitationEvent = (event: PaymentProfileEvent | InvitationEvent): event is InvitationEvent =>
  (invitationEventTypes as ReadonlyArray<string>).includes(event.type);

/**
 * The process manager between PaymentProfile and Invitation, as a pure function from one recorded event to the
 * commands it causes: UserInvited → IssueInvitation; InvitationResendRequested → ResendInvitation;
 * InvitationCancellationRequested → CancelInvitation; InvitationAccepted → ActivateInvitedUser;
 * InvitationExpired/Cancelled/Declined → WithdrawPendingUser. Each command is stamped with the triggering event's `at`
 * and issued as {@link systemActor}; with an `eventId`, each carries {@link commandIdFor}. An event from a stream that
 * is not its aggregate's causes nothing.
 */
export const invitationFlow = (recorded: InvitationFlowInput): ReadonlyArray<InvitationFlowDispatch> => {
  const { stream, event, eventId } = recorded;
  let commands: ReadonlyArray<InvitationFlowDispatch> = [];
  if (isInvitationEvent(event)) {
    const invitationId = invitationIdOf(stream);
    if (invitationId !== undefined) commands = fromInvitation(invitationId, event);
  } else {
    const profileId = profileIdOf(stream);
    if (profileId !== undefined) commands = fromProfile(profileId, event);
  }
  return eventId === undefined
    ? commands
    : commands.map((dispatch, index) => ({ ...dispatch, commandId: commandIdFor(eventId, index) }));
};
