import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInMemoryProjectionStore, createInMemoryStore } from '@dossier/core';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createSqliteProjectionStore } from '@dossier/store-sqlite';
import { dossierSchema, openStore } from '../../src/index.js';
import { right } from './flowFixtures.js';
import type { Stores } from './harness.js';

/** Fresh in-memory stores: core's event store with the domain's schema, and the in-memory projection store. */
export const inMemoryStores = (): Promise<Stores> => {
  const store = createInMemoryStore({ schema: dossierSchema });
  const states = createInMemoryProjectionStore();
  return Promise.resolve({
    store,
    states,
    close: async () => {
      await states.close();
      await store.close();
    },
  });
};

/**
 * Both stores in files of a fresh temporary folder, removed on close: events through the app's `sqlite:` location,
 * state and checkpoints in the SQLite projection store, as the CLI and the demo run them.
 */
export const sqliteStores = async (): Promise<Stores> => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-app-'));
  const { store } = await right(openStore(`sqlite:${join(folder, 'events.db')}`));
  const states = createSqliteProjectionStore({ path: join(folder, 'projections.db'), synchronous: 'normal' });
  return {
    store,
    states,
    close: async () => {
      await states.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

/**
 * The event store opened from a fresh test server's esdb:// connection string, as the CLI opens a real server: the
 * real client over real gRPC on 127.0.0.1. Read-model state stays in memory, as with EventStoreDB unless told otherwise.
 */
export const eventStoreDbStores = async (): Promise<Stores> => {
  const server = await startTestServer({ client: '@eventstore/db-client' });
  const { store } = await right(openStore(server.url));
  const states = createInMemoryProjectionStore();
  return {
    store,
    states,
    close: async () => {
      await states.close();
      await store.close(); // first: ends the client's long-lived streams
      await server.stop();
    },
  };
};
