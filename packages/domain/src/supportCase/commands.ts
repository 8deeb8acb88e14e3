import type { Actor, Email } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { CaseId, IncidentId, TeamId } from './ids.js';
import type { ImpactFacts, Priority } from './priority.js';
import type {
  AgentOutcome,
  CaseTopic,
  Channel,
  CustomerFacts,
  InformationItem,
  OrganisationRole,
  OutageRemedy,
  SurveyRating,
} from './values.js';

interface Command<T extends string, D> {
  readonly type: T;
  readonly at: Instant;
  readonly actor: Actor;
  readonly data: D;
}

/** The facts about the requester that the customer's account gives at opening (SC-1, SC-3). */
export interface RequesterFacts {
  readonly organisationRole: OrganisationRole;
  /** The address registered on the requester's account; the request must come from it (SC-3). */
  readonly registeredEmail: Email;
}

/** A customer's administrator opens a case (SC-1…SC-5, SC-13, SC-14). */
export type OpenCase = Command<
  'OpenCase',
  {
    readonly caseId: CaseId;
    readonly customer: CustomerFacts;
    readonly requester: RequesterFacts;
    readonly channel: Channel;
    readonly topic: CaseTopic;
    readonly subject: string;
    readonly impact: ImpactFacts;
    /** Asks for premium support, which Team and Enterprise plans have (SC-13). */
    readonly premium: boolean;
    /** The earlier, resolved case this one follows up (SC-14). */
    readonly followUpOf?: CaseId;
  }
>;
/** An agent takes an open case (open → in-progress). */
export type StartWork = Command<'StartWork', Record<string, never>>;
/** An agent asks the customer for more information (in-progress → awaiting-customer, SC-8). */
export type RequestInformation = Command<
  'RequestInformation',
  { readonly items: ReadonlyArray<InformationItem>; readonly note?: string }
>;
/** The requester sends what was asked (awaiting-customer → in-progress, SC-8). */
export type ProvideInformation = Command<
  'ProvideInformation',
  { readonly provided: ReadonlyArray<InformationItem>; readonly note?: string }
>;
/** An agent escalates the case to a specialist team (SC-9). */
export type Escalate = Command<'Escalate', { readonly team: TeamId }>;
/** An agent changes the priority, giving a reason (SC-5). */
export type Reprioritise = Command<'Reprioritise', { readonly priority: Priority; readonly reason: string }>;
/** An agent links the case to a platform incident from the status page (SC-11). */
export type LinkIncident = Command<'LinkIncident', { readonly incidentId: IncidentId }>;
/** The requester asks for a service credit and/or an incident report should an outage be the cause (SC-10). */
export type RequestOutageRemedy = Command<
  'RequestOutageRemedy',
  { readonly remedies: ReadonlyArray<OutageRemedy> }
>;
/** An agent resolves the case with one outcome (SC-10). */
export type Resolve = Command<'Resolve', { readonly outcome: AgentOutcome }>;
/** The end of a linked incident resolves the case with `outage-resolved` (SC-11); sent per linked case. */
export type ResolveLinkedIncident = Command<'ResolveLinkedIncident', { readonly incidentId: IncidentId }>;
/** The requester answers the satisfaction survey, which closes the case (SC-12). */
export type RecordSurveyResponse = Command<
  'RecordSurveyResponse',
  { readonly rating: SurveyRating; readonly comment?: string }
>;

/** Every command a support case accepts. */
export type SupportCaseCommand =
  | OpenCase
  | StartWork
  | RequestInformation
  | ProvideInformation
  | Escalate
  | Reprioritise
  | LinkIncident
  | RequestOutageRemedy
  | Resolve
  | ResolveLinkedIncident
  | RecordSurveyResponse;
