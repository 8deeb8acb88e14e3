import {
  loadProtocol,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../test/server/index.js';

/** The in-process EventStoreDB protocol server (real gRPC on 127.0.0.1, in-memory storage), for tests only. */
export { loadProtocol, startTestServer };
/** The test server, what it takes, and the client packages whose protocol it can speak. */
export type { TestServer, TestServerOptions, ClientPackage, Protocol } from '../test/server/index.js';

/**
 * Starts the test server speaking `@eventstore/db-client`'s protocol, the client this package's store uses: its `url`
 * (`esdb://127.0.0.1:PORT?tls=false`) opens a real store over real gRPC. Stop it after closing the stores over it.
 */
export const startEsdbTestServer = (options: Omit<TestServerOptions, 'protocol'> = {}): Promise<TestServer> =>
  startTestServer({ protocol: loadProtocol('@eventstore/db-client'), ...options });
