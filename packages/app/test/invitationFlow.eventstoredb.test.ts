import { createInMemoryProjectionStore } from '@dossier/core';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { openStore } from '../src/index.js';
import { right } from './support/flowFixtures.js';
import { describeInvitationFlow } from './support/invitationFlowSuite.js';

// The event store opened from the test server's esdb:// connection string, as the CLI opens a real server: the real
// client over real gRPC on 127.0.0.1. Read-model state stays in memory, as with EventStoreDB unless told otherwise.
describeInvitationFlow('EventStoreDB (the in-process protocol server)', async () => {
  const server = await startTestServer({ client: '@eventstore/db-client' });
  const { store } = await right(openStore(server.url));
  const states = createInMemoryProjectionStore();
  return {
    store,
    states,
    close: async () => {
      await states.close();
      await store.close(); // first: ends the client's long-lived streams
      await server.stop();
    },
  };
});
