import type {
  Email,
  EmailPreference,
  Instant,
  PaymentProfileEvent,
  Permission,
  ProfileId,
  ProfileKind,
  UserId,
  UserInvited,
} from '@dossier/domain';

/** The id of an invitation, as the profile's events carry it. */
export type InvitationRef = UserInvited['data']['invitationId'];

/** An active user of a profile, with the permissions as granted (`admin` is kept as the role it is, PP-3). */
export interface MatrixUser {
  readonly email: Email;
  readonly userId: UserId;
  readonly name?: string;
  readonly hasAccount: boolean;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
}

/** Someone invited and not yet answered (PP-8). */
export interface MatrixPendingUser {
  readonly invitationId: InvitationRef;
  readonly email: Email;
  readonly name?: string;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
  readonly invitedBy: UserId;
  readonly invitedAt: Instant;
  /** A cancellation was asked for; the user stays pending until the invitation ends (IN-5). */
  readonly cancellationRequested: boolean;
}

/** One profile as the matrix answers it: its fields with its users and invitees (each kept in a row of its own). */
export interface MatrixProfile {
  readonly profileId: ProfileId;
  readonly kind: ProfileKind;
  readonly seller: boolean;
  readonly name: string;
  /** Active users in the order they joined. */
  readonly users: ReadonlyArray<MatrixUser>;
  readonly pending: ReadonlyArray<MatrixPendingUser>;
  readonly primaryContact: Email;
}

/** The payment-profile events that change the matrix. */
export const matrixEventTypes = [
  'ProfileCreated',
  'ProfileDetailsChanged',
  'UserInvited',
  'InvitationCancellationRequested',
  'InvitedUserActivated',
  'PendingUserWithdrawn',
  'PermissionsChanged',
  'UserRemoved',
  'PrimaryContactReassigned',
  'EmailPreferenceChanged',
] as const satisfies ReadonlyArray<PaymentProfileEvent['type']>;

/** The events the matrix folds. */
export type MatrixEvent = Extract<PaymentProfileEvent, { readonly type: (typeof matrixEventTypes)[number] }>;
