import type { Projection } from '@dossier/core';
import { applyToQueue } from './apply.js';
import { queryQueue, type OpenTicketQueueQueries } from './query.js';
import {
  initialOpenTicketQueueState,
  queueEventTypes,
  type OpenTicketQueueState,
  type QueueEvent,
} from './state.js';

/** RM-1: the open support cases in SC-6 order, with their first-response due times and breach flags (SC-7). */
export const openTicketQueue: Projection<OpenTicketQueueState, QueueEvent, OpenTicketQueueQueries> = {
  name: 'openTicketQueue',
  version: 1,
  eventTypes: queueEventTypes,
  initialState: initialOpenTicketQueueState,
  apply: applyToQueue,
  query: queryQueue,
};

export type { OpenTicketQueueState, QueuedCase, QueueEvent, QueueStatus } from './state.js';
export type { OpenTicketQueueQueries, QueueFilter, QueueItem } from './query.js';
export { isBreached } from './query.js';
