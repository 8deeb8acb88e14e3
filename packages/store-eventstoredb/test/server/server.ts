// An in-process EventStoreDB (KurrentDB) protocol server for tests: real gRPC on
// 127.0.0.1, the clients' own generated service definitions, in-memory storage.
//
//   const server = await startTestServer({ protocol: loadProtocol('@eventstore/db-client') });
//   const client = EventStoreDBClient.connectionString(server.url);
//   …
//   await client.dispose();   // first: ends the client's long-lived streams
//   await server.stop();      // then: ends whatever is left, never hangs
//
// Test support only: not exported from the package.
import {
  Server,
  ServerCredentials,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedHandleCall,
} from '@grpc/grpc-js';
import { appendHandler } from './appendService.js';
import { batchAppendHandler } from './batchAppend.js';
import type { ServerContext } from './context.js';
import { deleteHandler, tombstoneHandler } from './deleteService.js';
import { gossipReadHandler } from './gossip.js';
import type { Protocol } from './protocol.js';
import { readHandler } from './readService.js';
import { advertisedMethods, getSupportedMethodsHandler } from './serverFeatures.js';
import { Store } from './storage.js';

export interface TestServerOptions {
  /** The generated modules of the client package the test uses: `loadProtocol('@eventstore/db-client')`. */
  readonly protocol: Protocol;
  /**
   * Whether GetSupportedMethods lists Streams.BatchAppend (default true, like real
   * servers). The client appends with BatchAppend when it is listed and with Append
   * otherwise; both are served either way.
   */
  readonly advertiseBatchAppend?: boolean;
  /** Serve ServerFeatures at all (default true). Off, it answers UNIMPLEMENTED, as a 20.x server does. */
  readonly serverFeatures?: boolean;
  /** Reported by GetSupportedMethods (default '24.10.0'). */
  readonly serverVersion?: string;
  /** Maximum bytes per append (default 1 MiB, the server's default). */
  readonly maxAppendSize?: number;
  /** The clock for `created` (default: the system clock). */
  readonly clock?: () => Date;
  /** How long stop() lets calls finish before cutting them (default 100 ms). */
  readonly shutdownGraceMs?: number;
}

export interface TestServer {
  /** `esdb://127.0.0.1:PORT?tls=false`, for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  /** `kurrentdb://127.0.0.1:PORT?tls=false`, for `KurrentDBClient.connectionString`. */
  readonly kurrentUrl: string;
  readonly host: string;
  readonly port: number;
  /** The storage, to inspect (or seed) in tests. */
  readonly store: Store;
  /** The paths of the calls served so far, in order, e.g. `/event_store.client.streams.Streams/BatchAppend`. */
  readonly calls: readonly string[];
  /** Ends open calls (after a short grace) and closes the port. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MiB = 1024 * 1024;

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const { protocol } = options;
  const store = new Store(options.clock);
  const context: ServerContext = { protocol, store, maxAppendSize: options.maxAppendSize ?? MiB };
  const calls: string[] = [];
  let port = 0;

  const server = new Server({
    // The clients accept 17 MiB messages (events up to 16 MiB); accept as much.
    'grpc.max_receive_message_length': 17 * MiB,
    'grpc.max_send_message_length': 17 * MiB,
  });

  const { services } = protocol;
  server.addService(services.streams, {
    read: recorded(calls, services.streams.read.path, readHandler(context)),
    append: recorded(calls, services.streams.append.path, appendHandler(context)),
    delete: recorded(calls, services.streams.delete.path, deleteHandler(context)),
    tombstone: recorded(calls, services.streams.tombstone.path, tombstoneHandler(context)),
    batchAppend: recorded(calls, services.streams.batchAppend.path, batchAppendHandler(context)),
  });
  if (options.serverFeatures ?? true) {
    const methods = advertisedMethods(options.advertiseBatchAppend ?? true);
    server.addService(services.serverFeatures, {
      getSupportedMethods: recorded(
        calls,
        services.serverFeatures.getSupportedMethods.path,
        getSupportedMethodsHandler(context, methods, options.serverVersion ?? '24.10.0'),
      ),
    });
  }
  server.addService(services.gossip, {
    read: recorded(
      calls,
      services.gossip.read.path,
      gossipReadHandler(context, () => ({ host: HOST, port })),
    ),
  });

  port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${HOST}:0`, ServerCredentials.createInsecure(), (error, boundPort) =>
      error === null ? resolve(boundPort) : reject(error),
    );
  });

  const graceMs = options.shutdownGraceMs ?? 100;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      // Subscriptions and BatchAppend streams never end by themselves: give calls a
      // moment, then cut whatever is still open so a test can never hang here.
      const timer = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, graceMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    }));

  return {
    url: `esdb://${HOST}:${port}?tls=false`,
    kurrentUrl: `kurrentdb://${HOST}:${port}?tls=false`,
    host: HOST,
    port,
    store,
    calls,
    stop,
  };
}

type AnyCall =
  | ServerUnaryCall<unknown, unknown>
  | ServerReadableStream<unknown, unknown>
  | ServerWritableStream<unknown, unknown>
  | ServerDuplexStream<unknown, unknown>;

/** Wraps a handler to log its path first. */
function recorded<H extends UntypedHandleCall>(calls: string[], path: string, handler: H): H {
  const wrapped = (call: AnyCall, ...rest: unknown[]): unknown => {
    calls.push(path);
    return (handler as unknown as (call: AnyCall, ...rest: unknown[]) => unknown)(call, ...rest);
  };
  return wrapped as unknown as H;
}
