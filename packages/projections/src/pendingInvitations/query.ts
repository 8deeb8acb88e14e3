import { toMillis, type Instant, type ProfileId } from '@dossier/domain';
import type { PendingInvitation, PendingInvitationsState } from './state.js';

/** The questions the pending-invitations view answers. */
export interface PendingInvitationsQueries {
  /** Every pending invitation, the soonest to expire first. */
  readonly list: () => ReadonlyArray<PendingInvitation>;
  /** The pending invitations a scheduler must expire at `now`: those whose expiry is at or before it (IN-2). */
  readonly expiredAt: (now: Instant) => ReadonlyArray<PendingInvitation>;
  /** The pending invitations of one payment profile, the soonest to expire first. */
  readonly forProfile: (profileId: ProfileId) => ReadonlyArray<PendingInvitation>;
}

const byExpiry = (a: PendingInvitation, b: PendingInvitation): number =>
  toMillis(a.expiresAt) - toMillis(b.expiresAt) ||
  (a.invitationId < b.invitationId ? -1 : a.invitationId > b.invitationId ? 1 : 0);

/** The queries over a pending-invitations state. */
export const queryPendingInvitations = (state: PendingInvitationsState): PendingInvitationsQueries => {
  const list = (): ReadonlyArray<PendingInvitation> => Object.values(state.invitations).sort(byExpiry);
  return {
    list,
    expiredAt: (now) => list().filter((invitation) => toMillis(invitation.expiresAt) <= toMillis(now)),
    forProfile: (profileId) => list().filter((invitation) => invitation.profileId === profileId),
  };
};
