// The store reads through a KurrentDBClient's gRPC channel, not its native bridge: the bridge's connection loop ends
// for good when a reconnection after a NotLeader meets a cut connection, and every read after it fails. Here a read
// is refused with NotLeader while every connection is cut, round after round, and the store's reads always come back.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore, type EventStoreDbStore } from '../src/index.js';
import { withGrpcReads } from '../src/grpcReads.js';
import { kurrentTestUrl } from './support/kurrentdb.js';
import { newEvent, right } from './support/events.js';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
  await done?.();
  done = undefined;
});

const start = async (): Promise<{
  server: TestServer;
  client: KurrentDBClient;
  store: EventStoreDbStore;
}> => {
  const server = await startTestServer({ client: '@kurrent/kurrentdb-client', faults: true });
  const client = KurrentDBClient.connectionString(kurrentTestUrl(server));
  const store = createEventStoreDbStore({ client });
  done = async () => {
    await store.close();
    await client.dispose();
    await server.stop();
  };
  return { server, client, store };
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads through @kurrent/kurrentdb-client', () => {
  it('go over the gRPC channel: the client is wrapped, its own reads are not used', async () => {
    const { client } = await start();
    const wrapped = withGrpcReads(client);
    expect(wrapped).not.toBe(client);
    // Compared, never called.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    expect(wrapped.readStream).not.toBe(client.readStream);
    // Anything that is not a KurrentDBClient is used as it is.
    const plain = { ...wrapped };
    expect(withGrpcReads(plain)).toBe(plain);
  });

  it('come back after NotLeader answers met cut connections, round after round', async () => {
    const { server, store } = await start();
    await right(store.append('case-1', 'no-stream', [newEvent('Opened', { n: 1 })]));
    for (let round = 0; round < 40; round++) {
      server.faults.inject('read', { kind: 'notLeader' });
      const cut = store.readStream('case-1')();
      await pause(round % 6);
      server.faults.dropConnections();
      await cut;
      const events = await right(store.readStream('case-1'));
      expect(
        events.map((e) => e.type),
        `round ${round}`,
      ).toEqual(['Opened']);
    }
    expect(server.faults.fired.filter((f) => f.fault.kind === 'notLeader').length).toBe(40);
  }, 60_000);
});
