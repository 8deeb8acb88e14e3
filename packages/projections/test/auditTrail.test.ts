import { replayProjection, type RecordedEvent } from '@dossier/core';
import {
  invitationStream,
  paymentProfile,
  paymentProfileStream,
  supportCase,
  supportCaseStream,
  type SupportCaseCommand,
} from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../src/index.js';
import { foldPersisted, runCommands, subscribed, type RecordOptions, type Step } from './support/record.js';
import {
  caseId,
  day,
  escalate,
  linkIncident,
  openCase,
  outOfScope,
  provideInformation,
  recordSurveyResponse,
  reprioritise,
  requestInformation,
  requestOutageRemedy,
  resolve,
  resolveLinkedIncident,
  startWork,
  toCase,
} from './support/supportCase.js';
import { accept, decline, expire, invitationId } from './support/invitation.js';
import { FlowWorld } from './support/invitationFlow.js';
import * as pp from './support/paymentProfile.js';

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

  describe('payment profiles', () => {
    const profileStream = paymentProfileStream(pp.profileId());
    const profileLife = [
      pp.toProfile(pp.createProfile({ name: 'Acme Ltd' })),
      pp.toProfile(
        pp.updateDetails({ address: 'Jl. Sudirman 1', paymentMethods: ['visa-4242'] }, { at: day(0, 1) }),
      ),
      pp.toProfile(pp.inviteUser(pp.ana, ['read'], 'inv-ana', { at: day(0, 2) })),
      pp.toProfile(pp.requestResend('inv-ana', { at: day(0, 3) })),
      pp.toProfile(pp.activate(pp.ana, 'inv-ana', { at: day(0, 4) })),
      pp.toProfile(pp.changePermissions(pp.ana, ['read', 'purchase'], { at: day(0, 5) })),
      pp.toProfile(pp.inviteUser(pp.budi, [], 'inv-budi', { at: day(0, 6) }, 'none')),
      pp.toProfile(pp.requestCancellation('inv-budi', { at: day(0, 7) })),
      pp.toProfile(pp.withdraw('inv-budi', 'cancelled', { at: day(0, 8) })),
      pp.toProfile(pp.reassignPrimaryContact(pp.ana, { at: day(0, 9) })),
      pp.toProfile(pp.setEmailPreference(pp.ana, 'all', { at: day(0, 10) })),
      ...pp.joins(pp.citra, ['read'], { at: day(0, 11) }),
      pp.toProfile(pp.setEmailPreference(pp.citra, 'none', { at: day(0, 12) })),
      pp.toProfile(pp.removeUser(pp.citra, { at: day(0, 13) })),
    ];
    const recordProfile = () => {
      const result = runCommands(paymentProfile, profileLife);
      expect(result.refused).toBe(0);
      return result;
    };

    it('PP-2…PP-10, IN-3…IN-5 describes every payment-profile change in plain English, naming its command', () => {
      const { events, commandTypes } = recordProfile();
      const entries = trailOf(events).forAggregate(profileStream);
      expect(entries.map((e) => e.commandType)).toEqual(entries.map((e) => commandTypes[e.commandId ?? '']));
      expect(entries.map((e) => [e.commandType, e.description])).toEqual([
        [
          'CreateProfile',
          'Business profile "Acme Ltd" (profile-1) created by owner@acme.example, its first admin and primary contact, receiving all e-mail',
        ],
        [
          'UpdateProfileDetails',
          'Profile details changed: address set to "Jl. Sudirman 1" and payment methods set to visa-4242',
        ],
        [
          'UpdateProfileDetails',
          'Admins notified by e-mail of the change (address set to "Jl. Sudirman 1" and payment methods set to visa-4242): owner@acme.example',
        ],
        [
          'InviteUser',
          'ana@example.com invited with permissions read and e-mail preference administrative (invitation inv-ana); pending until accepted',
        ],
        ['RequestInvitationResend', 'Resending of invitation inv-ana to ana@example.com requested'],
        [
          'ActivateInvitedUser',
          'ana@example.com accepted invitation inv-ana and became an active user (user-ana, with an account) with permissions read granted by user-owner, and e-mail preference administrative',
        ],
        ['ChangePermissions', 'Permissions of ana@example.com changed from read to read, purchase'],
        [
          'InviteUser',
          'budi@example.com invited with permissions none (e-mail only) and e-mail preference none (invitation inv-budi); pending until accepted',
        ],
        [
          'RequestInvitationCancellation',
          'Cancellation of invitation inv-budi to budi@example.com requested; pending until the invitation ends',
        ],
        ['WithdrawPendingUser', 'Pending user budi@example.com withdrawn: invitation inv-budi was cancelled'],
        ['ReassignPrimaryContact', 'Primary contact moved from owner@acme.example to ana@example.com'],
        ['ReassignPrimaryContact', 'E-mail preference of ana@example.com changed from administrative to all'],
        ['InviteUser', expect.stringContaining('citra@example.com invited') as unknown],
        ['ActivateInvitedUser', expect.stringContaining('citra@example.com accepted') as unknown],
        ['SetEmailPreference', 'E-mail preference of citra@example.com changed from administrative to none'],
        ['RemoveUser', 'User citra@example.com (user-citra) removed permanently'],
      ]);
    });

    it('PP-5, IN-4 records who acted: the event’s `by` and the recorded actor (the process manager for an activation)', () => {
      const entries = trailOf(recordProfile().events).forAggregate(profileStream);
      expect(entries.find((e) => e.type === 'PermissionsChanged')).toMatchObject({
        by: 'user-owner',
        actor: 'user-owner',
      });
      expect(entries.find((e) => e.type === 'InvitedUserActivated')).toMatchObject({
        by: null,
        actor: 'system:invitation-flow',
      });
    });
  });

  describe('invitations', () => {
    const world = () => {
      const w = new FlowWorld();
      w.profile(pp.profileId(), pp.createProfile({}, { at: day(0) }));
      w.profile(pp.profileId(), pp.inviteUser(pp.ana, ['read', 'purchase'], 'inv-ana', { at: day(0, 1) }));
      w.profile(pp.profileId(), pp.inviteUser(pp.budi, [], 'inv-budi', { at: day(0, 1) }, 'none'));
      w.profile(pp.profileId(), pp.inviteUser(pp.citra, ['read'], 'inv-citra', { at: day(0, 1) }));
      w.deliver();
      w.profile(pp.profileId(), pp.requestResend('inv-ana', { at: day(2) }));
      w.deliver();
      w.invitation(invitationId('inv-ana'), accept(pp.ana, day(3)));
      w.invitation(invitationId('inv-budi'), decline(pp.budi, day(3)));
      w.invitation(invitationId('inv-citra'), expire(day(15, 1)));
      w.deliver();
      expect(w.log.refused).toBe(0);
      return w;
    };

    it('IN-1…IN-5 describes every invitation event in plain English, with the expiry each sending sets', () => {
      const trail = trailOf(world().log.events);
      const described = (id: string) =>
        trail.forAggregate(invitationStream(invitationId(id))).map((e) => [e.commandType, e.description]);
      expect(described('inv-ana')).toEqual([
        [
          'IssueInvitation',
          'Invitation inv-ana to ana@example.com issued for profile profile-1 by user-owner, with permissions read, purchase ' +
            'and e-mail preference administrative; sent 2026-01-05T10:00:00.000Z, expires 2026-01-19T10:00:00.000Z',
        ],
        [
          'ResendInvitation',
          'Invitation sent again at the request of user-owner; now expires 2026-01-21T09:00:00.000Z',
        ],
        [
          'AcceptInvitation',
          'Invitation accepted by user-ana signed in as ana@example.com (with an account) for profile profile-1',
        ],
      ]);
      expect(described('inv-budi')[1]).toEqual([
        'DeclineInvitation',
        'Invitation declined by the invitee user-budi for profile profile-1; final',
      ]);
      expect(described('inv-citra')[1]).toEqual([
        'ExpireInvitation',
        'Invitation expired unaccepted, 14 days after its last sending, for profile profile-1; final',
      ]);
    });

    it('IN-4 traces the activation on the profile to the acceptance that caused it, through the flow', () => {
      const { log } = world();
      const trail = trailOf(log.events);
      const accepted = trail.forAggregate(invitationStream(invitationId('inv-ana')))[2];
      const activated = trail
        .forAggregate(paymentProfileStream(pp.profileId()))
        .find((e) => e.type === 'InvitedUserActivated');
      expect(activated).toMatchObject({
        commandType: 'ActivateInvitedUser',
        causationId: accepted?.eventId,
        actor: 'system:invitation-flow',
        at: day(3),
      });
      expect(activated?.commandId).toMatch(/^invitationFlow:/);
    });
  });
});
