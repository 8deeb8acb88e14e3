import type { KeyedProjection } from '@dossier/core';
import { applyToMatrix } from './apply.js';
import { queryMatrix, type PermissionMatrixQueries } from './query.js';
import { matrixEventTypes, type MatrixEvent } from './state.js';

/**
 * RM-2: per payment profile, users × permissions, pending users, the primary contact and e-mail preferences; a row
 * per profile, per active user and per pending invitee (version 2: rows instead of one state).
 */
export const permissionMatrix: KeyedProjection<MatrixEvent, PermissionMatrixQueries> = {
  name: 'permissionMatrix',
  version: 2,
  eventTypes: matrixEventTypes,
  apply: applyToMatrix,
  query: queryMatrix,
};

export type { InvitationRef, MatrixEvent, MatrixPendingUser, MatrixProfile, MatrixUser } from './state.js';
export type { PendingRow, ProfileRow, UserRow } from './rows.js';
export { pendingGroup, profilesGroup, streamsGroup, usersGroup } from './rows.js';
export type { MatrixRow, PermissionMatrixQueries, ProfileMatrix } from './query.js';
