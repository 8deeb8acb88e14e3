// Test harness: a server on a random port plus a real @eventstore/db-client client,
// torn down after each test (client first, so its long-lived streams end, then the server).
import { EventStoreDBClient } from '@eventstore/db-client';
import { onTestFinished } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from '../src/index.js';

export { collect, Timeline } from './timeline.js';

export async function serverAndClient(
  options: Omit<TestServerOptions, 'client'> = {},
): Promise<{ server: TestServer; client: EventStoreDBClient }> {
  const server = await startTestServer({ client: '@eventstore/db-client', ...options });
  const client = EventStoreDBClient.connectionString(server.url);
  onTestFinished(async () => {
    await client.dispose();
    await server.stop();
  });
  return { server, client };
}
