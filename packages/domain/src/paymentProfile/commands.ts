import type { Actor, Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { InvitationId } from '../invitation/ids.js';
import type { ProfileId } from './ids.js';
import type { EmailPreference, Permission, ProfileKind } from './permissions.js';

interface Command<T extends string, D> {
  readonly type: T;
  readonly at: Instant;
  readonly actor: Actor;
  readonly data: D;
}

/** The profile details that PP-2 lets admins and edit-profile holders change; absent fields stay as they are. */
export interface ProfileDetailsChanges {
  readonly name?: string;
  readonly address?: string;
  readonly taxNumber?: string;
  readonly language?: string;
  /** The full list of payment methods (labels such as `visa-4242`), replacing the previous list. */
  readonly paymentMethods?: ReadonlyArray<string>;
}

/** Why the process manager withdraws a pending user: the Invitation reached this final state (IN-5). */
export type WithdrawalReason = 'expired' | 'cancelled' | 'declined';

/** The actor creates a profile and becomes its first admin and primary contact (PP-1, PP-6, PP-9, PP-10). */
export type CreateProfile = Command<
  'CreateProfile',
  {
    readonly profileId: ProfileId;
    readonly kind: ProfileKind;
    /** Only a business profile may be a seller profile (PP-1). */
    readonly seller: boolean;
    readonly name: string;
    readonly address?: string;
    readonly taxNumber?: string;
    readonly language?: string;
  }
>;

/** An admin or edit-profile holder changes profile details; the admins are notified (PP-2). */
export type UpdateProfileDetails = Command<
  'UpdateProfileDetails',
  { readonly changes: ProfileDetailsChanges }
>;

/** A user manager invites someone by address, with permissions and an e-mail preference (IN-1, PP-5, PP-8). */
export type InviteUser = Command<
  'InviteUser',
  {
    readonly invitationId: InvitationId;
    readonly email: Email;
    readonly name?: string;
    readonly permissions: ReadonlyArray<Permission>;
    readonly emailPreference: EmailPreference;
  }
>;

/** A user manager asks for a pending invitation to be sent again (IN-3); the process manager forwards it. */
export type RequestInvitationResend = Command<
  'RequestInvitationResend',
  { readonly invitationId: InvitationId }
>;

/** A user manager asks for a pending invitation to be cancelled (IN-5); the process manager forwards it. */
export type RequestInvitationCancellation = Command<
  'RequestInvitationCancellation',
  { readonly invitationId: InvitationId }
>;

/** The process manager activates the invitee after the Invitation was accepted (IN-4); exactly once. */
export type ActivateInvitedUser = Command<
  'ActivateInvitedUser',
  {
    readonly invitationId: InvitationId;
    readonly userId: UserId;
    readonly email: Email;
    /** Whether the invitee accepted signed in with an account (PP-4). */
    readonly hasAccount: boolean;
  }
>;

/** The process manager removes a pending user whose Invitation expired, was cancelled or declined (IN-5). */
export type WithdrawPendingUser = Command<
  'WithdrawPendingUser',
  { readonly invitationId: InvitationId; readonly reason: WithdrawalReason }
>;

/** A user manager sets another user's permissions (PP-3, PP-4, PP-5, PP-10). */
export type ChangePermissions = Command<
  'ChangePermissions',
  { readonly email: Email; readonly permissions: ReadonlyArray<Permission> }
>;

/** A user manager removes a user, permanently, confirming it explicitly (PP-5, PP-6, PP-7, PP-10). */
export type RemoveUser = Command<
  'RemoveUser',
  {
    readonly email: Email;
    /** Must be `true`: anything else is refused with `RemovalNotConfirmed` (PP-7). */
    readonly confirm: boolean;
  }
>;

/** An admin makes another active user the primary contact (PP-6, PP-9). */
export type ReassignPrimaryContact = Command<'ReassignPrimaryContact', { readonly email: Email }>;

/** A user sets their own e-mail preference, or a user manager sets another's (PP-9). */
export type SetEmailPreference = Command<
  'SetEmailPreference',
  { readonly email: Email; readonly preference: EmailPreference }
>;

/** Every command a payment profile decides. */
export type PaymentProfileCommand =
  | CreateProfile
  | UpdateProfileDetails
  | InviteUser
  | RequestInvitationResend
  | RequestInvitationCancellation
  | ActivateInvitedUser
  | WithdrawPendingUser
  | ChangePermissions
  | RemoveUser
  | ReassignPrimaryContact
  | SetEmailPreference;
