import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import Database from 'better-sqlite3';
import type { StoreUnavailable } from '@dossier/core';
import { currentSchemaVersion, migrate, schemaVersionOf } from './migrations.js';
import type { ResolvedOptions } from './options.js';
import { unavailable } from './sqliteErrors.js';

const isInMemory = (path: string): boolean => path === ':memory:' || path === '';

/**
 * Opens (and, unless read-only, creates and migrates) the database. Never throws: a missing folder that
 * cannot be made, a directory, a file that is not SQLite or a newer schema all come back as
 * {@link StoreUnavailable} naming the path.
 */
export const openDatabase = (options: ResolvedOptions): E.Either<StoreUnavailable, Database.Database> => {
  const { path, readOnly, busyTimeoutMs } = options;
  const fail = (thrown: unknown) => E.left(unavailable(path, 'opening', thrown, busyTimeoutMs));
  if (!readOnly && !isInMemory(path)) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (thrown) {
      return fail(thrown);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: busyTimeoutMs });
  } catch (thrown) {
    return fail(thrown);
  }
  const prepared = prepare(db, options);
  if (E.isLeft(prepared)) db.close();
  return prepared;
};

const prepare = (
  db: Database.Database,
  options: ResolvedOptions,
): E.Either<StoreUnavailable, Database.Database> => {
  const { path, readOnly, busyTimeoutMs } = options;
  const fail = (thrown: unknown) => E.left(unavailable(path, 'opening', thrown, busyTimeoutMs));
  try {
    db.defaultSafeIntegers(true);
    if (!readOnly) {
      // WAL: readers never block the writer and a commit appends to one file; the mode is stored in the
      // file, so a read-only connection finds it already set.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    }
    const version = schemaVersionOf(db);
    if (version === null) return fail(new Error('the file holds tables but is not a Dossier event store'));
    if (version > currentSchemaVersion) {
      return fail(
        new Error(`the file has schema version ${version}, newer than this code's ${currentSchemaVersion}`),
      );
    }
    if (readOnly && version < currentSchemaVersion) {
      return fail(
        new Error(
          version === 0
            ? 'the file holds no event store yet'
            : `the file has schema version ${version}; open it read-write once to migrate it to ${currentSchemaVersion}`,
        ),
      );
    }
    if (!readOnly) migrate(db, options.clock);
    return E.right(db);
  } catch (thrown) {
    return fail(thrown);
  }
};
