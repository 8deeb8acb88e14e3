// A test server speaking @kurrent/kurrentdb-client's generated protocol, a real KurrentDBClient, and the
// store over it. Only test files that use @kurrent/kurrentdb-client import this: the two clients must not
// load in one process.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventSchema, EventStore } from '@dossier/core';
import { createEventStoreDbStore } from '../../src/index.js';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';

/**
 * The test server's kurrentdb:// string, with a short discovery interval: the client's native bridge
 * otherwise waits half a second before its first call, for every test.
 */
export const kurrentTestUrl = (server: TestServer): string => `${server.kurrentUrl}&discoveryInterval=10`;

export interface KurrentFixture {
  readonly server: TestServer;
  readonly client: KurrentDBClient;
  readonly store: EventStore;
  /** Closes the store, disposes the client, then stops the server: in that order, so nothing hangs. */
  readonly dispose: () => Promise<void>;
}

export const startKurrentFixture = async (options: {
  readonly batchAppend: boolean;
  readonly schema?: EventSchema;
  /** Whether the server has KurrentDB 25.1's multi-stream append (default true); off, it is a 24.10 server. */
  readonly multiStreamAppend?: boolean;
  /** Whether the server takes injected faults (`server.faults`). */
  readonly faults?: boolean;
}): Promise<KurrentFixture> => {
  const server = await startTestServer({
    client: '@kurrent/kurrentdb-client',
    advertiseBatchAppend: options.batchAppend,
    multiStreamAppend: options.multiStreamAppend ?? true,
    faults: options.faults ?? false,
    // Room for the suite's 1 MiB payload with its JSON and metadata (a real server needs --max-append-size).
    maxAppendSize: 4 * 1024 * 1024,
  });
  const client = KurrentDBClient.connectionString(kurrentTestUrl(server));
  // A KurrentDBClient is an EsdbClientLike as it is: no wrapper.
  const store = createEventStoreDbStore(
    { client },
    options.schema === undefined ? {} : { schema: options.schema },
  );
  return {
    server,
    client,
    store,
    dispose: async () => {
      await store.close();
      await client.dispose();
      await server.stop();
    },
  };
};
