import type { Decider } from '@dossier/core';
import { decodePaymentProfileCommand } from './commandCodecs.js';
import type { PaymentProfileCommand } from './commands.js';
import { decide } from './decide.js';
import type { PaymentProfileError } from './errors.js';
import type { PaymentProfileEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialPaymentProfileState, type PaymentProfileState } from './state.js';

/** The payment-profile decider: users, permissions, e-mail preferences and details of one profile (PP-1…PP-10). */
export const paymentProfile: Decider<
  PaymentProfileCommand,
  PaymentProfileState,
  PaymentProfileEvent,
  PaymentProfileError
> = {
  initialState: initialPaymentProfileState,
  decide,
  evolve,
  // The command handler decodes every command with it before deciding.
  decodeCommand: decodePaymentProfileCommand,
};

/** Identifies a payment profile. */
export type { ProfileId } from './ids.js';
/** Codec for a profile id. */
export { ProfileIdCodec } from './ids.js';
/** The event stream of one payment profile: `paymentProfile-${id}`. */
export { paymentProfileStream } from './ids.js';
/** What a profile user may do (PP-3). */
export type { Permission } from './permissions.js';
/** Which payment e-mails a user receives (PP-9). */
export type { EmailPreference } from './permissions.js';
/** An individual or a business profile (PP-1). */
export type { ProfileKind } from './permissions.js';
/** A profile's kind and seller flag, which decide the permissions it offers. */
export type { ProfileType } from './permissions.js';
/** Every permission, in canonical order. */
export { permissions } from './permissions.js';
/** The permissions that exist on seller profiles only. */
export { sellerPermissions } from './permissions.js';
/** Every e-mail preference. */
export { emailPreferences } from './permissions.js';
/** Whether a permission list holds a permission (`admin` holds them all). */
export { holds } from './permissions.js';
/** Whether a permission list covers every permission of another (PP-5). */
export { covers } from './permissions.js';
/** Whether a profile offers a permission (PP-3). */
export { offers } from './permissions.js';
/** Removes duplicates from a permission list and sorts it canonically. */
export { normalisePermissions } from './permissions.js';
/** Profile details that PP-2 lets admins and edit-profile holders change. */
export type { ProfileDetailsChanges } from './commands.js';
/** Why a pending user was withdrawn. */
export type { WithdrawalReason } from './commands.js';
/** Creates a profile. */
export type { CreateProfile } from './commands.js';
/** Changes profile details. */
export type { UpdateProfileDetails } from './commands.js';
/** Invites someone to the profile. */
export type { InviteUser } from './commands.js';
/** Asks for a pending invitation to be sent again. */
export type { RequestInvitationResend } from './commands.js';
/** Asks for a pending invitation to be cancelled. */
export type { RequestInvitationCancellation } from './commands.js';
/** Activates an invitee after acceptance (process manager). */
export type { ActivateInvitedUser } from './commands.js';
/** Withdraws a pending user whose invitation ended unaccepted (process manager). */
export type { WithdrawPendingUser } from './commands.js';
/** Sets a user's permissions. */
export type { ChangePermissions } from './commands.js';
/** Removes a user, with explicit confirmation. */
export type { RemoveUser } from './commands.js';
/** Moves the primary contact role. */
export type { ReassignPrimaryContact } from './commands.js';
/** Sets a user's e-mail preference. */
export type { SetEmailPreference } from './commands.js';
/** Every payment-profile command. */
export type { PaymentProfileCommand } from './commands.js';
/** A profile was created. */
export type { ProfileCreated } from './events.js';
/** Profile details changed. */
export type { ProfileDetailsChanged } from './events.js';
/** The admins were notified of a change by e-mail. */
export type { AdminsNotified } from './events.js';
/** Someone was invited and is pending. */
export type { UserInvited } from './events.js';
/** A resend of a pending invitation was requested. */
export type { InvitationResendRequested } from './events.js';
/** A cancellation of a pending invitation was requested. */
export type { InvitationCancellationRequested } from './events.js';
/** An invitee became an active user. */
export type { InvitedUserActivated } from './events.js';
/** A pending user was withdrawn. */
export type { PendingUserWithdrawn } from './events.js';
/** A user's permissions changed. */
export type { PermissionsChanged } from './events.js';
/** A user was removed. */
export type { UserRemoved } from './events.js';
/** The primary contact role moved. */
export type { PrimaryContactReassigned } from './events.js';
/** A user's e-mail preference changed. */
export type { EmailPreferenceChanged } from './events.js';
/** Every payment-profile event. */
export type { PaymentProfileEvent } from './events.js';
/** A payment profile's state. */
export type { PaymentProfileState } from './state.js';
/** A created profile. */
export type { Profile } from './state.js';
/** A profile's details. */
export type { ProfileDetails } from './state.js';
/** An active profile user. */
export type { ProfileUser } from './state.js';
/** A pending (invited) user. */
export type { PendingUser } from './state.js';
/** How an invitation of the profile ended. */
export type { ClosedInvitation } from './state.js';
/** The state of a profile stream with no events. */
export { initialPaymentProfileState } from './state.js';
/** Why a payment-profile command was refused. */
export type { PaymentProfileError } from './errors.js';
/** Codec for a permission. */
export { PermissionCodec } from './valueCodecs.js';
/** Codec for an e-mail preference. */
export { EmailPreferenceCodec } from './valueCodecs.js';
/** Codec for a profile kind. */
export { ProfileKindCodec } from './valueCodecs.js';
/** Codec for a withdrawal reason. */
export { WithdrawalReasonCodec } from './valueCodecs.js';
/** Codec for profile-detail changes. */
export { ProfileDetailsChangesCodec } from './codecs.js';
/** Codec for {@link ProfileCreated}. */
export { ProfileCreatedCodec } from './codecs.js';
/** Codec for {@link ProfileDetailsChanged}. */
export { ProfileDetailsChangedCodec } from './codecs.js';
/** Codec for {@link AdminsNotified}. */
export { AdminsNotifiedCodec } from './codecs.js';
/** Codec for {@link UserInvited}. */
export { UserInvitedCodec } from './codecs.js';
/** Codec for {@link InvitationResendRequested}. */
export { InvitationResendRequestedCodec } from './codecs.js';
/** Codec for {@link InvitationCancellationRequested}. */
export { InvitationCancellationRequestedCodec } from './codecs.js';
/** Codec for {@link InvitedUserActivated}. */
export { InvitedUserActivatedCodec } from './codecs.js';
/** Codec for {@link PendingUserWithdrawn}. */
export { PendingUserWithdrawnCodec } from './codecs.js';
/** Codec for {@link PermissionsChanged}. */
export { PermissionsChangedCodec } from './codecs.js';
/** Codec for {@link UserRemoved}. */
export { UserRemovedCodec } from './codecs.js';
/** Codec for {@link PrimaryContactReassigned}. */
export { PrimaryContactReassignedCodec } from './codecs.js';
/** Codec for {@link EmailPreferenceChanged}. */
export { EmailPreferenceChangedCodec } from './codecs.js';
/** Codec for any payment-profile event. */
export { PaymentProfileEventCodec } from './codecs.js';
/** The type names of every payment-profile event. */
export { paymentProfileEventTypes } from './codecs.js';
/** Decodes a stored payment-profile event; never throws. */
export { decodePaymentProfileEvent } from './codecs.js';
/** Codec for {@link CreateProfile}. */
export { CreateProfileCodec } from './commandCodecs.js';
/** Codec for {@link UpdateProfileDetails}. */
export { UpdateProfileDetailsCodec } from './commandCodecs.js';
/** Codec for {@link InviteUser}. */
export { InviteUserCodec } from './commandCodecs.js';
/** Codec for {@link RequestInvitationResend}. */
export { RequestInvitationResendCodec } from './commandCodecs.js';
/** Codec for {@link RequestInvitationCancellation}. */
export { RequestInvitationCancellationCodec } from './commandCodecs.js';
/** Codec for {@link ActivateInvitedUser}. */
export { ActivateInvitedUserCodec } from './commandCodecs.js';
/** Codec for {@link WithdrawPendingUser}. */
export { WithdrawPendingUserCodec } from './commandCodecs.js';
/** Codec for {@link ChangePermissions}. */
export { ChangePermissionsCodec } from './commandCodecs.js';
/** Codec for {@link RemoveUser}. */
export { RemoveUserCodec } from './commandCodecs.js';
/** Codec for {@link ReassignPrimaryContact}. */
export { ReassignPrimaryContactCodec } from './commandCodecs.js';
/** Codec for {@link SetEmailPreference}. */
export { SetEmailPreferenceCodec } from './commandCodecs.js';
/** Codec for any payment-profile command. */
export { PaymentProfileCommandCodec } from './commandCodecs.js';
/** The type names of every payment-profile command. */
export { paymentProfileCommandTypes } from './commandCodecs.js';
/** Decodes an incoming payment-profile command by its `type`; never throws. */
export { decodePaymentProfileCommand } from './commandCodecs.js';
