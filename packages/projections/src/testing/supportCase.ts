import {
  impactFactsFor,
  instantFromMillis,
  supportCaseStream,
  type Actor,
  type AgentOutcome,
  type CaseId,
  type CaseTopic,
  type CustomerId,
  type Email,
  type IncidentId,
  type InformationItem,
  type Instant,
  type OpenCase,
  type Plan,
  type Priority,
  type ProjectId,
  type SupportCaseCommand,
  type TeamId,
  type UserId,
} from '@dossier/domain';
import type { Step } from './record.js';

// Local fixtures: the domain's builders in src/testing are not exported by package name.

const origin = Date.parse('2026-01-05T09:00:00.000Z'); // a Monday, 09:00 UTC

/** `n` days (plus hours) after Monday 2026-01-05 09:00 UTC. */
export const day = (n: number, hours = 0): Instant =>
  instantFromMillis(origin + n * 86_400_000 + hours * 3_600_000);

export const actor = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });
export const requester = actor('user-admin', 'admin@acme.example');
export const otherRequester = actor('globex-admin', 'admin@globex.example');
export const agent = actor('agent-1', 'agent1@support.example');
export const otherAgent = actor('agent-2', 'agent2@support.example');
export const statusPage = actor('status-page', 'status@support.example');

export const caseId = (id: string): CaseId => id as CaseId;
export const teamId = (id: string): TeamId => id as TeamId;
export const incidentId = (id: string): IncidentId => id as IncidentId;
export const customerId = (id: string): CustomerId => id as CustomerId;

/** Impact facts that SC-5 classifies as the given priority. */
export const impactFor = impactFactsFor;

export const liveUpdates: CaseTopic = {
  category: 'technical',
  project: { project: 'app-1' as ProjectId, requesterAccess: 'developer' },
  scope: { area: 'configuration', subject: 'live-update-setup' },
};
export const outOfScope: CaseTopic = {
  category: 'technical',
  project: { project: 'app-1' as ProjectId, requesterAccess: 'owner' },
  scope: { area: 'out-of-scope', subject: 'code-rewrite' },
};

/** Options for an opening: the case, when, who, and the facts that matter to the queue. */
export interface Opening {
  readonly id: string;
  readonly at?: Instant;
  readonly by?: Actor;
  readonly customer?: string;
  readonly plan?: Plan;
  readonly priority?: Priority;
  readonly topic?: CaseTopic;
  readonly channel?: 'web' | 'email';
  readonly subject?: string;
}

/** An acceptable OpenCase (SC-1…SC-3): an administrator on a Pro plan over the web, P3 unless told. */
export const openCase = (o: Opening): OpenCase => {
  const who = o.by ?? requester;
  return {
    type: 'OpenCase',
    at: o.at ?? day(0),
    actor: who,
    data: {
      caseId: caseId(o.id),
      customer: {
        id: customerId(o.customer ?? 'acme'),
        plan: o.plan ?? 'pro',
        paidAddOns: [],
        offeredChannels: [],
      },
      requester: { organisationRole: 'administrator', registeredEmail: who.email },
      channel: o.channel ?? 'web',
      topic: o.topic ?? liveUpdates,
      subject: o.subject ?? `Live updates stall (${o.id})`,
      impact: impactFor(o.priority ?? 'P3'),
      premium: false,
    },
  };
};

type Stamp = { readonly at: Instant; readonly actor?: Actor };
const by = (s: Stamp, fallback: Actor) => ({ at: s.at, actor: s.actor ?? fallback });

export const startWork = (s: Stamp): SupportCaseCommand => ({ type: 'StartWork', ...by(s, agent), data: {} });
export const requestInformation = (
  s: Stamp,
  items: ReadonlyArray<InformationItem> = ['log-files'],
): SupportCaseCommand => ({
  type: 'RequestInformation',
  ...by(s, agent),
  data: { items, note: 'please attach the build log' },
});
export const provideInformation = (
  s: Stamp,
  provided: ReadonlyArray<InformationItem> = ['log-files'],
): SupportCaseCommand => ({
  type: 'ProvideInformation',
  ...by(s, requester),
  data: { provided },
});
export const escalate = (s: Stamp, team = 'mobile'): SupportCaseCommand => ({
  type: 'Escalate',
  ...by(s, agent),
  data: { team: teamId(team) },
});
export const reprioritise = (
  s: Stamp,
  priority: Priority,
  reason = 'all developers are blocked',
): SupportCaseCommand => ({
  type: 'Reprioritise',
  ...by(s, agent),
  data: { priority, reason },
});
export const linkIncident = (s: Stamp, id = 'inc-1'): SupportCaseCommand => ({
  type: 'LinkIncident',
  ...by(s, agent),
  data: { incidentId: incidentId(id) },
});
export const requestOutageRemedy = (s: Stamp): SupportCaseCommand => ({
  type: 'RequestOutageRemedy',
  ...by(s, requester),
  data: { remedies: ['service-credit', 'incident-report'] },
});
export const resolve = (
  s: Stamp,
  outcome: AgentOutcome = { kind: 'resolved', how: 'question-answered' },
): SupportCaseCommand => ({ type: 'Resolve', ...by(s, agent), data: { outcome } });
export const resolveLinkedIncident = (s: Stamp, id = 'inc-1'): SupportCaseCommand => ({
  type: 'ResolveLinkedIncident',
  ...by(s, statusPage),
  data: { incidentId: incidentId(id) },
});
export const recordSurveyResponse = (
  s: Stamp,
  rating: 1 | 2 | 3 | 4 | 5 = 4,
  comment?: string,
): SupportCaseCommand => ({
  type: 'RecordSurveyResponse',
  ...by(s, requester),
  data: { rating, ...(comment === undefined ? {} : { comment }) },
});

/** Addresses a command to a case's stream. */
export const toCase = (id: string, command: SupportCaseCommand): Step<SupportCaseCommand> => ({
  stream: supportCaseStream(caseId(id)),
  command,
});
