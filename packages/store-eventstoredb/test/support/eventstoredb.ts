// A test server speaking @eventstore/db-client's generated protocol, a real client, and the store over it.
// Only test files that use @eventstore/db-client import this: the two clients must not load in one process.
import { EventStoreDBClient } from '@eventstore/db-client';
import type { EventSchema, EventStore } from '@dossier/core';
import { createEventStoreDbStore, type EsdbClientLike } from '../../src/index.js';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';

export interface EsdbFixture {
  readonly server: TestServer;
  readonly client: EventStoreDBClient;
  readonly store: EventStore;
  /** Closes the store, disposes the client, then stops the server: in that order, so nothing hangs. */
  readonly dispose: () => Promise<void>;
}

export interface EsdbFixtureOptions {
  /** Whether the server lists Streams.BatchAppend, which makes the client append through it. */
  readonly batchAppend: boolean;
  readonly schema?: EventSchema;
  readonly clock?: () => Date;
  /** Whether the server takes injected faults (`server.faults`). */
  readonly faults?: boolean;
  /** Wraps the client the store sees, to inject faults or races. */
  readonly wrap?: (client: EsdbClientLike) => EsdbClientLike;
}

export const startEsdbFixture = async (options: EsdbFixtureOptions): Promise<EsdbFixture> => {
  const server = await startTestServer({
    client: '@eventstore/db-client',
    advertiseBatchAppend: options.batchAppend,
    faults: options.faults ?? false,
    // Room for the suite's 1 MiB payload with its JSON and metadata (a real server needs --max-append-size).
    maxAppendSize: 4 * 1024 * 1024,
  });
  const client = EventStoreDBClient.connectionString(server.url);
  const store = createEventStoreDbStore(
    { client: options.wrap === undefined ? client : options.wrap(client) },
    {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    },
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
