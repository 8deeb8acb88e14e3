import type { KeyedProjection } from '@dossier/core';
import type { InvitationEvent } from '@dossier/domain';
import { applyToPendingInvitations } from './apply.js';
import { queryPendingInvitations, type PendingInvitationsQueries } from './query.js';
import { pendingInvitationEventTypes } from './state.js';

/**
 * RM-3: the pending invitations with their expiry (14 days after the last sending), for the scheduler (IN-2, IN-3);
 * one row per pending invitation (version 2: rows instead of one state).
 */
export const pendingInvitations: KeyedProjection<InvitationEvent, PendingInvitationsQueries> = {
  name: 'pendingInvitations',
  version: 2,
  eventTypes: pendingInvitationEventTypes,
  apply: applyToPendingInvitations,
  query: queryPendingInvitations,
};

export type { PendingInvitation } from './state.js';
export { invitationsGroup } from './state.js';
export type { PendingInvitationsQueries } from './query.js';
