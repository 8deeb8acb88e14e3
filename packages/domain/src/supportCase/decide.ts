import * as E from 'fp-ts/lib/Either.js';
import { absurd } from 'fp-ts/lib/function.js';
import type {
  Escalate,
  LinkIncident,
  ProvideInformation,
  RecordSurveyResponse,
  Reprioritise,
  RequestInformation,
  RequestOutageRemedy,
  Resolve,
  ResolveLinkedIncident,
  StartWork,
  SupportCaseCommand,
} from './commands.js';
import { openCase } from './decide/open.js';
import { resolution } from './decide/resolution.js';
import {
  alreadyEscalatedTo,
  caseNotInStatus,
  incidentAlreadyLinked,
  incidentNotLinked,
  noInformationRequested,
  noRemedyRequested,
  notTheRequester,
  outcomeDetailRequired,
  priorityUnchanged,
  reasonRequired,
  requesterCannotActAsAgent,
  type SupportCaseError,
} from './errors.js';
import type { SupportCaseEvent } from './events.js';
import { firstResponseDue } from './firstResponseDue.js';
import type { SupportPolicy } from './policy.js';
import { activeStatuses, type SupportCaseState, type SupportCaseStatus } from './state.js';
import { outageRemedies } from './values.js';

type Decision = E.Either<SupportCaseError, ReadonlyArray<SupportCaseEvent>>;
type StateIn<S extends SupportCaseStatus> = Extract<SupportCaseState, { readonly status: S }>;

const isIn = <S extends SupportCaseStatus>(
  state: SupportCaseState,
  allowed: ReadonlyArray<S>,
): state is StateIn<S> => (allowed as ReadonlyArray<SupportCaseStatus>).includes(state.status);

/**
 * Checks the status, then who acts: agent actions may not come from the requester, customer actions only from the
 * requester (SC-8). Returns the narrowed state or the refusal.
 */
const guard = <S extends Exclude<SupportCaseStatus, 'unopened'>>(
  command: Exclude<SupportCaseCommand, { readonly type: 'OpenCase' }>,
  state: SupportCaseState,
  allowed: ReadonlyArray<S>,
  actingAs: 'agent' | 'requester',
): E.Either<SupportCaseError, StateIn<S>> => {
  const requester = state.status === 'unopened' ? undefined : state.case.requester;
  if (!isIn(state, allowed)) return E.left(caseNotInStatus(state.status, command.type, allowed));
  const isRequester = command.actor.id === requester;
  if (actingAs === 'agent' && isRequester)
    return E.left(requesterCannotActAsAgent(command.actor.id, command.type));
  if (actingAs === 'requester' && !isRequester)
    return E.left(notTheRequester(command.actor.id, command.type));
  return E.right(state);
};

const startWork = (c: StartWork, state: SupportCaseState): Decision =>
  E.map(() => [{ type: 'WorkStarted' as const, data: { by: c.actor.id, at: c.at } }])(
    guard(c, state, ['open'], 'agent'),
  );

// SC-8: the case waits on the customer until the information arrives.
const requestInformation = (c: RequestInformation, state: SupportCaseState): Decision =>
  E.chain((): Decision => {
    if (c.data.items.length === 0) return E.left(noInformationRequested);
    return E.right([{ type: 'InformationRequested', data: { ...c.data, by: c.actor.id, at: c.at } }]);
  })(guard(c, state, ['in-progress'], 'agent'));

const provideInformation = (c: ProvideInformation, state: SupportCaseState): Decision =>
  E.map((): ReadonlyArray<SupportCaseEvent> => [
    { type: 'InformationProvided', data: { ...c.data, by: c.actor.id, at: c.at } },
  ])(guard(c, state, ['awaiting-customer'], 'requester'));

// SC-9: a team is recorded once; escalating to it again is refused.
const escalate = (c: Escalate, state: SupportCaseState): Decision =>
  E.chain(({ case: file }: StateIn<(typeof activeStatuses)[number]>): Decision => {
    if (file.escalatedTo.includes(c.data.team)) return E.left(alreadyEscalatedTo(c.data.team));
    return E.right([{ type: 'CaseEscalated', data: { team: c.data.team, by: c.actor.id, at: c.at } }]);
  })(guard(c, state, activeStatuses, 'agent'));

// SC-5: re-prioritising needs a reason; SC-7: the due time follows the priority where an SLA depends on it.
const reprioritise =
  (policy: SupportPolicy) =>
  (c: Reprioritise, state: SupportCaseState): Decision =>
    E.chain(({ case: file }: StateIn<(typeof activeStatuses)[number]>): Decision => {
      if (c.data.reason.trim() === '') return E.left(reasonRequired);
      if (c.data.priority === file.priority) return E.left(priorityUnchanged(file.priority));
      const due = firstResponseDue(file.submittedAt, c.data.priority, policy, file.plan);
      return E.right([
        {
          type: 'CaseReprioritised',
          data: {
            from: file.priority,
            to: c.data.priority,
            reason: c.data.reason,
            firstResponseDue: due,
            by: c.actor.id,
            at: c.at,
          },
        },
      ]);
    })(guard(c, state, activeStatuses, 'agent'));

const linkIncident = (c: LinkIncident, state: SupportCaseState): Decision =>
  E.chain(({ case: file }: StateIn<(typeof activeStatuses)[number]>): Decision => {
    if (file.linkedIncidents.includes(c.data.incidentId))
      return E.left(incidentAlreadyLinked(c.data.incidentId));
    return E.right([
      { type: 'IncidentLinked', data: { incidentId: c.data.incidentId, by: c.actor.id, at: c.at } },
    ]);
  })(guard(c, state, activeStatuses, 'agent'));

// SC-10: remedies are recorded only at the customer's request; asking again for the same one changes nothing.
const requestOutageRemedy = (c: RequestOutageRemedy, state: SupportCaseState): Decision =>
  E.chain(({ case: file }: StateIn<(typeof activeStatuses)[number]>): Decision => {
    if (c.data.remedies.length === 0) return E.left(noRemedyRequested);
    const added = outageRemedies.filter(
      (r) => c.data.remedies.includes(r) && !file.requestedRemedies.includes(r),
    );
    if (added.length === 0) return E.right([]);
    return E.right([{ type: 'OutageRemedyRequested', data: { remedies: added, by: c.actor.id, at: c.at } }]);
  })(guard(c, state, activeStatuses, 'requester'));

// SC-10: one outcome, with the detail its kind needs; SC-14: a resolved case is never resolved again.
const resolve = (c: Resolve, state: SupportCaseState): Decision =>
  E.chain(({ case: file }: StateIn<'in-progress' | 'awaiting-customer'>): Decision => {
    const { outcome } = c.data;
    if (outcome.kind === 'cannot-reproduce' && outcome.recommendations.trim() === '') {
      return E.left(outcomeDetailRequired('recommendations'));
    }
    if (outcome.kind === 'referred-to-third-party' && outcome.party.trim() === '') {
      return E.left(outcomeDetailRequired('party'));
    }
    return E.right(resolution(file.contact, outcome, c.actor.id, c.at));
  })(guard(c, state, ['in-progress', 'awaiting-customer'], 'agent'));

// SC-11: the end of a linked incident resolves the case with `outage-resolved`, and the remedies asked for (SC-10).
const resolveLinkedIncident = (c: ResolveLinkedIncident, state: SupportCaseState): Decision =>
  E.chain(({ case: file }: StateIn<(typeof activeStatuses)[number]>): Decision => {
    if (!file.linkedIncidents.includes(c.data.incidentId))
      return E.left(incidentNotLinked(c.data.incidentId));
    const outcome = {
      kind: 'outage-resolved',
      incidentId: c.data.incidentId,
      remedies: file.requestedRemedies,
    } as const;
    return E.right(resolution(file.contact, outcome, c.actor.id, c.at));
  })(guard(c, state, activeStatuses, 'agent'));

// SC-12: one response, after resolution; it closes the case.
const recordSurveyResponse = (c: RecordSurveyResponse, state: SupportCaseState): Decision =>
  E.map((): ReadonlyArray<SupportCaseEvent> => [
    { type: 'SurveyResponseRecorded', data: { ...c.data, by: c.actor.id, at: c.at } },
  ])(guard(c, state, ['resolved'], 'requester'));

/** Decides a support-case command under a support policy. */
export const makeDecide =
  (policy: SupportPolicy) =>
  (command: SupportCaseCommand, state: SupportCaseState): Decision => {
    switch (command.type) {
      case 'OpenCase':
        return openCase(policy)(command, state);
      case 'StartWork':
        return startWork(command, state);
      case 'RequestInformation':
        return requestInformation(command, state);
      case 'ProvideInformation':
        return provideInformation(command, state);
      case 'Escalate':
        return escalate(command, state);
      case 'Reprioritise':
        return reprioritise(policy)(command, state);
      case 'LinkIncident':
        return linkIncident(command, state);
      case 'RequestOutageRemedy':
        return requestOutageRemedy(command, state);
      case 'Resolve':
        return resolve(command, state);
      case 'ResolveLinkedIncident':
        return resolveLinkedIncident(command, state);
      case 'RecordSurveyResponse':
        return recordSurveyResponse(command, state);
      default:
        return absurd(command);
    }
  };
