import {
  invitationStream,
  paymentProfileStream,
  supportCaseStream,
  type CaseId,
  type IncidentId,
  type Instant,
  type InvitationCommand,
  type InvitationId,
  type PaymentProfileCommand,
  type ProfileId,
  type SupportCaseCommand,
} from '@dossier/domain';
import type { DemoCommand } from '../runtime/demoCommand.js';

/** The chapters of the story, in the order they are told. */
export type Topic = 'profiles' | 'invitations' | 'cases' | 'incident';

/** What a step expects: acceptance, or a refusal with this `_tag`. The demo checks every outcome against it. */
export type Expectation = 'accepted' | { readonly refused: string };

/** One command of the script, under an id that stays the same from run to run. */
export interface CommandStep {
  readonly kind: 'command';
  readonly id: string;
  readonly topic: Topic;
  /** What happens, as the story tells it. */
  readonly says: string;
  readonly request: DemoCommand;
  readonly expect: Expectation;
}

/** The status page announces that an incident ended: every linked case still open is resolved (SC-11). */
export interface IncidentResolvedStep {
  readonly kind: 'incidentResolved';
  readonly id: string;
  readonly topic: Topic;
  readonly says: string;
  readonly incidentId: IncidentId;
  readonly at: Instant;
  /** The cases the story expects Dossier's incident flow to resolve: a check, the flow finds them itself. */
  readonly cases: ReadonlyArray<CaseId>;
}

/** A step of the script. */
export type Step = CommandStep | IncidentResolvedStep;

/** When a step happens. */
export const stepAt = (step: Step): Instant => (step.kind === 'command' ? step.request.command.at : step.at);

const accepted: Expectation = 'accepted';
/** A step expected to be refused with `tag`. */
export const refused = (tag: string): Expectation => ({ refused: tag });

/** A payment-profile command. */
export const onProfile = (
  id: string,
  topic: Topic,
  says: string,
  profile: ProfileId,
  command: PaymentProfileCommand,
  expect: Expectation = accepted,
): CommandStep => ({
  kind: 'command',
  id,
  topic,
  says,
  request: { aggregate: 'paymentProfile', stream: paymentProfileStream(profile), command },
  expect,
});

/** A command of an invitee (accept, decline) on an invitation. */
export const onInvitation = (
  id: string,
  says: string,
  invitation: InvitationId,
  command: InvitationCommand,
  expect: Expectation = accepted,
): CommandStep => ({
  kind: 'command',
  id,
  topic: 'invitations',
  says,
  request: { aggregate: 'invitation', stream: invitationStream(invitation), command },
  expect,
});

/** A support-case command. */
export const onCase = (
  id: string,
  topic: Topic,
  says: string,
  caseId: CaseId,
  command: SupportCaseCommand,
  expect: Expectation = accepted,
): CommandStep => ({
  kind: 'command',
  id,
  topic,
  says,
  request: { aggregate: 'supportCase', stream: supportCaseStream(caseId), command },
  expect,
});
