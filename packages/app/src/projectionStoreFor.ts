import { basename, dirname, join } from 'node:path';
import { createInMemoryProjectionStore, type ProjectionStore } from '@dossier/core';
import { createSqliteProjectionStore } from '@dossier/store-sqlite';
import type { StoreLocation } from './location.js';

/**
 * Where the read models' state and checkpoints live for an event store: beside a SQLite event file (`events.db` →
 * `projections.db`, `shop.db` → `shop.projections.db`), nowhere (memory) for EventStoreDB or an in-memory SQLite.
 */
export const projectionsPathFor = (location: StoreLocation): string | null => {
  if (location.kind !== 'sqlite' || location.path === ':memory:' || location.path === '') return null;
  const file = basename(location.path);
  const name =
    file === 'events.db' ? 'projections.db' : `${file.replace(/\.(db|sqlite)$/i, '')}.projections.db`;
  return join(dirname(location.path), name);
};

/**
 * Opens the projection store for an event store's location (see {@link projectionsPathFor}), or at `path` when given
 * (a SQLite file, also for EventStoreDB). Never throws: a file that cannot be opened gives a store whose every
 * operation answers `StoreUnavailable`, which `start` reports.
 */
export const openProjectionStore = (location: StoreLocation, path?: string): ProjectionStore => {
  const file = path ?? projectionsPathFor(location);
  return file === null ? createInMemoryProjectionStore() : createSqliteProjectionStore({ path: file });
};
