import { hash } from 'node:crypto';
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
const quotedKey = (key: string): string => {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 4096) quotedKeys.set(key, text);
  }
  return text;
};

// Only quotes, backslashes, control characters and lone surrogates need JSON.stringify's escaping; most strings
// (ids, names, ISO instants) have none, and quoting them by hand skips a call into the runtime.
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;
const quoted = (text: string): string => (needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`);

// Keys are compared as UTF-16 code units, as `<` on strings and the default sort do. Small records (commands,
// event data) are sorted in place by insertion, which allocates nothing; Array#sort allocates a work area.
const sortedKeys = (record: object): string[] => {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
};

/**
 * JSON with object keys sorted at every depth, so that equal values always encode to the same bytes
 * whichever store or runtime wrote them. Built by concatenation, without intermediate arrays: it runs for
 * every command and every event written.
 */
export const canonicalJson = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const key of sortedKeys(record)) {
        const field = record[key];
        if (field === undefined) continue;
        out += (out.length === 1 ? '' : ',') + quotedKey(key) + canonicalJson(field);
      }
      return `${out}}`;
    }
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'function':
    case 'symbol':
      return JSON.stringify(value) ?? 'null';
  }
};

// A text present (not null) that JSON writes as it is between quotes.
const plainText = (text: string | null): text is string => text !== null && !needsEscape.test(text);

const nullable = (text: string | null): string => (text === null ? 'null' : canonicalJson(text));

/**
 * `canonicalJson(fields)` for exactly the fields an event's hash covers, written in their sorted order without
 * looking the keys up: what every append computes for every event. Equal to the general form (a test holds it).
 */
export const hashedFieldsJson = (f: HashedFields): string =>
  plainText(f.actor) &&
  plainText(f.causationId) &&
  plainText(f.commandHash) &&
  plainText(f.commandId) &&
  plainText(f.correlationId) &&
  plainText(f.eventId) &&
  plainText(f.recordedAt) &&
  plainText(f.stream) &&
  plainText(f.type)
    ? // What a command's handler appends: every text present and free of what JSON escapes, quoted in place
      // (fewer pieces to join, and nothing to look at twice).
      `{"actor":"${f.actor}","causationId":"${f.causationId}","commandHash":"${f.commandHash}",` +
      `"commandId":"${f.commandId}","correlationId":"${f.correlationId}","data":${canonicalJson(f.data)},` +
      `"eventId":"${f.eventId}","recordedAt":"${f.recordedAt}","revision":"${f.revision.toString()}",` +
      `"schemaVersion":${canonicalJson(f.schemaVersion)},"stream":"${f.stream}","type":"${f.type}"}`
    : `{"actor":${nullable(f.actor)},"causationId":${nullable(f.causationId)},"commandHash":${nullable(f.commandHash)},` +
      `"commandId":${nullable(f.commandId)},"correlationId":${canonicalJson(f.correlationId)},` +
      `"data":${canonicalJson(f.data)},"eventId":${canonicalJson(f.eventId)},"recordedAt":${canonicalJson(f.recordedAt)},` +
      `"revision":"${f.revision.toString()}","schemaVersion":${canonicalJson(f.schemaVersion)},` +
      `"stream":${canonicalJson(f.stream)},"type":${canonicalJson(f.type)}}`;

/** SHA-256 (hex) of a text, in one call (no hash object to build). */
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** SHA-256 (hex) of the previous hash and this event's canonical encoding. */
export const chainHash = (previousHash: string, fields: HashedFields): string =>
  sha256Hex(`${previousHash}\n${canonicalJson(fields)}`);

/** {@link chainHash} of an event whose fields are exactly the hashed ones, as an append builds them. */
export const chainHashOfFields = (previousHash: string, fields: HashedFields): string =>
  sha256Hex(`${previousHash}\n${hashedFieldsJson(fields)}`);
