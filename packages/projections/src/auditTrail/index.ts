import type { Projection } from '@dossier/core';
import { applyToAuditTrail } from './apply.js';
import { auditedEventTypes, type AuditedEvent } from './audited.js';
import { queryAuditTrail, type AuditTrailQueries } from './query.js';
import { initialAuditTrailState, type AuditTrailState } from './state.js';

/** RM-4: per aggregate, in order, who did what, when, through which command, and what changed. */
export const auditTrail: Projection<AuditTrailState, AuditedEvent, AuditTrailQueries> = {
  name: 'auditTrail',
  version: 1,
  eventTypes: auditedEventTypes,
  initialState: initialAuditTrailState,
  apply: applyToAuditTrail,
  query: queryAuditTrail,
};

export type { AuditedEvent } from './audited.js';
export { describeEvent, commandTypeOf } from './audited.js';
export type { AuditEntry, AuditTrailState } from './state.js';
export type { AuditTrailQueries } from './query.js';
