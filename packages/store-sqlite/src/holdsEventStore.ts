import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoreUnavailable } from '@dossier/core';
import { attemptBusyMs, isBusy } from './busy.js';
import { hasSidecars, isInMemory, loneSidecarAfterGrace, tidySidecars } from './sidecars.js';

const cannotTell = (path: string, why: string): StoreUnavailable => ({
  _tag: 'StoreUnavailable',
  cause: `cannot tell whether ${path} is an event store: ${why}`,
});

/**
 * Whether the file at `path` is a Dossier event store (its `events` and `streams` tables), looked at read-only and
 * leaving nothing behind: so that a tool about to write elsewhere can refuse to write into one. A file that is not
 * SQLite is not one. It answers `StoreUnavailable` naming the file, promptly, when it cannot look without creating a
 * file or waiting: a `-wal` without its `-shm` (or the reverse), which SQLite would complete, or a file another
 * connection holds locked.
 */
export const holdsEventStore =
  (path: string): TaskEither<StoreUnavailable, boolean> =>
  async () => {
    if (isInMemory(path) || !existsSync(path)) return E.right(false);
    const lone = await loneSidecarAfterGrace(path);
    if (lone !== undefined) return E.left(cannotTell(path, lone));
    const hadSidecars = hasSidecars(path);
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true, timeout: attemptBusyMs });
    } catch {
      return E.right(false);
    }
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('events', 'streams')")
        .all() as ReadonlyArray<{ name: string }>;
      return E.right(tables.length === 2);
    } catch (thrown) {
      return isBusy(thrown)
        ? E.left(cannotTell(path, 'another connection holds it locked; try again once the lock is gone'))
        : E.right(false);
    } finally {
      db.close();
      if (!hadSidecars) tidySidecars(path);
    }
  };
