import type { Email, UserId } from '../shared/ids.js';
import type { InvitationId } from '../invitation/ids.js';
import type { PaymentProfileCommand } from './commands.js';
import type { ProfileId } from './ids.js';
import type { Permission } from './permissions.js';
import type { ClosedInvitation } from './state.js';

type CommandType = PaymentProfileCommand['type'];

/** Why a payment-profile command was refused. */
export type PaymentProfileError =
  | { readonly _tag: 'ProfileNotFound' }
  | { readonly _tag: 'ProfileAlreadyExists'; readonly profileId: ProfileId }
  | { readonly _tag: 'SellerNeedsBusinessProfile' }
  | { readonly _tag: 'NameRequired' }
  | { readonly _tag: 'NotAProfileUser'; readonly actor: UserId }
  | { readonly _tag: 'NotTheProcessManager'; readonly actor: UserId; readonly command: CommandType }
  | { readonly _tag: 'NotAllowedToEditProfile'; readonly actor: UserId }
  | { readonly _tag: 'IndividualProfileHasNoUsers'; readonly command: CommandType }
  | { readonly _tag: 'NotAllowedToManageUsers'; readonly actor: UserId }
  | { readonly _tag: 'AdminRequired'; readonly actor: UserId; readonly command: CommandType }
  | { readonly _tag: 'GrantExceedsCeiling'; readonly permissions: ReadonlyArray<Permission> }
  | {
      readonly _tag: 'UserAboveCeiling';
      readonly email: Email;
      readonly permissions: ReadonlyArray<Permission>;
    }
  | { readonly _tag: 'PermissionNotOnThisProfile'; readonly permission: Permission }
  | { readonly _tag: 'PermissionNeedsAccount'; readonly email: Email }
  | { readonly _tag: 'AlreadyAUser'; readonly email: Email }
  | { readonly _tag: 'AlreadyInvited'; readonly email: Email; readonly invitationId: InvitationId }
  | { readonly _tag: 'InvitationIdInUse'; readonly invitationId: InvitationId }
  | { readonly _tag: 'UnknownInvitation'; readonly invitationId: InvitationId }
  | {
      readonly _tag: 'InvitationNoLongerPending';
      readonly invitationId: InvitationId;
      readonly outcome: ClosedInvitation['outcome'];
    }
  | { readonly _tag: 'InvitationCancellationPending'; readonly invitationId: InvitationId }
  | { readonly _tag: 'InviteeMismatch'; readonly invited: Email; readonly accepted: Email }
  | { readonly _tag: 'NotAUser'; readonly email: Email }
  | { readonly _tag: 'UserIsPending'; readonly email: Email; readonly invitationId: InvitationId }
  | { readonly _tag: 'RemovalNotConfirmed'; readonly email: Email }
  | { readonly _tag: 'PrimaryContactCannotBeRemoved'; readonly email: Email }
  | { readonly _tag: 'LastAdminCannotLeave'; readonly email: Email }
  | { readonly _tag: 'PrimaryContactGetsAllEmail'; readonly email: Email };

export const profileNotFound: PaymentProfileError = { _tag: 'ProfileNotFound' };
export const profileAlreadyExists = (profileId: ProfileId): PaymentProfileError => ({
  _tag: 'ProfileAlreadyExists',
  profileId,
});
export const sellerNeedsBusinessProfile: PaymentProfileError = { _tag: 'SellerNeedsBusinessProfile' };
export const nameRequired: PaymentProfileError = { _tag: 'NameRequired' };
export const notAProfileUser = (actor: UserId): PaymentProfileError => ({ _tag: 'NotAProfileUser', actor });
export const notTheProcessManager = (actor: UserId, command: CommandType): PaymentProfileError => ({
  _tag: 'NotTheProcessManager',
  actor,
  command,
});
export const notAllowedToEditProfile = (actor: UserId): PaymentProfileError => ({
  _tag: 'NotAllowedToEditProfile',
  actor,
});
export const individualProfileHasNoUsers = (command: CommandType): PaymentProfileError => ({
  _tag: 'IndividualProfileHasNoUsers',
  command,
});
export const notAllowedToManageUsers = (actor: UserId): PaymentProfileError => ({
  _tag: 'NotAllowedToManageUsers',
  actor,
});
export const adminRequired = (actor: UserId, command: CommandType): PaymentProfileError => ({
  _tag: 'AdminRequired',
  actor,
  command,
});
export const grantExceedsCeiling = (permissions: ReadonlyArray<Permission>): PaymentProfileError => ({
  _tag: 'GrantExceedsCeiling',
  permissions,
});
export const userAboveCeiling = (
  email: Email,
  permissions: ReadonlyArray<Permission>,
): PaymentProfileError => ({
  _tag: 'UserAboveCeiling',
  email,
  permissions,
});
export const permissionNotOnThisProfile = (permission: Permission): PaymentProfileError => ({
  _tag: 'PermissionNotOnThisProfile',
  permission,
});
export const permissionNeedsAccount = (email: Email): PaymentProfileError => ({
  _tag: 'PermissionNeedsAccount',
  email,
});
export const alreadyAUser = (email: Email): PaymentProfileError => ({ _tag: 'AlreadyAUser', email });
export const alreadyInvited = (email: Email, invitationId: InvitationId): PaymentProfileError => ({
  _tag: 'AlreadyInvited',
  email,
  invitationId,
});
export const invitationIdInUse = (invitationId: InvitationId): PaymentProfileError => ({
  _tag: 'InvitationIdInUse',
  invitationId,
});
export const unknownInvitation = (invitationId: InvitationId): PaymentProfileError => ({
  _tag: 'UnknownInvitation',
  invitationId,
});
export const invitationNoLongerPending = (closed: ClosedInvitation): PaymentProfileError => ({
  _tag: 'InvitationNoLongerPending',
  invitationId: closed.invitationId,
  outcome: closed.outcome,
});
export const invitationCancellationPending = (invitationId: InvitationId): PaymentProfileError => ({
  _tag: 'InvitationCancellationPending',
  invitationId,
});
export const inviteeMismatch = (invited: Email, accepted: Email): PaymentProfileError => ({
  _tag: 'InviteeMismatch',
  invited,
  accepted,
});
export const notAUser = (email: Email): PaymentProfileError => ({ _tag: 'NotAUser', email });
export const userIsPending = (email: Email, invitationId: InvitationId): PaymentProfileError => ({
  _tag: 'UserIsPending',
  email,
  invitationId,
});
export const removalNotConfirmed = (email: Email): PaymentProfileError => ({
  _tag: 'RemovalNotConfirmed',
  email,
});
export const primaryContactCannotBeRemoved = (email: Email): PaymentProfileError => ({
  _tag: 'PrimaryContactCannotBeRemoved',
  email,
});
export const lastAdminCannotLeave = (email: Email): PaymentProfileError => ({
  _tag: 'LastAdminCannotLeave',
  email,
});
export const primaryContactGetsAllEmail = (email: Email): PaymentProfileError => ({
  _tag: 'PrimaryContactGetsAllEmail',
  email,
});
