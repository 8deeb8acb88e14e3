import type { SupportCaseEvent } from './events.js';
import type { CaseFile, SupportCaseState } from './state.js';

const withCase = (
  state: SupportCaseState,
  next: (state: Exclude<SupportCaseState, { readonly status: 'unopened' }>) => SupportCaseState,
): SupportCaseState => (state.status === 'unopened' ? state : next(state));

const updateCase = (
  state: SupportCaseState,
  update: (file: CaseFile) => Partial<CaseFile>,
): SupportCaseState => withCase(state, (s) => ({ ...s, case: { ...s.case, ...update(s.case) } }));

/** Folds one event into a support case; it trusts the stream, so it is total and never refuses. */
export const evolve = (state: SupportCaseState, event: SupportCaseEvent): SupportCaseState => {
  switch (event.type) {
    case 'CaseOpened': {
      const { data } = event;
      return {
        status: 'open',
        case: {
          caseId: data.caseId,
          customer: data.customer,
          plan: data.plan,
          requester: data.by,
          contact: data.contact,
          channel: data.channel,
          topic: data.topic,
          priority: data.priority,
          premium: data.premium,
          submittedAt: data.at,
          firstResponseDue: data.firstResponseDue,
          ...(data.followUpOf === undefined ? {} : { followUpOf: data.followUpOf }),
          escalatedTo: [],
          linkedIncidents: [],
          requestedRemedies: [],
        },
      };
    }
    case 'WorkStarted':
    case 'InformationProvided':
      return withCase(state, (s) => ({ status: 'in-progress', case: s.case }));
    case 'InformationRequested':
      return withCase(state, (s) => ({
        status: 'awaiting-customer',
        case: s.case,
        awaiting: event.data.items,
      }));
    case 'CaseEscalated':
      return updateCase(state, (c) => ({ escalatedTo: [...c.escalatedTo, event.data.team] }));
    case 'CaseReprioritised':
      return updateCase(state, () => ({
        priority: event.data.to,
        firstResponseDue: event.data.firstResponseDue,
      }));
    case 'IncidentLinked':
      return updateCase(state, (c) => ({ linkedIncidents: [...c.linkedIncidents, event.data.incidentId] }));
    case 'OutageRemedyRequested':
      return updateCase(state, (c) => ({
        requestedRemedies: [...c.requestedRemedies, ...event.data.remedies],
      }));
    case 'CaseResolved':
      return withCase(state, (s) => ({
        status: 'resolved',
        case: s.case,
        outcome: event.data.outcome,
        resolvedAt: event.data.at,
      }));
    case 'SurveySent':
      return state.status === 'resolved' ? { ...state, surveySentAt: event.data.at } : state;
    case 'SurveyResponseRecorded': {
      if (state.status !== 'resolved') return state;
      const { rating, comment, at } = event.data;
      return {
        status: 'closed',
        case: state.case,
        outcome: state.outcome,
        resolvedAt: state.resolvedAt,
        survey: { rating, ...(comment === undefined ? {} : { comment }), at },
      };
    }
  }
};
