// The port's conformance suite through @eventstore/db-client: against the protocol test server, with the
// client appending through Append and through BatchAppend, and against a real server when EVENTSTORE_URL
// is set. @kurrent/kurrentdb-client runs it in kurrentdb.conformance.test.ts, in its own process.
import { describeEventStoreConformance, type ConformanceHarness } from '@dossier/core/testing';
import { createEventStoreDbStore } from '../src/index.js';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';
import { realServerHarness } from './support/realServer.js';
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

const url = process.env['EVENTSTORE_URL'];
if (url !== undefined && url !== '') {
  describeEventStoreConformance(
    `EventStoreDB at ${url} through @eventstore/db-client`,
    realServerHarness(({ schema, streamPrefix }) => {
      const store = createEventStoreDbStore({ connectionString: url }, { schema, streamPrefix });
      return Promise.resolve({ store, dispose: () => store.close() });
    }),
  );
}
