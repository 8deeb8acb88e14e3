/** Opens the SQLite event store, never throwing: a file that cannot be opened makes every call answer `StoreUnavailable`. */
export { createSqliteStore } from './store.js';
/** Opens the SQLite event store now, or says why it cannot, for tools that should stop early. */
export { openSqliteStore } from './store.js';
/** The SQLite store: the `EventStore` port plus `path` and `listStreams`; and one entry of `listStreams`. */
export type { SqliteEventStore, StreamSummary } from './store.js';
/** Options of `createSqliteStore` and `openSqliteStore`. */
export type { SqliteStoreOptions } from './options.js';
/** Where the store lives when no path is given: `./.dossier/events.db`. */
export { defaultPath } from './options.js';
/** Whether a file is a Dossier event store, looked at read-only: for tools that must not write into one. */
export { holdsEventStore } from './holdsEventStore.js';
/** The schema version this package writes; files at a higher version are refused. */
export { currentSchemaVersion } from './migrations.js';
/** Opens the SQLite projection store (state and checkpoint in one row, WAL), never throwing; its options and type. */
export { createSqliteProjectionStore, defaultProjectionsPath } from './projection/projectionStore.js';
/** Options and type of `createSqliteProjectionStore`. */
export type { SqliteProjectionStoreOptions, SqliteProjectionStore } from './projection/projectionStore.js';
