import type { EventSchema } from '@dossier/core';

/** How to open a SQLite event store; every field has a default. */
export interface SqliteStoreOptions {
  /** The database file; its folder is created when missing. `':memory:'` keeps everything in this connection. */
  readonly path?: string;
  /** Validates appended events and decodes read ones; by default any JSON goes. */
  readonly schema?: EventSchema;
  /** The `recordedAt` of each append, ISO-8601 UTC; the system clock when omitted (as in the in-memory store). */
  readonly clock?: () => string;
  /** How often a live subscription looks for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** Opens an existing file for reading only: appends and deletes answer `StoreUnavailable`. */
  readonly readOnly?: boolean;
  /** How long a write waits for another process's transaction before giving up with `StoreUnavailable`. */
  readonly busyTimeoutMs?: number;
  /**
   * `'full'` (the default) syncs the write-ahead log at every commit, so an acknowledged append survives
   * power loss; `'normal'` only survives a crash of the process, and is faster.
   */
  readonly synchronous?: 'full' | 'normal';
}

export interface ResolvedOptions {
  readonly path: string;
  readonly schema: EventSchema;
  readonly clock: () => string;
  readonly pollIntervalMs: number;
  readonly readOnly: boolean;
  readonly busyTimeoutMs: number;
  readonly synchronous: 'full' | 'normal';
}

export const defaultPath = './.dossier/events.db';
