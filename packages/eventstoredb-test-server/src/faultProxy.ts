// A TCP relay in front of the gRPC server, so that faults happen where they happen in production: a connection that
// drops is a socket that closes (every call on it fails at once, as when a node restarts or a load balancer cuts
// it), and a node that goes silent is a connection that stops carrying bytes while staying open (the client sees
// nothing until its deadline or keep-alive gives up). The gRPC server sees the relay's upstream socket as its peer,
// which is how a call finds the connection to cut.
import { createServer, connect, type Server, type Socket } from 'node:net';

interface Relay {
  readonly client: Socket;
  readonly upstream: Socket;
  /** Bytes held while silent, in each direction, delivered in order when it speaks again. */
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

export interface FaultProxy {
  readonly port: number;
  /** Cuts the connection the gRPC server sees as `peer` (`host:port`); false when there is none. */
  drop(peer: string): boolean;
  /** Cuts every open connection. */
  dropAll(): number;
  /** Holds every byte in both directions until `speak()`, connections left open; new connections hang too. */
  silence(): void;
  speak(): void;
  readonly silent: boolean;
  /** How many client connections are open. */
  readonly open: number;
  /** As a node that dies: stops listening (a new connection is refused) and cuts every open connection. */
  down(): Promise<void>;
  /** Listens again on the same port, as the node restarted. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export const startFaultProxy = async (host: string, targetPort: number): Promise<FaultProxy> => {
  const relays = new Map<string, Relay>();
  let silent = false;

  const flush = (relay: Relay): void => {
    for (const chunk of relay.held.toUpstream.splice(0)) relay.upstream.write(chunk);
    for (const chunk of relay.held.toClient.splice(0)) relay.client.write(chunk);
  };

  const server: Server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = connect({ host, port: targetPort });
    upstream.setNoDelay(true);
    const relay: Relay = { client, upstream, held: { toUpstream: [], toClient: [] } };
    let key: string | undefined;
    upstream.on('connect', () => {
      key = `${upstream.localAddress ?? host}:${upstream.localPort ?? 0}`;
      relays.set(key, relay);
    });
    client.on('data', (chunk: Buffer) => {
      if (silent) relay.held.toUpstream.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (silent) relay.held.toClient.push(chunk);
      else client.write(chunk);
    });
    const close = (): void => {
      if (key !== undefined) relays.delete(key);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });

  const listen = (on: number): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  const port = await listen(0);

  const cut = (relay: Relay): void => {
    // resetAndDestroy sends a TCP RST on both sides, as when a node dies: the client learns at once, and the server
    // takes the requests it was still receiving as aborted (a polite FIN could read as the end of a request).
    relay.client.resetAndDestroy();
    relay.upstream.resetAndDestroy();
  };

  return {
    port,
    drop: (peer) => {
      const relay = relays.get(peer);
      if (relay === undefined) return false;
      relays.delete(peer);
      cut(relay);
      return true;
    },
    dropAll: () => {
      const all = [...relays.values()];
      relays.clear();
      all.forEach(cut);
      return all.length;
    },
    silence: () => {
      silent = true;
    },
    speak: () => {
      silent = false;
      relays.forEach(flush);
    },
    get silent() {
      return silent;
    },
    get open() {
      return relays.size;
    },
    down: async () => {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const all = [...relays.values()];
      relays.clear();
      all.forEach(cut);
      await closed;
    },
    up: async () => {
      if (!server.listening) await listen(port);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const relay of relays.values()) {
          relay.client.destroy();
          relay.upstream.destroy();
        }
        relays.clear();
        server.close(() => resolve());
      }),
  };
};
