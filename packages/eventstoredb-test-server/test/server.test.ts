// The test server's own contract: random ports, stop() that never hangs, what it records.
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { expect, onTestFinished, test } from 'vitest';
import { startTestServer } from '../src/index.js';
import { Timeline } from './harness.js';

const options = { client: '@eventstore/db-client' } as const;

test('each server listens on its own random 127.0.0.1 port', async () => {
  const [one, two] = await Promise.all([startTestServer(options), startTestServer(options)]);
  onTestFinished(() => Promise.all([one.stop(), two.stop()]).then(() => undefined));

  expect(one.url).toMatch(/^esdb:\/\/127\.0\.0\.1:\d+\?tls=false$/);
  expect(two.kurrentUrl).toBe(`kurrentdb://127.0.0.1:${two.port}?tls=false`);
  expect(one.port).not.toBe(two.port);
});

test('stop() ends open subscriptions and BatchAppend streams even if the client was not disposed', async () => {
  const server = await startTestServer({ ...options, shutdownGraceMs: 50 });
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(() => client.dispose());
  await client.appendToStream('s', jsonEvent({ type: 'A', data: {} })); // opens the BatchAppend stream
  const timeline = new Timeline().follow(client.subscribeToAll());
  await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));

  const started = Date.now();
  await server.stop();
  await server.stop(); // idempotent

  expect(Date.now() - started).toBeLessThan(1_000);
  await timeline.until((t) => t.error !== undefined).catch(() => undefined);
  expect(timeline.error).toBeDefined();
});

test('the storage and the calls served can be inspected', async () => {
  const fixed = new Date('2024-01-02T03:04:05.678Z');
  const server = await startTestServer({ ...options, clock: () => fixed, systemEvents: false });
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });

  await client.appendToStream('s', jsonEvent({ type: 'A', data: { n: 1 } }));

  expect(server.store.log).toHaveLength(1);
  expect(server.store.log[0]).toMatchObject({ stream: 's', revision: 0n, type: 'A', isJson: true });
  expect(server.store.log[0]?.created).toBe(BigInt(fixed.getTime()) * 10_000n);
  expect(server.calls).toEqual([
    '/event_store.client.server_features.ServerFeatures/GetSupportedMethods',
    '/event_store.client.streams.Streams/BatchAppend',
  ]);
});

test('each append and read is listed in requests, appends over one BatchAppend stream one by one', async () => {
  const server = await startTestServer(options);
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });

  await client.appendToStream('s', [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })]);
  await client.appendToStream('t', jsonEvent({ type: 'C', data: {} }));
  for await (const _ of client.readStream('s', { direction: 'backwards', fromRevision: 'end', maxCount: 1 }));
  for await (const _ of client.readAll({ maxCount: 10 }));

  expect(server.calls.filter((path) => path.endsWith('/BatchAppend'))).toHaveLength(1);
  expect(server.requests).toEqual([
    { kind: 'append', stream: 's', events: 2 },
    { kind: 'append', stream: 't', events: 1 },
    { kind: 'read', stream: 's', direction: 'backwards', from: 'end' },
    { kind: 'readAll', direction: 'forwards' },
  ]);
});
