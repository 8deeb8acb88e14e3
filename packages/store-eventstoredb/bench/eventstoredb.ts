// `pnpm bench` for the EventStoreDB store through @eventstore/db-client, over real gRPC to the in-process
// protocol test server (client, server and its in-memory storage share this process), appending through
// BatchAppend as against a real server. With EVENTSTORE_URL set, it measures that server as well.
import { EventStoreDBClient } from '@eventstore/db-client';
import { runStoreBenchmarks, type BenchmarkSubject } from '@dossier/core/testing';
import { createEventStoreDbStore } from '../src/index.js';
import { startTestServer } from '@dossier/eventstoredb-test-server';

const testServer: BenchmarkSubject = {
  name: 'eventstoredb (test server)',
  open: async () => {
    const server = await startTestServer({ client: '@eventstore/db-client' });
    const client = EventStoreDBClient.connectionString(server.url);
    const store = createEventStoreDbStore({ client });
    return {
      store,
      dispose: async () => {
        await store.close();
        await client.dispose();
        await server.stop();
      },
    };
  },
};

const realServer = (url: string): BenchmarkSubject => ({
  name: `eventstoredb (${url})`,
  open: () => {
    // Its own stream prefix, so that the streams of an earlier run on the same server are not in the way.
    const store = createEventStoreDbStore({ connectionString: url }, { streamPrefix: `bench${Date.now()}` });
    return Promise.resolve({ store, dispose: () => store.close() });
  },
});

const url = process.env['EVENTSTORE_URL'];
process.exitCode = await runStoreBenchmarks(
  url === undefined || url === '' ? [testServer] : [testServer, realServer(url)],
);
