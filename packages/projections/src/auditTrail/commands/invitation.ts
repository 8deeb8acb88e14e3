import type { InvitationCommand, InvitationEvent } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';

/** The command that emits an invitation event: each command emits exactly one event type. */
export const invitationCommandOf = (event: InvitationEvent): InvitationCommand['type'] => {
  switch (event.type) {
    case 'InvitationIssued':
      return 'IssueInvitation';
    case 'InvitationResent':
      return 'ResendInvitation';
    case 'InvitationAccepted':
      return 'AcceptInvitation';
    case 'InvitationExpired':
      return 'ExpireInvitation';
    case 'InvitationCancelled':
      return 'CancelInvitation';
    case 'InvitationDeclined':
      return 'DeclineInvitation';
    default:
      return absurd(event);
  }
};
