import type { Actor, Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { ProfileId } from '../paymentProfile/ids.js';
import type { EmailPreference, Permission } from '../paymentProfile/permissions.js';
import type { InvitationId } from './ids.js';

interface Command<T extends string, D> {
  readonly type: T;
  readonly at: Instant;
  readonly actor: Actor;
  readonly data: D;
}

/** The process manager issues the invitation the profile recorded (IN-1); the e-mail is sent at `at`. */
export type IssueInvitation = Command<
  'IssueInvitation',
  {
    readonly invitationId: InvitationId;
    readonly profileId: ProfileId;
    readonly email: Email;
    readonly name?: string;
    readonly permissions: ReadonlyArray<Permission>;
    readonly emailPreference: EmailPreference;
    readonly issuedBy: UserId;
  }
>;

/** The process manager sends a pending invitation again, as a user manager asked on the profile (IN-3). */
export type ResendInvitation = Command<'ResendInvitation', { readonly requestedBy: UserId }>;

/** The invitee, signed in, accepts after reviewing the invitation (IN-4). */
export type AcceptInvitation = Command<
  'AcceptInvitation',
  {
    /** Whether the invitee is signed in with an account; needed when the invitation carries a permission (PP-4). */
    readonly hasAccount: boolean;
  }
>;

/** The scheduler marks an invitation expired once its 14 days have passed (IN-2). */
export type ExpireInvitation = Command<'ExpireInvitation', Record<string, never>>;

/** The process manager cancels a pending invitation, as an admin asked on the profile (IN-5). */
export type CancelInvitation = Command<'CancelInvitation', { readonly requestedBy: UserId }>;

/** The invitee declines the invitation (IN-5). */
export type DeclineInvitation = Command<'DeclineInvitation', Record<string, never>>;

/** Every command an invitation decides. */
export type InvitationCommand =
  | IssueInvitation
  | ResendInvitation
  | AcceptInvitation
  | ExpireInvitation
  | CancelInvitation
  | DeclineInvitation;
