// The port's conformance suite through @eventstore/db-client: against the protocol test server, with the
// client appending through Append and through BatchAppend, and against a real server when EVENTSTORE_URL
// is set. @kurrent/kurrentdb-client runs it in kurrentdb.conformance.test.ts, in its own process.
import { describeEventStoreConformance, type ConformanceHarness } from '@dossier/core/testing';
import { afterAll } from 'vitest';
import { createEventStoreDbStore } from '../src/index.js';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';
import { realServerHarness } from './support/realServer.js';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';
import { tamper } from './support/tamper.js';

const testServerHarness = (batchAppend: boolean): ConformanceHarness => {
  const fixtures = new Map<unknown, EsdbFixture>();
  return {
    create: async ({ schema }) => {
      const fixture = await startEsdbFixture({ batchAppend, schema });
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

describeEventStoreConformance('EventStoreDB through @eventstore/db-client, Append', testServerHarness(false));
describeEventStoreConformance(
  'EventStoreDB through @eventstore/db-client, BatchAppend',
  testServerHarness(true),
);

/** Stores over the server at `url`, each under its own stream prefix: the harness for a shared server. */
const prefixedStores = (url: () => Promise<string>) =>
  realServerHarness(async ({ schema, streamPrefix }) => {
    const store = createEventStoreDbStore({ connectionString: await url() }, { schema, streamPrefix });
    return { store, dispose: () => store.close() };
  });

// The same harness as for a real server, on one test server that every test shares, as they would a real one.
let shared: Promise<TestServer> | undefined;
const sharedServer = (): Promise<TestServer> =>
  (shared ??= startTestServer({
    client: '@eventstore/db-client',
    maxAppendSize: 4 * 1024 * 1024,
  }));
afterAll(async () => {
  await (await shared)?.stop();
});
describeEventStoreConformance(
  'EventStoreDB through @eventstore/db-client, one server shared by stores with stream prefixes',
  prefixedStores(async () => (await sharedServer()).url),
);

const url = process.env['EVENTSTORE_URL'];
if (url !== undefined && url !== '') {
  describeEventStoreConformance(
    `EventStoreDB at ${url} through @eventstore/db-client`,
    prefixedStores(() => Promise.resolve(url)),
  );
}
