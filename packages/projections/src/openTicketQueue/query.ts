import {
  compareCaseOrder,
  supportCaseStream,
  toMillis,
  type CaseId,
  type CustomerId,
  type Instant,
  type Priority,
  type TeamId,
} from '@dossier/domain';
import type { Rows } from '@dossier/core';
import { casesGroup, type QueuedCase, type QueueStatus } from './state.js';

/** A case as the queue shows it at a given instant. */
export interface QueueItem extends QueuedCase {
  /** The team the case was last escalated to, or null (SC-9). */
  readonly escalatedTeam: TeamId | null;
  /** SC-7: no first response by the due time — answered late, or still unanswered at `now` ≥ due. */
  readonly breached: boolean;
}

/** What `list` selects: the instant the breach flags are evaluated at, and optional filters. */
export interface QueueFilter {
  readonly now: Instant;
  readonly customer?: CustomerId;
  readonly priority?: Priority;
  readonly status?: QueueStatus;
}

/** The questions the open-ticket queue answers. */
export interface OpenTicketQueueQueries {
  /** The open cases that match the filter, in SC-6 order. */
  readonly list: (filter: QueueFilter) => ReadonlyArray<QueueItem>;
  /** The first case in SC-6 order that support can work on now: open or in progress, not awaiting the customer. */
  readonly next: (now: Instant) => QueueItem | undefined;
  /** One open case, or undefined when it is unknown or no longer open. */
  readonly get: (caseId: CaseId, now: Instant) => QueueItem | undefined;
}

/** SC-7: whether the case missed its first-response due time, as seen at `now`. */
export const isBreached = (entry: QueuedCase, now: Instant): boolean => {
  const due = toMillis(entry.firstResponseDue);
  return entry.firstRespondedAt === null ? toMillis(now) >= due : toMillis(entry.firstRespondedAt) > due;
};

const show = (entry: QueuedCase, now: Instant): QueueItem => ({
  ...entry,
  escalatedTeam: entry.escalatedTo[entry.escalatedTo.length - 1] ?? null,
  breached: isBreached(entry, now),
});

const matches = (entry: QueuedCase, filter: QueueFilter): boolean =>
  (filter.customer === undefined || entry.customer === filter.customer) &&
  (filter.priority === undefined || entry.priority === filter.priority) &&
  (filter.status === undefined || entry.status === filter.status);

/** The queries over the queue's rows. */
export const queryQueue = (rows: Rows): OpenTicketQueueQueries => {
  const cases = (): QueuedCase[] => [...(rows.list(casesGroup) as ReadonlyArray<QueuedCase>)];
  const ordered = (): ReadonlyArray<QueuedCase> => cases().sort(compareCaseOrder); // SC-6
  return {
    list: (filter) =>
      ordered()
        .filter((entry) => matches(entry, filter))
        .map((entry) => show(entry, filter.now)),
    next: (now) => {
      const workable = ordered().find((entry) => entry.status !== 'awaiting-customer');
      return workable === undefined ? undefined : show(workable, now);
    },
    get: (caseId, now) => {
      // The case's own stream first (one indexed read); a log that put it elsewhere is searched.
      const own = rows.get(casesGroup, supportCaseStream(caseId)) as QueuedCase | undefined;
      const entry = own?.caseId === caseId ? own : cases().find((c) => c.caseId === caseId);
      return entry === undefined ? undefined : show(entry, now);
    },
  };
};
