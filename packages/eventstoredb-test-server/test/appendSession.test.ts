// KurrentDB 25.1's v2 AppendSession, through @kurrent/kurrentdb-client's multiStreamAppend: several streams in one
// transaction, all or nothing, the properties read back by v1 reads as the event's JSON metadata.
import {
  jsonEvent,
  KurrentDBClient,
  StreamTombstonedError,
  UnsupportedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { expect, onTestFinished, test } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from '../src/index.js';
import { collect } from './timeline.js';

async function serverAndClient(
  options: Omit<TestServerOptions, 'client'> = {},
): Promise<{ server: TestServer; client: KurrentDBClient }> {
  const server = await startTestServer({ client: '@kurrent/kurrentdb-client', ...options });
  const client = KurrentDBClient.connectionString(server.kurrentUrl);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });
  return { server, client };
}

const revisionsOf = (server: TestServer, stream: string) =>
  server.store.streamEvents(stream).map((event) => event.revision);

test('writes every stream in one round trip; properties read back as JSON metadata; one position for all', async () => {
  const { server, client } = await serverAndClient();
  await client.appendToStream('order-1', jsonEvent({ type: 'Opened', data: {} }), {
    streamState: 'no_stream',
  });
  server.requests.length = 0;

  const result = await client.multiStreamAppend([
    {
      streamName: 'claims-1',
      expectedState: 'any',
      events: [jsonEvent({ type: '$claim', data: { revisions: ['1'] } })],
    },
    {
      streamName: 'order-1',
      expectedState: 0n,
      events: [jsonEvent({ type: 'Paid', data: { total: 42 }, metadata: { by: 'alice', at: '2026-12-05' } })],
    },
  ]);

  expect(result.responses).toEqual([
    { streamName: 'claims-1', revision: 0n },
    { streamName: 'order-1', revision: 1n },
  ]);
  expect(server.requests).toEqual([
    {
      kind: 'appendSession',
      streams: [
        { stream: 'claims-1', events: 1 },
        { stream: 'order-1', events: 1 },
      ],
    },
  ]);
  const [paid] = await collect(client.readStream('order-1', { fromRevision: 1n, maxCount: 1 }));
  expect(paid?.event?.type).toBe('Paid');
  expect(paid?.event?.data).toEqual({ total: 42 });
  // The server adds the record's schema to its properties, as 25.1 does.
  expect(paid?.event?.metadata).toEqual({
    by: 'alice',
    at: '2026-12-05',
    '$schema.name': 'Paid',
    '$schema.format': 'Json',
  });
  // The transaction's position is its last record's: the event written last, here order-1's.
  expect(paid?.event?.position?.commit).toBe(result.position);
});

test('a revision conflict on one stream writes none of them and names that stream', async () => {
  const { server, client } = await serverAndClient();
  await client.appendToStream('order-2', jsonEvent({ type: 'Opened', data: {} }), {
    streamState: 'no_stream',
  });

  const failed = client.multiStreamAppend([
    { streamName: 'claims-2', expectedState: 'any', events: [jsonEvent({ type: '$claim', data: {} })] },
    { streamName: 'order-2', expectedState: 5n, events: [jsonEvent({ type: 'Paid', data: {} })] },
  ]);

  const error = await failed.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject({ streamName: 'order-2', expectedState: 5n, actualState: 0n });
  expect(revisionsOf(server, 'claims-2')).toEqual([]);
  expect(revisionsOf(server, 'order-2')).toEqual([0n]);
});

test('a tombstoned stream fails the session as tombstoned, nothing written', async () => {
  const { server, client } = await serverAndClient();
  await client.appendToStream('order-3', jsonEvent({ type: 'Opened', data: {} }));
  await client.tombstoneStream('order-3');

  const error = await client
    .multiStreamAppend([
      { streamName: 'claims-3', expectedState: 'any', events: [jsonEvent({ type: '$claim', data: {} })] },
      { streamName: 'order-3', expectedState: 'any', events: [jsonEvent({ type: 'Paid', data: {} })] },
    ])
    .catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(StreamTombstonedError);
  expect(revisionsOf(server, 'claims-3')).toEqual([]);
});

test('one stream twice in a session is refused, nothing written', async () => {
  const { server, client } = await serverAndClient();

  const error = await client
    .multiStreamAppend([
      { streamName: 'order-4', expectedState: 'any', events: [jsonEvent({ type: 'A', data: {} })] },
      { streamName: 'order-4', expectedState: 'any', events: [jsonEvent({ type: 'B', data: {} })] },
    ])
    .catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(Error);
  expect(String((error as Error).message)).toContain('already in the append session');
  expect(revisionsOf(server, 'order-4')).toEqual([]);
});

test('a session larger than the maximum append size is refused, nothing written', async () => {
  const { server, client } = await serverAndClient({ maxAppendSize: 100 });

  const error = await client
    .multiStreamAppend([
      {
        streamName: 'order-5',
        expectedState: 'any',
        events: [jsonEvent({ type: 'Big', data: { text: 'x'.repeat(200) } })],
      },
    ])
    .catch((thrown: unknown) => thrown);

  expect(error).toMatchObject({ type: 'transaction-max-size-exceeded' });
  expect(revisionsOf(server, 'order-5')).toEqual([]);
});

test('with multiStreamAppend off the server is a 24.10 one: the client says unsupported', async () => {
  const { server, client } = await serverAndClient({ multiStreamAppend: false });

  const error = await client
    .multiStreamAppend([
      { streamName: 'order-6', expectedState: 'any', events: [jsonEvent({ type: 'A', data: {} })] },
    ])
    .catch((thrown: unknown) => thrown);

  expect(error).toBeInstanceOf(UnsupportedError);
  expect(server.calls.some((path) => path.includes('AppendSession'))).toBe(false);
});
