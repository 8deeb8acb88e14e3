// The fault suite through @eventstore/db-client: over a thousand commands through createDossier into the
// EventStoreDB store, with faults at random points (a fixed seed; `pnpm soak:esdb` draws one), end exactly as a
// fault-free run of the same commands on the in-memory store — every stream's events, no event id twice, every
// read model's rows. On the test server the client appends over Append: its BatchAppend keeps one promise table for
// all its streams, and a reset connection's error settles appends already sent on the next connection, whose
// answers then throw in the client (fixed in @kurrent/kurrentdb-client; see faults.kurrentdb.test.ts for BatchAppend).
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { startTestCluster, startTestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '@dossier/store-eventstoredb';
import { dossierSchema, openStore } from '../src/index.js';
import { clientFaults } from './faults/clientFaults.js';
import { serverFaults } from './faults/inject.js';
import { ciSeed, runAgainstReference } from './faults/suite.js';
import { right } from './support/flowFixtures.js';

describe('the fault suite with @eventstore/db-client', () => {
  it('on the test server: 1,000+ commands, faults of every kind at random points, end as a fault-free run', async () => {
    const server = await startTestServer({
      client: '@eventstore/db-client',
      faults: true,
      advertiseBatchAppend: false,
    });
    const { store } = await right(openStore(server.url));
    try {
      const { before, injected } = serverFaults(server, ciSeed, 0.25);
      const { outcome } = await runAgainstReference(ciSeed, store, before);
      // The faults did happen, of every kind, and commands were sent again because of them.
      const fired = new Set(server.faults.fired.map((f) => `${f.target} ${f.fault.kind}`));
      expect([...fired].sort()).toEqual(Object.keys(injected.byKind).sort());
      expect(fired.size).toBe(10);
      expect(server.faults.fired.length).toBeGreaterThan(100);
      expect(outcome.retries).toBeGreaterThan(0);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 180_000);

  it('on an emulated 3-node cluster whose leader changes every 100 commands, with faults on the leader: the same', async () => {
    const cluster = await startTestCluster({ client: '@eventstore/db-client', advertiseBatchAppend: false });
    const { store } = await right(openStore(cluster.url));
    try {
      const faults = serverFaults(() => cluster.nodes[cluster.leader()]!, ciSeed + 2, 0.15);
      let commands = 0;
      let elections = 0;
      const before = (writer: number, index: number): void => {
        commands += 1;
        if (commands % 100 === 0) {
          cluster.elect((cluster.leader() + 1) % cluster.nodes.length);
          elections += 1;
        }
        faults.before(writer, index);
      };
      const { outcome } = await runAgainstReference(ciSeed + 2, store, before);
      expect(elections).toBeGreaterThanOrEqual(10);
      // Every node led and took writes: the client found each new leader through gossip.
      expect(cluster.nodes.every((node) => node.requests.some((r) => r.kind === 'append'))).toBe(true);
      expect(outcome.retries).toBeGreaterThan(0);
    } finally {
      await store.close();
      await cluster.stop();
    }
  }, 180_000);

  const url = process.env['EVENTSTORE_URL'];
  // Registered only with a real server to run against: without one there is no such test, rather than a skipped one.
  if (url !== undefined)
    it('on the real server at EVENTSTORE_URL: the same, with faults made on the client side', async () => {
      const client = EventStoreDBClient.connectionString(url);
      const faulty = clientFaults(client, ciSeed, 0.25);
      // A prefix of its own: a server cannot be emptied, and the run must see only its own streams.
      const store = createEventStoreDbStore(
        { client: faulty.client },
        { schema: dossierSchema, streamPrefix: `dossier-faults-${randomUUID()}/` },
      );
      try {
        const { outcome } = await runAgainstReference(ciSeed, store, faulty.before);
        expect(Object.keys(faulty.injected).sort()).toEqual([
          'answerLost',
          'notSent',
          'readCut',
          'shortDeadline',
        ]);
        expect(outcome.retries).toBeGreaterThan(0);
      } finally {
        await store.close();
        await client.dispose();
      }
    }, 600_000);
});
