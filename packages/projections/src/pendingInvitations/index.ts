import type { Projection } from '@dossier/core';
import type { InvitationEvent } from '@dossier/domain';
import { applyToPendingInvitations } from './apply.js';
import { queryPendingInvitations, type PendingInvitationsQueries } from './query.js';
import {
  initialPendingInvitationsState,
  pendingInvitationEventTypes,
  type PendingInvitationsState,
} from './state.js';

/** RM-3: the pending invitations with their expiry (14 days after the last sending), for the scheduler (IN-2, IN-3). */
export const pendingInvitations: Projection<
  PendingInvitationsState,
  InvitationEvent,
  PendingInvitationsQueries
> = {
  name: 'pendingInvitations',
  version: 1,
  eventTypes: pendingInvitationEventTypes,
  initialState: initialPendingInvitationsState,
  apply: applyToPendingInvitations,
  query: queryPendingInvitations,
};

export type { PendingInvitation, PendingInvitationsState } from './state.js';
export type { PendingInvitationsQueries } from './query.js';
