import type { Actor, Instant, InvitationCommand, InvitationId } from '@dossier/domain';
import { person } from './paymentProfile.js';

/** The scheduler that expires invitations whose window has passed. */
export const scheduler = person('system:scheduler', 'scheduler@system.dossier.invalid');

export const invitationId = (id: string): InvitationId => id as InvitationId;

export const accept = (who: Actor, at: Instant, hasAccount = true): InvitationCommand => ({
  type: 'AcceptInvitation',
  at,
  actor: who,
  data: { hasAccount },
});
export const decline = (who: Actor, at: Instant): InvitationCommand => ({
  type: 'DeclineInvitation',
  at,
  actor: who,
  data: {},
});
export const expire = (at: Instant): InvitationCommand => ({
  type: 'ExpireInvitation',
  at,
  actor: scheduler,
  data: {},
});
