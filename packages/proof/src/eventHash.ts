import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth: the encoding Dossier hashes events in, restated here so that
 * an auditor can check an event with nothing but this package. A test in the cli package holds it to core's.
 */
export const canonicalJson = (value: unknown): string => {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/** An event as a proof carries it: what its hash covers, revision and position as decimal strings. */
export interface ProvenEvent {
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: {
    readonly eventId: string;
    readonly commandId: string | null;
    readonly commandHash: string | null;
    readonly correlationId: string;
    readonly causationId: string | null;
    readonly actor: string | null;
    readonly recordedAt: string;
    readonly schemaVersion: number;
    /** The event's chain hash: SHA-256 of the previous hash, a newline and the canonical fields. */
    readonly hash: string;
  };
}

/** The event's chain hash recomputed from its fields and the hash before it in its stream. */
export const eventHash = (event: ProvenEvent, previousHash: string): string => {
  const m = event.metadata;
  const fields = {
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    data: event.data,
    eventId: m.eventId,
    commandId: m.commandId,
    commandHash: m.commandHash,
    correlationId: m.correlationId,
    causationId: m.causationId,
    actor: m.actor,
    recordedAt: m.recordedAt,
    schemaVersion: m.schemaVersion,
  };
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
};
