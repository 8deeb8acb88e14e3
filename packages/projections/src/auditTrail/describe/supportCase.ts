import type {
  CaseEscalated,
  CaseOpened,
  CaseReprioritised,
  CaseResolved,
  CaseTopic,
  IncidentLinked,
  InformationProvided,
  InformationRequested,
  OutageRemedyRequested,
  Outcome,
  SupportCaseEvent,
  SurveyResponseRecorded,
  SurveySent,
  WorkStarted,
} from '@dossier/domain';
import { absurd } from 'fp-ts/lib/function.js';
import { listed, quoted, words } from './words.js';

const topic = (t: CaseTopic): string => {
  switch (t.category) {
    case 'billing':
    case 'account-management':
      return words(t.category);
    case 'technical': {
      const feature = 'feature' in t.scope ? ` of ${words(t.scope.feature)}` : '';
      return `technical (${words(t.scope.area)}: ${words(t.scope.subject)}${feature}) on project ${t.project.project}`;
    }
    default:
      return absurd(t);
  }
};

const outcome = (o: Outcome): string => {
  switch (o.kind) {
    case 'resolved':
      return `resolved (${words(o.how)})`;
    case 'feature-not-available':
      return o.featureIdea === undefined
        ? 'feature-not-available'
        : `feature-not-available — feature idea: ${o.featureIdea}`;
    case 'cannot-reproduce':
      return `cannot-reproduce — recommendations: ${o.recommendations}`;
    case 'referred-to-third-party':
      return `referred-to-third-party — party: ${o.party}`;
    case 'not-supported':
      return 'not-supported';
    case 'outage-resolved':
      return `outage-resolved — incident ${o.incidentId} ended; remedies recorded: ${listed(o.remedies.map(words))}`;
    default:
      return absurd(o);
  }
};

const caseOpened = ({ data }: CaseOpened): string =>
  [
    `Case ${data.caseId} opened for customer ${data.customer} (${data.plan} plan) over ${data.channel}: ${quoted(data.subject)}`,
    `topic ${topic(data.topic)}`,
    `priority ${data.priority}${data.premium ? ', premium support' : ''}`,
    `first response due ${data.firstResponseDue}`,
    ...(data.followUpOf === undefined ? [] : [`follows up case ${data.followUpOf}`]),
    `survey contact ${data.contact}`,
  ].join('; ');

const workStarted = (_: WorkStarted): string => 'Work started on the case';

const informationRequested = ({ data }: InformationRequested): string =>
  `Information requested from the customer: ${listed(data.items.map(words))}${data.note === undefined ? '' : ` — note: ${quoted(data.note)}`}; the case waits on the customer`;

const informationProvided = ({ data }: InformationProvided): string =>
  `Information provided by the customer: ${listed(data.provided.map(words))}${data.note === undefined ? '' : ` — note: ${quoted(data.note)}`}; work resumes`;

const caseEscalated = ({ data }: CaseEscalated): string => `Case escalated to team ${data.team}`;

const caseReprioritised = ({ data }: CaseReprioritised): string =>
  `Priority changed from ${data.from} to ${data.to} — reason: ${quoted(data.reason)}; first response now due ${data.firstResponseDue}`;

const incidentLinked = ({ data }: IncidentLinked): string =>
  `Case linked to platform incident ${data.incidentId}`;

const outageRemedyRequested = ({ data }: OutageRemedyRequested): string =>
  `Customer asked for ${listed(data.remedies.map(words))} should an outage be the cause`;

const caseResolved = ({ data }: CaseResolved): string => `Case resolved: ${outcome(data.outcome)}`;

const surveySent = ({ data }: SurveySent): string => `Satisfaction survey sent to ${data.to}`;

const surveyResponseRecorded = ({ data }: SurveyResponseRecorded): string =>
  `Survey answered with rating ${data.rating} of 5${data.comment === undefined ? '' : ` — comment: ${quoted(data.comment)}`}; case closed`;

/** What a support-case event changed, in plain English for an auditor. */
export const describeSupportCaseEvent = (event: SupportCaseEvent): string => {
  switch (event.type) {
    case 'CaseOpened':
      return caseOpened(event);
    case 'WorkStarted':
      return workStarted(event);
    case 'InformationRequested':
      return informationRequested(event);
    case 'InformationProvided':
      return informationProvided(event);
    case 'CaseEscalated':
      return caseEscalated(event);
    case 'CaseReprioritised':
      return caseReprioritised(event);
    case 'IncidentLinked':
      return incidentLinked(event);
    case 'OutageRemedyRequested':
      return outageRemedyRequested(event);
    case 'CaseResolved':
      return caseResolved(event);
    case 'SurveySent':
      return surveySent(event);
    case 'SurveyResponseRecorded':
      return surveyResponseRecorded(event);
    default:
      return absurd(event);
  }
};
