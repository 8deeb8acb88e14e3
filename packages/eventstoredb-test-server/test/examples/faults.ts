// The README's example of a fault, run by readme.faults.test.ts.
// #region example
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startTestServer } from '@dossier/eventstoredb-test-server';

const server = await startTestServer({ client: '@eventstore/db-client', faults: true });
const client = EventStoreDBClient.connectionString(server.url);
try {
  const placed = jsonEvent({ type: 'OrderPlaced', data: { total: 42 } });
  server.faults.inject('append', { kind: 'dropAfterCommit' });
  await client
    .appendToStream('order-1', placed, { expectedRevision: 'no_stream' })
    .catch((error: unknown) => {
      console.log((error as { type?: string }).type); // 'unavailable': written or not, the client cannot tell
    });
  // The same event id at the same expected revision: the server's idempotent-write check answers the first result.
  const again = await client.appendToStream('order-1', placed, { expectedRevision: 'no_stream' });
  console.log(again.nextExpectedRevision, server.store.streamEvents('order-1').length); // 0n 1
} finally {
  await client.dispose();
  await server.stop();
}
// #endregion example
