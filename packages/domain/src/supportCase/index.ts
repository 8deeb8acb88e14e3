import type { Decider } from '@dossier/core';
import { decodeSupportCaseCommand } from './commandCodecs.js';
import type { SupportCaseCommand } from './commands.js';
import { makeDecide } from './decide.js';
import type { SupportCaseError } from './errors.js';
import type { SupportCaseEvent } from './events.js';
import { evolve } from './evolve.js';
import { defaultSupportPolicy, type SupportPolicy } from './policy.js';
import { initialSupportCaseState, type SupportCaseState } from './state.js';

/** Makes the support-case decider under a support policy (consumer domains, calendar, Enterprise SLA). */
export const makeSupportCase = (
  policy: SupportPolicy,
): Decider<SupportCaseCommand, SupportCaseState, SupportCaseEvent, SupportCaseError> => ({
  initialState: initialSupportCaseState,
  decide: makeDecide(policy),
  evolve,
  // The command handler decodes every command with it before deciding.
  decodeCommand: decodeSupportCaseCommand,
});

/** The support-case decider under {@link defaultSupportPolicy}. */
export const supportCase = makeSupportCase(defaultSupportPolicy);

export type { CaseId, CustomerId, ProjectId, IncidentId, TeamId } from './ids.js';
export {
  CaseIdCodec,
  CustomerIdCodec,
  ProjectIdCodec,
  IncidentIdCodec,
  TeamIdCodec,
  supportCaseStream,
} from './ids.js';
export type {
  Plan,
  Channel,
  AssistedChannel,
  OrganisationRole,
  AccessLevel,
  SupportedFeature,
  TechnicalScope,
  ProjectAccess,
  CaseTopic,
  CustomerFacts,
  InformationItem,
  OutageRemedy,
  Outcome,
  AgentOutcome,
  SurveyRating,
} from './values.js';
export { plans, accessLevels, hasAccessAtLeast, outageRemedies } from './values.js';
export type { Priority, ImpactFacts, CaseOrderKey } from './priority.js';
export { priorities, classifyPriority, compareCaseOrder, impactFactsFor } from './priority.js';
export type { TimeZone, Weekday, SupportCalendar } from './calendar.js';
export { TimeZoneCodec, parseTimeZone, utc } from './calendar.js';
export type { ResponseTarget, SupportPolicy } from './policy.js';
export { standardFirstResponse, defaultSupportPolicy, SupportPolicyCodec } from './policy.js';
export { responseTarget, firstResponseDue } from './firstResponseDue.js';
export type {
  RequesterFacts,
  OpenCase,
  StartWork,
  RequestInformation,
  ProvideInformation,
  Escalate,
  Reprioritise,
  LinkIncident,
  RequestOutageRemedy,
  Resolve,
  ResolveLinkedIncident,
  RecordSurveyResponse,
  SupportCaseCommand,
} from './commands.js';
export type {
  CaseOpened,
  WorkStarted,
  InformationRequested,
  InformationProvided,
  CaseEscalated,
  CaseReprioritised,
  IncidentLinked,
  OutageRemedyRequested,
  CaseResolved,
  SurveySent,
  SurveyResponseRecorded,
  SupportCaseEvent,
} from './events.js';
export type { CaseFile, SurveyResponse, SupportCaseState, SupportCaseStatus } from './state.js';
export { initialSupportCaseState, activeStatuses, isEscalated } from './state.js';
export type { SupportCaseError } from './errors.js';
export {
  PriorityCodec,
  PlanCodec,
  ChannelCodec,
  OrganisationRoleCodec,
  InformationItemCodec,
  OutageRemedyCodec,
  SurveyRatingCodec,
  ImpactFactsCodec,
  CaseTopicCodec,
  CustomerFactsCodec,
  AgentOutcomeCodec,
  OutcomeCodec,
} from './valueCodecs.js';
export {
  CaseOpenedCodec,
  WorkStartedCodec,
  InformationRequestedCodec,
  InformationProvidedCodec,
  CaseEscalatedCodec,
  CaseReprioritisedCodec,
  IncidentLinkedCodec,
  OutageRemedyRequestedCodec,
  CaseResolvedCodec,
  SurveySentCodec,
  SurveyResponseRecordedCodec,
  SupportCaseEventCodec,
  supportCaseEventTypes,
  decodeSupportCaseEvent,
} from './codecs.js';
export {
  OpenCaseCodec,
  StartWorkCodec,
  RequestInformationCodec,
  ProvideInformationCodec,
  EscalateCodec,
  ReprioritiseCodec,
  LinkIncidentCodec,
  RequestOutageRemedyCodec,
  ResolveCodec,
  ResolveLinkedIncidentCodec,
  RecordSurveyResponseCodec,
  SupportCaseCommandCodec,
  supportCaseCommandTypes,
  decodeSupportCaseCommand,
} from './commandCodecs.js';
export { casesToResolveForIncident } from './incidents.js';
