import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { createDossier, type Dossier, type DossierStartError, type ViewUnavailable } from '@dossier/app';
import {
  createInMemoryProjectionStore,
  fold,
  toDomainEvent,
  type EventStore,
  type Handled,
  type ProjectionStore,
} from '@dossier/core';
import type { CaseId, IncidentId, Instant, SupportCaseEvent, SupportCaseState } from '@dossier/domain';
import type {
  OpenTicketQueueQueries,
  PendingInvitationsQueries,
  PermissionMatrixQueries,
} from '@dossier/projections';
import { supportDeskPolicy, type DemoCommand } from './demoCommand.js';
import { isFailure, type Outcome, type Refusal } from './outcome.js';

/** The demo's view of Dossier's runtime: commands in, read models out, the invitation flow and expiry in between. */
export interface DemoRuntime {
  /** Handles one command under a caller-made id, then waits for the flow and the views; an id seen before is not applied again. */
  readonly execute: (request: DemoCommand, commandId: string) => Promise<Outcome>;
  /** The expiry scheduler: expires every pending invitation whose 14 days have run out at `now` (IN-2). */
  readonly expireDue: (now: Instant) => Promise<ReadonlyArray<Outcome>>;
  /**
   * The status page's report that an incident ended: Dossier's incident flow resolves every linked open case (SC-11).
   * Answers the cases resolved, once the flow has caught up, or why the report failed.
   */
  readonly resolveIncident: (
    incidentId: IncidentId,
    at: Instant,
  ) => Promise<E.Either<Outcome, ReadonlyArray<CaseId>>>;
  readonly waitUntilCaughtUp: () => Promise<void>;
  readonly openTicketQueue: () => E.Either<ViewUnavailable, OpenTicketQueueQueries>;
  readonly permissionMatrix: () => E.Either<ViewUnavailable, PermissionMatrixQueries>;
  readonly pendingInvitations: () => E.Either<ViewUnavailable, PendingInvitationsQueries>;
  /** A support case's state, folded from its stream. */
  readonly caseState: (stream: string) => Promise<SupportCaseState>;
  /** How many commands the invitation flow had refused by the domain. */
  readonly flowRefusals: () => Promise<number>;
  readonly stop: () => Promise<void>;
}

type Executed = TaskEither<Refusal, Handled<unknown>>;

// #region send
// One call for every aggregate: `execute` decodes the aggregate name, the stream and the command with the
// aggregate's codec before anything else, so a request from outside is answered `DecodeFailed`, never thrown on.
const send = (dossier: Dossier, request: DemoCommand, commandId: string): Executed =>
  dossier.execute(request.aggregate, request.stream, request.command, { commandId });
// #endregion send

// Whatever the caller sent: a value that is no object still reaches `execute`, which names what is wrong with it.
const asRequest = (request: unknown): DemoCommand =>
  (typeof request === 'object' && request !== null ? request : { aggregate: undefined }) as DemoCommand;

const toOutcome = (result: E.Either<Refusal, Handled<unknown>>): Outcome => {
  if (E.isLeft(result)) {
    const error = result.left;
    return isFailure(error) ? { kind: 'failed', error } : { kind: 'refused', refusal: error };
  }
  const events = result.right.events.map((event) => event.type);
  return result.right.repeated ? { kind: 'repeated', events } : { kind: 'accepted', events };
};

/**
 * Starts Dossier over a store (`createDossier` from `@dossier/app`): the four read models, kept in memory and folded
 * from the log at start unless a projection store is given (then they and the flows resume from its checkpoints), and the invitation flow as a process manager that dispatches with ids derived from each
 * event, so seeing an event again never acts twice (IN-4).
 */
export const startRuntime = async (
  store: EventStore,
  projectionStore: ProjectionStore = createInMemoryProjectionStore(),
): Promise<E.Either<DossierStartError, DemoRuntime>> => {
  // #region createDossier
  const dossier = createDossier({ store, projectionStore, supportPolicy: supportDeskPolicy });
  const started = await dossier.start();
  if (E.isLeft(started)) return started;
  // #endregion createDossier
  return E.right({
    execute: async (request, commandId) => {
      const outcome = toOutcome(await send(dossier, asRequest(request), commandId)());
      await dossier.waitUntilCaughtUp();
      return outcome;
    },
    expireDue: async (now) => {
      const expired = await dossier.expireDue(now);
      if (E.isLeft(expired))
        return [{ kind: 'failed', error: { _tag: 'StoreUnavailable', cause: expired.left._tag } }];
      return expired.right.map((outcome): Outcome => {
        switch (outcome.kind) {
          case 'expired':
            return { kind: 'accepted', events: ['InvitationExpired'] };
          case 'unchanged':
            return { kind: 'repeated', events: [] };
          case 'failed':
            return toOutcome(E.left(outcome.error));
        }
      });
    },
    resolveIncident: async (incidentId, at) => {
      const reported = await dossier.resolveIncident(incidentId, at);
      if (E.isRight(reported)) return E.right(reported.right.resolved);
      const error = reported.left;
      return E.left({
        kind: 'failed',
        error:
          error._tag === 'IncidentFlowNotRunning' ? { _tag: 'StoreUnavailable', cause: error._tag } : error,
      });
    },
    waitUntilCaughtUp: dossier.waitUntilCaughtUp,
    openTicketQueue: dossier.openTicketQueue,
    permissionMatrix: dossier.permissionMatrix,
    pendingInvitations: dossier.pendingInvitations,
    caseState: async (stream) => {
      const events = await store.readStream(stream)();
      const decider = dossier.deciders.supportCase;
      return E.isRight(events)
        ? fold(
            decider,
            events.right.map((event) => toDomainEvent<SupportCaseEvent>(event)),
          )
        : decider.initialState;
    },
    flowRefusals: async () => (await dossier.status()).invitationFlow?.refusalCount ?? 0,
    stop: dossier.stop,
  });
};
