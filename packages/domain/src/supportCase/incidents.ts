import type { CaseId, IncidentId } from './ids.js';
import { activeStatuses, type SupportCaseState } from './state.js';

/** SC-11: the cases that the end of `incidentId` resolves — those linked to it and not yet resolved. */
export const casesToResolveForIncident = (
  incidentId: IncidentId,
  cases: Iterable<SupportCaseState>,
): ReadonlyArray<CaseId> => {
  const due: CaseId[] = [];
  for (const state of cases) {
    if (state.status === 'unopened' || !(activeStatuses as ReadonlyArray<string>).includes(state.status))
      continue;
    if (state.case.linkedIncidents.includes(incidentId)) due.push(state.case.caseId);
  }
  return due;
};
