import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStore } from '@dossier/core';
import { startTestServer, type TestServer } from '@dossier/eventstoredb-test-server';
import { openStore } from '../src/index.js';
import { inviteAna, right } from './support/flowFixtures.js';

let server: TestServer | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.stop();
  server = undefined;
});

/** A server Dossier shares with a shop: Dossier's events, and the shop's order between them. */
const sharedServer = async (): Promise<string> => {
  server = await startTestServer({ client: '@eventstore/db-client' });
  const { store } = await right(openStore(server.url));
  cleanups.push(() => store.close());
  await inviteAna(store);
  const shop = EventStoreDBClient.connectionString(server.url);
  cleanups.push(() => shop.dispose());
  await shop.appendToStream('order-7', jsonEvent({ type: 'OrderPlaced', data: { total: 3 } }));
  return server.url;
};

describe('verify on a server other applications write to', () => {
  it("verifies Dossier's log, skipping the other application's event, by default", async () => {
    const url = await sharedServer();
    const { store } = await right(openStore(url));
    cleanups.push(() => store.close());
    const verified = await right(verifyStore(store));
    expect(verified.ok).toBe(true);
    expect(verified.streams.map((s) => s.stream)).not.toContain('order-7');
  });

  it("in strict mode, fails naming the other application's event, for an auditor of a Dossier-only server", async () => {
    const url = await sharedServer();
    const { store } = await right(openStore(url, { foreignEvents: 'strict' }));
    cleanups.push(() => store.close());
    const verified = await right(verifyStore(store));
    expect(verified.ok).toBe(false);
    const shop = verified.streams.find((s) => s.stream === 'order-7');
    expect(shop?.result).toMatchObject({ ok: false });
  });
});
