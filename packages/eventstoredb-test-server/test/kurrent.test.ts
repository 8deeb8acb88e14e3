// A smoke run with @kurrent/kurrentdb-client (the maintained successor: `kurrentdb://`,
// `streamState` instead of `expectedRevision`). It speaks the same protocol, through its
// own generated copy — which is why the server takes its protocol as a parameter and
// why this is a separate test file: the two clients must not load in one process.
// Its reads (readStream, readAll) go through a native Rust gRPC client (@kurrent/bridge),
// its appends and subscriptions through grpc-js — both against this server.
import {
  binaryEvent,
  BACKWARDS,
  DeadlineExceededError,
  END,
  eventTypeFilter,
  jsonEvent,
  KurrentDBClient,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { createRequire } from 'node:module';
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { describe, expect, onTestFinished, test } from 'vitest';
import { loadProtocol } from '../src/protocol.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../src/index.js';
import { loadedModulesOf, ownsGlobalNamespace } from './isolation.js';
import { collect, Timeline } from './timeline.js';

const protocol = loadProtocol('@kurrent/kurrentdb-client');

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

const event = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ type, data });

test('this process loaded only the kurrent client, whose classes own the protobuf namespace', () => {
  expect(loadedModulesOf('@kurrent/kurrentdb-client').length).toBeGreaterThan(0);
  expect(loadedModulesOf('@eventstore/db-client')).toEqual([]);
  expect(ownsGlobalNamespace(protocol)).toBe(true);
});

describe.each([
  { name: 'BatchAppend', options: { advertiseBatchAppend: true } },
  { name: 'Append', options: { advertiseBatchAppend: false } },
])('appendToStream via $name', ({ name, options }) => {
  test('appends, checks the stream state, and reads back through the Rust bridge', async () => {
    const { server, client } = await serverAndClient(options);

    const result = await client.appendToStream(
      'order-1',
      [
        jsonEvent({ type: 'OrderPlaced', data: { total: 42 }, metadata: { by: 'alice' } }),
        binaryEvent({ type: 'Blob', data: Uint8Array.from([1, 2]) }),
      ],
      { streamState: 'no_stream' },
    );
    const failure = client.appendToStream('order-1', event('Again'), { streamState: 'no_stream' });

    expect(result.nextExpectedRevision).toBe(1n);
    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({ expectedState: 'no_stream', actualState: 1n });
    expect(
      (await client.appendToStream('order-1', event('Next'), { streamState: 1n })).nextExpectedRevision,
    ).toBe(2n);
    const read = await collect(client.readStream('order-1'));
    expect(read.map((e) => [e.event?.revision, e.event?.type])).toEqual([
      [0n, 'OrderPlaced'],
      [1n, 'Blob'],
      [2n, 'Next'],
    ]);
    expect(read[0]?.event).toMatchObject({ isJson: true, data: { total: 42 }, metadata: { by: 'alice' } });
    expect(server.calls).toContain(`/event_store.client.streams.Streams/${name}`);
  });
});

test('readStream and readAll (Rust bridge): directions, not found, deleted, filters', async () => {
  const { client } = await serverAndClient();
  await client.appendToStream('a', [event('OrderPlaced'), event('Noise'), event('OrderShipped')]);
  await client.appendToStream('gone', event('X'));
  await client.tombstoneStream('gone');

  expect(
    (await collect(client.readStream('a', { direction: BACKWARDS, fromRevision: END, maxCount: 2 }))).map(
      (e) => e.event?.type,
    ),
  ).toEqual(['OrderShipped', 'Noise']);
  await expect(collect(client.readStream('missing'))).rejects.toBeInstanceOf(StreamNotFoundError);
  await expect(collect(client.readStream('gone'))).rejects.toBeInstanceOf(StreamDeletedError);
  const filtered = await collect(client.readAll({ filter: eventTypeFilter({ prefixes: ['Order'] }) }));
  expect(filtered.map((e) => e.event?.type)).toEqual(['OrderPlaced', 'OrderShipped']);
});

test('subscribeToAll with a filter: catch-up, caughtUp, live, checkpoints', async () => {
  const { client } = await serverAndClient({ systemEvents: false });
  await client.appendToStream('s', [event('OrderPlaced'), event('Noise')]);
  const timeline = new Timeline();

  timeline.follow(
    client.subscribeToAll({
      filter: eventTypeFilter({
        prefixes: ['Order'],
        maxSearchWindow: 2,
        checkpointReached: timeline.checkpoint,
      }),
    }),
  );
  await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
  await client.appendToStream('s', [event('OrderShipped'), event('Noise')]);
  await timeline.until((t) => t.checkpoints.length === 2);

  expect(timeline.sequence).toEqual([
    'confirmation',
    'OrderPlaced',
    'checkpoint',
    'caughtUp',
    'OrderShipped',
    'checkpoint',
  ]);
});

test('soft delete, then recreate; tombstone', async () => {
  const { client } = await serverAndClient();
  await client.appendToStream('s', [event('E0'), event('E1')]);

  await client.deleteStream('s', { expectedRevision: 1n });
  await expect(collect(client.readStream('s'))).rejects.toBeInstanceOf(StreamNotFoundError);
  await client.appendToStream('s', event('E2'), { streamState: 'no_stream' });
  expect((await collect(client.readStream('s'))).map((e) => e.event?.revision)).toEqual([2n]);
  await client.tombstoneStream('s');
  await expect(client.appendToStream('s', event('E3'))).rejects.toBeInstanceOf(StreamDeletedError);
});

test('an append past its deadline is answered DeadlineExceeded, and nothing is written', async () => {
  const { server, client } = await serverAndClient();
  await client.appendToStream('s', jsonEvent({ type: 'A', data: {} }));

  await expect(
    client.appendToStream('s', jsonEvent({ type: 'B', data: {} }), { deadline: 0 }),
  ).rejects.toBeInstanceOf(DeadlineExceededError);

  expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
});

test('GetSupportedMethods reports 26.1.0 with AppendRecords served, 25.1.0 with AppendSession alone, 24.10.0 without', async () => {
  const requireGenerated = createRequire(import.meta.url);
  const generated = '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1';
  const { ServerFeaturesClient } = requireGenerated(`${generated}/serverfeatures_grpc_pb.js`) as {
    ServerFeaturesClient: new (
      address: string,
      creds: ChannelCredentials,
    ) => {
      getSupportedMethods(
        request: unknown,
        callback: (error: Error | null, reply: { getEventStoreServerVersion(): string }) => void,
      ): void;
      close(): void;
    };
  };
  const { Empty } = requireGenerated(`${generated}/shared_pb.js`) as { Empty: new () => unknown };
  const versionOf = async (multiStreamAppend: boolean, appendRecords = true): Promise<string> => {
    const server = await startTestServer({
      client: '@kurrent/kurrentdb-client',
      multiStreamAppend,
      appendRecords,
    });
    const raw = new ServerFeaturesClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
    try {
      return await new Promise((resolve, reject) =>
        raw.getSupportedMethods(new Empty(), (error, reply) =>
          error === null ? resolve(reply.getEventStoreServerVersion()) : reject(error),
        ),
      );
    } finally {
      raw.close();
      await server.stop();
    }
  };
  expect(await versionOf(true)).toBe('26.1.0');
  expect(await versionOf(true, false)).toBe('25.1.0');
  expect(await versionOf(false)).toBe('24.10.0');
});
