// The fault suite through @kurrent/kurrentdb-client, appending over BatchAppend as against a real server: over a
// thousand commands through createDossier with faults at random points end exactly as a fault-free run.
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '@dossier/store-eventstoredb';
import { dossierSchema } from '../src/index.js';
import { serverFaults } from './faults/inject.js';
import { ciSeed, runAgainstReference } from './faults/suite.js';

describe('the fault suite with @kurrent/kurrentdb-client', () => {
  it('on the test server over BatchAppend: 1,000+ commands, faults at random points, end as a fault-free run', async () => {
    const server = await startTestServer({
      client: '@kurrent/kurrentdb-client',
      faults: true,
      // A 24.10 server: the store appends over BatchAppend, where the faults are (not the v2 AppendSession).
      multiStreamAppend: false,
    });
    // A short discovery interval: the client's bridge otherwise waits half a second before its first call.
    const client = KurrentDBClient.connectionString(`${server.kurrentUrl}&discoveryInterval=10`);
    const store = createEventStoreDbStore({ client }, { schema: dossierSchema });
    try {
      const { before, injected } = serverFaults(server, ciSeed + 1, 0.25);
      const { outcome } = await runAgainstReference(ciSeed + 1, store, before);
      const fired = new Set(server.faults.fired.map((f) => `${f.target} ${f.fault.kind}`));
      expect([...fired].sort()).toEqual(Object.keys(injected.byKind).sort());
      expect(fired.size).toBe(10);
      expect(server.calls.filter((path) => path.endsWith('/BatchAppend')).length).toBeGreaterThan(0);
      expect(outcome.retries).toBeGreaterThan(0);
    } finally {
      await store.close();
      await client.dispose();
      await server.stop();
    }
  }, 180_000);
});
