import { toMillis, type Instant, type ProfileId } from '@dossier/domain';
import type { Rows } from '@dossier/core';
import { invitationsGroup, type PendingInvitation } from './state.js';

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

/** The queries over the view's rows. */
export const queryPendingInvitations = (rows: Rows): PendingInvitationsQueries => {
  const list = (): ReadonlyArray<PendingInvitation> =>
    [...(rows.list(invitationsGroup) as ReadonlyArray<PendingInvitation>)].sort(byExpiry);
  return {
    list,
    expiredAt: (now) => list().filter((invitation) => toMillis(invitation.expiresAt) <= toMillis(now)),
    forProfile: (profileId) => list().filter((invitation) => invitation.profileId === profileId),
  };
};
