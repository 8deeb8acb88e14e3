import { createInMemoryProjectionStore } from '@dossier/core';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { openStore } from '../src/index.js';
import { right } from './support/flowFixtures.js';
import { describeIncidentResolution } from './support/incidentResolutionSuite.js';

// The event store opened from the test server's esdb:// connection string: the real client over real gRPC.
describeIncidentResolution('EventStoreDB (the in-process protocol server)', async () => {
  const server = await startTestServer({ client: '@eventstore/db-client' });
  const { store } = await right(openStore(server.url));
  const states = createInMemoryProjectionStore();
  return {
    store,
    states,
    close: async () => {
      await states.close();
      await store.close();
      await server.stop();
    },
  };
});
