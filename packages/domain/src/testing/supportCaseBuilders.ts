import type { Actor, Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type {
  Escalate,
  LinkIncident,
  OpenCase,
  ProvideInformation,
  RecordSurveyResponse,
  Reprioritise,
  RequestInformation,
  RequestOutageRemedy,
  Resolve,
  ResolveLinkedIncident,
  StartWork,
} from '../supportCase/commands.js';
import type {
  CaseEscalated,
  CaseOpened,
  CaseReprioritised,
  CaseResolved,
  IncidentLinked,
  InformationProvided,
  InformationRequested,
  OutageRemedyRequested,
  SurveyResponseRecorded,
  SurveySent,
  WorkStarted,
} from '../supportCase/events.js';
import type { CaseId, CustomerId, IncidentId, ProjectId, TeamId } from '../supportCase/ids.js';
import type { ImpactFacts, Priority } from '../supportCase/priority.js';
import type {
  AccessLevel,
  AgentOutcome,
  CaseTopic,
  CustomerFacts,
  InformationItem,
  Outcome,
  OutageRemedy,
  SurveyRating,
  TechnicalScope,
} from '../supportCase/values.js';
import { day } from './time.js';

/** Test ids, typed. */
export const caseId = (id = 'case-1'): CaseId => id as CaseId;
export const incidentId = (id = 'inc-1'): IncidentId => id as IncidentId;
export const teamId = (id = 'platform-specialists'): TeamId => id as TeamId;
export const email = (address: string): Email => address as Email;
export const actor = (id: string, address: string): Actor => ({ id: id as UserId, email: email(address) });

/** The customer's administrator who opens cases, and two support agents. */
export const requester = actor('user-admin', 'admin@acme.example');
export const agent = actor('agent-1', 'agent1@support.example');
export const otherAgent = actor('agent-2', 'agent2@support.example');
/** Another member of the customer's organisation (not the requester). */
export const colleague = actor('user-dev', 'dev@acme.example');

/** A Pro customer with no add-ons and no assisted channels. */
export const customer = (overrides: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'acme' as CustomerId,
  plan: 'pro',
  paidAddOns: [],
  offeredChannels: [],
  ...overrides,
});

/** Impact facts for a problem with a workaround: P3. */
export const impact = (overrides: Partial<ImpactFacts> = {}): ImpactFacts => ({
  usersAffected: 1,
  serviceUnavailable: false,
  widespreadMailDelay: false,
  breaksCollaboration: false,
  workaroundExists: true,
  functionNeeded: true,
  ...overrides,
});

/** A technical topic on project `app-1`, with developer access and a live-update setup question unless told. */
export const technical = (
  scope: TechnicalScope = { area: 'configuration', subject: 'live-update-setup' },
  requesterAccess: AccessLevel = 'developer',
): CaseTopic => ({
  category: 'technical',
  project: { project: 'app-1' as ProjectId, requesterAccess },
  scope,
});

type CommandOptions = { readonly at?: Instant; readonly actor?: Actor };
const envelope = (options: CommandOptions, fallback: Actor) => ({
  at: options.at ?? day(0),
  actor: options.actor ?? fallback,
});

/** An acceptable OpenCase from the requester, over the web, at day(0); override any field of `data`. */
export const openCase = (data: Partial<OpenCase['data']> = {}, options: CommandOptions = {}): OpenCase => ({
  type: 'OpenCase',
  ...envelope(options, requester),
  data: {
    caseId: caseId(),
    customer: customer(),
    requester: { organisationRole: 'administrator', registeredEmail: (options.actor ?? requester).email },
    channel: 'web',
    topic: technical(),
    subject: 'Live updates do not reach the beta channel',
    impact: impact(),
    premium: false,
    ...data,
  },
});

export const startWork = (options: CommandOptions = {}): StartWork => ({
  type: 'StartWork',
  ...envelope(options, agent),
  data: {},
});
export const requestInformation = (
  items: ReadonlyArray<InformationItem> = ['reproduction-steps', 'log-files'],
  options: CommandOptions = {},
): RequestInformation => ({ type: 'RequestInformation', ...envelope(options, agent), data: { items } });
export const provideInformation = (
  provided: ReadonlyArray<InformationItem> = ['reproduction-steps', 'log-files'],
  options: CommandOptions = {},
): ProvideInformation => ({
  type: 'ProvideInformation',
  ...envelope(options, requester),
  data: { provided },
});
export const escalate = (team: TeamId = teamId(), options: CommandOptions = {}): Escalate => ({
  type: 'Escalate',
  ...envelope(options, agent),
  data: { team },
});
export const reprioritise = (
  priority: Priority,
  reason = 'customer reports all developers are blocked',
  options: CommandOptions = {},
): Reprioritise => ({ type: 'Reprioritise', ...envelope(options, agent), data: { priority, reason } });
export const linkIncident = (id: IncidentId = incidentId(), options: CommandOptions = {}): LinkIncident => ({
  type: 'LinkIncident',
  ...envelope(options, agent),
  data: { incidentId: id },
});
export const requestOutageRemedy = (
  remedies: ReadonlyArray<OutageRemedy> = ['service-credit'],
  options: CommandOptions = {},
): RequestOutageRemedy => ({
  type: 'RequestOutageRemedy',
  ...envelope(options, requester),
  data: { remedies },
});
export const resolve = (
  outcome: AgentOutcome = { kind: 'resolved', how: 'question-answered' },
  options: CommandOptions = {},
): Resolve => ({ type: 'Resolve', ...envelope(options, agent), data: { outcome } });
export const resolveLinkedIncident = (
  id: IncidentId = incidentId(),
  options: CommandOptions = {},
): ResolveLinkedIncident => ({
  type: 'ResolveLinkedIncident',
  ...envelope(options, actor('status-page', 'status@support.example')),
  data: { incidentId: id },
});
export const recordSurveyResponse = (
  rating: SurveyRating = 5,
  comment?: string,
  options: CommandOptions = {},
): RecordSurveyResponse => ({
  type: 'RecordSurveyResponse',
  ...envelope(options, requester),
  data: { rating, ...(comment === undefined ? {} : { comment }) },
});

type EventOptions = { readonly at?: Instant; readonly by?: UserId };
const stamp = (options: EventOptions, fallback: Actor) => ({
  by: options.by ?? fallback.id,
  at: options.at ?? day(0),
});

/** The CaseOpened that the default {@link openCase} produces under the default policy (P3, due day(1)). */
export const caseOpened = (data: Partial<CaseOpened['data']> = {}): CaseOpened => ({
  type: 'CaseOpened',
  data: {
    caseId: caseId(),
    customer: 'acme' as CustomerId,
    plan: 'pro',
    channel: 'web',
    topic: technical(),
    subject: 'Live updates do not reach the beta channel',
    impact: impact(),
    priority: 'P3',
    premium: false,
    firstResponseDue: day(1),
    contact: requester.email,
    by: requester.id,
    at: day(0),
    ...data,
  },
});
export const workStarted = (options: EventOptions = {}): WorkStarted => ({
  type: 'WorkStarted',
  data: stamp(options, agent),
});
export const informationRequested = (
  items: ReadonlyArray<InformationItem> = ['reproduction-steps', 'log-files'],
  options: EventOptions = {},
): InformationRequested => ({ type: 'InformationRequested', data: { items, ...stamp(options, agent) } });
export const informationProvided = (
  provided: ReadonlyArray<InformationItem> = ['reproduction-steps', 'log-files'],
  options: EventOptions = {},
): InformationProvided => ({ type: 'InformationProvided', data: { provided, ...stamp(options, requester) } });
export const caseEscalated = (team: TeamId = teamId(), options: EventOptions = {}): CaseEscalated => ({
  type: 'CaseEscalated',
  data: { team, ...stamp(options, agent) },
});
export const caseReprioritised = (
  data: Pick<CaseReprioritised['data'], 'from' | 'to' | 'reason' | 'firstResponseDue'>,
  options: EventOptions = {},
): CaseReprioritised => ({ type: 'CaseReprioritised', data: { ...data, ...stamp(options, agent) } });
export const incidentLinked = (
  id: IncidentId = incidentId(),
  options: EventOptions = {},
): IncidentLinked => ({
  type: 'IncidentLinked',
  data: { incidentId: id, ...stamp(options, agent) },
});
export const outageRemedyRequested = (
  remedies: ReadonlyArray<OutageRemedy> = ['service-credit'],
  options: EventOptions = {},
): OutageRemedyRequested => ({
  type: 'OutageRemedyRequested',
  data: { remedies, ...stamp(options, requester) },
});
export const caseResolved = (
  outcome: Outcome = { kind: 'resolved', how: 'question-answered' },
  options: EventOptions = {},
): CaseResolved => ({ type: 'CaseResolved', data: { outcome, ...stamp(options, agent) } });
export const surveySent = (options: { readonly at?: Instant; readonly to?: Email } = {}): SurveySent => ({
  type: 'SurveySent',
  data: { to: options.to ?? requester.email, at: options.at ?? day(0) },
});
export const surveyResponseRecorded = (
  rating: SurveyRating = 5,
  comment?: string,
  options: EventOptions = {},
): SurveyResponseRecorded => ({
  type: 'SurveyResponseRecorded',
  data: { rating, ...(comment === undefined ? {} : { comment }), ...stamp(options, requester) },
});

/** A resolution as `decide` emits it: the outcome and the survey, at the same instant. */
export const resolvedWithSurvey = (
  outcome: Outcome,
  options: EventOptions = {},
): readonly [CaseResolved, SurveySent] => [
  caseResolved(outcome, options),
  surveySent(options.at === undefined ? {} : { at: options.at }),
];
