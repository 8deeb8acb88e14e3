// The suite is written for jest; vitest's `vi` has the same `fn`/`spyOn`/`mock` calls the tests use. The suite's
// jest environment (utils/enableVersionCheck.ts) asks a node for its capabilities: ask the test server the same way.
import { vi } from 'vitest';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { Cluster } from '@test-utils/Cluster';

// Two jest calls have no `vi` twin of that name: `setTimeout(ms)` sets the test timeout; `retryTimes` (flaky cluster
// tests) is not honoured.
const jestOnly = {
  setTimeout: (ms) => vi.setConfig({ testTimeout: ms }),
  retryTimes: () => globalThis.jest,
};
globalThis.jest = new Proxy(vi, { get: (target, name) => jestOnly[name] ?? target[name] });
const node = new Cluster(1);
await node.up();
const client = KurrentDBClient.connectionString(node.connectionString());
globalThis.capabilities = await client.capabilities;
await client.dispose();
await node.down();
