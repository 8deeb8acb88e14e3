import type { Recorded } from '@dossier/core';
import { commandTypeOf, decidedAt, describeEvent, type AuditedEvent } from './audited.js';
import type { AuditEntry, AuditTrailState } from './state.js';

/**
 * Events of one decision share a command id; the batch's first event names the command, and the others take it
 * from there (an out-of-scope opening resolves in the same batch, SC-4). Without a command id each event
 * stands alone, except those that only ever follow another (SurveySent).
 */
const commandType = (event: Recorded<AuditedEvent>, previous: AuditEntry | undefined): string | null => {
  const { commandId } = event.metadata;
  if (previous !== undefined && commandId !== null && previous.commandId === commandId)
    return previous.commandType;
  return commandTypeOf(event) ?? previous?.commandType ?? null;
};

const entryFor = (event: Recorded<AuditedEvent>, previous: AuditEntry | undefined): AuditEntry => ({
  stream: event.stream,
  revision: event.revision.toString(),
  position: event.position.toString(),
  eventId: event.metadata.eventId,
  type: event.type,
  actor: event.metadata.actor,
  by: 'by' in event.data ? event.data.by : null,
  at: decidedAt(event),
  recordedAt: event.metadata.recordedAt,
  commandId: event.metadata.commandId,
  commandType: commandType(event, previous),
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  description: describeEvent(event),
  hash: event.metadata.hash,
});

/** Appends the event to its stream's trail; an event already recorded (same or lower revision) changes nothing. */
export const applyToAuditTrail = (state: AuditTrailState, event: Recorded<AuditedEvent>): AuditTrailState => {
  const entries = state.streams[event.stream] ?? [];
  const previous = entries[entries.length - 1];
  if (previous !== undefined && BigInt(previous.revision) >= event.revision) return state;
  return { streams: { ...state.streams, [event.stream]: [...entries, entryFor(event, previous)] } };
};
