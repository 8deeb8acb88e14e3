import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { attemptBusyMs, nextPause } from './busy.js';

export const isInMemory = (path: string): boolean => path === ':memory:' || path === '';

/** The files SQLite keeps beside a database in WAL mode. */
export const sidecars = (path: string): ReadonlyArray<string> => [`${path}-wal`, `${path}-shm`];

/** Whether the `-wal` or the `-shm` of `path` is there. */
export const hasSidecars = (path: string): boolean => sidecars(path).some((file) => existsSync(file));

/**
 * SQLite opens a WAL file read-only only by creating its `-wal` and `-shm` beside it, and a read-only connection
 * cannot remove them. When they were not there before, a connection that only reads the schema and closes lets
 * SQLite remove them — under its own lock, and only if no other connection uses them; the WAL being empty, nothing is
 * written to the database.
 */
export const tidySidecars = (path: string): void => {
  if (!hasSidecars(path)) return;
  try {
    const db = new Database(path, { fileMustExist: true, timeout: attemptBusyMs });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } finally {
      db.close();
    }
  } catch {
    // Busy or unreadable: another connection has the files, or they are evidence left as found.
  }
};

/**
 * Why a read-only open must not go on: a `-wal` without its `-shm` (or the reverse). Another connection may hold the
 * store in exclusive locking mode (it keeps no `-shm`), or a crash or a copy of only some of the files left them so.
 * Either way SQLite would create the missing file to read the log, and cannot be asked not to (an exclusive lock
 * needs a writable file; `immutable` would ignore the committed transactions in the `-wal`).
 */
export const loneSidecar = (path: string): string | undefined => {
  const [wal, shm] = sidecars(path).map((file) => existsSync(file));
  if (wal === shm) return undefined;
  const [present, missing] = wal === true ? [`${path}-wal`, `${path}-shm`] : [`${path}-shm`, `${path}-wal`];
  return (
    `${present} is there without ${missing}: another connection holds the store locked in exclusive mode, or a ` +
    `crash or a partial copy left it so. Reading it would create ${missing}, and a read-only open creates no ` +
    `file: try again once the lock is gone, or recover it by opening it once read-write (the application, or ` +
    `openSqliteStore without readOnly), or read a copy of the files made elsewhere`
  );
};

/**
 * How long a lone sidecar is waited for before a read-only open refuses it: a connection opening the file creates
 * its `-wal` an instant before its `-shm`, and the last one closing removes the `-shm` an instant before the `-wal`.
 * Anything that lasts longer (an exclusive lock, a crash, a partial copy) is not worth the whole busy timeout.
 */
export const loneSidecarGraceMs = 100;

/**
 * {@link loneSidecar} once the instant another connection takes to create or remove its files has passed, looked
 * at again on timers for up to {@link loneSidecarGraceMs}: for a read-only check that must neither create the missing
 * file nor wait long.
 */
export const loneSidecarAfterGrace = async (path: string): Promise<string | undefined> => {
  const deadline = Date.now() + loneSidecarGraceMs;
  for (let pause = 5; ; pause = nextPause(pause)) {
    const lone = loneSidecar(path);
    const left = deadline - Date.now();
    if (lone === undefined || left <= 0) return lone;
    await sleep(Math.min(pause, left));
  }
};
