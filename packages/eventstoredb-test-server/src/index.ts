/** Starts an in-process EventStoreDB protocol server (real gRPC on 127.0.0.1, in-memory storage). */
export { startTestServer } from './server.js';
/** What the server takes, what it gives back, and the client packages whose protocol it speaks. */
export type { ClientPackage, TestServer, TestServerOptions } from './testServer.js';
/** One append or read the server served, as `TestServer.requests` lists them. */
export type { ServedRequest } from './servedRequest.js';
/** The server's storage, to inspect or seed in tests, with the server's encoding of expected versions. */
export { DELETED_STREAM, ExpectedVersion, Store, type RecordedEvent } from './storage.js';
/** Faults a test injects: dropped connections, delays, timeouts, NotLeader, a silent node. */
export type { Fault, FaultTarget, Faults, FiredFault, LeaderAddress } from './faults.js';
/** A cluster of nodes emulated in process: one log, gossip, a leader that can change. */
export { startTestCluster, type TestCluster, type TestClusterOptions } from './cluster.js';
