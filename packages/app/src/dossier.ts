import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryProjectionStore,
  createReadModelBus,
  runCheckpointWriter,
  runProjections,
  type CheckpointWriter,
  type EventShape,
  type ProcessManagerRunner,
  type AnyProjectionOf,
  type ProjectionRunner,
  type StoreUnavailable,
} from '@dossier/core';
import { openCasesLinkedTo } from '@dossier/domain';
import { auditTrail, openTicketQueue, pendingInvitations, permissionMatrix } from '@dossier/projections';
import { dossierDeciders } from './aggregates.js';
import { waitUntilQuiet } from './caughtUp.js';
import type { FlowDispatchError } from './dispatchFlow.js';
import type {
  Dossier,
  DossierNotStarted,
  DossierOptions,
  DossierStartError,
  ViewUnavailable,
} from './dossierTypes.js';
import { execute } from './execute.js';
import { expireDue } from './expiry.js';
import { runIncidentFlow } from './incidentProcess.js';
import { recordIncidentEnd, type IncidentFlowNotRunning } from './incidentResolution.js';
import { runInvitationFlow } from './invitationProcess.js';
import { dossierProjections } from './projections.js';

const notStarted: DossierNotStarted = { _tag: 'DossierNotStarted' };
const incidentFlowNotRunning: IncidentFlowNotRunning = { _tag: 'IncidentFlowNotRunning' };

type Flow = ProcessManagerRunner<FlowDispatchError>;

interface Running {
  readonly projections: ProjectionRunner;
  /** Signs checkpoints of the log as it grows, when the operator asked for them. */
  readonly checkpointWriter: CheckpointWriter | null;
  /** The invitation flow and the incident flow, unless `flows: false`. */
  readonly flows: { readonly invitation: Flow; readonly incident: Flow } | null;
}

/**
 * Assembles Dossier over an event store: `execute` works at once; `start()` runs the four read models, the
 * invitation flow and the incident flow until `stop()`. A script writes, calls `waitUntilCaughtUp()`, then reads the views:
 *
 * ```ts
 * const dossier = createDossier({ store });
 * await dossier.start();
 * await dossier.execute('paymentProfile', paymentProfileStream(id), command)();
 * await dossier.waitUntilCaughtUp();
 * const matrix = dossier.permissionMatrix(); // Right(queries) once started
 * await dossier.stop();
 * ```
 */
export const createDossier = (options: DossierOptions): Dossier => {
  const { store } = options;
  const deciders = dossierDeciders(options.supportPolicy);
  const bus = options.bus ?? createReadModelBus();
  // Kept across stop and start, so that a restart resumes from the checkpoints even in memory.
  const states = options.projectionStore ?? createInMemoryProjectionStore();
  let running: Running | null = null;
  let starting: Promise<E.Either<DossierStartError, void>> | null = null;

  const begin = async (): Promise<E.Either<DossierStartError, void>> => {
    const projections = await runProjections({
      store,
      states,
      projections: dossierProjections,
      bus,
      ...(options.saveEvery === undefined ? {} : { saveEvery: options.saveEvery }),
      ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    })();
    if (E.isLeft(projections)) return projections;
    const checkpointWriter =
      options.checkpoints === undefined ? null : runCheckpointWriter(store, options.checkpoints);
    if (options.flows === false) {
      running = { projections: projections.right, flows: null, checkpointWriter };
      return E.right(undefined);
    }
    const flowOptions = {
      store,
      checkpoints: states,
      deciders,
      bus,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    };
    const invitation = await runInvitationFlow(flowOptions)();
    const incident = E.isLeft(invitation) ? invitation : await runIncidentFlow(flowOptions)();
    if (E.isLeft(invitation) || E.isLeft(incident)) {
      if (E.isRight(invitation)) await invitation.right.stop();
      await projections.right.stop();
      await checkpointWriter?.stop();
      return E.left(E.isLeft(invitation) ? invitation.left : (incident as E.Left<StoreUnavailable>).left);
    }
    running = {
      projections: projections.right,
      flows: { invitation: invitation.right, incident: incident.right },
      checkpointWriter,
    };
    return E.right(undefined);
  };

  const query = <Ev extends EventShape, Q>(
    projection: AnyProjectionOf<Ev, Q>,
  ): E.Either<ViewUnavailable, Q> =>
    running === null ? E.left(notStarted) : running.projections.query(projection);
  const view =
    <Ev extends EventShape, Q>(projection: AnyProjectionOf<Ev, Q>) =>
    (): E.Either<ViewUnavailable, Q> =>
      query(projection);

  const waitUntilCaughtUp = async (): Promise<void> => {
    if (running === null) return;
    const { flows } = running;
    await waitUntilQuiet(
      store,
      flows === null ? [] : [flows.invitation, flows.incident],
      running.projections,
    );
  };

  return {
    store,
    deciders,
    bus,
    execute: (aggregate, stream, command, context, handleOptions) =>
      execute(store, deciders, aggregate, stream, command, context, handleOptions),
    start: () => {
      if (running !== null) return Promise.resolve(E.right(undefined));
      starting ??= begin().finally(() => {
        starting = null;
      });
      return starting;
    },
    stop: async () => {
      await starting;
      const stopping = running;
      running = null;
      if (stopping === null) return;
      // The flows first: what they dispatch last still reaches the read models before they stop.
      await stopping.flows?.invitation.stop();
      await stopping.flows?.incident.stop();
      await stopping.projections.stop();
      await stopping.checkpointWriter?.stop();
    },
    waitUntilCaughtUp,
    query,
    rows: (projection) => (running === null ? E.left(notStarted) : running.projections.rows(projection)),
    openTicketQueue: view(openTicketQueue),
    permissionMatrix: view(permissionMatrix),
    pendingInvitations: view(pendingInvitations),
    auditTrail: view(auditTrail),
    rebuild: (name) =>
      running === null ? Promise.resolve(E.left(notStarted)) : running.projections.rebuild(name),
    status: async () => ({
      projections: running === null ? [] : await running.projections.status(),
      invitationFlow: running?.flows?.invitation.status() ?? null,
      incidentFlow: running?.flows?.incident.status() ?? null,
    }),
    resolveIncident: async (incidentId, at) => {
      await waitUntilCaughtUp();
      const flow = running?.flows?.incident;
      if (flow === undefined) return E.left(incidentFlowNotRunning);
      const open = openCasesLinkedTo(flow.rows(), incidentId);
      const recorded = await recordIncidentEnd(store, deciders, flow.rows(), incidentId, at);
      if (E.isLeft(recorded)) return recorded;
      await waitUntilCaughtUp();
      const stillOpen = openCasesLinkedTo(flow.rows(), incidentId);
      const resolved = open.filter((caseId) => !stillOpen.includes(caseId));
      return E.right({ incidentId, resolved, stillOpen });
    },
    expireDue: async (now) => {
      await waitUntilCaughtUp();
      const pending = view(pendingInvitations)();
      if (E.isLeft(pending)) return pending;
      const outcomes = await expireDue(store, deciders, pending.right, now)();
      await waitUntilCaughtUp();
      return E.right(outcomes);
    },
  };
};
