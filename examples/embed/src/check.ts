// The consumer job's program (.ci/consumer.sh): docs/embed.md's service over a SQLite file, then over EventStoreDB
// through the in-process test server. Prints what it found; exits 1 when Ana may not purchase on either store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { anaMayPurchase } from './service.js';

const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'dossier-embed-'));
const sqlite = await anaMayPurchase(`sqlite:${join(folder, 'events.db')}`);
console.log(`SQLite (${join(folder, 'events.db')}): Ana may purchase: ${sqlite}`);

const server = await startTestServer({ client: '@eventstore/db-client' });
try {
  const eventstore = await anaMayPurchase(server.url);
  console.log(`EventStoreDB (${server.url}): Ana may purchase: ${eventstore}`);
  if (!sqlite || !eventstore) process.exitCode = 1;
} finally {
  await server.stop();
}
