import type { RowChange, Rows } from '@dossier/core';
import type { Actor, Email, UserId } from '../shared/ids.js';
import type { ResolveLinkedIncident } from '../supportCase/commands.js';
import type { CaseResolved, IncidentLinked } from '../supportCase/events.js';
import { CaseIdCodec, supportCaseStream, type CaseId, type IncidentId } from '../supportCase/ids.js';

/** The actor SC-11's resolutions are recorded as: the system, not a person. */
export const incidentFlowActor: Actor = {
  id: 'system:incident-flow' as UserId,
  email: 'incident-flow@system.dossier.invalid' as Email,
};

/** The event types the incident flow reacts to; a runtime may subscribe to these only. */
export const incidentFlowReactsTo = ['IncidentLinked', 'CaseResolved'] as const;

/** An event the incident flow is shown, as recorded: the case's stream and the event. */
export interface IncidentFlowInput {
  readonly stream: string;
  readonly event: IncidentLinked | CaseResolved;
}

/** A resolution the incident flow asks the runtime to dispatch, under its deterministic id. */
export interface IncidentFlowDispatch {
  readonly aggregate: 'supportCase';
  readonly stream: ReturnType<typeof supportCaseStream>;
  readonly command: ResolveLinkedIncident;
  readonly commandId: string;
}

/**
 * The command id of the resolution of `caseId` by the end of `incidentId`: derived from both and nothing else, so
 * the flow, a redelivery after a crash, and a status-page report delivered twice all name the same command, and
 * command handling applies it once.
 */
export const incidentResolutionCommandId = (incidentId: IncidentId, caseId: CaseId): string =>
  `incidentFlow:${incidentId}:${caseId}`;

// The flow's rows: the open cases linked to an incident (one group per incident, keyed by case), the incidents each
// open case is linked to (so that its resolution removes it everywhere), and the incidents known to have ended.
const linkedGroup = (incidentId: IncidentId): string => `linked:${incidentId}`;
const casesGroup = 'cases';
const endedGroup = 'ended';

interface LinkedRow {
  readonly caseId: CaseId;
}
interface CaseRow {
  readonly incidents: ReadonlyArray<IncidentId>;
}

const prefix = 'supportCase-';
const caseIdOf = (stream: string): CaseId | undefined => {
  const id = stream.startsWith(prefix) ? stream.slice(prefix.length) : undefined;
  return CaseIdCodec.is(id) ? id : undefined;
};

const put = (group: string, key: string, row: unknown): RowChange => ({ group, key, row });
const remove = (group: string, key: string): RowChange => ({ group, key, row: null });

/** The open cases linked to `incidentId`, as the flow's rows hold them, in case-id order. */
export const openCasesLinkedTo = (rows: Rows, incidentId: IncidentId): ReadonlyArray<CaseId> =>
  (rows.list(linkedGroup(incidentId)) as ReadonlyArray<LinkedRow>).map((row) => row.caseId);

/**
 * SC-11: the first case resolved with `outage-resolved` for an incident records that the incident ended (only its
 * end resolves a case so: an agent has no such outcome); every other case linked to it and still open is then
 * resolved with `outage-resolved` too, as {@link incidentFlowActor}, at the instant of that first resolution. Later
 * resolutions of the same incident (the flow's own) ask for nothing more. A case linked after the incident ended is
 * left to its agent: it was not open on the incident when it ended.
 */
export const incidentFlow = (input: IncidentFlowInput, rows: Rows): ReadonlyArray<IncidentFlowDispatch> => {
  if (input.event.type !== 'CaseResolved') return [];
  const { outcome, at } = input.event.data;
  if (outcome.kind !== 'outage-resolved' || rows.get(endedGroup, outcome.incidentId) !== undefined) return [];
  const { incidentId } = outcome;
  const first = caseIdOf(input.stream);
  return openCasesLinkedTo(rows, incidentId)
    .filter((caseId) => caseId !== first)
    .map((caseId) => ({
      aggregate: 'supportCase',
      stream: supportCaseStream(caseId),
      command: { type: 'ResolveLinkedIncident', at, actor: incidentFlowActor, data: { incidentId } },
      commandId: incidentResolutionCommandId(incidentId, caseId),
    }));
};

/**
 * The changes one event makes to the flow's rows: a link adds the case under its incident; a resolution (of any
 * outcome) takes the case off every incident it was linked to, and an `outage-resolved` one marks its incident ended.
 * Each event touches the rows of one case and its incidents, never more.
 */
export const incidentFlowChanges = (rows: Rows, input: IncidentFlowInput): ReadonlyArray<RowChange> => {
  const caseId = caseIdOf(input.stream);
  if (caseId === undefined) return [];
  const linked = (rows.get(casesGroup, caseId) as CaseRow | undefined)?.incidents ?? [];
  const { event } = input;
  if (event.type === 'IncidentLinked') {
    const { incidentId } = event.data;
    if (linked.includes(incidentId)) return [];
    return [
      put(linkedGroup(incidentId), caseId, { caseId } satisfies LinkedRow),
      put(casesGroup, caseId, { incidents: [...linked, incidentId] } satisfies CaseRow),
    ];
  }
  const changes = linked.map((incidentId) => remove(linkedGroup(incidentId), caseId));
  if (linked.length > 0) changes.push(remove(casesGroup, caseId));
  const { outcome, at } = event.data;
  if (outcome.kind === 'outage-resolved' && rows.get(endedGroup, outcome.incidentId) === undefined)
    changes.push(put(endedGroup, outcome.incidentId, { at, firstCase: caseId }));
  return changes;
};
