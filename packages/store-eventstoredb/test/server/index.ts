// The test server's entry point (test support only; not exported from the package).
export { loadProtocol, type ClientPackage, type Protocol } from './protocol.js';
export { startTestServer, type TestServer, type TestServerOptions } from './server.js';
export { DELETED_STREAM, ExpectedVersion, Store, type RecordedEvent } from './storage.js';
