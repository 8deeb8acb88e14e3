/** Creates the EventStore port over EventStoreDB or KurrentDB. */
export { createEventStoreDbStore } from './store.js';
/** How to reach the server, and the store's schema and clock. */
export type { EventStoreDbConnection, EventStoreDbStore, EventStoreDbStoreOptions } from './store.js';
/** The policy for other applications' events on a shared server, what was skipped, and how one is told apart. */
export { isDossierEvent } from './foreign.js';
export type { ForeignEvent, ForeignEventPolicy, ForeignEventsReport } from './foreign.js';
/** The client surface the store uses, which both `EventStoreDBClient` and `KurrentDBClient` provide. */
export type { EsdbClientLike } from './clientLike.js';
/** Every client error type and the StoreError it becomes. */
export { clientErrorTable, toStoreError } from './errors.js';
/** What the store was doing when a client call failed. */
export type { ErrorContext } from './errors.js';
/** Dossier metadata to EventStoreDB JSON metadata (`$correlationId`, `$causationId`) and back. */
export { toEsdbMetadata, fromEsdbMetadata } from './metadata.js';
