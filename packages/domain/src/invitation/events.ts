import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { ProfileId } from '../paymentProfile/ids.js';
import type { EmailPreference, Permission } from '../paymentProfile/permissions.js';
import type { InvitationId } from './ids.js';

interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

/** The invitation was issued and its e-mail sent at `sentAt`; the 14-day window starts then (IN-1, IN-2). */
export type InvitationIssued = Event<
  'InvitationIssued',
  {
    readonly invitationId: InvitationId;
    readonly profileId: ProfileId;
    readonly email: Email;
    readonly name?: string;
    readonly permissions: ReadonlyArray<Permission>;
    readonly emailPreference: EmailPreference;
    readonly issuedBy: UserId;
    readonly sentAt: Instant;
  }
>;

/** The invitation was sent again at `at`, which restarts the 14-day window (IN-3); `by` asked for it. */
export type InvitationResent = Event<'InvitationResent', { readonly by: UserId; readonly at: Instant }>;

/** The invitee accepted (IN-4); the profile activates them. */
export type InvitationAccepted = Event<
  'InvitationAccepted',
  {
    readonly profileId: ProfileId;
    readonly email: Email;
    readonly by: UserId;
    readonly hasAccount: boolean;
    readonly at: Instant;
  }
>;

/** The invitation expired unaccepted (IN-2); final. */
export type InvitationExpired = Event<
  'InvitationExpired',
  { readonly profileId: ProfileId; readonly at: Instant }
>;

/** The invitation was cancelled (IN-5); final. `by` is the user who asked for it on the profile. */
export type InvitationCancelled = Event<
  'InvitationCancelled',
  { readonly profileId: ProfileId; readonly by: UserId; readonly at: Instant }
>;

/** The invitee declined (IN-5); final. */
export type InvitationDeclined = Event<
  'InvitationDeclined',
  { readonly profileId: ProfileId; readonly by: UserId; readonly at: Instant }
>;

/** Every event of an invitation. */
export type InvitationEvent =
  | InvitationIssued
  | InvitationResent
  | InvitationAccepted
  | InvitationExpired
  | InvitationCancelled
  | InvitationDeclined;
