import {
  impactFactsFor,
  instantFromMillis,
  supportCaseStream,
  type Actor,
  type CaseId,
  type CustomerId,
  type InvitationCommand,
  type PaymentProfileCommand,
  type Email,
  type Priority,
  type ProjectId,
  type SupportCaseCommand,
  type TeamId,
  type UserId,
} from '@dossier/domain';
import type { Random } from './random.js';

/** One command of the generated log: its aggregate, stream and the command. */
export type Planned =
  | { readonly aggregate: 'supportCase'; readonly stream: string; readonly command: SupportCaseCommand }
  | {
      readonly aggregate: 'paymentProfile';
      readonly stream: string;
      readonly command: PaymentProfileCommand;
    }
  | {
      readonly aggregate: 'invitation';
      readonly stream: string;
      readonly command: InvitationCommand;
    };

const actor = (id: string, email: string): Actor => ({ id: id as UserId, email: email as Email });
const agents = Array.from({ length: 20 }, (_, i) => actor(`agent-${i}`, `agent${i}@support.example`));
const teams: ReadonlyArray<TeamId> = ['mobile', 'billing', 'network', 'platform'].map(
  (team) => team as TeamId,
);
const subjects = [
  'Cannot sign in',
  'Live update not applied',
  'Invoice question',
  'App build failing',
  'Analytics missing data',
  'Mail delivery delayed',
  'Permission denied on project',
  'How do I configure channels?',
];

type Step = 'start' | 'ask' | 'answer' | 'escalate' | 'reprioritise' | 'resolve' | 'survey';

/** A case in flight: who asked, and the steps of its life still to come. */
export interface CaseInFlight {
  readonly id: CaseId;
  readonly requester: Actor;
  readonly agent: Actor;
  readonly priority: Priority;
  readonly steps: Step[];
}

/** The steps a case goes through after opening, drawn as support desks see them (most are resolved). */
const lifeOf = (random: Random): Step[] => {
  const steps: Step[] = ['start'];
  if (random.chance(0.35)) steps.push('ask', 'answer');
  if (random.chance(0.15)) steps.push('escalate');
  if (random.chance(0.1)) steps.push('reprioritise');
  if (random.chance(0.85)) {
    steps.push('resolve');
    if (random.chance(0.3)) steps.push('survey');
  }
  return steps;
};

/** Opens case number `n`: an administrator of one of 5,000 customers on a Pro plan, over the web. */
export const openCase = (random: Random, prefix: string, n: number, at: number): [CaseInFlight, Planned] => {
  const id = `${prefix}case-${String(n).padStart(7, '0')}` as CaseId;
  const customer = `cust-${String(random.int(5_000)).padStart(4, '0')}`;
  const requester = actor(`${customer}-admin`, `admin@${customer}.example`);
  const draw = random.next();
  const priority: Priority = draw < 0.1 ? 'P1' : draw < 0.3 ? 'P2' : draw < 0.7 ? 'P3' : 'P4';
  const command: SupportCaseCommand = {
    type: 'OpenCase',
    at: instantFromMillis(at),
    actor: requester,
    data: {
      caseId: id,
      customer: { id: customer as CustomerId, plan: 'pro', paidAddOns: [], offeredChannels: [] },
      requester: { organisationRole: 'administrator', registeredEmail: requester.email },
      channel: 'web',
      topic: {
        category: 'technical',
        project: { project: `app-${random.int(100)}` as ProjectId, requesterAccess: 'developer' },
        scope: { area: 'configuration', subject: 'live-update-setup' },
      },
      subject: random.pick(subjects),
      impact: impactFactsFor(priority),
      premium: false,
    },
  };
  const track = { id, requester, agent: random.pick(agents), priority, steps: lifeOf(random) };
  return [track, { aggregate: 'supportCase', stream: supportCaseStream(id), command }];
};

/** The case's next step as a command; the step is taken off its list. */
export const nextStep = (random: Random, track: CaseInFlight, at: number): Planned | undefined => {
  const step = track.steps.shift();
  if (step === undefined) return undefined;
  const when = instantFromMillis(at);
  const byAgent = { at: when, actor: track.agent };
  const command = ((): SupportCaseCommand => {
    switch (step) {
      case 'start':
        return { type: 'StartWork', ...byAgent, data: {} };
      case 'ask':
        return {
          type: 'RequestInformation',
          ...byAgent,
          data: { items: ['log-files'], note: 'please attach the build log' },
        };
      case 'answer':
        return {
          type: 'ProvideInformation',
          at: when,
          actor: track.requester,
          data: { provided: ['log-files'] },
        };
      case 'escalate':
        return { type: 'Escalate', ...byAgent, data: { team: random.pick(teams) } };
      case 'reprioritise':
        return {
          type: 'Reprioritise',
          ...byAgent,
          data: { priority: track.priority === 'P1' ? 'P2' : 'P1', reason: 'the impact changed' },
        };
      case 'resolve':
        return {
          type: 'Resolve',
          ...byAgent,
          data: { outcome: { kind: 'resolved', how: 'question-answered' } },
        };
      case 'survey':
        return {
          type: 'RecordSurveyResponse',
          at: when,
          actor: track.requester,
          data: { rating: (1 + random.int(5)) as 1 | 2 | 3 | 4 | 5 },
        };
    }
  })();
  return { aggregate: 'supportCase', stream: supportCaseStream(track.id), command };
};
