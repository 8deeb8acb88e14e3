import { replayProjection, type RecordedEvent } from '@dossier/core';
import { supportCase, supportCaseStream, type SupportCaseCommand } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../src/index.js';
import {
  caseId,
  day,
  escalate,
  foldPersisted,
  linkIncident,
  openCase,
  outOfScope,
  provideInformation,
  type RecordOptions,
  recordSurveyResponse,
  reprioritise,
  requestInformation,
  requestOutageRemedy,
  resolve,
  resolveLinkedIncident,
  runCommands,
  startWork,
  type Step,
  subscribed,
  toCase,
} from '../src/testing/index.js';

const record = (steps: ReadonlyArray<Step<SupportCaseCommand>>, options: RecordOptions = {}) => {
  const result = runCommands(supportCase, steps, options);
  expect(result.refused).toBe(0);
  return result;
};
const trailOf = (events: ReadonlyArray<RecordedEvent>) =>
  auditTrail.query(replayProjection(auditTrail, subscribed(auditTrail, events)));

const streamA = supportCaseStream(caseId('a'));

/** Every support-case event type, each at least once, through the real decider. */
const wholeLife = [
  toCase('a', openCase({ id: 'a', subject: 'Live updates stall' })),
  toCase('a', startWork({ at: day(0, 1) })),
  toCase('a', requestInformation({ at: day(0, 2) }, ['reproduction-steps', 'log-files'])),
  toCase('a', provideInformation({ at: day(0, 3) }, ['reproduction-steps', 'log-files'])),
  toCase('a', escalate({ at: day(0, 4) }, 'mobile')),
  toCase('a', reprioritise({ at: day(0, 5) }, 'P1', 'all developers are blocked')),
  toCase('a', linkIncident({ at: day(0, 6) }, 'inc-7')),
  toCase('a', requestOutageRemedy({ at: day(0, 7) })),
  toCase('a', resolveLinkedIncident({ at: day(0, 8) }, 'inc-7')),
  toCase('a', recordSurveyResponse({ at: day(0, 9) }, 4, 'quick and clear')),
];

describe('audit trail (RM-4)', () => {
  it('RM-4 describes every support-case event in plain English, in stream order', () => {
    const trail = trailOf(record(wholeLife).events);
    expect(trail.forAggregate(streamA).map((e) => [e.type, e.description])).toEqual([
      [
        'CaseOpened',
        'Case a opened for customer acme (pro plan) over web: "Live updates stall"; topic technical (configuration: ' +
          'live update setup) on project app-1; priority P3; first response due 2026-01-06T09:00:00.000Z; ' +
          'survey contact admin@acme.example',
      ],
      ['WorkStarted', 'Work started on the case'],
      [
        'InformationRequested',
        'Information requested from the customer: reproduction steps and log files — note: "please attach the build log"; ' +
          'the case waits on the customer',
      ],
      [
        'InformationProvided',
        'Information provided by the customer: reproduction steps and log files; work resumes',
      ],
      ['CaseEscalated', 'Case escalated to team mobile'],
      [
        'CaseReprioritised',
        'Priority changed from P3 to P1 — reason: "all developers are blocked"; first response now due 2026-01-06T09:00:00.000Z',
      ],
      ['IncidentLinked', 'Case linked to platform incident inc-7'],
      [
        'OutageRemedyRequested',
        'Customer asked for service credit and incident report should an outage be the cause',
      ],
      [
        'CaseResolved',
        'Case resolved: outage-resolved — incident inc-7 ended; remedies recorded: service credit and incident report',
      ],
      ['SurveySent', 'Satisfaction survey sent to admin@acme.example'],
      [
        'SurveyResponseRecorded',
        'Survey answered with rating 4 of 5 — comment: "quick and clear"; case closed',
      ],
    ]);
  });

  it('SC-10 names the one outcome of a resolution with its detail', () => {
    const outcomes = [
      { kind: 'cannot-reproduce', recommendations: 'enable verbose logs, then retry' },
      { kind: 'resolved', how: 'workaround-given' },
      { kind: 'feature-not-available', featureIdea: 'ideas/42' },
      { kind: 'feature-not-available' },
      { kind: 'referred-to-third-party', party: 'Ionic' },
      { kind: 'not-supported' },
    ] as const;
    const descriptions = outcomes.map((outcome) => {
      const { events } = record([
        toCase('a', openCase({ id: 'a' })),
        toCase('a', startWork({ at: day(0, 1) })),
        toCase('a', resolve({ at: day(0, 2) }, outcome)),
      ]);
      return trailOf(events).forAggregate(streamA)[2]?.description;
    });
    expect(descriptions).toEqual([
      'Case resolved: cannot-reproduce — recommendations: enable verbose logs, then retry',
      'Case resolved: resolved (workaround given)',
      'Case resolved: feature-not-available — feature idea: ideas/42',
      'Case resolved: feature-not-available',
      'Case resolved: referred-to-third-party — party: Ionic',
      'Case resolved: not-supported',
    ]);
  });

  it('RM-4 records revision, position, actor, instants, command id and hash from the recorded envelope', () => {
    const { events } = record([
      toCase('a', openCase({ id: 'a' })),
      toCase('b', openCase({ id: 'b', at: day(0, 1) })),
      toCase('a', startWork({ at: day(0, 2) })),
    ]);
    const started = events[2];
    expect(trailOf(events).forAggregate(streamA)[1]).toEqual({
      stream: streamA,
      revision: '1',
      position: started?.position.toString(),
      eventId: started?.metadata.eventId,
      type: 'WorkStarted',
      actor: 'agent-1',
      by: 'agent-1',
      at: day(0, 2),
      recordedAt: day(0, 2),
      commandId: 'command-2',
      commandType: 'StartWork',
      correlationId: 'command-2',
      causationId: null,
      description: 'Work started on the case',
      hash: started?.metadata.hash,
    });
  });

  it('RM-4 names the command of every event, a batch taking its first event’s command (SC-4, SC-11, SC-12)', () => {
    const { events, commandTypes } = record([
      ...wholeLife,
      toCase('b', openCase({ id: 'b', topic: outOfScope, at: day(1) })),
    ]);
    const trail = trailOf(events);
    const entries = [...trail.forAggregate(streamA), ...trail.forAggregate(supportCaseStream(caseId('b')))];
    expect(entries.map((e) => e.commandType)).toEqual(entries.map((e) => commandTypes[e.commandId ?? '']));
    expect(trail.forAggregate(supportCaseStream(caseId('b'))).map((e) => [e.type, e.commandType])).toEqual([
      ['CaseOpened', 'OpenCase'],
      ['CaseResolved', 'OpenCase'], // SC-4: resolved in the same decision as the opening
      ['SurveySent', 'OpenCase'],
    ]);
  });

  it('RM-4 without command ids, still names each command from the event alone', () => {
    const { events } = record(wholeLife, { withCommandIds: false });
    expect(
      trailOf(events)
        .forAggregate(streamA)
        .map((e) => [e.commandId, e.commandType]),
    ).toEqual([
      [null, 'OpenCase'],
      [null, 'StartWork'],
      [null, 'RequestInformation'],
      [null, 'ProvideInformation'],
      [null, 'Escalate'],
      [null, 'Reprioritise'],
      [null, 'LinkIncident'],
      [null, 'RequestOutageRemedy'],
      [null, 'ResolveLinkedIncident'],
      [null, 'ResolveLinkedIncident'], // SC-12: the survey goes out with its resolution
      [null, 'RecordSurveyResponse'],
    ]);
  });

  it('RM-4 lists the streams in the order they began, and an unknown stream as empty', () => {
    const trail = trailOf(
      record([
        toCase('z', openCase({ id: 'z' })),
        toCase('a', openCase({ id: 'a', at: day(0, 1) })),
        toCase('z', startWork({ at: day(0, 2) })),
      ]).events,
    );
    expect(trail.streams()).toEqual([supportCaseStream(caseId('z')), streamA]);
    expect(trail.forAggregate('supportCase-nobody')).toEqual([]);
  });

  it('RM-4 between gives the entries decided in a window, both ends included', () => {
    const trail = trailOf(record(wholeLife).events);
    expect(trail.between(streamA, day(0, 2), day(0, 4)).map((e) => e.type)).toEqual([
      'InformationRequested',
      'InformationProvided',
      'CaseEscalated',
    ]);
    expect(trail.between(streamA, day(2), day(3))).toEqual([]);
  });

  it('RM-4 an event delivered twice is recorded once', () => {
    const { events } = record(wholeLife.slice(0, 3));
    const state = replayProjection(auditTrail, subscribed(auditTrail, [...events, ...events.slice(1)]));
    expect(
      auditTrail
        .query(state)
        .forAggregate(streamA)
        .map((e) => e.revision),
    ).toEqual(['0', '1', '2']);
  });

  it('RM-4 keeps plain JSON state: folded through storage it equals a rebuild from zero', () => {
    const events = subscribed(auditTrail, record(wholeLife).events);
    expect(foldPersisted(auditTrail, events)).toEqual(replayProjection(auditTrail, events));
  });
});
