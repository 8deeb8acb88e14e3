// Authentication and `$acl` enforcement, opt-in (`authentication: true`) as on a secure node, through the real client
// over TLS (the clients send credentials only over TLS). fixtures/tls holds a self-signed test CA and a certificate
// for 127.0.0.1 made with openssl for these tests only (its key protects nothing). The client's own tests check the
// same: wrong credentials → AccessDeniedError (defaultCredentials), an ACL naming another user → AccessDeniedError
// on Append and BatchAppend (appendToStream-errors).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AccessDeniedError, EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { describe, expect, onTestFinished, test } from 'vitest';
import { startTestServer, type TestServerOptions } from '../src/index.js';
import { collect, serverAndClient } from './harness.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/tls/${name}`, import.meta.url));
const tls = { certChain: readFileSync(fixture('node.crt')), privateKey: readFileSync(fixture('node.key')) };
const event = () => jsonEvent({ type: 'E', data: {} });

async function secureServer(options: Omit<TestServerOptions, 'client'> = {}) {
  const server = await startTestServer({
    client: '@eventstore/db-client',
    tls,
    authentication: true,
    ...options,
  });
  const clients: EventStoreDBClient[] = [];
  onTestFinished(async () => {
    for (const client of clients) await client.dispose();
    await server.stop();
  });
  const connect = (credentials: string, params = ''): EventStoreDBClient => {
    const at = credentials === '' ? '' : `${credentials}@`;
    const client = EventStoreDBClient.connectionString(
      `esdb://${at}127.0.0.1:${server.port}?tls=true&tlsCAFile=${fixture('ca.crt')}${params}`,
    );
    clients.push(client);
    return client;
  };
  return { server, connect };
}

describe('authentication (opt-in)', () => {
  test('off by default, as an insecure node: an ACL naming another user stops no one', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('locked', event());
    await client.setStreamMetadata('locked', {
      acl: { writeRoles: ['some_user'], readRoles: ['some_user'] },
    });
    await client.appendToStream('locked', event());
    expect(await collect(client.readStream('locked'))).toHaveLength(2);
  });

  test('admin:changeit may do everything; wrong credentials and no credentials are AccessDenied', async () => {
    const { server, connect } = await secureServer();
    expect(server.url).toContain('tls=true');
    const admin = connect('admin:changeit');
    await admin.appendToStream('s', event());
    expect(await collect(admin.readStream('s'))).toHaveLength(1);
    expect((await collect(admin.readAll())).length).toBeGreaterThan(1);

    const wrong = { username: 'AzureDiamond', password: 'hunter2' };
    await expect(collect(admin.readAll({ credentials: wrong }))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(admin.appendToStream('s', event(), { credentials: wrong })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    await expect(collect(connect('admin:wrong').readStream('s'))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(collect(connect('').readStream('s'))).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('default ACLs: user streams open to any user, $-streams and $all to $admins only', async () => {
    const { connect } = await secureServer();
    const ops = connect('ops:changeit');
    await ops.appendToStream('orders', event());
    expect(await collect(ops.readStream('orders'))).toHaveLength(1);
    await expect(collect(ops.readAll())).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(collect(ops.readStream('$users'))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(ops.appendToStream('$system', event())).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test.each([true, false])(
    '$acl in stream metadata: $w, $r, $d, $mr, $mw checked (BatchAppend: %s)',
    async (batch) => {
      const { server, connect } = await secureServer({ advertiseBatchAppend: batch });
      const admin = connect('admin:changeit');
      const ops = connect('ops:changeit');
      await admin.appendToStream('locked', event());
      await admin.setStreamMetadata('locked', {
        acl: {
          writeRoles: ['some_user'],
          readRoles: ['ops'],
          deleteRoles: [],
          metaReadRoles: [],
          metaWriteRoles: [],
        },
      });

      await expect(ops.appendToStream('locked', event())).rejects.toBeInstanceOf(AccessDeniedError);
      expect(server.calls).toContain(
        `/event_store.client.streams.Streams/${batch ? 'BatchAppend' : 'Append'}`,
      );
      expect(await collect(ops.readStream('locked'))).toHaveLength(1);
      await expect(ops.deleteStream('locked')).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(ops.getStreamMetadata('locked')).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(ops.setStreamMetadata('locked', {})).rejects.toBeInstanceOf(AccessDeniedError);

      await admin.appendToStream('locked', event());
      expect(await collect(admin.readStream('locked'))).toHaveLength(2);
    },
  );
});
