import type { Projection } from '@dossier/core';
import { applyToMatrix } from './apply.js';
import { queryMatrix, type PermissionMatrixQueries } from './query.js';
import {
  initialPermissionMatrixState,
  matrixEventTypes,
  type MatrixEvent,
  type PermissionMatrixState,
} from './state.js';

/** RM-2: per payment profile, users × permissions, pending users, the primary contact and e-mail preferences. */
export const permissionMatrix: Projection<PermissionMatrixState, MatrixEvent, PermissionMatrixQueries> = {
  name: 'permissionMatrix',
  version: 1,
  eventTypes: matrixEventTypes,
  initialState: initialPermissionMatrixState,
  apply: applyToMatrix,
  query: queryMatrix,
};

export type {
  InvitationRef,
  MatrixEvent,
  MatrixPendingUser,
  MatrixProfile,
  MatrixUser,
  PermissionMatrixState,
} from './state.js';
export type { MatrixRow, PermissionMatrixQueries, ProfileMatrix } from './query.js';
