import type { KeyedProjection } from '@dossier/core';
import { applyToAuditTrail } from './apply.js';
import { auditedEventTypes, type AuditedEvent } from './audited.js';
import { queryAuditTrail, type AuditTrailQueries } from './query.js';

/**
 * RM-4: per aggregate, in order, who did what, when, through which command, and what changed; a row per entry and
 * per stream (version 2: rows instead of one state).
 */
export const auditTrail: KeyedProjection<AuditedEvent, AuditTrailQueries> = {
  name: 'auditTrail',
  version: 2,
  eventTypes: auditedEventTypes,
  apply: applyToAuditTrail,
  query: queryAuditTrail,
};

export type { AuditedEvent } from './audited.js';
export { describeEvent, commandTypeOf } from './audited.js';
export type { AuditEntry, StreamRow } from './state.js';
export { streamsGroup, trailGroup, trailKey } from './state.js';
export type { AuditTrailQueries } from './query.js';
