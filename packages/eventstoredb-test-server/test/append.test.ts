// Appends through the real client, on each of its append paths: BatchAppend (when the
// server advertises it, as real servers do), Append (when it does not), and Append
// again when the server has no ServerFeatures service at all (a 20.x server).
import { randomUUID } from 'node:crypto';
import {
  binaryEvent,
  DeadlineExceededError,
  jsonEvent,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient } from './harness.js';

const BATCH_APPEND = '/event_store.client.streams.Streams/BatchAppend';
const APPEND = '/event_store.client.streams.Streams/Append';

const paths = [
  {
    name: 'BatchAppend, advertised',
    options: { advertiseBatchAppend: true },
    used: BATCH_APPEND,
    unused: APPEND,
  },
  {
    name: 'Append, BatchAppend not advertised',
    options: { advertiseBatchAppend: false },
    used: APPEND,
    unused: BATCH_APPEND,
  },
  {
    name: 'Append, no ServerFeatures service',
    options: { serverFeatures: false },
    used: APPEND,
    unused: BATCH_APPEND,
  },
] as const;

const event = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ type, data });

async function seed(client: EventStoreDBClient, stream: string, count: number): Promise<void> {
  await client.appendToStream(
    stream,
    Array.from({ length: count }, (_, i) => event(`E${i}`, { i })),
    { expectedRevision: 'no_stream' },
  );
}

describe.each(paths)('appendToStream via $name', ({ options, used, unused }) => {
  test('appends JSON and binary events, with their metadata, and reads them back', async () => {
    const { server, client } = await serverAndClient(options);
    const jsonId = randomUUID();
    const before = Date.now();

    const result = await client.appendToStream(
      'order-1',
      [
        jsonEvent({
          id: jsonId,
          type: 'OrderPlaced',
          data: { total: 42, lines: ['a'] },
          metadata: { by: 'alice' },
        }),
        binaryEvent({
          type: 'Attachment',
          data: Uint8Array.from([1, 2, 3]),
          metadata: Uint8Array.from([9, 8]),
        }),
      ],
      { expectedRevision: 'no_stream' },
    );

    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(1n);
    expect(result.position?.commit).toBeGreaterThan(0n);
    const [first, second] = (await collect(client.readStream('order-1'))).map((resolved) => resolved.event);
    expect(first).toMatchObject({
      streamId: 'order-1',
      id: jsonId,
      revision: 0n,
      type: 'OrderPlaced',
      isJson: true,
      data: { total: 42, lines: ['a'] },
      metadata: { by: 'alice' },
    });
    expect(first?.created.getTime()).toBeGreaterThanOrEqual(before);
    expect(first?.created.getTime()).toBeLessThanOrEqual(Date.now());
    expect(second).toMatchObject({ revision: 1n, type: 'Attachment', isJson: false });
    expect(Array.from(second?.data as Uint8Array)).toEqual([1, 2, 3]);
    // Binary custom metadata that is not JSON comes back as bytes.
    expect(Array.from(second?.metadata as Uint8Array)).toEqual([9, 8]);
    // One position per event, strictly increasing; the append reports the last one.
    expect(second?.position?.commit).toBeGreaterThan(first?.position?.commit ?? 0n);
    expect(second?.position).toEqual(result.position);

    expect(server.calls).toContain(used);
    expect(server.calls).not.toContain(unused);
  });

  test('any appends whether or not the stream exists', async () => {
    const { client } = await serverAndClient(options);
    expect(
      (await client.appendToStream('s', event('A'), { expectedRevision: 'any' })).nextExpectedRevision,
    ).toBe(0n);
    expect((await client.appendToStream('s', event('B'))).nextExpectedRevision).toBe(1n);
  });

  test('no_stream fails once the stream exists, and the error carries the actual revision', async () => {
    const { client } = await serverAndClient(options);
    await seed(client, 's', 2);

    const failure = client.appendToStream('s', event('C'), { expectedRevision: 'no_stream' });

    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({
      streamName: 's',
      expectedVersion: 'no_stream',
      actualVersion: 1n,
    });
  });

  test('stream_exists fails on a missing stream and succeeds on an existing one', async () => {
    const { client } = await serverAndClient(options);

    const failure = client.appendToStream('s', event('A'), { expectedRevision: 'stream_exists' });

    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({
      expectedVersion: 'stream_exists',
      actualVersion: 'no_stream',
    });
    await seed(client, 's', 1);
    expect(
      (await client.appendToStream('s', event('B'), { expectedRevision: 'stream_exists' }))
        .nextExpectedRevision,
    ).toBe(1n);
  });

  test('an exact revision must be the last revision', async () => {
    const { client } = await serverAndClient(options);
    await seed(client, 's', 1);

    expect(
      (await client.appendToStream('s', event('B'), { expectedRevision: 0n })).nextExpectedRevision,
    ).toBe(1n);
    await expect(client.appendToStream('s', event('C'), { expectedRevision: 0n })).rejects.toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: 0n,
      actualVersion: 1n,
    });
    await expect(client.appendToStream('s', event('C'), { expectedRevision: 7n })).rejects.toMatchObject({
      expectedVersion: 7n,
      actualVersion: 1n,
    });
    await expect(
      client.appendToStream('missing', event('C'), { expectedRevision: 0n }),
    ).rejects.toMatchObject({
      expectedVersion: 0n,
      actualVersion: 'no_stream',
    });
  });

  test('re-sending the same events at the same expected revision is idempotent', async () => {
    const { client } = await serverAndClient(options);
    const events = [event('A'), event('B')];

    const first = await client.appendToStream('s', events, { expectedRevision: 'no_stream' });
    const again = await client.appendToStream('s', events, { expectedRevision: 'no_stream' });
    const againWithAny = await client.appendToStream('s', events, { expectedRevision: 'any' });

    expect(again).toEqual(first);
    expect(againWithAny).toEqual(first);
    expect(await collect(client.readStream('s'))).toHaveLength(2);
  });

  test('appending to a tombstoned stream fails with StreamDeletedError', async () => {
    const { client } = await serverAndClient(options);
    await seed(client, 's', 1);
    await client.tombstoneStream('s');

    const failure = client.appendToStream('s', event('B'));

    await expect(failure).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(failure).rejects.toMatchObject({ streamName: 's' });
  });

  test('concurrent appends to one stream: exactly one wins each revision', async () => {
    const { client } = await serverAndClient(options);
    await seed(client, 's', 1);

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        client.appendToStream('s', event(`C${i}`), { expectedRevision: 0n }),
      ),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(4);
    expect(await collect(client.readStream('s'))).toHaveLength(2);
  });
});

test('an append larger than the maximum append size is refused', async () => {
  const { client } = await serverAndClient({ maxAppendSize: 1_000 });

  await expect(
    client.appendToStream('s', binaryEvent({ type: 'Big', data: new Uint8Array(2_000) })),
  ).rejects.toMatchObject({ type: 'maximum-append-size-exceeded', maxAppendSize: 1_000 });
});

test('with throwOnAppendFailure=false the Append path returns the current revision instead of throwing', async () => {
  const { server } = await serverAndClient({ advertiseBatchAppend: false });
  const { EventStoreDBClient } = await import('@eventstore/db-client');
  const client = EventStoreDBClient.connectionString(`${server.url}&throwOnAppendFailure=false`);
  try {
    await client.appendToStream('s', [event('A'), event('B')]);

    const result = await client.appendToStream('s', event('C'), { expectedRevision: 'no_stream' });

    expect(result).toEqual({ success: false, nextExpectedRevision: 1n, position: undefined });
  } finally {
    await client.dispose();
  }
});

describe('deadlines (BatchAppend)', () => {
  test('an append whose deadline has passed when it arrives is answered DeadlineExceeded, and nothing is written', async () => {
    const { server, client } = await serverAndClient();
    await client.appendToStream('s', jsonEvent({ type: 'A', data: {} }));

    const late = client.appendToStream('s', jsonEvent({ type: 'B', data: {} }), { deadline: 0 });

    await expect(late).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
    // The stream stays usable, and an append with time to spare goes through.
    await client.appendToStream('s', jsonEvent({ type: 'C', data: {} }), { deadline: 10_000 });
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A', 'C']);
  });

  test('a deadline is checked before the size: a late oversized append is DeadlineExceeded', async () => {
    const { client } = await serverAndClient({ maxAppendSize: 1_024 });
    const big = jsonEvent({ type: 'Big', data: { text: 'x'.repeat(4_096) } });
    await expect(client.appendToStream('s', big, { deadline: 0 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    await expect(client.appendToStream('s', big)).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
  });
});
