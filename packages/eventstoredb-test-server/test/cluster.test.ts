// The emulated cluster through the real client: discovery through gossip with several hosts, writes on the leader,
// NotLeader from followers, and the leader changing while a writer and a subscription run.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { EventStoreDBClient, jsonEvent, NotLeaderError } from '@eventstore/db-client';
import { expect, onTestFinished, test } from 'vitest';
import { startTestCluster } from '../src/index.js';
import { collect } from './harness.js';

const event = (type: string) => jsonEvent({ id: randomUUID(), type, data: {} });

const cluster3 = async () => {
  const cluster = await startTestCluster({ client: '@eventstore/db-client' });
  const client = EventStoreDBClient.connectionString(cluster.url);
  onTestFinished(async () => {
    await client.dispose();
    await cluster.stop();
  });
  return { cluster, client };
};

test('gossip lists three members, one leading; the client finds the leader and writes there', async () => {
  const { cluster, client } = await cluster3();
  await client.appendToStream('s', event('A'));
  const appendsOn = cluster.nodes.map((node) => node.calls.filter((path) => /Append$/.test(path)).length);
  expect(appendsOn[0]).toBeGreaterThan(0);
  expect(appendsOn.slice(1)).toEqual([0, 0]);
  expect(cluster.nodes.map((node) => node.faults.fired.length)).toEqual([0, 0, 0]);
  expect(cluster.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
});

test('a follower refuses what requires the leader with NotLeader naming it, and forwards other appends', async () => {
  const { cluster, client } = await cluster3();
  await client.appendToStream('s', event('A'));
  const follower = EventStoreDBClient.connectionString(cluster.nodes[1]!.url);
  onTestFinished(() => follower.dispose());
  const refused = await follower
    .appendToStream('s', event('B'), { requiresLeader: true })
    .catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(NotLeaderError);
  // A client that met NotLeader reconnects to the leader: the read and the forwarded append go through new ones.
  const reader = EventStoreDBClient.connectionString(cluster.nodes[1]!.url);
  const forwarder = EventStoreDBClient.connectionString(cluster.nodes[2]!.url);
  onTestFinished(() => Promise.all([reader.dispose(), forwarder.dispose()]).then(() => undefined));
  const refusedRead = await collect(reader.readStream('s', { requiresLeader: true })).catch(
    (error: unknown) => error,
  );
  expect(refusedRead).toBeInstanceOf(NotLeaderError);
  await forwarder.appendToStream('s', event('F'));
  expect(cluster.nodes[2]!.requests.filter((r) => r.kind === 'append')).toHaveLength(1);
  expect(cluster.store.streamEvents('s').map((e) => e.type)).toEqual(['A', 'F']);
  expect((refused as NotLeaderError).leader).toEqual({ address: '127.0.0.1', port: cluster.nodes[0]!.port });
  expect((await collect(forwarder.readStream('s'))).map((e) => e.event?.type)).toEqual(['A', 'F']);
});

test('the leader changes while a writer and a subscription run: every write lands once, the subscription sees it', async () => {
  const { cluster, client } = await cluster3();
  const watcher = EventStoreDBClient.connectionString(cluster.nodes[2]!.url);
  onTestFinished(() => watcher.dispose());
  const seen: string[] = [];
  const subscription = watcher.subscribeToStream('s', { fromRevision: 'start' });
  subscription.on('data', (resolved) => seen.push(resolved.event?.type ?? ''));
  const failures: unknown[] = [];
  subscription.on('error', (error) => failures.push(error));
  const written: string[] = [];
  for (let i = 0; i < 30; i++) {
    // Nodes 0 and 1 take turns; node 2, where the subscription runs, stays a follower.
    if (i % 10 === 5) cluster.elect(cluster.leader() === 0 ? 1 : 0);
    // A write refused or cut by the election is sent again, with the same id at the same revision.
    const next = event(`E${i}`);
    for (let tries = 0; ; tries++) {
      const sent = await client
        .appendToStream('s', next, { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) })
        .then(
          () => 'ok',
          (error: unknown) => error,
        );
      if (sent === 'ok') break;
      if (tries > 20) throw sent;
    }
    written.push(`E${i}`);
  }
  expect(cluster.leader()).toBe(1);
  expect(cluster.store.streamEvents('s').map((e) => e.type)).toEqual(written);
  for (let waited = 0; seen.length < 30 && waited < 2_000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(seen).toEqual(written);
  expect(failures).toEqual([]);
  // Writes reached more than one node: leadership moved and the client followed it.
  const nodesWritten = cluster.nodes.filter((node) => node.requests.some((r) => r.kind === 'append')).length;
  expect(nodesWritten).toBeGreaterThan(1);
  await subscription.unsubscribe();
});

test('a killed leader refuses connections and the next live node leads; revived, it serves again as a follower', async () => {
  const { cluster, client } = await cluster3();
  await client.appendToStream('s', event('A'));
  await cluster.kill(0);
  expect(cluster.leader()).toBe(1);
  const refused = await new Promise<string>((resolve) => {
    const socket = connect(cluster.nodes[0]!.port, '127.0.0.1');
    socket.on('connect', () => resolve('connected'));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  expect(refused).toBe('ECONNREFUSED');
  // The client rediscovers through the live nodes' gossip and writes on the new leader.
  let written = false;
  for (let attempt = 0; attempt < 20 && !written; attempt++)
    written = await client.appendToStream('s', event('B')).then(
      () => true,
      () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50)),
    );
  expect(written).toBe(true);
  expect(cluster.nodes[1]!.calls.some((path) => /Append$/.test(path))).toBe(true);
  await cluster.revive(0);
  expect(cluster.leader()).toBe(1);
  const back = EventStoreDBClient.connectionString(cluster.nodes[0]!.url);
  const asked = EventStoreDBClient.connectionString(cluster.nodes[0]!.url);
  onTestFinished(() => Promise.all([back.dispose(), asked.dispose()]).then(() => undefined));
  expect((await collect(back.readStream('s'))).map((e) => e.event?.type)).toEqual(['A', 'B']);
  const askedLeader = await collect(asked.readStream('s', { requiresLeader: true })).catch(
    (error: unknown) => error,
  );
  expect(askedLeader).toBeInstanceOf(NotLeaderError);
  expect((askedLeader as NotLeaderError).leader).toEqual({
    address: '127.0.0.1',
    port: cluster.nodes[1]!.port,
  });
});
