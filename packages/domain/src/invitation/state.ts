import type { Email, UserId } from '../shared/ids.js';
import { plusDays, type Instant } from '../shared/instant.js';
import type { ProfileId } from '../paymentProfile/ids.js';
import type { EmailPreference, Permission } from '../paymentProfile/permissions.js';
import type { InvitationId } from './ids.js';

/** What an issued invitation holds, whatever its status. */
export interface InvitationDetails {
  readonly invitationId: InvitationId;
  readonly profileId: ProfileId;
  readonly email: Email;
  readonly name?: string;
  readonly permissions: ReadonlyArray<Permission>;
  readonly emailPreference: EmailPreference;
  readonly issuedBy: UserId;
  /** When the invitation was last sent: issued or resent (IN-2, IN-3). */
  readonly sentAt: Instant;
}

/** An invitation: `unissued`, then `pending` until it is accepted, expired, cancelled or declined (all final, IN-5). */
export type InvitationState =
  | { readonly status: 'unissued' }
  | (InvitationDetails & { readonly status: 'pending' })
  | (InvitationDetails & {
      readonly status: 'accepted';
      readonly acceptedBy: UserId;
      readonly acceptedAt: Instant;
    })
  | (InvitationDetails & { readonly status: 'expired'; readonly expiredAt: Instant })
  | (InvitationDetails & {
      readonly status: 'cancelled';
      readonly cancelledBy: UserId;
      readonly cancelledAt: Instant;
    })
  | (InvitationDetails & { readonly status: 'declined'; readonly declinedAt: Instant });

/** An invitation's status. */
export type InvitationStatus = InvitationState['status'];

/** The state of a stream with no events. */
export const initialInvitationState: InvitationState = { status: 'unissued' };

/** The statuses an invitation never leaves (IN-5). */
export const finalStatuses: ReadonlyArray<InvitationStatus> = [
  'accepted',
  'expired',
  'cancelled',
  'declined',
];

/** How long an invitation may be accepted after its last sending (IN-2). */
export const invitationValidityDays = 14;

/** The instant an invitation last sent at `sentAt` expires: from then on it cannot be accepted (IN-2, IN-3). */
export const invitationExpiresAt = (sentAt: Instant): Instant => plusDays(sentAt, invitationValidityDays);
