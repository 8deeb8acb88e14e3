import type {
  Email,
  EmailPreference,
  Instant,
  InvitationEvent,
  InvitationId,
  Permission,
  ProfileId,
  UserId,
} from '@dossier/domain';

/** A pending invitation as the view keeps it: plain JSON. */
export interface PendingInvitation {
  readonly invitationId: InvitationId;
  readonly profileId: ProfileId;
  readonly email: Email;
  readonly name?: string;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
  readonly issuedBy: UserId;
  readonly issuedAt: Instant;
  /** When it was last sent: issued or resent (IN-2, IN-3). */
  readonly lastSentAt: Instant;
  /** 14 days after the last sending; from then on it can no longer be accepted (IN-2). */
  readonly expiresAt: Instant;
  /** How many times it was sent again (IN-3). */
  readonly resent: number;
}

/** The view's rows: one per pending invitation, keyed by its stream, in this group. */
export const invitationsGroup = 'invitations';

/** Every invitation event changes the view: issued and resent keep it pending, the others end it (IN-5). */
export const pendingInvitationEventTypes = [
  'InvitationIssued',
  'InvitationResent',
  'InvitationAccepted',
  'InvitationExpired',
  'InvitationCancelled',
  'InvitationDeclined',
] as const satisfies ReadonlyArray<InvitationEvent['type']>;
