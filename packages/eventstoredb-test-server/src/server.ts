// An in-process EventStoreDB (KurrentDB) protocol server for tests: real gRPC on
// 127.0.0.1, the clients' own generated service definitions, in-memory storage.
//
//   const server = await startTestServer({ client: '@eventstore/db-client' });
//   const client = EventStoreDBClient.connectionString(server.url);
//   …
//   await client.dispose();   // first: ends the client's long-lived streams
//   await server.stop();      // then: ends whatever is left, never hangs
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
import { appendRecordsHandler } from './appendRecords.js';
import { appendSessionHandler } from './appendSession.js';
import { batchAppendHandler } from './batchAppend.js';
import type { ServedRequest, ServerContext } from './context.js';
import { deleteHandler, tombstoneHandler } from './deleteService.js';
import { faultyAppend, faultyBatchAppend, faultyRead } from './faultHooks.js';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import { FaultInjector } from './faults.js';
import { gossipReadHandler } from './gossip.js';
import { ProjectionEngine } from './projections/engine.js';
import { systemProjectionHandlers } from './projections/systemProjections.js';
import { projectionsHandlers } from './projectionsService.js';
import { loadProtocol } from './protocol.js';
import { readHandler } from './readService.js';
import { advertisedMethods, getSupportedMethodsHandler } from './serverFeatures.js';
import { Store } from './storage.js';
import { SYSTEM_PROJECTIONS, writeSystemEvents } from './systemEvents.js';
import type { TestServer, TestServerOptions } from './testServer.js';
import type { ClusterNode } from './clusterNode.js';

const HOST = '127.0.0.1';
const MiB = 1024 * 1024;

/** Starts a server on a free port of 127.0.0.1 speaking the protocol of the client package named. */
export const startTestServer = (options: TestServerOptions): Promise<TestServer> => startNode(options);

/** Starts one server: on its own, or as a node of an emulated cluster (cluster.ts), sharing its storage and view. */
export async function startNode(options: TestServerOptions, node?: ClusterNode): Promise<TestServer> {
  const protocol = loadProtocol(options.client);
  const store = node?.store ?? new Store(options.clock);
  if (node === undefined && (options.systemEvents ?? true)) writeSystemEvents(store);
  const requests: ServedRequest[] = [];
  const context: ServerContext = {
    protocol,
    store,
    maxAppendSize: options.maxAppendSize ?? MiB,
    requests,
    authentication: options.authentication ?? false,
  };
  const calls: string[] = [];
  const projections = new ProjectionEngine(store);
  for (const name of SYSTEM_PROJECTIONS) {
    const handler = systemProjectionHandlers[name];
    if (handler === undefined) continue;
    const definition = { name, mode: 'Continuous', emitEnabled: true, handler } as const;
    projections.add(definition, options.startStandardProjections ?? false);
  }
  // The port clients connect to: the gRPC server's own, or the fault relay's in front of it.
  let port = 0;
  let proxy: FaultProxy | undefined;
  const faults = new FaultInjector();
  const self = () => ({ host: HOST, port });
  // With { faults: true } the handlers are served through the fault hooks; otherwise they are called as they are.
  const hooked = <H>(handler: H, hook: (handler: H) => H): H =>
    options.faults === true ? hook(handler) : handler;

  const server = new Server({
    // The clients accept 17 MiB messages (events up to 16 MiB); accept as much.
    'grpc.max_receive_message_length': 17 * MiB,
    'grpc.max_send_message_length': 17 * MiB,
  });

  const { services } = protocol;
  server.addService(services.streams, {
    read: recorded(
      calls,
      services.streams.read.path,
      hooked(readHandler(context), (h) => faultyRead(faults, self, h)),
    ),
    append: recorded(
      calls,
      services.streams.append.path,
      hooked(appendHandler(context), (h) => faultyAppend(faults, self, h)),
    ),
    delete: recorded(calls, services.streams.delete.path, deleteHandler(context)),
    tombstone: recorded(calls, services.streams.tombstone.path, tombstoneHandler(context)),
    batchAppend: recorded(
      calls,
      services.streams.batchAppend.path,
      hooked(batchAppendHandler(context), (h) => faultyBatchAppend(faults, protocol, self, h)),
    ),
  });
  // KurrentDB 25.1's v2 multi-stream append, for the client that speaks it (a 24.10 server answers UNIMPLEMENTED).
  // KurrentDB 26's AppendRecords beside it unless told otherwise (a 25.1 server answers UNIMPLEMENTED).
  const v2 = (options.multiStreamAppend ?? true) ? protocol.v2 : undefined;
  const appendRecords = v2 !== undefined && (options.appendRecords ?? true);
  if (v2 !== undefined)
    server.addService(v2.service, {
      appendSession: recorded(calls, v2.service.appendSession.path, appendSessionHandler(context, v2)),
      ...(appendRecords
        ? { appendRecords: recorded(calls, v2.service.appendRecords.path, appendRecordsHandler(context, v2)) }
        : {}),
    });
  if (options.serverFeatures ?? true) {
    const methods = advertisedMethods(options.advertiseBatchAppend ?? true, v2 !== undefined, appendRecords);
    server.addService(services.serverFeatures, {
      getSupportedMethods: recorded(
        calls,
        services.serverFeatures.getSupportedMethods.path,
        getSupportedMethodsHandler(
          context,
          methods,
          // The version that has what is served: AppendSession came with 25.1, AppendRecords with 26.
          options.serverVersion ?? (appendRecords ? '26.1.0' : v2 === undefined ? '24.10.0' : '25.1.0'),
        ),
      ),
    });
  }
  const projectionCalls = projectionsHandlers(context, projections);
  server.addService(
    services.projections,
    Object.fromEntries(
      Object.entries(projectionCalls).map(([method, handler]) => [
        method,
        recorded(
          calls,
          (services.projections as Record<string, { path: string }>)[method]?.path ?? method,
          handler,
        ),
      ]),
    ),
  );
  server.addService(services.gossip, {
    read: recorded(
      calls,
      services.gossip.read.path,
      gossipReadHandler(context, node?.members ?? (() => [{ host: HOST, port, leader: true, alive: true }])),
    ),
  });

  const grpcPort = await new Promise<number>((resolve, reject) => {
    const credentials =
      options.tls === undefined
        ? ServerCredentials.createInsecure()
        : ServerCredentials.createSsl(null, [
            { cert_chain: options.tls.certChain, private_key: options.tls.privateKey },
          ]);
    server.bindAsync(`${HOST}:0`, credentials, (error, boundPort) =>
      error === null ? resolve(boundPort) : reject(error),
    );
  });
  port = grpcPort;
  if (options.faults === true) {
    proxy = await startFaultProxy(HOST, grpcPort);
    port = proxy.port;
    faults.attach(proxy);
    // A follower refuses writes, naming the leader, as a cluster's follower does.
    if (node !== undefined) faults.follow(() => node.leaderFor(port));
  }

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
    }).then(() => proxy?.close()));

  const tls = options.tls !== undefined;
  return {
    url: `esdb://${HOST}:${port}?tls=${tls}`,
    kurrentUrl: `kurrentdb://${HOST}:${port}?tls=${tls}`,
    host: HOST,
    port,
    store,
    calls,
    requests,
    faults,
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
