import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { anyJsonSchema, decodeRecorded, eventSchema, type RawRecordedEvent } from '@dossier/core';

const metadata = {
  eventId: 'e1',
  commandId: null,
  commandHash: null,
  correlationId: 'e1',
  causationId: null,
  actor: 'u1',
  recordedAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
  hash: 'f'.repeat(64),
};

const raw = (overrides: Partial<RawRecordedEvent> = {}): RawRecordedEvent => ({
  stream: 'account-1',
  revision: 4n,
  position: 40n,
  type: 'AmountSet',
  data: { amount: 5 },
  metadata,
  ...overrides,
});

const AmountSetV2 = t.strict({
  type: t.literal('AmountSet'),
  data: t.strict({ amount: t.number, currency: t.string }),
});
const schema = eventSchema({
  AmountSet: {
    codec: AmountSetV2,
    version: 2,
    upcasters: [{ from: 1, up: (d) => ({ ...(d as object), currency: 'EUR' }) }],
  },
});

const where = { _tag: 'UndecodableEvent', stream: 'account-1', revision: 4n, position: 40n };

describe('decodeRecorded', () => {
  it('upcasts and decodes the data, keeping exactly the recorded metadata fields', () => {
    const decoded = decodeRecorded(schema, raw({ metadata: { ...metadata, extra: 'dropped' } }));
    expect(decoded).toEqual(
      E.right({
        stream: 'account-1',
        revision: 4n,
        position: 40n,
        type: 'AmountSet',
        data: { amount: 5, currency: 'EUR' },
        metadata,
      }),
    );
  });

  it('reports malformed metadata with where the event is and which field is wrong', () => {
    const decoded = decodeRecorded(anyJsonSchema, raw({ metadata: { ...metadata, eventId: 42 } }));
    expect(decoded).toEqual(
      E.left({ ...where, type: 'AmountSet', reason: expect.stringContaining('eventId') as unknown }),
    );
  });

  it('reports metadata that is not an object', () => {
    expect(decodeRecorded(anyJsonSchema, raw({ metadata: 'nope' }))).toMatchObject(
      E.left({ ...where, reason: expect.stringContaining('metadata') as unknown }),
    );
  });

  it('reports a schema version that is not a positive integer', () => {
    expect(decodeRecorded(anyJsonSchema, raw({ metadata: { ...metadata, schemaVersion: 0 } }))).toMatchObject(
      E.left(where),
    );
  });

  it('reports an unknown event type', () => {
    expect(decodeRecorded(schema, raw({ type: 'Mystery' }))).toMatchObject(
      E.left({ ...where, type: 'Mystery', reason: expect.stringContaining('unknown event type') as unknown }),
    );
  });

  it('reports data failing its codec after upcasting', () => {
    expect(decodeRecorded(schema, raw({ data: { amount: 'five' } }))).toMatchObject(
      E.left({ ...where, reason: expect.stringContaining('amount') as unknown }),
    );
  });

  it('reports an upcaster that throws instead of throwing', () => {
    const throwing = eventSchema({
      AmountSet: {
        codec: AmountSetV2,
        version: 2,
        upcasters: [
          {
            from: 1,
            up: () => {
              throw new Error('boom');
            },
          },
        ],
      },
    });
    expect(decodeRecorded(throwing, raw())).toMatchObject(
      E.left({ ...where, reason: expect.stringContaining('boom') as unknown }),
    );
  });
});
