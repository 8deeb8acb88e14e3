import type { KeyedProjection } from '@dossier/core';
import { applyToQueue } from './apply.js';
import { queryQueue, type OpenTicketQueueQueries } from './query.js';
import { queueEventTypes, type QueueEvent } from './state.js';

/**
 * RM-1: the open support cases in SC-6 order, with their first-response due times and breach flags (SC-7); one
 * row per open case (version 2: rows instead of one state).
 */
export const openTicketQueue: KeyedProjection<QueueEvent, OpenTicketQueueQueries> = {
  name: 'openTicketQueue',
  version: 2,
  eventTypes: queueEventTypes,
  apply: applyToQueue,
  query: queryQueue,
};

export type { QueuedCase, QueueEvent, QueueStatus } from './state.js';
export { casesGroup } from './state.js';
export type { OpenTicketQueueQueries, QueueFilter, QueueItem } from './query.js';
export { isBreached } from './query.js';
