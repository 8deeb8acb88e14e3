import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { EventStore, StoreError, StreamName } from '@dossier/core';
import {
  casesToResolveForIncident,
  supportCaseStream,
  type Actor,
  type CaseId,
  type Email,
  type IncidentId,
  type Instant,
  type SupportCaseError,
  type SupportCaseState,
  type UserId,
} from '@dossier/domain';
import type { DossierDeciders } from './aggregates.js';
import { execute, isRefusal, type ExecuteError } from './execute.js';
import { replay, type UnknownAggregate } from './replay.js';

/** The actor SC-11's resolutions are recorded as: the system, not a person. */
export const incidentFlowActor: Actor = {
  id: 'system:incident-flow' as UserId,
  email: 'incident-flow@system.dossier.invalid' as Email,
};

/** The command id of the resolution of `caseId` by the end of `incidentId`: the same on every run, so it applies once. */
export const incidentResolutionCommandId = (incidentId: IncidentId, caseId: CaseId): string =>
  `incidentFlow:${incidentId}:${caseId}`;

/** What resolving an incident did to its linked cases. */
export interface IncidentResolution {
  readonly incidentId: IncidentId;
  /** Cases this run resolved with `outage-resolved`. */
  readonly resolved: ReadonlyArray<CaseId>;
  /** Linked cases that were already resolved or closed (by an agent, or by an earlier run): left as they are. */
  readonly alreadyResolved: ReadonlyArray<CaseId>;
  /** Linked cases that refused the resolution, and why (none on a consistent log). */
  readonly refused: ReadonlyArray<{ readonly caseId: CaseId; readonly error: SupportCaseError }>;
}

/** Why resolving an incident stopped: the store failed (the cases resolved so far stay resolved; run it again). */
export type IncidentResolutionError =
  StoreError | UnknownAggregate | Exclude<ExecuteError<'supportCase'>, SupportCaseError>;

const pageSize = 1_000;

/** The streams of the cases ever linked to `incidentId`, read from the log's `IncidentLinked` events. */
const linkedCaseStreams = async (
  store: EventStore,
  incidentId: IncidentId,
): Promise<E.Either<StoreError, ReadonlyArray<StreamName>>> => {
  const streams = new Set<StreamName>();
  let from = 0n;
  for (;;) {
    const page = await store.readAll({
      fromPosition: from,
      limit: pageSize,
      filter: { kind: 'eventType', prefixes: ['IncidentLinked'] },
    })();
    if (E.isLeft(page)) return page;
    for (const event of page.right) {
      const linked = event.data as { readonly incidentId?: unknown };
      if (event.type === 'IncidentLinked' && linked.incidentId === incidentId) streams.add(event.stream);
    }
    const last = page.right[page.right.length - 1];
    if (last === undefined || page.right.length < pageSize) return E.right([...streams]);
    from = last.position + 1n;
  }
};

/**
 * SC-11: the incident `incidentId` ended at `at`, so every case linked to it and still open is resolved with
 * `outage-resolved`, as {@link incidentFlowActor}. Call it when your status page reports the incident resolved.
 * Idempotent and resumable: each resolution goes under {@link incidentResolutionCommandId}, so a second run (after
 * a crash, or a webhook delivered twice) resolves only what the first did not, and never a case twice.
 */
export const resolveIncident =
  (
    store: EventStore,
    deciders: DossierDeciders,
    incidentId: IncidentId,
    at: Instant,
  ): TE.TaskEither<IncidentResolutionError, IncidentResolution> =>
  async () => {
    const streams = await linkedCaseStreams(store, incidentId);
    if (E.isLeft(streams)) return streams;
    const states: SupportCaseState[] = [];
    for (const stream of streams.right) {
      const replayed = await replay(store, deciders, stream)();
      if (E.isLeft(replayed)) return replayed;
      if (replayed.right.aggregate === 'supportCase') states.push(replayed.right.state);
    }
    const due = new Set(casesToResolveForIncident(incidentId, states));
    const resolved: CaseId[] = [];
    const refused: Array<{ readonly caseId: CaseId; readonly error: SupportCaseError }> = [];
    const alreadyResolved = states.flatMap((state) =>
      state.status !== 'unopened' && !due.has(state.case.caseId) ? [state.case.caseId] : [],
    );
    for (const caseId of due) {
      const done = await execute(
        store,
        deciders,
        'supportCase',
        supportCaseStream(caseId),
        { type: 'ResolveLinkedIncident', at, actor: incidentFlowActor, data: { incidentId } },
        { commandId: incidentResolutionCommandId(incidentId, caseId) },
      )();
      if (E.isRight(done)) resolved.push(caseId);
      else if (isRefusal(done.left)) refused.push({ caseId, error: done.left });
      else return E.left(done.left);
    }
    return E.right({ incidentId, resolved, alreadyResolved, refused });
  };
