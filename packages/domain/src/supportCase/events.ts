import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { CaseId, CustomerId, IncidentId, TeamId } from './ids.js';
import type { ImpactFacts, Priority } from './priority.js';
import type {
  CaseTopic,
  Channel,
  InformationItem,
  Outcome,
  OutageRemedy,
  Plan,
  SurveyRating,
} from './values.js';

interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

/** A case was accepted, with its derived priority and first-response due time. */
export type CaseOpened = Event<
  'CaseOpened',
  {
    readonly caseId: CaseId;
    readonly customer: CustomerId;
    readonly plan: Plan;
    readonly channel: Channel;
    readonly topic: CaseTopic;
    readonly subject: string;
    readonly impact: ImpactFacts;
    readonly priority: Priority;
    readonly premium: boolean;
    readonly firstResponseDue: Instant;
    readonly followUpOf?: CaseId;
    /** Where the survey goes: the requester's registered address. */
    readonly contact: Email;
    readonly by: UserId;
    /** The submission time. */
    readonly at: Instant;
  }
>;
/** An agent took the case. */
export type WorkStarted = Event<'WorkStarted', { readonly by: UserId; readonly at: Instant }>;
/** Support asked the customer for information; the case waits on them. */
export type InformationRequested = Event<
  'InformationRequested',
  {
    readonly items: ReadonlyArray<InformationItem>;
    readonly note?: string;
    readonly by: UserId;
    readonly at: Instant;
  }
>;
/** The customer sent information; work resumes. */
export type InformationProvided = Event<
  'InformationProvided',
  {
    readonly provided: ReadonlyArray<InformationItem>;
    readonly note?: string;
    readonly by: UserId;
    readonly at: Instant;
  }
>;
/** The case was escalated to a specialist team. */
export type CaseEscalated = Event<
  'CaseEscalated',
  { readonly team: TeamId; readonly by: UserId; readonly at: Instant }
>;
/** An agent changed the priority; the due time follows when an SLA depends on it. */
export type CaseReprioritised = Event<
  'CaseReprioritised',
  {
    readonly from: Priority;
    readonly to: Priority;
    readonly reason: string;
    readonly firstResponseDue: Instant;
    readonly by: UserId;
    readonly at: Instant;
  }
>;
/** The case was linked to a platform incident. */
export type IncidentLinked = Event<
  'IncidentLinked',
  { readonly incidentId: IncidentId; readonly by: UserId; readonly at: Instant }
>;
/** The customer asked for outage remedies (only those not asked for before). */
export type OutageRemedyRequested = Event<
  'OutageRemedyRequested',
  { readonly remedies: ReadonlyArray<OutageRemedy>; readonly by: UserId; readonly at: Instant }
>;
/** The case was resolved with its one outcome. */
export type CaseResolved = Event<
  'CaseResolved',
  { readonly outcome: Outcome; readonly by: UserId; readonly at: Instant }
>;
/** The satisfaction survey was sent to the customer. */
export type SurveySent = Event<'SurveySent', { readonly to: Email; readonly at: Instant }>;
/** The customer answered the survey; the case is closed. */
export type SurveyResponseRecorded = Event<
  'SurveyResponseRecorded',
  { readonly rating: SurveyRating; readonly comment?: string; readonly by: UserId; readonly at: Instant }
>;

/** Every event of a support case's stream. */
export type SupportCaseEvent =
  | CaseOpened
  | WorkStarted
  | InformationRequested
  | InformationProvided
  | CaseEscalated
  | CaseReprioritised
  | IncidentLinked
  | OutageRemedyRequested
  | CaseResolved
  | SurveySent
  | SurveyResponseRecorded;
