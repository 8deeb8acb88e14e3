import type { Email, UserId } from '../shared/ids.js';
import type { Instant } from '../shared/instant.js';
import type { CaseId, CustomerId, IncidentId, TeamId } from './ids.js';
import type { Priority } from './priority.js';
import type {
  CaseTopic,
  Channel,
  InformationItem,
  Outcome,
  OutageRemedy,
  Plan,
  SurveyRating,
} from './values.js';

/** What a case holds from its opening on. */
export interface CaseFile {
  readonly caseId: CaseId;
  readonly customer: CustomerId;
  readonly plan: Plan;
  readonly requester: UserId;
  readonly contact: Email;
  readonly channel: Channel;
  readonly topic: CaseTopic;
  readonly priority: Priority;
  readonly premium: boolean;
  readonly submittedAt: Instant;
  readonly firstResponseDue: Instant;
  readonly followUpOf?: CaseId;
  /** The specialist teams the case went to, in order; escalated when not empty (SC-9). */
  readonly escalatedTo: ReadonlyArray<TeamId>;
  readonly linkedIncidents: ReadonlyArray<IncidentId>;
  readonly requestedRemedies: ReadonlyArray<OutageRemedy>;
}

/** The customer's answer to the satisfaction survey (SC-12). */
export interface SurveyResponse {
  readonly rating: SurveyRating;
  readonly comment?: string;
  readonly at: Instant;
}

/** A support case: `open → in-progress ⇄ awaiting-customer → resolved → closed`, before that `unopened`. */
export type SupportCaseState =
  | { readonly status: 'unopened' }
  | { readonly status: 'open'; readonly case: CaseFile }
  | { readonly status: 'in-progress'; readonly case: CaseFile }
  | {
      readonly status: 'awaiting-customer';
      readonly case: CaseFile;
      readonly awaiting: ReadonlyArray<InformationItem>;
    }
  | {
      readonly status: 'resolved';
      readonly case: CaseFile;
      readonly outcome: Outcome;
      readonly resolvedAt: Instant;
      readonly surveySentAt?: Instant;
    }
  | {
      readonly status: 'closed';
      readonly case: CaseFile;
      readonly outcome: Outcome;
      readonly resolvedAt: Instant;
      readonly survey: SurveyResponse;
    };

/** A case's status. */
export type SupportCaseStatus = SupportCaseState['status'];

/** The state of a stream with no events. */
export const initialSupportCaseState: SupportCaseState = { status: 'unopened' };

/** The statuses in which a case is still being worked (not yet resolved). */
export const activeStatuses = ['open', 'in-progress', 'awaiting-customer'] as const;

/** Whether the case has been escalated to any specialist team (SC-9: a flag, not a status). */
export const isEscalated = (state: SupportCaseState): boolean =>
  state.status !== 'unopened' && state.case.escalatedTo.length > 0;
