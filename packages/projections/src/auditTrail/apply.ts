import { put, type Recorded, type RowChange, type Rows } from '@dossier/core';
import { commandTypeOf, decidedAt, describeEvent, type AuditedEvent } from './audited.js';
import { streamsGroup, trailGroup, trailKey, type AuditEntry, type StreamRow } from './state.js';

/**
 * Events of one decision share a command id; the batch's first event names the command, and the others take it
 * from there (an out-of-scope opening resolves in the same batch, SC-4). Without a command id each event
 * stands alone, except those that only ever follow another (SurveySent).
 */
const commandType = (event: Recorded<AuditedEvent>, previous: StreamRow | undefined): string | null => {
  const { commandId } = event.metadata;
  if (previous !== undefined && commandId !== null && previous.commandId === commandId)
    return previous.commandType;
  return commandTypeOf(event) ?? previous?.commandType ?? null;
};

const entryFor = (event: Recorded<AuditedEvent>, previous: StreamRow | undefined): AuditEntry => ({
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

/**
 * Appends the event to its stream's trail as one new row, and moves the stream's row on; an event already recorded
 * (same or lower revision) changes nothing. Only the stream's row is read: the trail's size does not matter.
 */
export const applyToAuditTrail = (rows: Rows, event: Recorded<AuditedEvent>): ReadonlyArray<RowChange> => {
  const previous = rows.get(streamsGroup, event.stream) as StreamRow | undefined;
  if (previous !== undefined && BigInt(previous.revision) >= event.revision) return [];
  const entry = entryFor(event, previous);
  const stream: StreamRow = {
    stream: event.stream,
    firstPosition: previous?.firstPosition ?? entry.position,
    revision: entry.revision,
    commandId: entry.commandId,
    commandType: entry.commandType,
  };
  return [
    put(trailGroup(event.stream), trailKey(event.revision), entry),
    put(streamsGroup, event.stream, stream),
  ];
};
