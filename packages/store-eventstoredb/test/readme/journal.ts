// The README's example, run by readme.test.ts: the store over @eventstore/db-client, against the in-process test
// server here; give it your server's connection string instead.
// #region example
import * as E from 'fp-ts/lib/Either.js';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '@dossier/store-eventstoredb';

const server = await startTestServer({ client: '@eventstore/db-client' }); // or your esdb://… server
const store = createEventStoreDbStore({ connectionString: server.url }); // never throws: failures are values

const metadata = (eventId: string) => ({ eventId, commandId: eventId, actor: 'u-1' });
const appended = await store.append('note-1', 'no-stream', [
  {
    type: 'NoteWritten',
    data: { text: 'hello' },
    metadata: metadata('5d7a2e7c-8f2e-4a1e-9f7c-1b2c3d4e5f60'),
  },
])();
const read = await store.readStream('note-1')();
if (E.isRight(appended) && E.isRight(read)) {
  console.log(read.right.map((event) => event.data)); // [ { text: 'hello' } ]
}
await store.close(); // first the store (it ends its client), then the server
await server.stop();
// #endregion example
