import type { Recorded } from '@dossier/core';
import type { Instant } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import { without } from '../shared/records.js';
import type { OpenTicketQueueState, QueuedCase, QueueEvent } from './state.js';

// The first agent action counts as the first response (SC-7): taking the case or asking the customer something.
const responded = (entry: QueuedCase, at: Instant): QueuedCase =>
  entry.firstRespondedAt === null ? { ...entry, firstRespondedAt: at } : entry;

const opened = (event: Recorded<Extract<QueueEvent, { readonly type: 'CaseOpened' }>>): QueuedCase => ({
  caseId: event.data.caseId,
  status: 'open',
  channel: event.data.channel,
  customer: event.data.customer,
  priority: event.data.priority,
  subject: event.data.subject,
  escalatedTo: [],
  submittedAt: event.data.at,
  firstResponseDue: event.data.firstResponseDue,
  firstRespondedAt: null,
});

/** The case's queue entry after the event; `undefined` when the case is not (or no longer) in the queue. */
const nextEntry = (entry: QueuedCase | undefined, event: Recorded<QueueEvent>): QueuedCase | undefined => {
  if (event.type === 'CaseOpened') return entry ?? opened(event);
  if (entry === undefined) return undefined;
  switch (event.type) {
    case 'WorkStarted':
      return responded({ ...entry, status: 'in-progress' }, event.data.at);
    case 'InformationRequested':
      return responded({ ...entry, status: 'awaiting-customer' }, event.data.at);
    case 'InformationProvided':
      return { ...entry, status: 'in-progress' };
    case 'CaseEscalated':
      return { ...entry, escalatedTo: [...entry.escalatedTo, event.data.team] };
    case 'CaseReprioritised':
      return { ...entry, priority: event.data.to, firstResponseDue: event.data.firstResponseDue };
    case 'CaseResolved':
      return undefined; // SC-14: a resolved case never comes back; a follow-up is a new case
    default:
      return absurd(event);
  }
};

/** Folds one support-case event into the queue, returning a new state. */
export const applyToQueue = (
  state: OpenTicketQueueState,
  event: Recorded<QueueEvent>,
): OpenTicketQueueState => {
  const entry = state.cases[event.stream];
  const next = nextEntry(entry, event);
  if (next === entry) return state;
  return {
    cases: next === undefined ? without(state.cases, event.stream) : { ...state.cases, [event.stream]: next },
  };
};
