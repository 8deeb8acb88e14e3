import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { given } from '../testing/given.js';
import {
  actor,
  agent,
  caseEscalated,
  caseId,
  caseOpened,
  caseReprioritised,
  colleague,
  customer,
  escalate,
  impact,
  incidentId,
  incidentLinked,
  informationProvided,
  informationRequested,
  linkIncident,
  openCase,
  otherAgent,
  outageRemedyRequested,
  provideInformation,
  recordSurveyResponse,
  reprioritise,
  requester,
  requestInformation,
  requestOutageRemedy,
  resolve,
  resolvedWithSurvey,
  resolveLinkedIncident,
  startWork,
  surveyResponseRecorded,
  teamId,
  technical,
  workStarted,
} from '../testing/supportCaseBuilders.js';
import { day } from '../testing/time.js';
import type { SupportCaseCommand } from './commands.js';
import type { SupportCaseEvent } from './events.js';
import { casesToResolveForIncident } from './incidents.js';
import { makeSupportCase, supportCase } from './index.js';
import { defaultSupportPolicy } from './policy.js';
import type { SupportCaseState } from './state.js';
import type { AgentOutcome, TechnicalScope } from './values.js';

const opened: ReadonlyArray<SupportCaseEvent> = [caseOpened()];
const inProgress: ReadonlyArray<SupportCaseEvent> = [...opened, workStarted({ at: day(0, 1) })];
const awaiting: ReadonlyArray<SupportCaseEvent> = [...inProgress, informationRequested()];
const resolved: ReadonlyArray<SupportCaseEvent> = [
  ...inProgress,
  ...resolvedWithSurvey({ kind: 'resolved', how: 'fixed' }, { at: day(1) }),
];
const closed: ReadonlyArray<SupportCaseEvent> = [...resolved, surveyResponseRecorded(4)];

const agentCommands: ReadonlyArray<SupportCaseCommand> = [
  startWork(),
  requestInformation(),
  escalate(),
  reprioritise('P1'),
  linkIncident(),
  resolve(),
  resolveLinkedIncident(),
];
const everyCommandButOpen: ReadonlyArray<SupportCaseCommand> = [
  ...agentCommands,
  provideInformation(),
  requestOutageRemedy(),
  recordSurveyResponse(),
];

describe('SupportCase', () => {
  describe('when unopened', () => {
    it('opens a case from the customer administrator with its priority and due time', () => {
      given(supportCase, []).when(openCase()).then([caseOpened()]);
    });

    it('refuses every other command before the case is opened, naming the state', () => {
      for (const command of everyCommandButOpen) {
        const error = given(supportCase, []).when(command).thenRefuses('CaseNotInStatus');
        expect(error.status).toBe('unopened');
        expect(error.command).toBe(command.type);
      }
    });

    describe('who may open (SC-1)', () => {
      it('SC-1 refuses a requester who is not an administrator of the organisation', () => {
        const error = given(supportCase, [])
          .when(openCase({ requester: { organisationRole: 'member', registeredEmail: requester.email } }))
          .thenRefuses('NotAnOrganisationAdministrator');
        expect(error.role).toBe('member');
      });

      it('SC-1 refuses an address on a consumer mail domain', () => {
        const consumer = actor('user-home', 'someone@gmail.com');
        const error = given(supportCase, [])
          .when(openCase({}, { actor: consumer }))
          .thenRefuses('ConsumerAccountRefused');
        expect(error.domain).toBe('gmail.com');
      });

      it('SC-1 the consumer-domain list is configuration', () => {
        const strict = makeSupportCase({ ...defaultSupportPolicy, consumerMailDomains: ['ACME.example'] });
        given(strict, []).when(openCase()).thenRefuses('ConsumerAccountRefused');
        const lenient = makeSupportCase({ ...defaultSupportPolicy, consumerMailDomains: [] });
        const gmail = actor('user-home', 'someone@gmail.com');
        const accepted = given(lenient, []).when(openCase({}, { actor: gmail })).result;
        expect(E.isRight(accepted)).toBe(true);
      });
    });

    describe('who may ask for what (SC-2)', () => {
      it('SC-2 refuses a technical case on the free plan without a paid add-on', () => {
        const error = given(supportCase, [])
          .when(openCase({ customer: customer({ plan: 'free' }) }))
          .thenRefuses('PaidPlanRequired');
        expect(error.plan).toBe('free');
      });

      it('SC-2 accepts a technical case on the free plan with a paid add-on', () => {
        const withAddOn = customer({ plan: 'free', paidAddOns: ['extra-bandwidth'] });
        given(supportCase, [])
          .when(openCase({ customer: withAddOn }))
          .then([caseOpened({ plan: 'free' })]);
      });

      it('SC-2 accepts billing and account-management cases on the free plan', () => {
        for (const topic of [{ category: 'billing' }, { category: 'account-management' }] as const) {
          given(supportCase, [])
            .when(openCase({ customer: customer({ plan: 'free' }), topic }))
            .then([caseOpened({ plan: 'free', topic })]);
        }
      });
    });

    describe('official channel, registered address, project access (SC-3)', () => {
      it('SC-3 accepts web and email from every offering', () => {
        for (const channel of ['web', 'email'] as const) {
          given(supportCase, [])
            .when(openCase({ channel }))
            .then([caseOpened({ channel })]);
        }
      });

      it('SC-3 refuses a phone request when the offering has no phone', () => {
        const error = given(supportCase, [])
          .when(openCase({ channel: 'phone', customer: customer({ offeredChannels: ['chat'] }) }))
          .thenRefuses('ChannelNotOffered');
        expect(error.channel).toBe('phone');
      });

      it('SC-3 accepts phone and chat where the offering includes them', () => {
        const offering = customer({ offeredChannels: ['phone', 'chat'] });
        for (const channel of ['phone', 'chat'] as const) {
          given(supportCase, [])
            .when(openCase({ channel, customer: offering }))
            .then([caseOpened({ channel })]);
        }
      });

      it('SC-3 refuses a request that does not come from the registered e-mail address', () => {
        const error = given(supportCase, [])
          .when(
            openCase({
              requester: { organisationRole: 'administrator', registeredEmail: colleague.email },
            }),
          )
          .thenRefuses('NotFromRegisteredAddress');
        expect(error).toMatchObject({ from: requester.email, registered: colleague.email });
      });

      it('SC-3 refuses a requester below Developer access to the project', () => {
        for (const access of ['none', 'viewer'] as const) {
          const error = given(supportCase, [])
            .when(openCase({ topic: technical(undefined, access) }))
            .thenRefuses('InsufficientProjectAccess');
          expect(error).toMatchObject({ access, required: 'developer' });
        }
      });

      it('SC-3 accepts Developer access and higher', () => {
        for (const access of ['developer', 'admin', 'owner'] as const) {
          const topic = technical(undefined, access);
          given(supportCase, [])
            .when(openCase({ topic }))
            .then([caseOpened({ topic })]);
        }
      });
    });

    describe('scope (SC-4)', () => {
      it('SC-4 opens every in-scope configuration and troubleshooting request as an open case', () => {
        const inScope: ReadonlyArray<TechnicalScope> = [
          { area: 'configuration', subject: 'live-update-setup' },
          { area: 'configuration', subject: 'configuration-best-practice' },
          { area: 'configuration', subject: 'platform-question' },
          { area: 'troubleshooting', subject: 'known-issue-workaround' },
          { area: 'troubleshooting', subject: 'how-to' },
          { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'live-updates' },
          { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'app-management' },
          { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'analytics' },
        ];
        for (const scope of inScope) {
          given(supportCase, [])
            .when(openCase({ topic: technical(scope) }))
            .then([caseOpened({ topic: technical(scope) })]);
        }
      });

      it('SC-4 records an out-of-scope request and resolves it at once as not-supported, never dropping it', () => {
        for (const subject of ['own-app-troubleshooting', 'code-rewrite', 'third-party-software'] as const) {
          const topic = technical({ area: 'out-of-scope', subject });
          given(supportCase, [])
            .when(openCase({ topic }))
            .then([
              caseOpened({ topic }),
              ...resolvedWithSurvey({ kind: 'not-supported' }, { by: requester.id, at: day(0) }),
            ]);
        }
      });
    });

    describe('priority and due time (SC-5, SC-7)', () => {
      it('SC-5 opening derives the priority from the impact facts', () => {
        const outage = impact({ serviceUnavailable: true, usersAffected: 12, workaroundExists: false });
        const decision = given(supportCase, []).when(openCase({ impact: outage }));
        decision.then([caseOpened({ impact: outage, priority: 'P1' })]);
      });

      it('SC-7 the opening records the first-response due time: a Saturday submission is due at the end of Monday', () => {
        const saturday = day(5, 3); // Saturday 2026-01-10 12:00 UTC
        given(supportCase, [])
          .when(openCase({}, { at: saturday }))
          .then([caseOpened({ at: saturday, firstResponseDue: day(8, -9) })]); // Tuesday 00:00 UTC
      });

      it('SC-7 an Enterprise case is due by its SLA target for the priority', () => {
        const enterprise = customer({ plan: 'enterprise' });
        const outage = impact({ serviceUnavailable: true, usersAffected: 3, workaroundExists: false });
        given(supportCase, [])
          .when(openCase({ customer: enterprise, impact: outage }))
          .then([
            caseOpened({ plan: 'enterprise', impact: outage, priority: 'P1', firstResponseDue: day(0, 1) }),
          ]);
      });
    });

    describe('premium support (SC-13)', () => {
      it('SC-13 refuses premium support on the Free and Pro plans', () => {
        for (const plan of ['free', 'pro'] as const) {
          const error = given(supportCase, [])
            .when(openCase({ customer: customer({ plan, paidAddOns: ['extra'] }), premium: true }))
            .thenRefuses('PremiumSupportNotInPlan');
          expect(error.plan).toBe(plan);
        }
      });

      it('SC-13 accepts premium support on the Team and Enterprise plans', () => {
        given(supportCase, [])
          .when(openCase({ customer: customer({ plan: 'team' }), premium: true }))
          .then([caseOpened({ plan: 'team', premium: true })]);
        given(supportCase, [])
          .when(openCase({ customer: customer({ plan: 'enterprise' }), premium: true }))
          .then([caseOpened({ plan: 'enterprise', premium: true, firstResponseDue: day(0, 8) })]);
      });
    });

    describe('follow-ups (SC-14)', () => {
      it('SC-14 a follow-up is a new case that records the earlier one', () => {
        const earlier = caseId('case-0');
        given(supportCase, [])
          .when(openCase({ followUpOf: earlier }))
          .then([caseOpened({ followUpOf: earlier })]);
      });

      it('SC-14 a case cannot follow up itself', () => {
        given(supportCase, [])
          .when(openCase({ followUpOf: caseId() }))
          .thenRefuses('FollowUpOfItself');
      });

      it('SC-14 a case id is opened once: opening it again is refused', () => {
        const error = given(supportCase, opened).when(openCase()).thenRefuses('CaseNotInStatus');
        expect(error.status).toBe('open');
      });
    });
  });

  describe('when open', () => {
    it('an agent starts work', () => {
      given(supportCase, opened)
        .when(startWork({ at: day(0, 2) }))
        .then([workStarted({ at: day(0, 2) })]);
    });

    it('SC-8 agent actions record the agent and may not come from the requester', () => {
      for (const command of [startWork({ actor: requester }), escalate(teamId(), { actor: requester })]) {
        const error = given(supportCase, opened).when(command).thenRefuses('RequesterCannotActAsAgent');
        expect(error.actor).toBe(requester.id);
      }
    });

    it('SC-8 information cannot be requested before work starts', () => {
      const error = given(supportCase, opened).when(requestInformation()).thenRefuses('CaseNotInStatus');
      expect(error).toMatchObject({ status: 'open', allowed: ['in-progress'] });
    });

    it('SC-10 a case cannot be resolved before work starts', () => {
      given(supportCase, opened).when(resolve()).thenRefuses('CaseNotInStatus');
    });

    it('SC-9 escalates to a specialist team, recording the team and who escalated', () => {
      given(supportCase, opened)
        .when(escalate(teamId('mobile'), { actor: otherAgent, at: day(0, 3) }))
        .then([caseEscalated(teamId('mobile'), { by: otherAgent.id, at: day(0, 3) })]);
    });

    it('SC-9 escalating twice to the same team is refused; another team is recorded', () => {
      const history = [...opened, caseEscalated(teamId('mobile'))];
      const error = given(supportCase, history)
        .when(escalate(teamId('mobile')))
        .thenRefuses('AlreadyEscalatedTo');
      expect(error.team).toBe('mobile');
      given(supportCase, history)
        .when(escalate(teamId('billing')))
        .then([caseEscalated(teamId('billing'))]);
    });

    it('SC-5 an agent re-prioritises with a reason, recording from, to, reason, who and when', () => {
      given(supportCase, opened)
        .when(reprioritise('P1', 'all developers blocked', { at: day(0, 2) }))
        .then([
          caseReprioritised(
            { from: 'P3', to: 'P1', reason: 'all developers blocked', firstResponseDue: day(1) },
            { at: day(0, 2) },
          ),
        ]);
    });

    it('SC-5 refuses a re-prioritisation with an empty or blank reason', () => {
      given(supportCase, opened).when(reprioritise('P1', '')).thenRefuses('ReasonRequired');
      given(supportCase, opened).when(reprioritise('P1', '  \n ')).thenRefuses('ReasonRequired');
    });

    it('SC-5 refuses a re-prioritisation to the same priority', () => {
      given(supportCase, opened).when(reprioritise('P3')).thenRefuses('PriorityUnchanged');
    });

    it('SC-7 re-prioritising an Enterprise case recomputes the due time from the submission', () => {
      const enterprise = [caseOpened({ plan: 'enterprise', firstResponseDue: day(0, 8) })];
      given(supportCase, enterprise)
        .when(reprioritise('P1', 'outage confirmed', { at: day(0, 2) }))
        .then([
          caseReprioritised(
            { from: 'P3', to: 'P1', reason: 'outage confirmed', firstResponseDue: day(0, 1) },
            { at: day(0, 2) },
          ),
        ]);
    });

    it('SC-11 links a platform incident; linking it twice is refused', () => {
      given(supportCase, opened).when(linkIncident()).then([incidentLinked()]);
      given(supportCase, [...opened, incidentLinked()])
        .when(linkIncident())
        .thenRefuses('IncidentAlreadyLinked');
    });

    it('SC-11 the end of a linked incident resolves an open case as outage-resolved and sends the survey', () => {
      const end = resolveLinkedIncident(incidentId(), { at: day(0, 5) });
      given(supportCase, [...opened, incidentLinked()])
        .when(end)
        .then([
          ...resolvedWithSurvey(
            { kind: 'outage-resolved', incidentId: incidentId(), remedies: [] },
            { by: end.actor.id, at: day(0, 5) },
          ),
        ]);
    });

    it('SC-10 a service credit and incident report are recorded with the outage only when the customer asked', () => {
      const end = resolveLinkedIncident(incidentId(), { at: day(0, 5) });
      const asked = [
        ...opened,
        incidentLinked(),
        outageRemedyRequested(['incident-report', 'service-credit']),
      ];
      given(supportCase, asked)
        .when(end)
        .then([
          ...resolvedWithSurvey(
            {
              kind: 'outage-resolved',
              incidentId: incidentId(),
              remedies: ['incident-report', 'service-credit'],
            },
            { by: end.actor.id, at: day(0, 5) },
          ),
        ]);
    });

    it('SC-10 the customer asks for outage remedies; asking again for the same one records nothing new', () => {
      given(supportCase, opened)
        .when(requestOutageRemedy(['incident-report', 'service-credit']))
        .then([outageRemedyRequested(['service-credit', 'incident-report'])]);
      const history = [...opened, outageRemedyRequested(['service-credit'])];
      given(supportCase, history)
        .when(requestOutageRemedy(['service-credit']))
        .then([]);
      given(supportCase, history)
        .when(requestOutageRemedy(['service-credit', 'incident-report']))
        .then([outageRemedyRequested(['incident-report'])]);
    });

    it('SC-10 only the requester asks for outage remedies, and must name one', () => {
      given(supportCase, opened)
        .when(requestOutageRemedy(['service-credit'], { actor: agent }))
        .thenRefuses('NotTheRequester');
      given(supportCase, opened).when(requestOutageRemedy([])).thenRefuses('NoRemedyRequested');
    });
  });

  describe('when in progress', () => {
    it('SC-8 an agent asks for information; the case then waits on the customer', () => {
      const items = ['reproduction-steps', 'troubleshooting-steps', 'log-files', 'message-headers'] as const;
      given(supportCase, inProgress)
        .when(requestInformation(items))
        .then([informationRequested(items)]);
    });

    it('SC-8 asking for nothing is refused', () => {
      given(supportCase, inProgress).when(requestInformation([])).thenRefuses('NoInformationRequested');
    });

    it('SC-10 resolves with exactly one outcome of each kind, and sends the survey', () => {
      const outcomes: ReadonlyArray<AgentOutcome> = [
        { kind: 'resolved', how: 'workaround-given' },
        { kind: 'feature-not-available' },
        { kind: 'feature-not-available', featureIdea: 'ideas/1234' },
        { kind: 'cannot-reproduce', recommendations: 'collect a HAR file on the next failure' },
        { kind: 'referred-to-third-party', party: 'Capacitor community' },
        { kind: 'not-supported' },
      ];
      for (const outcome of outcomes) {
        given(supportCase, inProgress)
          .when(resolve(outcome, { at: day(1) }))
          .then([...resolvedWithSurvey(outcome, { at: day(1) })]);
      }
    });

    it('SC-10 cannot-reproduce needs recommendations and referred-to-third-party needs the party', () => {
      const noRecommendations = given(supportCase, inProgress)
        .when(resolve({ kind: 'cannot-reproduce', recommendations: ' ' }))
        .thenRefuses('OutcomeDetailRequired');
      expect(noRecommendations.field).toBe('recommendations');
      const noParty = given(supportCase, inProgress)
        .when(resolve({ kind: 'referred-to-third-party', party: '' }))
        .thenRefuses('OutcomeDetailRequired');
      expect(noParty.field).toBe('party');
    });

    it('SC-11 the end of an incident that is not linked to the case is refused', () => {
      const history = [...inProgress, incidentLinked(incidentId('inc-1'))];
      const error = given(supportCase, history)
        .when(resolveLinkedIncident(incidentId('inc-2')))
        .thenRefuses('IncidentNotLinked');
      expect(error.incidentId).toBe('inc-2');
    });

    it('SC-12 a survey response before resolution is refused', () => {
      const error = given(supportCase, inProgress)
        .when(recordSurveyResponse(5))
        .thenRefuses('CaseNotInStatus');
      expect(error.status).toBe('in-progress');
    });
  });

  describe('when awaiting the customer', () => {
    it('SC-8 the requester provides the information and work resumes', () => {
      given(supportCase, awaiting)
        .when(provideInformation(['log-files']))
        .then([informationProvided(['log-files'])]);
      expect(given(supportCase, [...awaiting, informationProvided()]).state().status).toBe('in-progress');
    });

    it('SC-8 information from anyone but the requester is refused', () => {
      for (const someone of [colleague, agent]) {
        const error = given(supportCase, awaiting)
          .when(provideInformation(['log-files'], { actor: someone }))
          .thenRefuses('NotTheRequester');
        expect(error.actor).toBe(someone.id);
      }
    });

    it('SC-8 while waiting, the agent cannot ask again or restart work', () => {
      for (const command of [requestInformation(), startWork()]) {
        const error = given(supportCase, awaiting).when(command).thenRefuses('CaseNotInStatus');
        expect(error.status).toBe('awaiting-customer');
      }
    });

    it('SC-10 a waiting case can be resolved (e.g. it cannot be reproduced without the data)', () => {
      const outcome = {
        kind: 'cannot-reproduce',
        recommendations: 'send the logs when it happens again',
      } as const;
      given(supportCase, awaiting)
        .when(resolve(outcome))
        .then([...resolvedWithSurvey(outcome)]);
    });

    it('SC-11 the end of a linked incident resolves a waiting case too', () => {
      const end = resolveLinkedIncident();
      given(supportCase, [...awaiting, incidentLinked()])
        .when(end)
        .then([
          ...resolvedWithSurvey(
            { kind: 'outage-resolved', incidentId: incidentId(), remedies: [] },
            { by: end.actor.id },
          ),
        ]);
    });
  });

  describe('when resolved', () => {
    it('SC-10 a second Resolve is refused', () => {
      const error = given(supportCase, resolved)
        .when(resolve({ kind: 'not-supported' }))
        .thenRefuses('CaseNotInStatus');
      expect(error.status).toBe('resolved');
    });

    it('SC-12 records one survey response (rating and comment) from the requester, closing the case', () => {
      given(supportCase, resolved)
        .when(recordSurveyResponse(4, 'quick and clear', { at: day(2) }))
        .then([surveyResponseRecorded(4, 'quick and clear', { at: day(2) })]);
      expect(given(supportCase, [...resolved, surveyResponseRecorded(4)]).state().status).toBe('closed');
    });

    it('SC-12 only the requester answers the survey', () => {
      given(supportCase, resolved)
        .when(recordSurveyResponse(1, undefined, { actor: colleague }))
        .thenRefuses('NotTheRequester');
    });

    it('SC-14 a resolved case is never reopened: every working command is refused', () => {
      for (const command of [...agentCommands, provideInformation(), requestOutageRemedy()]) {
        const error = given(supportCase, resolved).when(command).thenRefuses('CaseNotInStatus');
        expect(error.status).toBe('resolved');
      }
    });
  });

  describe('when closed', () => {
    it('SC-12 a second survey response is refused', () => {
      const error = given(supportCase, closed).when(recordSurveyResponse(1)).thenRefuses('CaseNotInStatus');
      expect(error.status).toBe('closed');
    });

    it('SC-14 a closed case is never reopened: every command is refused', () => {
      for (const command of [openCase(), ...everyCommandButOpen]) {
        const error = given(supportCase, closed).when(command).thenRefuses('CaseNotInStatus');
        expect(error.status).toBe('closed');
      }
    });
  });

  describe('incidents across cases (SC-11)', () => {
    it('SC-11 the end of an incident resolves every linked case still open, and no other', () => {
      const fold = (events: ReadonlyArray<SupportCaseEvent>): SupportCaseState =>
        events.reduce(supportCase.evolve, supportCase.initialState);
      const cases = [
        fold([caseOpened({ caseId: caseId('a') }), incidentLinked()]),
        fold([caseOpened({ caseId: caseId('b') }), workStarted(), incidentLinked(), informationRequested()]),
        fold([caseOpened({ caseId: caseId('c') }), incidentLinked(incidentId('inc-2'))]),
        fold([
          caseOpened({ caseId: caseId('d') }),
          workStarted(),
          incidentLinked(),
          ...resolvedWithSurvey({ kind: 'not-supported' }),
        ]),
        fold([]),
      ];
      expect(casesToResolveForIncident(incidentId(), cases)).toEqual(['a', 'b']);
    });
  });
});
