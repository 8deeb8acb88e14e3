import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, Rows } from '@dossier/core';
import {
  incidentFlowActor,
  incidentResolutionCommandId,
  openCasesLinkedTo,
  supportCaseStream,
  type CaseId,
  type IncidentId,
  type Instant,
  type SupportCaseError,
} from '@dossier/domain';
import type { DossierDeciders } from './aggregates.js';
import { execute, isRefusal, type ExecuteError } from './execute.js';

/** What reporting an incident's end did, once the incident flow had caught up with it. */
export interface IncidentResolution {
  readonly incidentId: IncidentId;
  /** The linked cases that were open at the report and are now resolved with `outage-resolved` (SC-11). */
  readonly resolved: ReadonlyArray<CaseId>;
  /** Linked cases still open afterwards: linked while the report ran, or refused (none on a consistent log). */
  readonly stillOpen: ReadonlyArray<CaseId>;
}

/** `resolveIncident` was asked of a Dossier whose incident flow is not running (not started, or `flows: false`). */
export interface IncidentFlowNotRunning {
  readonly _tag: 'IncidentFlowNotRunning';
}

/** Why reporting an incident's end stopped: the flow is not running, or the store failed (run it again). */
export type IncidentResolutionError =
  IncidentFlowNotRunning | Exclude<ExecuteError<'supportCase'>, SupportCaseError>;

/**
 * Records the end of `incidentId` at `at` in the log, the one way the log can say it: the first open case linked to
 * it (by the incident flow's rows) is resolved with `outage-resolved`, as {@link incidentFlowActor}, under the very
 * id the flow would give it. The flow reacts to that resolution and resolves the others (SC-11). A case an agent
 * resolved meanwhile refuses, and the next one is tried. Answers the case resolved, or null when none was open.
 */
export const recordIncidentEnd = async (
  store: EventStore,
  deciders: DossierDeciders,
  flowRows: Rows,
  incidentId: IncidentId,
  at: Instant,
): Promise<E.Either<IncidentResolutionError, CaseId | null>> => {
  for (const caseId of openCasesLinkedTo(flowRows, incidentId)) {
    const done = await execute(
      store,
      deciders,
      'supportCase',
      supportCaseStream(caseId),
      { type: 'ResolveLinkedIncident', at, actor: incidentFlowActor, data: { incidentId } },
      { commandId: incidentResolutionCommandId(incidentId, caseId) },
    )();
    if (E.isRight(done)) return E.right(caseId);
    if (!isRefusal(done.left)) return E.left(done.left);
  }
  return E.right(null);
};
