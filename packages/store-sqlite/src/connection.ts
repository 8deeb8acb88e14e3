import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as E from 'fp-ts/lib/Either.js';
import Database from 'better-sqlite3';
import type { StoreUnavailable } from '@dossier/core';
import { currentSchemaVersion, migrate, schemaVersionOf } from './migrations.js';
import type { ResolvedOptions } from './options.js';
import { attemptBusyMs, isBusy as isBusyError } from './busy.js';
import { hasSidecars, isInMemory, loneSidecar, loneSidecarGraceMs, tidySidecars } from './sidecars.js';
import { unavailable } from './sqliteErrors.js';

/** Why one attempt to open failed: what was thrown, to be told apart (busy or not) before it is described. */
interface OpenFailed {
  readonly thrown: unknown;
}

// What to do after closing a database, by database: tidying the files a read-only open had SQLite create.
const afterClose = new WeakMap<Database.Database, () => void>();

/** Thrown for {@link loneSidecar}: waited for a moment only (see {@link loneSidecarGraceMs}). */
class LoneSidecar extends Error {}

const attempt = (options: ResolvedOptions): E.Either<OpenFailed, Database.Database> => {
  const { path, readOnly } = options;
  const lone = readOnly && !isInMemory(path) ? loneSidecar(path) : undefined;
  if (lone !== undefined) return E.left({ thrown: new LoneSidecar(lone) });
  if (!readOnly && !isInMemory(path)) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (thrown) {
      return E.left({ thrown });
    }
  }
  const hadSidecars = readOnly && !isInMemory(path) && hasSidecars(path);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: attemptBusyMs });
  } catch (thrown) {
    return E.left({ thrown });
  }
  const tidy = (): void => {
    if (readOnly && !isInMemory(path) && !hadSidecars) tidySidecars(path);
  };
  const prepared = prepare(db, options);
  if (E.isLeft(prepared)) {
    db.close();
    tidy();
    return prepared;
  }
  // SQLite keeps waiting `attemptBusyMs` at most for a lock: longer waits are the store's retries, on timers.
  afterClose.set(db, tidy);
  return prepared;
};

const prepare = (
  db: Database.Database,
  options: ResolvedOptions,
): E.Either<OpenFailed, Database.Database> => {
  const { readOnly } = options;
  const fail = (message: string) => E.left({ thrown: new Error(message) });
  try {
    db.defaultSafeIntegers(true);
    if (!readOnly) {
      // WAL: readers never block the writer and a commit appends to one file; the mode is stored in the
      // file, so a read-only connection finds it already set. Set only when it is not, which takes a lock.
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    }
    const version = schemaVersionOf(db);
    if (version === null) return fail('the file holds tables but is not a Dossier event store');
    if (version > currentSchemaVersion)
      return fail(`the file has schema version ${version}, newer than this code's ${currentSchemaVersion}`);
    if (readOnly && version < currentSchemaVersion) {
      return fail(
        version === 0
          ? 'the file holds no event store yet'
          : `the file has schema version ${version}; open it read-write once to migrate it to ${currentSchemaVersion}`,
      );
    }
    // The write lock only when there is something to migrate: a store opened while another process writes
    // must not wait for that process's transaction.
    if (!readOnly && version < currentSchemaVersion) migrate(db, options.clock);
    return E.right(db);
  } catch (thrown) {
    return E.left({ thrown });
  }
};

const isBusy = (failed: OpenFailed): boolean =>
  failed.thrown instanceof LoneSidecar || isBusyError(failed.thrown);

const describe = (options: ResolvedOptions, failed: OpenFailed): StoreUnavailable =>
  unavailable(options.path, 'opening', failed.thrown, options.busyTimeoutMs);

/** Why a database could not be opened, and whether only another connection's lock was in the way. */
export interface OpenRefused {
  readonly error: StoreUnavailable;
  readonly busy: boolean;
}

/**
 * Opens (and, unless read-only, creates and migrates) the database in one attempt that waits for another
 * connection's lock a few milliseconds at most. Never throws: a missing folder that cannot be made, a directory,
 * a file that is not SQLite or a newer schema all come back as {@link StoreUnavailable} naming the path.
 */
export const openDatabase = (options: ResolvedOptions): E.Either<OpenRefused, Database.Database> =>
  E.mapLeft((failed: OpenFailed): OpenRefused => ({
    error: describe(options, failed),
    busy: isBusy(failed),
  }))(attempt(options));

/**
 * Opens the database as {@link openDatabase} does, trying again while another connection holds a lock, for up to
 * `busyTimeoutMs` in all: the waits are timers, so the event loop runs meanwhile. A read-only open that finds a lone
 * sidecar refuses it after {@link loneSidecarGraceMs}, not the whole busy timeout.
 */
export const openDatabaseWaiting = async (
  options: ResolvedOptions,
): Promise<E.Either<StoreUnavailable, Database.Database>> => {
  const start = Date.now();
  const deadline = start + options.busyTimeoutMs;
  const loneDeadline = start + Math.min(loneSidecarGraceMs, options.busyTimeoutMs);
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const opened = attempt(options);
    if (E.isRight(opened)) return opened;
    const until =
      opened.left.thrown instanceof LoneSidecar ? loneDeadline : isBusy(opened.left) ? deadline : start;
    const left = Math.max(0, until - Date.now());
    if (left === 0) return E.left(describe(options, opened.left));
    await sleep(Math.min(pause, left));
  }
};

/** Closes a database opened here, then tidies what a read-only open had SQLite create beside the file. */
export const closeDatabase = (db: Database.Database): void => {
  db.close();
  afterClose.get(db)?.();
};
