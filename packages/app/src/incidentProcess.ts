import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { ProcessManager, ProcessManagerRunner, StoreUnavailable } from '@dossier/core';
import {
  incidentFlow,
  incidentFlowChanges,
  incidentFlowReactsTo,
  type CaseResolved,
  type IncidentFlowDispatch,
  type IncidentLinked,
} from '@dossier/domain';
import type { FlowDispatchError } from './dispatchFlow.js';
import { runFlow, type FlowOptions } from './runFlow.js';

/** The name the incident flow's checkpoint and rows are kept under. */
export const incidentFlowName = 'incidentFlow';

type IncidentFlowEvent = IncidentLinked | CaseResolved;

/**
 * The domain's incident flow (SC-11) as a process manager with keyed rows: `IncidentLinked` puts the case under its
 * incident, a resolution takes it off, and the first `outage-resolved` resolution of an incident resolves every other
 * case still linked to it, each under `incidentResolutionCommandId(incident, case)`.
 */
export const incidentProcessManager: ProcessManager<IncidentFlowEvent, IncidentFlowDispatch> = {
  name: incidentFlowName,
  eventTypes: incidentFlowReactsTo,
  react: (recorded, rows) =>
    incidentFlow(
      { stream: recorded.stream, event: { type: recorded.type, data: recorded.data } as IncidentFlowEvent },
      rows,
    ),
  evolve: (rows, recorded) =>
    incidentFlowChanges(rows, {
      stream: recorded.stream,
      event: { type: recorded.type, data: recorded.data } as IncidentFlowEvent,
    }),
};

/** How to run the incident flow: as the invitation flow. */
export type IncidentFlowOptions = FlowOptions;

/**
 * Runs the incident flow on core's process-manager runner. Its resolutions carry ids derived from incident and case,
 * so an event delivered again after a crash, or a second report of the same incident, resolves no case twice; a case
 * an agent resolved in between refuses the resolution, which is recorded in the runner's status, and the flow moves on.
 */
export const runIncidentFlow = (
  options: IncidentFlowOptions,
): TE.TaskEither<StoreUnavailable, ProcessManagerRunner<FlowDispatchError>> =>
  runFlow(incidentProcessManager, options);
