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
} from '@dossier/core';
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
import { runInvitationFlow } from './invitationProcess.js';
import { dossierProjections } from './projections.js';

const notStarted: DossierNotStarted = { _tag: 'DossierNotStarted' };

interface Running {
  readonly projections: ProjectionRunner;
  /** Signs checkpoints of the log as it grows, when the operator asked for them. */
  readonly checkpointWriter: CheckpointWriter | null;
  readonly flow: ProcessManagerRunner<FlowDispatchError> | null;
}

/**
 * Assembles Dossier over an event store: `execute` works at once; `start()` runs the four read models and the
 * invitation flow until `stop()`. A script writes, calls `waitUntilCaughtUp()`, then reads the views:
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
    if (options.invitationFlow === false) {
      running = { projections: projections.right, flow: null, checkpointWriter };
      return E.right(undefined);
    }
    const flow = await runInvitationFlow({
      store,
      checkpoints: states,
      deciders,
      bus,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    })();
    if (E.isLeft(flow)) {
      await projections.right.stop();
      await checkpointWriter?.stop();
      return flow;
    }
    running = { projections: projections.right, flow: flow.right, checkpointWriter };
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
    await waitUntilQuiet(store, running.flow === null ? [] : [running.flow], running.projections);
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
      // The flow first: what it dispatches last still reaches the read models before they stop.
      await stopping.flow?.stop();
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
      invitationFlow: running?.flow?.status() ?? null,
    }),
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
