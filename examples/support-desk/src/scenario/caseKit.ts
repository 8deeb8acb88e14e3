import type {
  Actor,
  AgentOutcome,
  CaseId,
  CaseTopic,
  Channel,
  CustomerFacts,
  ImpactFacts,
  InformationItem,
  Instant,
  OpenCase,
  SurveyRating,
  TechnicalScope,
} from '@dossier/domain';
import { project } from '../cast.js';
import { onCase, type CommandStep, type Expectation, type Topic } from './step.js';

/** Impact facts (SC-5): one user, a needed function, a workaround — P3 — unless told. */
export const impact = (facts: Partial<ImpactFacts> = {}): ImpactFacts => ({
  usersAffected: 1,
  serviceUnavailable: false,
  widespreadMailDelay: false,
  breaksCollaboration: false,
  workaroundExists: true,
  functionNeeded: true,
  ...facts,
});

/** A technical topic on the customer's app, the requester having developer access unless told (SC-3, SC-4). */
export const technical = (
  app: string,
  scope: TechnicalScope,
  requesterAccess: 'viewer' | 'developer' | 'admin' | 'owner' = 'developer',
): CaseTopic => ({ category: 'technical', project: { project: project(app), requesterAccess }, scope });

/** What a case is opened with. */
export interface Opening {
  readonly customer: CustomerFacts;
  readonly channel: Channel;
  readonly topic: CaseTopic;
  readonly subject: string;
  readonly impact?: ImpactFacts;
  readonly premium?: boolean;
  readonly followUpOf?: CaseId;
  /** The address on the requester's account; the actor's own unless told (SC-3). */
  readonly registeredEmail?: Actor['email'];
  readonly role?: 'administrator' | 'member';
}

/** The requester opens case `caseId` at `at`. */
export const open = (
  caseId: CaseId,
  by: Actor,
  at: Instant,
  opening: Opening,
  says: string,
  expect: Expectation = 'accepted',
  topic: Topic = 'cases',
): CommandStep => {
  const command: OpenCase = {
    type: 'OpenCase',
    at,
    actor: by,
    data: {
      caseId,
      customer: opening.customer,
      requester: {
        organisationRole: opening.role ?? 'administrator',
        registeredEmail: opening.registeredEmail ?? by.email,
      },
      channel: opening.channel,
      topic: opening.topic,
      subject: opening.subject,
      impact: opening.impact ?? impact(),
      premium: opening.premium ?? false,
      ...(opening.followUpOf === undefined ? {} : { followUpOf: opening.followUpOf }),
    },
  };
  return onCase(`open-${caseId}`, topic, says, caseId, command, expect);
};

/** The agent steps that follow an opening, each under the id `<verb>-<case>`. */
export const agent = (caseId: CaseId, by: Actor, topic: Topic = 'cases') => ({
  start: (at: Instant, says = 'An agent takes the case'): CommandStep =>
    onCase(`start-${caseId}`, topic, says, caseId, { type: 'StartWork', at, actor: by, data: {} }),
  ask: (at: Instant, items: ReadonlyArray<InformationItem>, says: string): CommandStep =>
    onCase(`ask-${caseId}`, topic, says, caseId, {
      type: 'RequestInformation',
      at,
      actor: by,
      data: { items },
    }),
  resolve: (
    at: Instant,
    outcome: AgentOutcome,
    says: string,
    expect: Expectation = 'accepted',
    id = `resolve-${caseId}`,
  ): CommandStep =>
    onCase(id, topic, says, caseId, { type: 'Resolve', at, actor: by, data: { outcome } }, expect),
});

/** The requester's survey answer, which closes the case (SC-12). */
export const survey = (
  caseId: CaseId,
  by: Actor,
  at: Instant,
  rating: SurveyRating,
  comment: string | undefined,
  says: string,
  expect: Expectation = 'accepted',
  id = `survey-${caseId}`,
): CommandStep =>
  onCase(
    id,
    'cases',
    says,
    caseId,
    {
      type: 'RecordSurveyResponse',
      at,
      actor: by,
      data: { rating, ...(comment === undefined ? {} : { comment }) },
    },
    expect,
  );
