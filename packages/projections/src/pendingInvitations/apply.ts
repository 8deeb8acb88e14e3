import { put, remove, type Recorded, type RowChange, type Rows } from '@dossier/core';
import { invitationExpiresAt, type InvitationEvent } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import { invitationsGroup, type PendingInvitation } from './state.js';

/** The invitation after the event; `undefined` once it is no longer pending (or was never issued). */
const next = (
  invitation: PendingInvitation | undefined,
  event: Recorded<InvitationEvent>,
): PendingInvitation | undefined => {
  switch (event.type) {
    case 'InvitationIssued': {
      if (invitation !== undefined) return invitation;
      const { data } = event;
      return {
        invitationId: data.invitationId,
        profileId: data.profileId,
        email: data.email,
        ...(data.name === undefined ? {} : { name: data.name }),
        permissions: data.permissions,
        emailPreference: data.emailPreference,
        issuedBy: data.issuedBy,
        issuedAt: data.sentAt,
        lastSentAt: data.sentAt,
        expiresAt: invitationExpiresAt(data.sentAt), // IN-2
        resent: 0,
      };
    }
    case 'InvitationResent': // IN-3: resending restarts the 14-day window
      return invitation === undefined
        ? undefined
        : {
            ...invitation,
            lastSentAt: event.data.at,
            expiresAt: invitationExpiresAt(event.data.at),
            resent: invitation.resent + 1,
          };
    case 'InvitationAccepted':
    case 'InvitationExpired':
    case 'InvitationCancelled':
    case 'InvitationDeclined':
      return undefined; // IN-5: final
    default:
      return absurd(event);
  }
};

/** The change one invitation event makes to the view: its invitation's row, put or removed (or none). */
export const applyToPendingInvitations = (
  rows: Rows,
  event: Recorded<InvitationEvent>,
): ReadonlyArray<RowChange> => {
  const invitation = rows.get(invitationsGroup, event.stream) as PendingInvitation | undefined;
  const after = next(invitation, event);
  if (after === invitation) return [];
  return [
    after === undefined ? remove(invitationsGroup, event.stream) : put(invitationsGroup, event.stream, after),
  ];
};
