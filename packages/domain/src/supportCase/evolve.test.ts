import { describe, expect, it } from 'vitest';
import {
  caseEscalated,
  caseId,
  caseOpened,
  caseReprioritised,
  caseResolved,
  incidentId,
  incidentLinked,
  informationProvided,
  informationRequested,
  outageRemedyRequested,
  requester,
  surveyResponseRecorded,
  surveySent,
  teamId,
  technical,
  workStarted,
} from '../testing/supportCaseBuilders.js';
import { day } from '../testing/time.js';
import type { SupportCaseEvent } from './events.js';
import { evolve } from './evolve.js';
import { initialSupportCaseState, isEscalated, type CaseFile, type SupportCaseState } from './state.js';

const replay = (events: ReadonlyArray<SupportCaseEvent>): SupportCaseState =>
  events.reduce(evolve, initialSupportCaseState);

const fileOf = (state: SupportCaseState): CaseFile => {
  if (state.status === 'unopened') throw new Error('expected an opened case');
  return state.case;
};

describe('SupportCase', () => {
  describe('evolve', () => {
    it('CaseOpened opens the case with what the queue and later decisions need', () => {
      const state = replay([caseOpened({ followUpOf: caseId('case-0') })]);
      expect(state).toEqual({
        status: 'open',
        case: {
          caseId: caseId(),
          customer: 'acme',
          plan: 'pro',
          requester: requester.id,
          contact: requester.email,
          channel: 'web',
          topic: technical(),
          priority: 'P3',
          premium: false,
          submittedAt: day(0),
          firstResponseDue: day(1),
          followUpOf: 'case-0',
          escalatedTo: [],
          linkedIncidents: [],
          requestedRemedies: [],
        },
      });
    });

    it('WorkStarted puts the case in progress', () => {
      expect(replay([caseOpened(), workStarted()]).status).toBe('in-progress');
    });

    it('SC-8 InformationRequested makes the case wait on the customer; InformationProvided resumes work', () => {
      const waiting = replay([caseOpened(), workStarted(), informationRequested(['message-headers'])]);
      expect(waiting).toMatchObject({ status: 'awaiting-customer', awaiting: ['message-headers'] });
      const resumed = evolve(waiting, informationProvided(['message-headers']));
      expect(resumed.status).toBe('in-progress');
      expect(resumed).not.toHaveProperty('awaiting');
    });

    it('SC-9 escalation is a flag over the status: the teams are recorded in order and the status stays', () => {
      const state = replay([
        caseOpened(),
        workStarted(),
        caseEscalated(teamId('a')),
        caseEscalated(teamId('b')),
      ]);
      expect(state.status).toBe('in-progress');
      expect(fileOf(state).escalatedTo).toEqual(['a', 'b']);
      expect(isEscalated(state)).toBe(true);
      expect(isEscalated(replay([caseOpened()]))).toBe(false);
    });

    it('SC-5 CaseReprioritised changes the priority and the due time', () => {
      const reprioritised = caseReprioritised({
        from: 'P3',
        to: 'P1',
        reason: 'outage',
        firstResponseDue: day(0, 1),
      });
      const file = fileOf(replay([caseOpened(), reprioritised]));
      expect(file).toMatchObject({ priority: 'P1', firstResponseDue: day(0, 1) });
    });

    it('SC-11 IncidentLinked records the incident; SC-10 OutageRemedyRequested records the remedies', () => {
      const file = fileOf(
        replay([caseOpened(), incidentLinked(), outageRemedyRequested(['incident-report'])]),
      );
      expect(file.linkedIncidents).toEqual([incidentId()]);
      expect(file.requestedRemedies).toEqual(['incident-report']);
    });

    it('SC-10 CaseResolved records the one outcome; SC-12 SurveySent records when the survey went', () => {
      const outcome = { kind: 'referred-to-third-party', party: 'Apple' } as const;
      const state = replay([
        caseOpened(),
        workStarted(),
        caseResolved(outcome, { at: day(1) }),
        surveySent({ at: day(1) }),
      ]);
      expect(state).toMatchObject({ status: 'resolved', outcome, resolvedAt: day(1), surveySentAt: day(1) });
    });

    it('SC-12 SurveyResponseRecorded closes the case and keeps the outcome', () => {
      const outcome = { kind: 'not-supported' } as const;
      const state = replay([
        caseOpened(),
        caseResolved(outcome),
        surveySent(),
        surveyResponseRecorded(2, 'slow', { at: day(3) }),
      ]);
      expect(state).toMatchObject({
        status: 'closed',
        outcome,
        survey: { rating: 2, comment: 'slow', at: day(3) },
      });
    });

    it('is total: an event that does not fit the state leaves it as it is', () => {
      for (const event of [
        workStarted(),
        caseEscalated(),
        caseResolved(),
        surveySent(),
        surveyResponseRecorded(),
      ]) {
        expect(evolve(initialSupportCaseState, event)).toBe(initialSupportCaseState);
      }
      const open = replay([caseOpened()]);
      expect(evolve(open, surveyResponseRecorded())).toBe(open);
    });
  });
});
