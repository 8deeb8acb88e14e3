import { isJsonValue, MemoryRows, replayProjection } from '@dossier/core';
import { supportCase, type SupportCaseCommand } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { openTicketQueue } from '../src/index.js';
import {
  caseId,
  customerId,
  day,
  deepFreeze,
  escalate,
  foldPersisted,
  linkIncident,
  openCase,
  otherRequester,
  outOfScope,
  provideInformation,
  recordSurveyResponse,
  reprioritise,
  requestInformation,
  resolve,
  resolveLinkedIncident,
  runCommands,
  startWork,
  type Step,
  subscribed,
  toCase,
} from '../src/testing/index.js';

const run = (steps: ReadonlyArray<Step<SupportCaseCommand>>) => {
  const result = runCommands(supportCase, steps);
  expect(result.refused).toBe(0); // the examples are histories the real decider accepts
  return result;
};

const queueAfter = (steps: ReadonlyArray<Step<SupportCaseCommand>>) =>
  openTicketQueue.query(replayProjection(openTicketQueue, subscribed(openTicketQueue, run(steps).events)));

const ids = (items: ReadonlyArray<{ readonly caseId: string }>): ReadonlyArray<string> =>
  items.map((i) => i.caseId);

describe('open-ticket queue (RM-1)', () => {
  describe('order', () => {
    it('SC-6 lists P1 before P2, then oldest first', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', priority: 'P3', at: day(0, 0) })),
        toCase('b', openCase({ id: 'b', priority: 'P2', at: day(0, 1) })),
        toCase('c', openCase({ id: 'c', priority: 'P1', at: day(0, 2) })),
        toCase('d', openCase({ id: 'd', priority: 'P2', at: day(0, 3) })),
        toCase('e', openCase({ id: 'e', priority: 'P4', at: day(0, 4) })),
      ]);
      expect(ids(queue.list({ now: day(0, 5) }))).toEqual(['c', 'b', 'd', 'a', 'e']);
    });

    it('SC-6 breaks a tie of priority and submission time by case id, so the order is stable', () => {
      const queue = queueAfter([
        toCase('y', openCase({ id: 'y', at: day(0) })),
        toCase('x', openCase({ id: 'x', at: day(0) })),
      ]);
      expect(ids(queue.list({ now: day(0) }))).toEqual(['x', 'y']);
    });

    it('SC-6 a case re-prioritised to P1 moves to the front', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', priority: 'P2', at: day(0, 0) })),
        toCase('b', openCase({ id: 'b', priority: 'P3', at: day(0, 1) })),
        toCase('b', reprioritise({ at: day(0, 2) }, 'P1')),
      ]);
      expect(queue.list({ now: day(0, 3) }).map((i) => [i.caseId, i.priority])).toEqual([
        ['b', 'P1'],
        ['a', 'P2'],
      ]);
    });

    it('SC-6, SC-8 next gives the first case in order that is not waiting on the customer', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', priority: 'P1', at: day(0, 0) })),
        toCase('b', openCase({ id: 'b', priority: 'P2', at: day(0, 1) })),
        toCase('a', startWork({ at: day(0, 2) })),
        toCase('a', requestInformation({ at: day(0, 3) })),
      ]);
      expect(queue.next(day(0, 4))?.caseId).toBe('b');
      expect(queue.get(caseId('a'), day(0, 4))?.status).toBe('awaiting-customer');
    });

    it('SC-8 the case comes back to the front when the customer provides the information', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', priority: 'P1', at: day(0, 0) })),
        toCase('b', openCase({ id: 'b', priority: 'P2', at: day(0, 1) })),
        toCase('a', startWork({ at: day(0, 2) })),
        toCase('a', requestInformation({ at: day(0, 3) })),
        toCase('a', provideInformation({ at: day(0, 4) })),
      ]);
      expect(queue.next(day(0, 5))).toMatchObject({ caseId: 'a', status: 'in-progress' });
    });

    it('next is undefined when every open case waits on the customer, or none is open', () => {
      const waiting = queueAfter([
        toCase('a', openCase({ id: 'a' })),
        toCase('a', startWork({ at: day(0, 1) })),
        toCase('a', requestInformation({ at: day(0, 2) })),
      ]);
      expect(waiting.next(day(0, 3))).toBeUndefined();
      expect(queueAfter([]).next(day(0))).toBeUndefined();
    });
  });

  describe('due time and breach', () => {
    it('SC-7 shows the first-response due time: one business day after submission, over the weekend', () => {
      const queue = queueAfter([toCase('fri', openCase({ id: 'fri', at: day(4) }))]); // Friday 09:00
      expect(queue.get(caseId('fri'), day(4))).toMatchObject({
        submittedAt: day(4),
        firstResponseDue: day(7), // Monday 09:00
        firstRespondedAt: null,
        breached: false,
      });
    });

    it('SC-7 flags a breach when now passes the due time without a first response', () => {
      const queue = queueAfter([toCase('a', openCase({ id: 'a', at: day(0) }))]); // due day(1)
      expect(queue.get(caseId('a'), day(1, -1))?.breached).toBe(false);
      expect(queue.get(caseId('a'), day(1))?.breached).toBe(true);
      expect(queue.list({ now: day(3) }).map((i) => i.breached)).toEqual([true]);
    });

    it('SC-7 a first response in time clears the flag for good; a late one stays a breach', () => {
      const queue = queueAfter([
        toCase('on-time', openCase({ id: 'on-time', at: day(0) })),
        toCase('late', openCase({ id: 'late', at: day(0) })),
        toCase('on-time', startWork({ at: day(0, 2) })),
        toCase('late', startWork({ at: day(1, 2) })),
      ]);
      expect(queue.get(caseId('on-time'), day(9))).toMatchObject({
        firstRespondedAt: day(0, 2),
        breached: false,
      });
      expect(queue.get(caseId('late'), day(9))).toMatchObject({
        firstRespondedAt: day(1, 2),
        breached: true,
      });
    });

    it('SC-7 the first response is the first agent action; a later request for information does not move it', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', at: day(0) })),
        toCase('a', startWork({ at: day(0, 1) })),
        toCase('a', requestInformation({ at: day(0, 5) })),
        toCase('a', provideInformation({ at: day(0, 6) })),
      ]);
      expect(queue.get(caseId('a'), day(0, 7))?.firstRespondedAt).toBe(day(0, 1));
    });

    it('SC-7, SC-13 re-prioritising an Enterprise case moves the due time to the SLA target of the new priority', () => {
      const queue = queueAfter([
        toCase('ent', openCase({ id: 'ent', plan: 'enterprise', priority: 'P3', at: day(0) })), // 8 business hours
        toCase('ent', reprioritise({ at: day(0, 0.5) }, 'P1')), // P1: 1 hour from submission
      ]);
      expect(queue.get(caseId('ent'), day(0, 0.5))).toMatchObject({
        priority: 'P1',
        firstResponseDue: day(0, 1),
        breached: false,
      });
      expect(queue.get(caseId('ent'), day(0, 1))?.breached).toBe(true);
    });
  });

  describe('what is shown', () => {
    it('RM-1 shows the case id, status, channel, customer, priority, subject and submission time', () => {
      const queue = queueAfter([
        toCase(
          'a',
          openCase({
            id: 'a',
            channel: 'email',
            customer: 'globex',
            by: otherRequester,
            subject: 'Builds fail',
          }),
        ),
      ]);
      expect(queue.get(caseId('a'), day(0))).toEqual({
        caseId: 'a',
        status: 'open',
        channel: 'email',
        customer: 'globex',
        priority: 'P3',
        subject: 'Builds fail',
        escalatedTo: [],
        escalatedTeam: null,
        submittedAt: day(0),
        firstResponseDue: day(1),
        firstRespondedAt: null,
        breached: false,
      });
    });

    it('SC-9 shows the team the case was last escalated to, and every team in order', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a' })),
        toCase('a', escalate({ at: day(0, 1) }, 'mobile')),
        toCase('a', escalate({ at: day(0, 2) }, 'platform')),
      ]);
      expect(queue.get(caseId('a'), day(0, 3))).toMatchObject({
        escalatedTeam: 'platform',
        escalatedTo: ['mobile', 'platform'],
        status: 'open', // SC-9: escalation is a flag, not a status
      });
    });

    it('RM-1 filters by customer, priority and status', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a', priority: 'P1', at: day(0, 0) })),
        toCase(
          'b',
          openCase({ id: 'b', priority: 'P2', at: day(0, 1), customer: 'globex', by: otherRequester }),
        ),
        toCase('c', openCase({ id: 'c', priority: 'P2', at: day(0, 2) })),
        toCase('c', startWork({ at: day(0, 3) })),
      ]);
      const now = day(0, 4);
      expect(ids(queue.list({ now, customer: customerId('acme') }))).toEqual(['a', 'c']);
      expect(ids(queue.list({ now, priority: 'P2' }))).toEqual(['b', 'c']);
      expect(ids(queue.list({ now, status: 'in-progress' }))).toEqual(['c']);
      expect(ids(queue.list({ now, customer: customerId('acme'), priority: 'P2', status: 'open' }))).toEqual(
        [],
      );
    });

    it('get is undefined for a case the queue never saw', () => {
      expect(queueAfter([toCase('a', openCase({ id: 'a' }))]).get(caseId('zzz'), day(0))).toBeUndefined();
    });
  });

  describe('leaving the queue', () => {
    it('SC-10, SC-12 a resolved case leaves the queue and stays out once the survey closes it', () => {
      const steps = [
        toCase('a', openCase({ id: 'a' })),
        toCase('b', openCase({ id: 'b', at: day(0, 1) })),
        toCase('a', startWork({ at: day(0, 2) })),
        toCase(
          'a',
          resolve({ at: day(0, 3) }, { kind: 'cannot-reproduce', recommendations: 'update the SDK' }),
        ),
      ];
      expect(ids(queueAfter(steps).list({ now: day(0, 4) }))).toEqual(['b']);
      const closed = [...steps, toCase('a', recordSurveyResponse({ at: day(0, 5) }, 5))];
      expect(ids(queueAfter(closed).list({ now: day(0, 6) }))).toEqual(['b']);
      expect(queueAfter(closed).get(caseId('a'), day(0, 6))).toBeUndefined();
    });

    it('SC-4 an out-of-scope request is recorded and resolved at once, so it is never queued', () => {
      const queue = queueAfter([toCase('a', openCase({ id: 'a', topic: outOfScope }))]);
      expect(queue.list({ now: day(0) })).toEqual([]);
    });

    it('SC-11 the end of a linked incident takes the case out of the queue', () => {
      const queue = queueAfter([
        toCase('a', openCase({ id: 'a' })),
        toCase('a', linkIncident({ at: day(0, 1) }, 'inc-7')),
        toCase('a', resolveLinkedIncident({ at: day(0, 2) }, 'inc-7')),
      ]);
      expect(queue.list({ now: day(0, 3) })).toEqual([]);
    });
  });

  describe('as a fold', () => {
    it('RM-1 keeps plain JSON rows, one per open case, and never changes a row it was given', () => {
      const { events } = run([
        toCase('a', openCase({ id: 'a' })),
        toCase('a', startWork({ at: day(0, 1) })),
        toCase('a', escalate({ at: day(0, 2) })),
        toCase('a', reprioritise({ at: day(0, 3) }, 'P1')),
        toCase('b', openCase({ id: 'b', at: day(0, 4) })),
        toCase('a', resolve({ at: day(0, 5) })),
      ]);
      const relevant = subscribed(openTicketQueue, events);
      const rows = new MemoryRows();
      for (const event of relevant) {
        const before = JSON.stringify(rows.entries('cases'));
        const changes = openTicketQueue.apply(rows, event); // the rows are frozen: writing to one throws
        expect(JSON.stringify(rows.entries('cases'))).toBe(before);
        expect(changes.every((change) => change.key === event.stream && isJsonValue(change.row))).toBe(true);
        for (const change of changes) rows.change({ ...change, row: deepFreeze(change.row) });
      }
      expect(rows.entries('cases').map(([stream]) => stream)).toEqual(['supportCase-b']);
      expect(foldPersisted(openTicketQueue, relevant)).toEqual(replayProjection(openTicketQueue, relevant));
    });
  });
});
