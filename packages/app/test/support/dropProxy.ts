import { connect, createServer, type Socket } from 'node:net';

/** A TCP relay on 127.0.0.1 in front of a server, which can cut every connection through it at once. */
export interface DropProxy {
  readonly port: number;
  /** Destroys every open connection, both sides, as a network failure would; new ones are relayed again. */
  readonly drop: () => void;
  /** How many connections `drop` has cut so far. */
  readonly cut: () => number;
  readonly close: () => Promise<void>;
}

/** Starts a relay to `127.0.0.1:targetPort` on a free port. */
export const startDropProxy = async (targetPort: number): Promise<DropProxy> => {
  const open = new Set<Socket>();
  let cut = 0;
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  const drop = (): void => {
    cut += open.size;
    for (const socket of [...open]) socket.destroy();
  };
  return {
    port,
    drop,
    cut: () => cut,
    close: async () => {
      drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
