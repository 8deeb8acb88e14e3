/** RM-1: the open-ticket queue, its state, and the breach rule it applies (SC-6, SC-7). */
export { openTicketQueue, isBreached } from './openTicketQueue/index.js';
export type {
  OpenTicketQueueQueries,
  QueuedCase,
  QueueEvent,
  QueueFilter,
  QueueItem,
  QueueStatus,
} from './openTicketQueue/index.js';
/** RM-2: the user-permission matrix of payment profiles (PP-1…PP-10). */
export { permissionMatrix } from './permissionMatrix/index.js';
export type {
  InvitationRef,
  MatrixEvent,
  MatrixPendingUser,
  MatrixProfile,
  MatrixRow,
  MatrixUser,
  PermissionMatrixQueries,
  ProfileMatrix,
} from './permissionMatrix/index.js';
/** RM-3: the pending invitations and their expiry, for the scheduler (IN-2, IN-3). */
export { pendingInvitations } from './pendingInvitations/index.js';
export type { PendingInvitation, PendingInvitationsQueries } from './pendingInvitations/index.js';
/** RM-4: the audit trail, with the plain-English description and command type of every event. */
export { auditTrail, describeEvent, commandTypeOf } from './auditTrail/index.js';
export type { AuditEntry, AuditTrailQueries, AuditedEvent } from './auditTrail/index.js';
