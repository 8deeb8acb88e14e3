import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreUnavailable } from '@dossier/core';
import { attemptBusyMs, markBusy, whileBusy } from '../busy.js';
import { unavailable } from '../sqliteErrors.js';
import { ensureProjectionTables } from './tables.js';

/** What opening the projection store's file needs to know. */
export interface ProjectionFile {
  readonly path: string;
  readonly busyTimeoutMs: number;
  readonly synchronous: 'full' | 'normal';
}

// 64 MiB: what the page cache may hold, whatever the size of the read models.
const pageCacheKiB = 65_536;

const isInMemory = (path: string): boolean => path === ':memory:' || path === '';

/**
 * Opens (and, when its tables are missing, creates) the projection store's file in one attempt that waits at most
 * {@link attemptBusyMs} inside SQLite for another connection's lock: better-sqlite3 is synchronous, so a longer wait
 * there would block the event loop. A failure made of that lock is marked busy (see `markBusy`), to be tried again.
 */
export const openProjectionsOnce = (file: ProjectionFile): E.Either<StoreUnavailable, Database.Database> => {
  const { path, busyTimeoutMs } = file;
  let db: Database.Database | undefined;
  try {
    if (!isInMemory(path)) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: attemptBusyMs });
    db.defaultSafeIntegers(true);
    // WAL: queries of other processes never block a save, and a save appends to one file. The mode is stored in
    // the file; setting it takes a lock, so only when it is not set yet.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${file.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    // Saves insert rows all over the rows' index: a larger page cache keeps its inner pages in memory.
    db.pragma(`cache_size = -${pageCacheKiB}`);
    ensureProjectionTables(db);
    // Once open, rows are read synchronously (a fold needs them so) and wait inside SQLite as long as the store is
    // told; reads seldom wait in WAL mode, and writes cut that wait to attempts on timers (see writeWhileBusy).
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return E.right(db);
  } catch (thrown) {
    db?.close();
    const error = unavailable(
      path,
      'opening the projection store',
      thrown,
      busyTimeoutMs,
      'the projection store',
    );
    return E.left(markBusy(error, thrown));
  }
};

/**
 * Opens the file as {@link openProjectionsOnce} does, trying again while another connection holds a lock, for up
 * to `busyTimeoutMs` in all: the pauses are timers, so the event loop runs meanwhile. At the bound it answers
 * `StoreUnavailable` naming the file.
 */
export const openProjectionsWaiting = (
  file: ProjectionFile,
): Promise<E.Either<StoreUnavailable, Database.Database>> =>
  whileBusy(file.busyTimeoutMs, () => openProjectionsOnce(file));
