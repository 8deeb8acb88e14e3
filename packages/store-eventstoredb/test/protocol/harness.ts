// Test harness: a server on a random port plus a real @eventstore/db-client client,
// torn down after each test (client first, so its long-lived streams end, then the server).
import { EventStoreDBClient } from '@eventstore/db-client';
import { onTestFinished } from 'vitest';
import { loadProtocol } from '../server/protocol.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../server/server.js';

export { collect, Timeline } from './timeline.js';

export async function serverAndClient(
  options: Omit<TestServerOptions, 'protocol'> = {},
): Promise<{ server: TestServer; client: EventStoreDBClient }> {
  const server = await startTestServer({ protocol: loadProtocol('@eventstore/db-client'), ...options });
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });
  return { server, client };
}
