import type {
  AdminsNotified,
  EmailPreferenceChanged,
  InvitationCancellationRequested,
  InvitationResendRequested,
  InvitedUserActivated,
  PaymentProfileEvent,
  PendingUserWithdrawn,
  Permission,
  PermissionsChanged,
  PrimaryContactReassigned,
  ProfileCreated,
  ProfileDetailsChanged,
  ProfileDetailsChanges,
  UserInvited,
  UserRemoved,
} from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import { listed, quoted } from './words.js';

/** `read, purchase`; no permission at all is e-mail access only (PP-3). */
const permissionList = (permissions: ReadonlyArray<Permission>): string =>
  permissions.length === 0 ? 'none (e-mail only)' : permissions.join(', ');

const named = (email: string, name: string | undefined): string =>
  name === undefined ? email : `${name} <${email}>`;

const detailChanges = (changes: ProfileDetailsChanges): string =>
  listed([
    ...(changes.name === undefined ? [] : [`name set to ${quoted(changes.name)}`]),
    ...(changes.address === undefined ? [] : [`address set to ${quoted(changes.address)}`]),
    ...(changes.taxNumber === undefined ? [] : [`tax number set to ${quoted(changes.taxNumber)}`]),
    ...(changes.language === undefined ? [] : [`language set to ${quoted(changes.language)}`]),
    ...(changes.paymentMethods === undefined
      ? []
      : [
          `payment methods set to ${changes.paymentMethods.length === 0 ? 'none' : changes.paymentMethods.join(', ')}`,
        ]),
  ]);

const profileCreated = ({ data }: ProfileCreated): string =>
  [
    `${data.kind === 'business' ? 'Business' : 'Individual'}${data.seller ? ' seller' : ''} profile ${quoted(data.name)} (${data.profileId}) created by ${data.email}, its first admin and primary contact, receiving all e-mail`,
    ...(data.address === undefined ? [] : [`address ${quoted(data.address)}`]),
    ...(data.taxNumber === undefined ? [] : [`tax number ${quoted(data.taxNumber)}`]),
    ...(data.language === undefined ? [] : [`language ${quoted(data.language)}`]),
  ].join('; ');

const profileDetailsChanged = ({ data }: ProfileDetailsChanged): string =>
  `Profile details changed: ${detailChanges(data.changes)}`;

const adminsNotified = ({ data }: AdminsNotified): string =>
  `Admins notified by e-mail of the change (${detailChanges(data.change)}): ${listed(data.recipients)}`;

const userInvited = ({ data }: UserInvited): string =>
  `${named(data.email, data.name)} invited with permissions ${permissionList(data.permissions)} and e-mail preference ${data.emailPreference} (invitation ${data.invitationId}); pending until accepted`;

const invitationResendRequested = ({ data }: InvitationResendRequested): string =>
  `Resending of invitation ${data.invitationId} to ${data.email} requested`;

const invitationCancellationRequested = ({ data }: InvitationCancellationRequested): string =>
  `Cancellation of invitation ${data.invitationId} to ${data.email} requested; pending until the invitation ends`;

const invitedUserActivated = ({ data }: InvitedUserActivated): string =>
  `${named(data.email, data.name)} accepted invitation ${data.invitationId} and became an active user (${data.userId}, ${data.hasAccount ? 'with an account' : 'without an account'}) with permissions ${permissionList(data.permissions)} granted by ${data.invitedBy}, and e-mail preference ${data.emailPreference}`;

const pendingUserWithdrawn = ({ data }: PendingUserWithdrawn): string =>
  `Pending user ${data.email} withdrawn: invitation ${data.invitationId} was ${data.reason}`;

const permissionsChanged = ({ data }: PermissionsChanged): string =>
  `Permissions of ${data.email} changed from ${permissionList(data.from)} to ${permissionList(data.to)}`;

const userRemoved = ({ data }: UserRemoved): string =>
  `User ${data.email} (${data.userId}) removed permanently`;

const primaryContactReassigned = ({ data }: PrimaryContactReassigned): string =>
  `Primary contact moved from ${data.from} to ${data.to}`;

const emailPreferenceChanged = ({ data }: EmailPreferenceChanged): string =>
  `E-mail preference of ${data.email} changed from ${data.from} to ${data.to}`;

/** What a payment-profile event changed, in plain English for an auditor. */
export const describePaymentProfileEvent = (event: PaymentProfileEvent): string => {
  switch (event.type) {
    case 'ProfileCreated':
      return profileCreated(event);
    case 'ProfileDetailsChanged':
      return profileDetailsChanged(event);
    case 'AdminsNotified':
      return adminsNotified(event);
    case 'UserInvited':
      return userInvited(event);
    case 'InvitationResendRequested':
      return invitationResendRequested(event);
    case 'InvitationCancellationRequested':
      return invitationCancellationRequested(event);
    case 'InvitedUserActivated':
      return invitedUserActivated(event);
    case 'PendingUserWithdrawn':
      return pendingUserWithdrawn(event);
    case 'PermissionsChanged':
      return permissionsChanged(event);
    case 'UserRemoved':
      return userRemoved(event);
    case 'PrimaryContactReassigned':
      return primaryContactReassigned(event);
    case 'EmailPreferenceChanged':
      return emailPreferenceChanged(event);
    default:
      return absurd(event);
  }
};
