import { createHash } from 'node:crypto';
import type { StreamName } from './types.js';

/** The fields of an event that its hash covers: everything but its global position and the hash itself. */
export interface HashedFields {
  readonly stream: StreamName;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly eventId: string;
  readonly commandId: string | null;
  readonly commandHash: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: string | null;
  readonly recordedAt: string;
  readonly schemaVersion: number;
}

/** The hash that stands before a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so that equal values always encode to the same bytes
 * whichever store or runtime wrote them.
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

/** SHA-256 (hex) of the previous hash and this event's canonical encoding. */
export const chainHash = (previousHash: string, fields: HashedFields): string =>
  createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
