import type Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  isJsonValue,
  type CopyChanges,
  type CopyKey,
  type RowSource,
  type ProjectionStore,
  type StoredCopy,
  type StoreUnavailable,
} from '@dossier/core';
import { wasBusy, writeWhileBusy } from '../busy.js';
import { unavailable } from '../sqliteErrors.js';
import { openProjectionsOnce, openProjectionsWaiting, type ProjectionFile } from './openProjections.js';
import { pendingProjectionStore } from './pendingProjectionStore.js';
import { copyColumns, type CopyRow } from './tables.js';
import { unavailableProjectionStore } from './unavailableProjectionStore.js';

/** Where projection state lives when no path is given: beside the default event store, in its own file. */
export const defaultProjectionsPath = './.dossier/projections.db';

/** How to open a SQLite projection store; every field has a default. */
export interface SqliteProjectionStoreOptions {
  /**
   * The database file, `./.dossier/projections.db` unless told. It may be the event store's own file (the
   * tables are prefixed `dossier_projection_`); open the event store first then, so it finds its schema.
   */
  readonly path?: string;
  /**
   * How long opening the file or a save waits for another connection's transaction, on timers (the event loop keeps
   * running), before answering `StoreUnavailable`; 5 s unless told.
   */
  readonly busyTimeoutMs?: number;
  /**
   * `'full'` (the default) syncs at every save; `'normal'` syncs saves only at WAL checkpoints, so a save survives
   * a crash of the process but maybe not of the machine, and is faster (what a rebuild, whose copy can be rebuilt
   * again, wants). A promotion is synced either way, and with it every save before it.
   */
  readonly synchronous?: 'full' | 'normal';
  /** The `saved_at` of each save, ISO-8601 UTC; the system clock when omitted. */
  readonly clock?: () => string;
}

/** The SQLite projection store: the port plus the file it writes. */
export interface SqliteProjectionStore extends ProjectionStore {
  readonly path: string;
}

const keyOf = (row: CopyRow): CopyKey => ({
  name: row.name,
  version: Number(row.version),
  generation: Number(row.generation),
});

const toCopy = (row: CopyRow): StoredCopy => ({ key: keyOf(row), checkpoint: row.checkpoint });

const storeOver = (
  db: Database.Database,
  path: string,
  options: SqliteProjectionStoreOptions,
  busyTimeoutMs: number,
): SqliteProjectionStore => {
  const clock = options.clock ?? (() => new Date().toISOString());
  let closed = false;
  const selectCopy = db.prepare(
    `SELECT ${copyColumns} FROM dossier_projection_copy WHERE name = ? AND version = ? AND generation = ?`,
  );
  const selectCurrent = db.prepare(
    `SELECT ${copyColumns} FROM dossier_projection_copy
     WHERE id = (SELECT copy FROM dossier_projection_serving WHERE name = ?)`,
  );
  const insertCopy = db.prepare(
    `INSERT INTO dossier_projection_copy (name, version, generation, checkpoint, saved_at) VALUES (?, ?, ?, NULL, ?)`,
  );
  const setCheckpoint = db.prepare(
    `UPDATE dossier_projection_copy SET checkpoint = ?, saved_at = ? WHERE id = ?`,
  );
  const upsertRow = db.prepare(
    `INSERT INTO dossier_projection_row (copy, grp, key, row) VALUES (?, ?, ?, ?)
     ON CONFLICT (copy, grp, key) DO UPDATE SET row = excluded.row`,
  );
  const deleteRow = db.prepare(`DELETE FROM dossier_projection_row WHERE copy = ? AND grp = ? AND key = ?`);
  const selectRow = db.prepare(
    `SELECT row FROM dossier_projection_row WHERE copy = ? AND grp = ? AND key = ?`,
  );
  const selectGroup = db.prepare(
    `SELECT key, row FROM dossier_projection_row WHERE copy = ? AND grp = ? ORDER BY key`,
  );
  const deleteRowsOf = db.prepare(`DELETE FROM dossier_projection_row WHERE copy = ?`);
  const setServing = db.prepare(
    `INSERT INTO dossier_projection_serving (name, copy) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET copy = excluded.copy`,
  );
  const othersOf = db.prepare(`SELECT id FROM dossier_projection_copy WHERE name = ? AND id <> ?`);
  const deleteCopy = db.prepare(`DELETE FROM dossier_projection_copy WHERE id = ?`);
  selectRow.pluck();

  // A write (`writes`) waits for another connection's lock on timers, not inside SQLite: see writeWhileBusy.
  const run =
    <A>(
      doing: string,
      work: () => E.Either<StoreUnavailable, A>,
      writes = false,
    ): TaskEither<StoreUnavailable, A> =>
    async () => {
      if (closed)
        return E.left({
          _tag: 'StoreUnavailable',
          cause: `${doing}: the projection store ${path} is closed`,
        });
      try {
        return writes ? await writeWhileBusy(db, busyTimeoutMs, work) : work();
      } catch (thrown) {
        return E.left(unavailable(path, doing, thrown, busyTimeoutMs, 'the projection store'));
      }
    };

  const bind = (key: CopyKey) => [key.name, BigInt(key.version), BigInt(key.generation)] as const;
  const idOf = (key: CopyKey): bigint | undefined =>
    (selectCopy.get(...bind(key)) as CopyRow | undefined)?.id;

  const reset = db.transaction((key: CopyKey): void => {
    const id = idOf(key);
    if (id === undefined) insertCopy.run(...bind(key), clock());
    else {
      deleteRowsOf.run(id);
      setCheckpoint.run(null, clock(), id);
    }
  });

  const save = db.transaction(
    ({ key, changes, checkpoint }: CopyChanges): E.Either<StoreUnavailable, void> => {
      const id = idOf(key);
      if (id === undefined)
        return E.left({ _tag: 'StoreUnavailable', cause: `saving ${key.name}: no copy ${describeKey(key)}` });
      for (const { group, key: rowKey, row } of changes) {
        if (row === null) deleteRow.run(id, group, rowKey);
        else upsertRow.run(id, group, rowKey, JSON.stringify(row));
      }
      setCheckpoint.run(checkpoint, clock(), id);
      return E.right(undefined);
    },
  );

  const promoteInTransaction = db.transaction((key: CopyKey): boolean => {
    const id = idOf(key);
    if (id === undefined) return false;
    setServing.run(key.name, id);
    for (const other of othersOf.pluck().all(key.name, id) as bigint[]) {
      deleteRowsOf.run(other);
      deleteCopy.run(other);
    }
    return true;
  });
  // In WAL mode a synced commit syncs the log up to it: the saves made under `synchronous = NORMAL` before a
  // promotion are as durable as the promotion itself.
  const promote = (key: CopyKey): boolean => {
    if (options.synchronous !== 'normal') return promoteInTransaction.immediate(key);
    db.pragma('synchronous = FULL');
    try {
      return promoteInTransaction.immediate(key);
    } finally {
      db.pragma('synchronous = NORMAL');
    }
  };

  // Reads resolve the copy's id once it exists; a reset keeps the id, so it never goes stale.
  const rowsOf = (key: CopyKey): RowSource => {
    let id: bigint | undefined;
    const resolved = (): bigint | undefined => (id ??= idOf(key));
    return {
      get: (group, rowKey) => {
        const copy = resolved();
        const text =
          copy === undefined ? undefined : (selectRow.get(copy, group, rowKey) as string | undefined);
        return text === undefined ? undefined : (JSON.parse(text) as unknown);
      },
      entries: (group) => {
        const copy = resolved();
        if (copy === undefined) return [];
        return (selectGroup.all(copy, group) as ReadonlyArray<{ key: string; row: string }>).map(
          ({ key: rowKey, row }) => [rowKey, JSON.parse(row) as unknown] as const,
        );
      },
    };
  };

  return {
    path,
    current: (name) =>
      run(`reading the current copy of ${name}`, () => {
        const row = selectCurrent.get(name) as CopyRow | undefined;
        return E.right(row === undefined ? null : toCopy(row));
      }),
    load: (key) =>
      run(`reading a copy of ${key.name}`, () => {
        const row = selectCopy.get(...bind(key)) as CopyRow | undefined;
        return E.right(row === undefined ? null : toCopy(row));
      }),
    reset: (key) =>
      run(
        `starting a copy of ${key.name}`,
        () => {
          reset.immediate(key);
          return E.right(undefined);
        },
        true,
      ),
    save: (copy) =>
      run(
        `saving ${copy.key.name}`,
        () => {
          const bad = copy.changes.find((change) => change.row !== null && !isJsonValue(change.row));
          if (bad !== undefined)
            return E.left({
              _tag: 'StoreUnavailable',
              cause: `saving ${copy.key.name}: the row ${bad.group}/${bad.key} is not plain JSON`,
            });
          return save.immediate(copy);
        },
        true,
      ),
    rows: rowsOf,
    promote: (key) =>
      run(
        `promoting a copy of ${key.name}`,
        () =>
          promote(key)
            ? E.right(undefined)
            : E.left({
                _tag: 'StoreUnavailable',
                cause: `promoting ${key.name}: no saved copy of ${describeKey(key)}`,
              }),
        true,
      ),
    close: () => {
      if (!closed) {
        closed = true;
        db.close();
      }
      return Promise.resolve();
    },
  };
};

const describeKey = (key: CopyKey): string => `version ${key.version}, generation ${key.generation}`;

/**
 * Opens a {@link ProjectionStore} over SQLite (WAL): each copy's rows (JSON text, indexed by copy, group and key)
 * and its checkpoint are written by one transaction per save, so they never disagree; a promotion switches the
 * current copy and drops the others, rows and all, in one transaction. Never throws: a file that cannot be opened
 * makes every call answer `StoreUnavailable` naming it. A file another connection holds locked is opened by the
 * first call, which waits for the lock on timers up to `busyTimeoutMs` (the event loop keeps running) and answers
 * `StoreUnavailable` if it is still held; the next call tries again, so the store works once the lock is gone.
 */
export const createSqliteProjectionStore = (
  options: SqliteProjectionStoreOptions = {},
): SqliteProjectionStore => {
  const file: ProjectionFile = {
    path: options.path ?? defaultProjectionsPath,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    synchronous: options.synchronous ?? 'full',
  };
  // Preparing the statements fails on tables of the same names laid out otherwise: the store is unavailable then.
  const over = (db: Database.Database): E.Either<StoreUnavailable, SqliteProjectionStore> => {
    try {
      return E.right(storeOver(db, file.path, options, file.busyTimeoutMs));
    } catch (thrown) {
      db.close();
      const doing = 'opening the projection store';
      return E.left(unavailable(file.path, doing, thrown, file.busyTimeoutMs, 'the projection store'));
    }
  };
  const opened = E.chain(over)(openProjectionsOnce(file));
  if (E.isRight(opened)) return opened.right;
  if (!wasBusy(opened.left)) return unavailableProjectionStore(file.path, opened.left);
  return pendingProjectionStore(file.path, async () => E.chain(over)(await openProjectionsWaiting(file)));
};
