import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  runProcessManager,
  type EventShape,
  type EventStore,
  type ProcessManager,
  type ProcessManagerRunner,
  type ProjectionStore,
  type ReadModelBus,
  type StoreUnavailable,
} from '@dossier/core';
import type { DossierDeciders } from './aggregates.js';
import { dispatchFlow, type FlowDispatch, type FlowDispatchError } from './dispatchFlow.js';

/** How to run one of Dossier's flows. */
export interface FlowOptions {
  readonly store: EventStore;
  /** Where its checkpoint (and rows, if it keeps any) live: with the projections' state, so a restart resumes. */
  readonly checkpoints: ProjectionStore;
  readonly deciders: DossierDeciders;
  readonly bus?: ReadModelBus;
  /** The pause before retrying a dispatch after a store failure; core's default unless told. */
  readonly retry?: { readonly initialMs?: number; readonly maxMs?: number };
}

/** Runs a flow on core's process-manager runner, dispatching its commands through {@link dispatchFlow}. */
export const runFlow = <Ev extends EventShape, D extends FlowDispatch>(
  manager: ProcessManager<Ev, D>,
  options: FlowOptions,
  commandIdFor?: (eventId: string, index: number) => string,
): TE.TaskEither<StoreUnavailable, ProcessManagerRunner<FlowDispatchError>> =>
  runProcessManager({
    store: options.store,
    checkpoints: options.checkpoints,
    manager,
    dispatch: dispatchFlow(options.store, options.deciders),
    ...(commandIdFor === undefined ? {} : { commandIdFor }),
    ...(options.bus === undefined ? {} : { bus: options.bus }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
