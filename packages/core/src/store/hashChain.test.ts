import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, hashedFieldsJson, type HashedFields } from './hashChain.js';

// The encoding every hash in every store covers: what it was before it was made fast, kept here as the judge.
const reference = (value: unknown): string => {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
};

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined fields and writes bigints as strings', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 3n }], é: 'x', Z: null })).toBe(
      '{"Z":null,"a":[2,{"c":"3"}],"b":1,"é":"x"}',
    );
  });

  it('encodes any JSON-like value exactly as the reference encoding does, so existing hashes still verify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.bigInt(), (value, big) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson({ value, big })).toBe(reference({ value, big }));
      }),
    );
  });
});

describe('hashedFieldsJson', () => {
  const text = fc.string({ unit: 'binary' });
  const fields: fc.Arbitrary<HashedFields> = fc.record({
    stream: text,
    revision: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
    type: text,
    data: fc.jsonValue(),
    eventId: text,
    commandId: fc.option(text),
    commandHash: fc.option(text),
    correlationId: text,
    causationId: fc.option(text),
    actor: fc.option(text),
    recordedAt: text,
    schemaVersion: fc.integer({ min: 1 }),
  });

  it('writes exactly what canonicalJson writes for the fields an event hash covers, escapes and nulls included', () => {
    fc.assert(
      fc.property(fields, (f) => {
        expect(hashedFieldsJson(f)).toBe(canonicalJson(f));
        expect(hashedFieldsJson(f)).toBe(reference(f));
      }),
    );
  });
});
