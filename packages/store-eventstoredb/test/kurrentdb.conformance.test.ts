// The port's conformance suite through @kurrent/kurrentdb-client (whose reads go through its native bridge
// and whose appends take `streamState`), against the protocol test server with the client appending through
// Append and through BatchAppend, and against a real server when EVENTSTORE_URL is set. A file of its own:
// the two clients' generated classes share a global namespace and must not load in one process.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describeEventStoreConformance, type ConformanceHarness } from '@dossier/core/testing';
import { afterAll } from 'vitest';
import { createEventStoreDbStore, type EsdbClientLike } from '../src/index.js';
import { kurrentTestUrl, startKurrentFixture, type KurrentFixture } from './support/kurrentdb.js';
import { realServerHarness } from './support/realServer.js';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';
import { tamper } from './support/tamper.js';

// A KurrentDBClient is an EsdbClientLike as it is, with no wrapper; this fails to compile if that changes.
const asClient = (client: KurrentDBClient): EsdbClientLike => client;

const testServerHarness = (batchAppend: boolean): ConformanceHarness => {
  const fixtures = new Map<unknown, KurrentFixture>();
  return {
    create: async ({ schema }) => {
      const fixture = await startKurrentFixture({ batchAppend, schema });
      const subject = {
        store: fixture.store,
        corrupt: (stream: string, revision: bigint, how: Parameters<typeof tamper>[3]) => {
          tamper(fixture.server.store, stream, revision, how);
          return Promise.resolve();
        },
      };
      fixtures.set(subject, fixture);
      return subject;
    },
    dispose: async (subject) => {
      const fixture = fixtures.get(subject);
      fixtures.delete(subject);
      await fixture?.dispose();
    },
  };
};

describeEventStoreConformance(
  'KurrentDB through @kurrent/kurrentdb-client, Append',
  testServerHarness(false),
);
describeEventStoreConformance(
  'KurrentDB through @kurrent/kurrentdb-client, BatchAppend',
  testServerHarness(true),
);

/** Stores over the server at `url`, each under its own stream prefix: the harness for a shared server. */
const prefixedStores = (url: () => Promise<string>) =>
  realServerHarness(async ({ schema, streamPrefix }) => {
    const client = KurrentDBClient.connectionString(await url());
    const store = createEventStoreDbStore({ client: asClient(client) }, { schema, streamPrefix });
    return {
      store,
      dispose: async () => {
        await store.close();
        await client.dispose();
      },
    };
  });

// The same harness as for a real server, on one test server that every test shares, as they would a real one.
let shared: Promise<TestServer> | undefined;
const sharedServer = (): Promise<TestServer> =>
  (shared ??= startTestServer({
    client: '@kurrent/kurrentdb-client',
    maxAppendSize: 4 * 1024 * 1024,
  }));
afterAll(async () => {
  await (await shared)?.stop();
});
describeEventStoreConformance(
  'KurrentDB through @kurrent/kurrentdb-client, one server shared by stores with stream prefixes',
  prefixedStores(async () => kurrentTestUrl(await sharedServer())),
);

const url = process.env['EVENTSTORE_URL'];
if (url !== undefined && url !== '') {
  // The KurrentDB client reads esdb:// strings too, but warns that the scheme is deprecated.
  const kurrentUrl = url.replace(/^esdb(\+discover)?:\/\//i, 'kurrentdb$1://');
  describeEventStoreConformance(
    `EventStoreDB at ${url} through @kurrent/kurrentdb-client`,
    prefixedStores(() => Promise.resolve(kurrentUrl)),
  );
}
