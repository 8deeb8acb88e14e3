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
  const fieldsOf = (
    text: fc.Arbitrary<string>,
    nullable: (t: fc.Arbitrary<string>) => fc.Arbitrary<string | null>,
  ) =>
    fc.record<HashedFields>({
      stream: text,
      revision: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
      type: text,
      data: fc.jsonValue(),
      eventId: text,
      commandId: nullable(text),
      commandHash: nullable(text),
      correlationId: text,
      causationId: nullable(text),
      actor: nullable(text),
      recordedAt: text,
      schemaVersion: fc.integer({ min: 1 }),
    });
  const fields = fieldsOf(fc.string({ unit: 'binary' }), (text) => fc.option(text));
  // What a handler appends: every text present, most with nothing to escape (the quick path), some with.
  const handlerFields = fieldsOf(
    fc.oneof(
      { weight: 9, arbitrary: fc.string({ unit: fc.constantFrom(...'abcxyz019-:.TZ é') }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
    ),
    (text) => text,
  );

  it('writes exactly what canonicalJson writes for the fields an event hash covers, escapes and nulls included', () => {
    fc.assert(
      fc.property(fields, (f) => {
        expect(hashedFieldsJson(f)).toBe(canonicalJson(f));
        expect(hashedFieldsJson(f)).toBe(reference(f));
      }),
    );
  });

  it('writes the same when every text is present, with or without anything to escape', () => {
    fc.assert(
      fc.property(handlerFields, (f) => {
        expect(hashedFieldsJson(f)).toBe(reference(f));
      }),
    );
  });
});
