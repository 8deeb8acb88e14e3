import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  isJsonValue,
  type CopyKey,
  type ProjectionStore,
  type StoredCopy,
  type StoreUnavailable,
} from '@dossier/core';
import { unavailable } from '../sqliteErrors.js';
import { copyColumns, ensureProjectionTables, type CopyRow } from './tables.js';

/** Where projection state lives when no path is given: beside the default event store, in its own file. */
export const defaultProjectionsPath = './.dossier/projections.db';

/** How to open a SQLite projection store; every field has a default. */
export interface SqliteProjectionStoreOptions {
  /**
   * The database file, `./.dossier/projections.db` unless told. It may be the event store's own file (the
   * tables are prefixed `dossier_projection_`); open the event store first then, so it finds its schema.
   */
  readonly path?: string;
  /** How long a save waits for another connection's transaction; 5 s unless told. */
  readonly busyTimeoutMs?: number;
  /** `'full'` (the default) syncs at every save; `'normal'` survives a crash of the process only, and is faster. */
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

const toCopy = (row: CopyRow): StoredCopy => ({
  key: keyOf(row),
  state: JSON.parse(row.state) as unknown,
  checkpoint: row.checkpoint,
});

const open = (
  path: string,
  options: SqliteProjectionStoreOptions,
  busyTimeoutMs: number,
): Database.Database => {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.defaultSafeIntegers(true);
    // WAL: queries of other processes never block a save, and a save appends to one file.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    ensureProjectionTables(db);
    return db;
  } catch (thrown) {
    db.close();
    throw thrown;
  }
};

const storeOver = (
  db: Database.Database,
  path: string,
  options: SqliteProjectionStoreOptions,
  busyTimeoutMs: number,
): SqliteProjectionStore => {
  const clock = options.clock ?? (() => new Date().toISOString());
  let closed = false;
  const selectCopy = db.prepare(
    `SELECT ${copyColumns} FROM dossier_projection_copies WHERE name = ? AND version = ? AND generation = ?`,
  );
  const selectCurrent = db.prepare(
    `SELECT ${copyColumns
      .split(', ')
      .map((c) => `c.${c}`)
      .join(', ')}
     FROM dossier_projection_current p JOIN dossier_projection_copies c
       ON c.name = p.name AND c.version = p.version AND c.generation = p.generation
     WHERE p.name = ?`,
  );
  // One statement writes state and checkpoint together: SQLite makes it atomic on its own.
  const upsert = db.prepare(
    `INSERT INTO dossier_projection_copies (name, version, generation, state, checkpoint, saved_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name, version, generation)
     DO UPDATE SET state = excluded.state, checkpoint = excluded.checkpoint, saved_at = excluded.saved_at`,
  );
  const setCurrent = db.prepare(
    `INSERT INTO dossier_projection_current (name, version, generation) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, generation = excluded.generation`,
  );
  const dropOthers = db.prepare(
    `DELETE FROM dossier_projection_copies WHERE name = ? AND NOT (version = ? AND generation = ?)`,
  );

  const run =
    <A>(doing: string, work: () => E.Either<StoreUnavailable, A>): TaskEither<StoreUnavailable, A> =>
    () => {
      if (closed)
        return Promise.resolve(
          E.left({ _tag: 'StoreUnavailable', cause: `${doing}: the projection store ${path} is closed` }),
        );
      try {
        return Promise.resolve(work());
      } catch (thrown) {
        return Promise.resolve(E.left(unavailable(path, doing, thrown, busyTimeoutMs)));
      }
    };

  const bind = (key: CopyKey) => [key.name, BigInt(key.version), BigInt(key.generation)] as const;

  const promote = db.transaction((key: CopyKey): boolean => {
    if (selectCopy.get(...bind(key)) === undefined) return false;
    setCurrent.run(...bind(key));
    dropOthers.run(...bind(key));
    return true;
  });

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
    save: (copy) =>
      run(`saving ${copy.key.name}`, () => {
        if (!isJsonValue(copy.state))
          return E.left({
            _tag: 'StoreUnavailable',
            cause: `saving ${copy.key.name}: its state is not plain JSON`,
          });
        upsert.run(...bind(copy.key), JSON.stringify(copy.state), copy.checkpoint, clock());
        return E.right(undefined);
      }),
    promote: (key) =>
      run(`promoting a copy of ${key.name}`, () =>
        promote.immediate(key)
          ? E.right(undefined)
          : E.left({
              _tag: 'StoreUnavailable',
              cause: `promoting ${key.name}: no saved copy of version ${key.version}, generation ${key.generation}`,
            }),
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

/**
 * Opens a {@link ProjectionStore} over SQLite (WAL): each copy's state (as JSON text) and checkpoint are one
 * row, written by one statement, so they never disagree; a promotion switches the current copy and drops
 * the others in one transaction. Never throws: a file that cannot be opened makes every call answer
 * `StoreUnavailable` naming it.
 */
export const createSqliteProjectionStore = (
  options: SqliteProjectionStoreOptions = {},
): SqliteProjectionStore => {
  const path = options.path ?? defaultProjectionsPath;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  try {
    return storeOver(open(path, options, busyTimeoutMs), path, options, busyTimeoutMs);
  } catch (thrown) {
    const error = unavailable(path, 'opening the projection store', thrown, busyTimeoutMs);
    const refuse =
      <A>(): TaskEither<StoreUnavailable, A> =>
      () =>
        Promise.resolve(E.left(error));
    return {
      path,
      current: refuse,
      load: refuse,
      save: refuse,
      promote: refuse,
      close: () => Promise.resolve(),
    };
  }
};
