import { absurd } from 'fp-ts/lib/function.js';
import type { PaymentProfileCommand } from './commands.js';
import type { Decision } from './decide/context.js';
import {
  activateInvitedUser,
  inviteUser,
  requestInvitationCancellation,
  requestInvitationResend,
  withdrawPendingUser,
} from './decide/invitations.js';
import { createProfile, updateProfileDetails } from './decide/profile.js';
import { changePermissions, reassignPrimaryContact, removeUser, setEmailPreference } from './decide/users.js';
import type { PaymentProfileState } from './state.js';

/** Decides a payment-profile command against the current state: events, or the reason for refusing. */
export const decide = (command: PaymentProfileCommand, state: PaymentProfileState): Decision => {
  switch (command.type) {
    case 'CreateProfile':
      return createProfile(command, state);
    case 'UpdateProfileDetails':
      return updateProfileDetails(command, state);
    case 'InviteUser':
      return inviteUser(command, state);
    case 'RequestInvitationResend':
      return requestInvitationResend(command, state);
    case 'RequestInvitationCancellation':
      return requestInvitationCancellation(command, state);
    case 'ActivateInvitedUser':
      return activateInvitedUser(command, state);
    case 'WithdrawPendingUser':
      return withdrawPendingUser(command, state);
    case 'ChangePermissions':
      return changePermissions(command, state);
    case 'RemoveUser':
      return removeUser(command, state);
    case 'ReassignPrimaryContact':
      return reassignPrimaryContact(command, state);
    case 'SetEmailPreference':
      return setEmailPreference(command, state);
    default:
      return absurd(command);
  }
};
