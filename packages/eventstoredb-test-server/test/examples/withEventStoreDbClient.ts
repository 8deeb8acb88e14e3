// The README's example with @eventstore/db-client, run by readme.esdb.test.ts.
// #region example
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startTestServer } from '@dossier/eventstoredb-test-server';

const server = await startTestServer({ client: '@eventstore/db-client' });
const client = EventStoreDBClient.connectionString(server.url); // esdb://127.0.0.1:PORT?tls=false
try {
  await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: { total: 42 } }), {
    expectedRevision: 'no_stream',
  });
  const types: string[] = [];
  for await (const resolved of client.readStream('order-1')) types.push(resolved.event?.type ?? '');
  console.log(types); // [ 'OrderPlaced' ]
} finally {
  await client.dispose(); // first: the client keeps BatchAppend and subscription streams open
  await server.stop(); // then: ends what is left (forcibly after a short grace); never hangs
}
// #endregion example
