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

// Object keys recur (every event has the same metadata names): their JSON form is kept, up to a bound.
const quotedKeys = new Map<string, string>();
const quoted = (key: string): string => {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 4096) quotedKeys.set(key, text);
  }
  return text;
};

/**
 * JSON with object keys sorted at every depth, so that equal values always encode to the same bytes
 * whichever store or runtime wrote them. Built by concatenation, without intermediate arrays: it runs for
 * every command and every event written.
 */
export const canonicalJson = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `"${value.toString()}"`;
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` on strings does.
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${quoted(key)}:${canonicalJson(field)}`;
  }
  return `${out}}`;
};

/** SHA-256 (hex) of the previous hash and this event's canonical encoding. */
export const chainHash = (previousHash: string, fields: HashedFields): string =>
  createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
