import type { PaymentProfileCommand, PaymentProfileEvent } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';

/**
 * The command that emits a payment-profile event when the event starts its command's batch; `undefined` for
 * AdminsNotified, which only ever follows the ProfileDetailsChanged of its decision (PP-2). An EmailPreferenceChanged
 * that follows PrimaryContactReassigned in one batch (PP-9) takes ReassignPrimaryContact from the batch.
 */
export const paymentProfileCommandOf = (
  event: PaymentProfileEvent,
): PaymentProfileCommand['type'] | undefined => {
  switch (event.type) {
    case 'ProfileCreated':
      return 'CreateProfile';
    case 'ProfileDetailsChanged':
      return 'UpdateProfileDetails';
    case 'AdminsNotified':
      return undefined;
    case 'UserInvited':
      return 'InviteUser';
    case 'InvitationResendRequested':
      return 'RequestInvitationResend';
    case 'InvitationCancellationRequested':
      return 'RequestInvitationCancellation';
    case 'InvitedUserActivated':
      return 'ActivateInvitedUser';
    case 'PendingUserWithdrawn':
      return 'WithdrawPendingUser';
    case 'PermissionsChanged':
      return 'ChangePermissions';
    case 'UserRemoved':
      return 'RemoveUser';
    case 'PrimaryContactReassigned':
      return 'ReassignPrimaryContact';
    case 'EmailPreferenceChanged':
      return 'SetEmailPreference';
    default:
      return absurd(event);
  }
};
