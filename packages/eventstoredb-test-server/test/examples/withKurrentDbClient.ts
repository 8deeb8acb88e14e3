// The README's example with @kurrent/kurrentdb-client, run by readme.kurrent.test.ts.
// #region example
import { jsonEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { startTestServer } from '@dossier/eventstoredb-test-server';

const server = await startTestServer({ client: '@kurrent/kurrentdb-client' });
const client = KurrentDBClient.connectionString(server.kurrentUrl); // kurrentdb://127.0.0.1:PORT?tls=false
try {
  await client.appendToStream('order-1', jsonEvent({ type: 'OrderPlaced', data: { total: 42 } }), {
    streamState: 'no_stream',
  });
  const types: string[] = [];
  for await (const resolved of client.readStream('order-1')) types.push(resolved.event?.type ?? '');
  console.log(types); // [ 'OrderPlaced' ]
} finally {
  await client.dispose();
  await server.stop();
}
// #endregion example
