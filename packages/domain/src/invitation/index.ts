import type { Decider } from '@dossier/core';
import { decodeInvitationCommand } from './commandCodecs.js';
import type { InvitationCommand } from './commands.js';
import { decide } from './decide.js';
import type { InvitationError } from './errors.js';
import type { InvitationEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialInvitationState, type InvitationState } from './state.js';

/** The invitation decider: one invitation to a payment profile, from issue to its final state (IN-1…IN-5). */
export const invitation: Decider<InvitationCommand, InvitationState, InvitationEvent, InvitationError> = {
  initialState: initialInvitationState,
  decide,
  evolve,
  // The command handler decodes every command with it before deciding.
  decodeCommand: decodeInvitationCommand,
};

/** Identifies an invitation, across all profiles. */
export type { InvitationId } from './ids.js';
/** Codec for an invitation id. */
export { InvitationIdCodec } from './ids.js';
/** The event stream of one invitation: `invitation-${id}`. */
export { invitationStream } from './ids.js';
/** Issues an invitation (process manager). */
export type { IssueInvitation } from './commands.js';
/** Sends a pending invitation again (process manager). */
export type { ResendInvitation } from './commands.js';
/** The invitee accepts. */
export type { AcceptInvitation } from './commands.js';
/** Marks an invitation expired (scheduler). */
export type { ExpireInvitation } from './commands.js';
/** Cancels a pending invitation (process manager). */
export type { CancelInvitation } from './commands.js';
/** The invitee declines. */
export type { DeclineInvitation } from './commands.js';
/** Every invitation command. */
export type { InvitationCommand } from './commands.js';
/** An invitation was issued and sent. */
export type { InvitationIssued } from './events.js';
/** An invitation was sent again. */
export type { InvitationResent } from './events.js';
/** An invitation was accepted. */
export type { InvitationAccepted } from './events.js';
/** An invitation expired. */
export type { InvitationExpired } from './events.js';
/** An invitation was cancelled. */
export type { InvitationCancelled } from './events.js';
/** An invitation was declined. */
export type { InvitationDeclined } from './events.js';
/** Every invitation event. */
export type { InvitationEvent } from './events.js';
/** An invitation's state. */
export type { InvitationState } from './state.js';
/** An invitation's status. */
export type { InvitationStatus } from './state.js';
/** What an issued invitation holds. */
export type { InvitationDetails } from './state.js';
/** The state of an invitation stream with no events. */
export { initialInvitationState } from './state.js';
/** The statuses an invitation never leaves. */
export { finalStatuses } from './state.js';
/** How many days an invitation may be accepted after its last sending. */
export { invitationValidityDays } from './state.js';
/** When an invitation last sent at a given instant expires. */
export { invitationExpiresAt } from './state.js';
/** Why an invitation command was refused. */
export type { InvitationError } from './errors.js';
/** Codec for {@link InvitationIssued}. */
export { InvitationIssuedCodec } from './codecs.js';
/** Codec for {@link InvitationResent}. */
export { InvitationResentCodec } from './codecs.js';
/** Codec for {@link InvitationAccepted}. */
export { InvitationAcceptedCodec } from './codecs.js';
/** Codec for {@link InvitationExpired}. */
export { InvitationExpiredCodec } from './codecs.js';
/** Codec for {@link InvitationCancelled}. */
export { InvitationCancelledCodec } from './codecs.js';
/** Codec for {@link InvitationDeclined}. */
export { InvitationDeclinedCodec } from './codecs.js';
/** Codec for any invitation event. */
export { InvitationEventCodec } from './codecs.js';
/** The type names of every invitation event. */
export { invitationEventTypes } from './codecs.js';
/** Decodes a stored invitation event; never throws. */
export { decodeInvitationEvent } from './codecs.js';
/** Codec for {@link IssueInvitation}. */
export { IssueInvitationCodec } from './commandCodecs.js';
/** Codec for {@link ResendInvitation}. */
export { ResendInvitationCodec } from './commandCodecs.js';
/** Codec for {@link AcceptInvitation}. */
export { AcceptInvitationCodec } from './commandCodecs.js';
/** Codec for {@link ExpireInvitation}. */
export { ExpireInvitationCodec } from './commandCodecs.js';
/** Codec for {@link CancelInvitation}. */
export { CancelInvitationCodec } from './commandCodecs.js';
/** Codec for {@link DeclineInvitation}. */
export { DeclineInvitationCodec } from './commandCodecs.js';
/** Codec for any invitation command. */
export { InvitationCommandCodec } from './commandCodecs.js';
/** The type names of every invitation command. */
export { invitationCommandTypes } from './commandCodecs.js';
/** Decodes an incoming invitation command by its `type`; never throws. */
export { decodeInvitationCommand } from './commandCodecs.js';
