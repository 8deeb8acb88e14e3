import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { InvitationId } from '../invitation/ids.js';
import type { ProfileDetailsChanges, WithdrawalReason } from './commands.js';
import type { ProfileId } from './ids.js';
import type { EmailPreference, Permission, ProfileKind } from './permissions.js';

interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

/** A profile was created; its creator (`by`, `email`) is its first admin and primary contact, with all e-mail. */
export type ProfileCreated = Event<
  'ProfileCreated',
  {
    readonly profileId: ProfileId;
    readonly kind: ProfileKind;
    readonly seller: boolean;
    readonly name: string;
    readonly address?: string;
    readonly taxNumber?: string;
    readonly language?: string;
    readonly by: UserId;
    readonly email: Email;
    readonly at: Instant;
  }
>;

/** Profile details changed (PP-2); only the fields that really changed are listed. */
export type ProfileDetailsChanged = Event<
  'ProfileDetailsChanged',
  { readonly changes: ProfileDetailsChanges; readonly by: UserId; readonly at: Instant }
>;

/** The profile's admins were sent an e-mail about a change to the profile (PP-2). */
export type AdminsNotified = Event<
  'AdminsNotified',
  {
    readonly recipients: ReadonlyArray<Email>;
    readonly change: ProfileDetailsChanges;
    readonly by: UserId;
    readonly at: Instant;
  }
>;

/** Someone was invited and shows as pending on the profile until the Invitation ends (IN-1, PP-8). */
export type UserInvited = Event<
  'UserInvited',
  {
    readonly invitationId: InvitationId;
    readonly email: Email;
    readonly name?: string;
    readonly permissions: ReadonlyArray<Permission>;
    readonly emailPreference: EmailPreference;
    readonly by: UserId;
    readonly at: Instant;
  }
>;

/** A user manager asked for a pending invitation to be sent again (IN-3). */
export type InvitationResendRequested = Event<
  'InvitationResendRequested',
  { readonly invitationId: InvitationId; readonly email: Email; readonly by: UserId; readonly at: Instant }
>;

/** A user manager asked for a pending invitation to be cancelled (IN-5); the user stays pending until it ends. */
export type InvitationCancellationRequested = Event<
  'InvitationCancellationRequested',
  { readonly invitationId: InvitationId; readonly email: Email; readonly by: UserId; readonly at: Instant }
>;

/** The invitee accepted and became an active user with the invited permissions and preference (IN-4). */
export type InvitedUserActivated = Event<
  'InvitedUserActivated',
  {
    readonly invitationId: InvitationId;
    readonly email: Email;
    readonly userId: UserId;
    readonly hasAccount: boolean;
    readonly name?: string;
    readonly permissions: ReadonlyArray<Permission>;
    readonly emailPreference: EmailPreference;
    /** Who granted the permissions: the user who issued the invitation (PP-5). */
    readonly invitedBy: UserId;
    readonly at: Instant;
  }
>;

/** A pending user left the profile because their invitation expired, was cancelled or declined (IN-5). */
export type PendingUserWithdrawn = Event<
  'PendingUserWithdrawn',
  {
    readonly invitationId: InvitationId;
    readonly email: Email;
    readonly reason: WithdrawalReason;
    readonly at: Instant;
  }
>;

/** A user's permissions changed (PP-5). */
export type PermissionsChanged = Event<
  'PermissionsChanged',
  {
    readonly email: Email;
    readonly from: ReadonlyArray<Permission>;
    readonly to: ReadonlyArray<Permission>;
    readonly by: UserId;
    readonly at: Instant;
  }
>;

/** A user was removed, permanently; the address may be invited again later (PP-7). */
export type UserRemoved = Event<
  'UserRemoved',
  { readonly email: Email; readonly userId: UserId; readonly by: UserId; readonly at: Instant }
>;

/** The primary contact role moved to another active user (PP-6). */
export type PrimaryContactReassigned = Event<
  'PrimaryContactReassigned',
  { readonly from: Email; readonly to: Email; readonly by: UserId; readonly at: Instant }
>;

/** A user's e-mail preference changed (PP-9). */
export type EmailPreferenceChanged = Event<
  'EmailPreferenceChanged',
  {
    readonly email: Email;
    readonly from: EmailPreference;
    readonly to: EmailPreference;
    readonly by: UserId;
    readonly at: Instant;
  }
>;

/** Every event of a payment profile. */
export type PaymentProfileEvent =
  | ProfileCreated
  | ProfileDetailsChanged
  | AdminsNotified
  | UserInvited
  | InvitationResendRequested
  | InvitationCancellationRequested
  | InvitedUserActivated
  | PendingUserWithdrawn
  | PermissionsChanged
  | UserRemoved
  | PrimaryContactReassigned
  | EmailPreferenceChanged;
