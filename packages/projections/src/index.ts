export { openTicketQueue, isBreached } from './openTicketQueue/index.js';
export type {
  OpenTicketQueueState,
  OpenTicketQueueQueries,
  QueuedCase,
  QueueEvent,
  QueueFilter,
  QueueItem,
  QueueStatus,
} from './openTicketQueue/index.js';
export { auditTrail, describeEvent, commandTypeOf } from './auditTrail/index.js';
export type { AuditEntry, AuditTrailState, AuditTrailQueries, AuditedEvent } from './auditTrail/index.js';
