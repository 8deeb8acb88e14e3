import { fold, type Recorded, type RecordedEvent } from '@dossier/core';
import {
  activeStatuses,
  supportCase,
  supportCaseEventTypes,
  toMillis,
  type Instant,
  type SupportCaseEvent,
  type SupportCaseState,
} from '@dossier/domain';
import type { OpenTicketQueueQueries } from '../index.js';
import { streamsOf } from './record.js';

/** The support-case events of a log, grouped by stream in log order. */
export const supportCaseStreams = (
  events: ReadonlyArray<RecordedEvent>,
): Readonly<Record<string, ReadonlyArray<Recorded<SupportCaseEvent>>>> =>
  streamsOf<SupportCaseEvent>(events, supportCaseEventTypes);

/** SC-7, computed from a stream without the projection: the first agent action, and whether the due time was missed. */
const expectedBreach = (
  events: ReadonlyArray<Recorded<SupportCaseEvent>>,
  due: Instant,
  now: Instant,
): boolean => {
  const first = events.find((e) => e.type === 'WorkStarted' || e.type === 'InformationRequested');
  const answeredAt = first === undefined ? undefined : (first.data as { readonly at: Instant }).at;
  return answeredAt === undefined ? toMillis(now) >= toMillis(due) : toMillis(answeredAt) > toMillis(due);
};

/**
 * RM-1 against the aggregates: folds each support case of the log from its own stream with the domain's `evolve` and
 * compares the queue it is given (live from a runner, or `rebuilt` from zero), then lists every way they disagree (empty when they agree).
 */
export const queueDisagreements = (
  events: ReadonlyArray<RecordedEvent>,
  queue: OpenTicketQueueQueries,
  now: Instant,
): ReadonlyArray<string> => {
  const problems: string[] = [];
  let open = 0;
  for (const [stream, streamEvents] of Object.entries(supportCaseStreams(events))) {
    const state: SupportCaseState = fold(supportCase, streamEvents);
    if (state.status === 'unopened') continue;
    const item = queue.get(state.case.caseId, now);
    const isOpen = (activeStatuses as ReadonlyArray<string>).includes(state.status);
    if (!isOpen) {
      if (item !== undefined) problems.push(`${stream} is ${state.status} but still queued`);
      continue;
    }
    open += 1;
    if (item === undefined) {
      problems.push(`${stream} is ${state.status} but not queued`);
      continue;
    }
    const expected = {
      status: state.status,
      priority: state.case.priority,
      customer: state.case.customer,
      channel: state.case.channel,
      submittedAt: state.case.submittedAt,
      firstResponseDue: state.case.firstResponseDue,
      escalatedTo: state.case.escalatedTo,
      breached: expectedBreach(streamEvents, state.case.firstResponseDue, now),
    };
    for (const [key, value] of Object.entries(expected)) {
      const shown: unknown = item[key as keyof typeof expected];
      if (JSON.stringify(shown) !== JSON.stringify(value))
        problems.push(
          `${stream}: ${key} is ${JSON.stringify(shown)}, the aggregate says ${JSON.stringify(value)}`,
        );
    }
  }
  const listed = queue.list({ now });
  if (listed.length !== open) problems.push(`${listed.length} cases listed, ${open} open`);
  return problems;
};
