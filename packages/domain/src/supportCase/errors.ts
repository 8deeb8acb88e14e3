import type { Email, UserId } from '../shared/ids.js';
import type { CaseId, IncidentId, TeamId } from './ids.js';
import type { Priority } from './priority.js';
import type { SupportCaseStatus } from './state.js';
import type { SupportCaseCommand } from './commands.js';
import type { AccessLevel, Channel, OrganisationRole, Plan } from './values.js';

type CommandType = SupportCaseCommand['type'];

/** Why a support-case command was refused. */
export type SupportCaseError =
  | {
      readonly _tag: 'CaseNotInStatus';
      readonly status: SupportCaseStatus;
      readonly command: CommandType;
      readonly allowed: ReadonlyArray<SupportCaseStatus>;
    }
  | { readonly _tag: 'NotAnOrganisationAdministrator'; readonly role: OrganisationRole }
  | { readonly _tag: 'ConsumerAccountRefused'; readonly domain: string }
  | { readonly _tag: 'PaidPlanRequired'; readonly plan: Plan }
  | { readonly _tag: 'ChannelNotOffered'; readonly channel: Channel }
  | { readonly _tag: 'NotFromRegisteredAddress'; readonly from: Email; readonly registered: Email }
  | {
      readonly _tag: 'InsufficientProjectAccess';
      readonly access: AccessLevel;
      readonly required: AccessLevel;
    }
  | { readonly _tag: 'PremiumSupportNotInPlan'; readonly plan: Plan }
  | { readonly _tag: 'FollowUpOfItself'; readonly caseId: CaseId }
  | { readonly _tag: 'RequesterCannotActAsAgent'; readonly actor: UserId; readonly command: CommandType }
  | { readonly _tag: 'NotTheRequester'; readonly actor: UserId; readonly command: CommandType }
  | { readonly _tag: 'ReasonRequired' }
  | { readonly _tag: 'PriorityUnchanged'; readonly priority: Priority }
  | { readonly _tag: 'NoInformationRequested' }
  | { readonly _tag: 'NoRemedyRequested' }
  | { readonly _tag: 'AlreadyEscalatedTo'; readonly team: TeamId }
  | { readonly _tag: 'IncidentAlreadyLinked'; readonly incidentId: IncidentId }
  | { readonly _tag: 'IncidentNotLinked'; readonly incidentId: IncidentId }
  | { readonly _tag: 'OutcomeDetailRequired'; readonly field: 'recommendations' | 'party' };

export const caseNotInStatus = (
  status: SupportCaseStatus,
  command: CommandType,
  allowed: ReadonlyArray<SupportCaseStatus>,
): SupportCaseError => ({ _tag: 'CaseNotInStatus', status, command, allowed });
export const notAnOrganisationAdministrator = (role: OrganisationRole): SupportCaseError => ({
  _tag: 'NotAnOrganisationAdministrator',
  role,
});
export const consumerAccountRefused = (domain: string): SupportCaseError => ({
  _tag: 'ConsumerAccountRefused',
  domain,
});
export const paidPlanRequired = (plan: Plan): SupportCaseError => ({ _tag: 'PaidPlanRequired', plan });
export const channelNotOffered = (channel: Channel): SupportCaseError => ({
  _tag: 'ChannelNotOffered',
  channel,
});
export const notFromRegisteredAddress = (from: Email, registered: Email): SupportCaseError => ({
  _tag: 'NotFromRegisteredAddress',
  from,
  registered,
});
export const insufficientProjectAccess = (access: AccessLevel, required: AccessLevel): SupportCaseError => ({
  _tag: 'InsufficientProjectAccess',
  access,
  required,
});
export const premiumSupportNotInPlan = (plan: Plan): SupportCaseError => ({
  _tag: 'PremiumSupportNotInPlan',
  plan,
});
export const followUpOfItself = (caseId: CaseId): SupportCaseError => ({ _tag: 'FollowUpOfItself', caseId });
export const requesterCannotActAsAgent = (actor: UserId, command: CommandType): SupportCaseError => ({
  _tag: 'RequesterCannotActAsAgent',
  actor,
  command,
});
export const notTheRequester = (actor: UserId, command: CommandType): SupportCaseError => ({
  _tag: 'NotTheRequester',
  actor,
  command,
});
export const reasonRequired: SupportCaseError = { _tag: 'ReasonRequired' };
export const priorityUnchanged = (priority: Priority): SupportCaseError => ({
  _tag: 'PriorityUnchanged',
  priority,
});
export const noInformationRequested: SupportCaseError = { _tag: 'NoInformationRequested' };
export const noRemedyRequested: SupportCaseError = { _tag: 'NoRemedyRequested' };
export const alreadyEscalatedTo = (team: TeamId): SupportCaseError => ({ _tag: 'AlreadyEscalatedTo', team });
export const incidentAlreadyLinked = (incidentId: IncidentId): SupportCaseError => ({
  _tag: 'IncidentAlreadyLinked',
  incidentId,
});
export const incidentNotLinked = (incidentId: IncidentId): SupportCaseError => ({
  _tag: 'IncidentNotLinked',
  incidentId,
});
export const outcomeDetailRequired = (field: 'recommendations' | 'party'): SupportCaseError => ({
  _tag: 'OutcomeDetailRequired',
  field,
});
