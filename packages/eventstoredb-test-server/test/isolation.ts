// The two clients ship separate generated copies of the same protos, which register
// their classes in one process-wide namespace (`proto.event_store.client…`); they must
// not be loaded in one process. Vitest runs each test file in its own process (pool
// `forks`, isolate on), so each file loads one client; these helpers let a test prove it.
import { createRequire } from 'node:module';
import type { Protocol } from '../src/protocol.js';

/** Module paths in this process's CommonJS cache that belong to a client package. */
export function loadedModulesOf(
  clientPackage: '@eventstore/db-client' | '@kurrent/kurrentdb-client',
): string[] {
  // pnpm's store folder spells the scope with '+': .pnpm/@eventstore+db-client@6.2.1/…
  const folder = clientPackage.replace('/', '+');
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).filter((path) => path.includes(folder));
}

/** Whether the global protobuf namespace holds this protocol copy's classes. */
export function ownsGlobalNamespace(protocol: Protocol): boolean {
  const global = globalThis as { proto?: { event_store?: { client?: { streams?: { ReadReq?: unknown } } } } };
  return global.proto?.event_store?.client?.streams?.ReadReq === protocol.streams.ReadReq;
}
