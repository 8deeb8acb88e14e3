import fc from 'fast-check';
import type { Actor, UserId } from '../shared/ids.js';
import { instantFromMillis, type Instant } from '../shared/instant.js';
import type { SupportCaseCommand } from '../supportCase/commands.js';
import type { SupportCaseEvent } from '../supportCase/events.js';
import type { CaseId, CustomerId, IncidentId, TeamId } from '../supportCase/ids.js';
import type { ImpactFacts, Priority } from '../supportCase/priority.js';
import type {
  AccessLevel,
  AgentOutcome,
  AssistedChannel,
  CaseTopic,
  Channel,
  InformationItem,
  Outcome,
  OutageRemedy,
  Plan,
  SurveyRating,
  TechnicalScope,
} from '../supportCase/values.js';
import {
  actor,
  agent,
  caseId,
  colleague,
  email,
  incidentId,
  otherAgent,
  requester,
  teamId,
  technical,
} from './supportCaseBuilders.js';
import { day } from './time.js';

// Small pools, so that commands collide: two teams, two incidents, a few people.
/** A consumer (gmail.com) address: refused by SC-1. */
export const consumer = actor('user-home', 'someone@gmail.com');
/** The actor the status-page runtime uses. */
export const statusPage = actor('status-page', 'status@support.example');
export const teamPool: ReadonlyArray<TeamId> = [teamId('mobile'), teamId('platform')];
export const incidentPool: ReadonlyArray<IncidentId> = [incidentId('inc-1'), incidentId('inc-2')];

const priorityArb = fc.constantFrom<Priority>('P1', 'P2', 'P3', 'P4');
const planArb = fc.constantFrom<Plan>('free', 'pro', 'team', 'enterprise');
const channelArb = fc.constantFrom<Channel>('web', 'email', 'phone', 'chat');
const accessArb = fc.constantFrom<AccessLevel>('none', 'viewer', 'developer', 'admin', 'owner');
const itemArb = fc.constantFrom<InformationItem>(
  'reproduction-steps',
  'troubleshooting-steps',
  'log-files',
  'message-headers',
);
const itemsArb = fc.subarray<InformationItem>([
  'reproduction-steps',
  'troubleshooting-steps',
  'log-files',
  'message-headers',
]);
const remediesArb = fc.subarray<OutageRemedy>(['service-credit', 'incident-report']);
const ratingArb = fc.constantFrom<SurveyRating>(1, 2, 3, 4, 5);
const textArb = fc.constantFrom('', '  ', 'see the runbook', 'Ünïcödé ✓');
const instantArb: fc.Arbitrary<Instant> = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map(instantFromMillis);

/** Impact facts, any combination. */
export const impactArb: fc.Arbitrary<ImpactFacts> = fc.record({
  usersAffected: fc.integer({ min: 1, max: 5 }),
  serviceUnavailable: fc.boolean(),
  widespreadMailDelay: fc.boolean(),
  breaksCollaboration: fc.boolean(),
  workaroundExists: fc.boolean(),
  functionNeeded: fc.boolean(),
});

const inScopeArb = fc.constantFrom<TechnicalScope>(
  { area: 'configuration', subject: 'live-update-setup' },
  { area: 'configuration', subject: 'platform-question' },
  { area: 'troubleshooting', subject: 'how-to' },
  { area: 'troubleshooting', subject: 'unexpected-behaviour', feature: 'analytics' },
);
const outOfScopeArb = fc.constantFrom<TechnicalScope>(
  { area: 'out-of-scope', subject: 'own-app-troubleshooting' },
  { area: 'out-of-scope', subject: 'third-party-software' },
);
const scopeArb = fc.oneof({ arbitrary: inScopeArb, weight: 4 }, { arbitrary: outOfScopeArb, weight: 1 });
const topicArb: fc.Arbitrary<CaseTopic> = fc.oneof(
  fc.constantFrom<CaseTopic>({ category: 'billing' }, { category: 'account-management' }),
  fc.tuple(scopeArb, accessArb).map(([scope, access]) => technical(scope, access)),
);

const agentOutcomeArb = fc.constantFrom<AgentOutcome>(
  { kind: 'resolved', how: 'fixed' },
  { kind: 'feature-not-available' },
  { kind: 'feature-not-available', featureIdea: 'ideas/42' },
  { kind: 'cannot-reproduce', recommendations: 'enable verbose logs' },
  { kind: 'cannot-reproduce', recommendations: ' ' },
  { kind: 'referred-to-third-party', party: 'Ionic' },
  { kind: 'referred-to-third-party', party: '' },
  { kind: 'not-supported' },
);

/** The case every generated command targets. */
export const theCase = caseId('case-1');

const envelope = (who: fc.Arbitrary<Actor>) => fc.record({ at: fc.constant(day(0)), actor: who });
const agentSide = fc.oneof(
  { arbitrary: fc.constantFrom(agent, otherAgent, statusPage), weight: 4 },
  {
    arbitrary: fc.constantFrom(requester, colleague),
    weight: 1,
  },
);
const customerSide = fc.oneof(
  { arbitrary: fc.constant(requester), weight: 4 },
  {
    arbitrary: fc.constantFrom(colleague, agent),
    weight: 1,
  },
);

/** An OpenCase with every fact drawn at random: most are refused for one reason or another. */
export const anyOpenCaseArb: fc.Arbitrary<SupportCaseCommand> = fc
  .record({
    who: fc.constantFrom(requester, requester, colleague, consumer),
    role: fc.constantFrom('administrator' as const, 'administrator' as const, 'member' as const),
    fromRegistered: fc.constantFrom(true, true, false),
    channel: channelArb,
    offered: fc.subarray<AssistedChannel>(['phone', 'chat']),
    plan: planArb,
    addOns: fc.subarray(['extra-bandwidth']),
    topic: topicArb,
    impact: impactArb,
    premium: fc.boolean(),
    followUpOf: fc.constantFrom<CaseId | undefined>(undefined, caseId('case-0'), theCase),
  })
  .map((f): SupportCaseCommand => ({
    type: 'OpenCase',
    at: day(0),
    actor: f.who,
    data: {
      caseId: theCase,
      customer: { id: 'acme' as CustomerId, plan: f.plan, paidAddOns: f.addOns, offeredChannels: f.offered },
      requester: {
        organisationRole: f.role,
        registeredEmail: f.fromRegistered ? f.who.email : email('someone-else@acme.example'),
      },
      channel: f.channel,
      topic: f.topic,
      subject: 'generated',
      impact: f.impact,
      premium: f.premium,
      ...(f.followUpOf === undefined ? {} : { followUpOf: f.followUpOf }),
    },
  }));

/** An OpenCase that passes every opening rule (in or out of scope). */
export const acceptableOpenCaseArb: fc.Arbitrary<SupportCaseCommand> = fc
  .record({
    who: fc.oneof(
      { arbitrary: fc.constant(requester), weight: 4 },
      { arbitrary: fc.constant(colleague), weight: 1 },
    ),
    plan: fc.constantFrom<Plan>('pro', 'team', 'enterprise'),
    channel: fc.constantFrom<Channel>('web', 'email'),
    scope: scopeArb,
    impact: impactArb,
  })
  .map((f): SupportCaseCommand => ({
    type: 'OpenCase',
    at: day(0),
    actor: f.who,
    data: {
      caseId: theCase,
      customer: { id: 'acme' as CustomerId, plan: f.plan, paidAddOns: [], offeredChannels: [] },
      requester: { organisationRole: 'administrator', registeredEmail: f.who.email },
      channel: f.channel,
      topic: technical(f.scope, 'developer'),
      subject: 'generated',
      impact: f.impact,
      premium: false,
    },
  }));

/** Any support-case command for {@link theCase}, from small pools, by the right or the wrong people. */
export const supportCaseCommandArb: fc.Arbitrary<SupportCaseCommand> = fc.oneof(
  { arbitrary: fc.oneof(acceptableOpenCaseArb, anyOpenCaseArb), weight: 1 },
  {
    arbitrary: envelope(agentSide).map((e): SupportCaseCommand => ({ type: 'StartWork', ...e, data: {} })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), itemsArb, fc.option(fc.constant('please attach'), { nil: undefined }))
      .map(([e, items, note]): SupportCaseCommand => ({
        type: 'RequestInformation',
        ...e,
        data: { items, ...(note === undefined ? {} : { note }) },
      })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(envelope(customerSide), itemsArb)
      .map(([e, provided]): SupportCaseCommand => ({ type: 'ProvideInformation', ...e, data: { provided } })),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), fc.constantFrom(...teamPool))
      .map(([e, team]): SupportCaseCommand => ({ type: 'Escalate', ...e, data: { team } })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), priorityArb, textArb)
      .map(([e, priority, reason]): SupportCaseCommand => ({
        type: 'Reprioritise',
        ...e,
        data: { priority, reason },
      })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), fc.constantFrom(...incidentPool))
      .map(([e, id]): SupportCaseCommand => ({ type: 'LinkIncident', ...e, data: { incidentId: id } })),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(envelope(customerSide), remediesArb).map(([e, remedies]): SupportCaseCommand => ({
      type: 'RequestOutageRemedy',
      ...e,
      data: { remedies },
    })),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), agentOutcomeArb)
      .map(([e, outcome]): SupportCaseCommand => ({ type: 'Resolve', ...e, data: { outcome } })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(envelope(agentSide), fc.constantFrom(...incidentPool))
      .map(([e, id]): SupportCaseCommand => ({
        type: 'ResolveLinkedIncident',
        ...e,
        data: { incidentId: id },
      })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(envelope(customerSide), ratingArb, fc.option(textArb, { nil: undefined }))
      .map(([e, rating, comment]): SupportCaseCommand => ({
        type: 'RecordSurveyResponse',
        ...e,
        data: { rating, ...(comment === undefined ? {} : { comment }) },
      })),
    weight: 2,
  },
);

/** A command sequence that starts with an opening attempt, stamped one hour apart from day(0). */
export const supportCaseRunArb: fc.Arbitrary<ReadonlyArray<SupportCaseCommand>> = fc
  .tuple(
    fc.oneof({ arbitrary: acceptableOpenCaseArb, weight: 3 }, { arbitrary: anyOpenCaseArb, weight: 1 }),
    fc.array(supportCaseCommandArb, { minLength: 5, maxLength: 40, size: 'max' }),
  )
  .map(([first, rest]) => [first, ...rest].map((command, i) => ({ ...command, at: day(0, i) })));

const userIdArb = fc.constantFrom(agent.id, requester.id, colleague.id, 'user-ünï' as UserId);
const who = fc.record({ by: userIdArb, at: instantArb });
const outcomeArb: fc.Arbitrary<Outcome> = fc.oneof(
  agentOutcomeArb,
  fc
    .tuple(fc.constantFrom(...incidentPool), remediesArb)
    .map(([id, remedies]): Outcome => ({ kind: 'outage-resolved', incidentId: id, remedies })),
);
const optionalText = <K extends string>(key: K) =>
  fc.option(fc.string(), { nil: undefined }).map((text) => (text === undefined ? {} : { [key]: text }));

/** Any support-case event, of every type, with data drawn independently of `decide`. */
export const supportCaseEventArb: fc.Arbitrary<SupportCaseEvent> = fc.oneof(
  fc
    .record({
      caseId: fc.constantFrom(theCase, caseId('case-ü')),
      plan: planArb,
      channel: channelArb,
      topic: topicArb,
      subject: fc.string(),
      impact: impactArb,
      priority: priorityArb,
      premium: fc.boolean(),
      firstResponseDue: instantArb,
      followUp: fc.option(fc.constant(caseId('case-0')), { nil: undefined }),
      who,
    })
    .map((f): SupportCaseEvent => ({
      type: 'CaseOpened',
      data: {
        caseId: f.caseId,
        customer: 'acme' as CustomerId,
        plan: f.plan,
        channel: f.channel,
        topic: f.topic,
        subject: f.subject,
        impact: f.impact,
        priority: f.priority,
        premium: f.premium,
        firstResponseDue: f.firstResponseDue,
        ...(f.followUp === undefined ? {} : { followUpOf: f.followUp }),
        contact: requester.email,
        ...f.who,
      },
    })),
  who.map((data): SupportCaseEvent => ({ type: 'WorkStarted', data })),
  fc
    .tuple(fc.array(itemArb, { maxLength: 4 }), optionalText('note'), who)
    .map(([items, note, w]): SupportCaseEvent => ({
      type: 'InformationRequested',
      data: { items, ...note, ...w },
    })),
  fc
    .tuple(fc.array(itemArb, { maxLength: 4 }), optionalText('note'), who)
    .map(([provided, note, w]): SupportCaseEvent => ({
      type: 'InformationProvided',
      data: { provided, ...note, ...w },
    })),
  fc
    .tuple(fc.constantFrom(...teamPool), who)
    .map(([team, w]): SupportCaseEvent => ({ type: 'CaseEscalated', data: { team, ...w } })),
  fc
    .tuple(priorityArb, priorityArb, fc.string(), instantArb, who)
    .map(([from, to, reason, due, w]): SupportCaseEvent => ({
      type: 'CaseReprioritised',
      data: { from, to, reason, firstResponseDue: due, ...w },
    })),
  fc
    .tuple(fc.constantFrom(...incidentPool), who)
    .map(([id, w]): SupportCaseEvent => ({ type: 'IncidentLinked', data: { incidentId: id, ...w } })),
  fc
    .tuple(remediesArb, who)
    .map(([remedies, w]): SupportCaseEvent => ({ type: 'OutageRemedyRequested', data: { remedies, ...w } })),
  fc
    .tuple(outcomeArb, who)
    .map(([outcome, w]): SupportCaseEvent => ({ type: 'CaseResolved', data: { outcome, ...w } })),
  instantArb.map((at): SupportCaseEvent => ({ type: 'SurveySent', data: { to: requester.email, at } })),
  fc.tuple(ratingArb, optionalText('comment'), who).map(([rating, comment, w]): SupportCaseEvent => ({
    type: 'SurveyResponseRecorded',
    data: { rating, ...comment, ...w },
  })),
);

/** Any instant from 2020 to 2030. */
export { instantArb };
