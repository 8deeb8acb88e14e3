import { put, remove, type Recorded, type RowChange, type Rows } from '@dossier/core';
import type { Instant } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import { casesGroup, type QueuedCase, type QueueEvent } from './state.js';

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

// #region apply
/** The change one support-case event makes to the queue: its case's row, put or removed (or none). */
export const applyToQueue = (rows: Rows, event: Recorded<QueueEvent>): ReadonlyArray<RowChange> => {
  const entry = rows.get(casesGroup, event.stream) as QueuedCase | undefined;
  const next = nextEntry(entry, event);
  if (next === entry) return [];
  return [next === undefined ? remove(casesGroup, event.stream) : put(casesGroup, event.stream, next)];
};
// #endregion apply
