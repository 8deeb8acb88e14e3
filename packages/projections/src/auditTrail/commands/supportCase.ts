import type { SupportCaseCommand, SupportCaseEvent } from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';

/**
 * The command that emits a support-case event when the event starts its command's batch. `undefined` means the
 * event only ever follows another one of the same decision (SurveySent follows its CaseResolved, SC-12), so it
 * shares that event's command. A CaseResolved that follows CaseOpened in one batch (SC-4) takes OpenCase the same way.
 */
export const supportCaseCommandOf = (event: SupportCaseEvent): SupportCaseCommand['type'] | undefined => {
  switch (event.type) {
    case 'CaseOpened':
      return 'OpenCase';
    case 'WorkStarted':
      return 'StartWork';
    case 'InformationRequested':
      return 'RequestInformation';
    case 'InformationProvided':
      return 'ProvideInformation';
    case 'CaseEscalated':
      return 'Escalate';
    case 'CaseReprioritised':
      return 'Reprioritise';
    case 'IncidentLinked':
      return 'LinkIncident';
    case 'OutageRemedyRequested':
      return 'RequestOutageRemedy';
    case 'CaseResolved':
      return event.data.outcome.kind === 'outage-resolved' ? 'ResolveLinkedIncident' : 'Resolve'; // SC-11
    case 'SurveySent':
      return undefined;
    case 'SurveyResponseRecorded':
      return 'RecordSurveyResponse';
    default:
      return absurd(event);
  }
};
