import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { InvitationId } from '../invitation/ids.js';
import type { ProfileId } from './ids.js';
import type { EmailPreference, Permission, ProfileKind } from './permissions.js';

/** Name, address, tax number, language and payment methods: what PP-2 calls the profile's details. */
export interface ProfileDetails {
  readonly name: string;
  readonly address?: string;
  readonly taxNumber?: string;
  readonly language?: string;
  readonly paymentMethods: ReadonlyArray<string>;
}

/** An active user of a profile, keyed by address. No permissions means e-mail access only (PP-3). */
export interface ProfileUser {
  readonly email: Email;
  readonly userId: UserId;
  readonly name?: string;
  /** Whether the user has an account; every permission needs one (PP-4). */
  readonly hasAccount: boolean;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
}

/** Someone invited and not yet answered, shown as pending on the profile (PP-8). */
export interface PendingUser {
  readonly invitationId: InvitationId;
  readonly email: Email;
  readonly name?: string;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
  readonly invitedBy: UserId;
  readonly invitedAt: Instant;
  /** A cancellation was requested; the user stays pending until the Invitation reports its final state. */
  readonly cancellationRequested: boolean;
}

/** How an invitation of this profile ended, remembered so that a repeated delivery changes nothing (IN-4). */
export interface ClosedInvitation {
  readonly invitationId: InvitationId;
  readonly outcome: 'activated' | 'withdrawn';
}

/** A created payment profile. */
export interface Profile {
  readonly profileId: ProfileId;
  readonly kind: ProfileKind;
  readonly seller: boolean;
  readonly details: ProfileDetails;
  readonly users: ReadonlyArray<ProfileUser>;
  readonly pending: ReadonlyArray<PendingUser>;
  /** The address of the one primary contact, always an active user (PP-6). */
  readonly primaryContact: Email;
  readonly closedInvitations: ReadonlyArray<ClosedInvitation>;
}

/** A payment profile: `absent` until created, then `created`. */
export type PaymentProfileState = { readonly status: 'absent' } | ({ readonly status: 'created' } & Profile);

/** The state of a stream with no events. */
export const initialPaymentProfileState: PaymentProfileState = { status: 'absent' };

/** The active user with this address, if any. */
export const userByEmail = (profile: Profile, email: Email): ProfileUser | undefined =>
  profile.users.find((user) => user.email === email);

/** The pending user with this address, if any. */
export const pendingByEmail = (profile: Profile, email: Email): PendingUser | undefined =>
  profile.pending.find((user) => user.email === email);

/** The pending user invited with this invitation, if any. */
export const pendingByInvitation = (profile: Profile, invitationId: InvitationId): PendingUser | undefined =>
  profile.pending.find((user) => user.invitationId === invitationId);

/** The addresses of the active users holding `admin`. */
export const adminsOf = (profile: Profile): ReadonlyArray<Email> =>
  profile.users.filter((user) => user.permissions.includes('admin')).map((user) => user.email);
