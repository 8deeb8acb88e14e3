import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedMetadata } from '@dossier/core';
import { fromEsdbMetadata, toEsdbMetadata, toEsdbProperties } from '../src/metadata.js';

const hexArb = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

const metadataArb: fc.Arbitrary<RecordedMetadata> = fc.record({
  eventId: fc.uuid(),
  commandId: fc.option(fc.uuid(), { nil: null }),
  commandHash: fc.option(hexArb, { nil: null }),
  correlationId: fc.uuid(),
  causationId: fc.option(fc.uuid(), { nil: null }),
  actor: fc.option(fc.string(), { nil: null }),
  recordedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  schemaVersion: fc.integer({ min: 1, max: 20 }),
  hash: hexArb,
});

const sample: RecordedMetadata = {
  eventId: '6f0a1c1e-8c51-4c57-9a8a-0d3c6c1f2b11',
  commandId: 'c-1',
  commandHash: 'ab'.repeat(32),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: 'user-7',
  recordedAt: '2024-03-01T10:00:00.000Z',
  schemaVersion: 2,
  hash: 'cd'.repeat(32),
};

describe('EventStoreDB metadata', () => {
  it('puts correlation and causation under EventStoreDB’s conventional keys', () => {
    const json = toEsdbMetadata(sample);
    expect(json['$correlationId']).toBe('corr-1');
    expect(json['$causationId']).toBe('cause-1');
    expect(json).not.toHaveProperty('correlationId');
    expect(json).not.toHaveProperty('causationId');
  });

  it('does not repeat the event id: it is the EventStoreDB event’s own id', () => {
    expect(toEsdbMetadata(sample)).not.toHaveProperty('eventId');
    expect(fromEsdbMetadata('the-id', toEsdbMetadata(sample))).toMatchObject({ eventId: 'the-id' });
  });

  it('leaves $causationId out when there is no cause, and reads its absence back as null', () => {
    const json = toEsdbMetadata({ ...sample, causationId: null });
    expect(json).not.toHaveProperty('$causationId');
    expect(fromEsdbMetadata(sample.eventId, json)).toMatchObject({ causationId: null });
  });

  it('survives the trip through JSON and back unchanged', () => {
    fc.assert(
      fc.property(metadataArb, (metadata) => {
        const stored: unknown = JSON.parse(JSON.stringify(toEsdbMetadata(metadata)));
        expect(fromEsdbMetadata(metadata.eventId, stored)).toEqual(metadata);
      }),
    );
  });

  it('hands metadata that is not a JSON object on as it is, for the decoder to refuse', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(fromEsdbMetadata('id', bytes)).toBe(bytes);
    expect(fromEsdbMetadata('id', undefined)).toBeUndefined();
    expect(fromEsdbMetadata('id', 'text')).toBe('text');
    expect(fromEsdbMetadata('id', [1])).toEqual([1]);
  });

  it('writes the v2 properties as strings only, nulls left out, and reads them back as the same metadata', () => {
    fc.assert(
      fc.property(metadataArb, (metadata) => {
        const properties = toEsdbProperties(metadata);
        expect(Object.values(properties).every((value) => typeof value === 'string')).toBe(true);
        // A v1 read of an event written with properties sees them as one JSON object.
        const stored: unknown = JSON.parse(JSON.stringify(properties));
        expect(fromEsdbMetadata(metadata.eventId, stored)).toEqual(metadata);
      }),
    );
  });

  it('keeps the JSON form strict: a missing commandId there is not read as null', () => {
    const { commandId: _dropped, ...json } = toEsdbMetadata(sample);
    expect(fromEsdbMetadata(sample.eventId, json)).toMatchObject({ commandId: undefined });
  });

  it('leaves a property-form schema version that is not a plain positive integer as it is, for the decoder to refuse', () => {
    const properties = { ...toEsdbProperties(sample), schemaVersion: '2.5' };
    expect(fromEsdbMetadata(sample.eventId, properties)).toMatchObject({ schemaVersion: '2.5' });
  });
});
