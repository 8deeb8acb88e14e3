import type Database from 'better-sqlite3';

/**
 * The projection store's own tables, prefixed so that they can sit in an event store's file without touching its
 * schema: every copy (current or being rebuilt) with its checkpoint, each copy's rows under their group and key
 * (the primary key is the index queries and folds read by), and which copy of each name queries read. The
 * tables of the first layout (`dossier_projection_copies`, one JSON state per copy) are dropped: their read models
 * are rebuilt from the log.
 */
const createTables = `
  DROP TABLE IF EXISTS dossier_projection_copies;
  DROP TABLE IF EXISTS dossier_projection_current;
  CREATE TABLE IF NOT EXISTS dossier_projection_copy (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    checkpoint INTEGER,
    saved_at   TEXT    NOT NULL,
    UNIQUE (name, version, generation)
  );
  CREATE TABLE IF NOT EXISTS dossier_projection_row (
    copy INTEGER NOT NULL,
    grp  TEXT    NOT NULL,
    key  TEXT    NOT NULL,
    row  TEXT    NOT NULL,
    PRIMARY KEY (copy, grp, key)
  );
  CREATE TABLE IF NOT EXISTS dossier_projection_serving (
    name TEXT    PRIMARY KEY,
    copy INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

const kept = ['dossier_projection_copy', 'dossier_projection_row', 'dossier_projection_serving'];
const dropped = ['dossier_projection_copies', 'dossier_projection_current'];

/** Whether the file holds this layout's tables and none of the first one's: then there is nothing to create. */
const tablesReady = (db: Database.Database): boolean => {
  const names = new Set(
    db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'dossier_projection%'")
      .pluck()
      .all() as ReadonlyArray<string>,
  );
  return kept.every((name) => names.has(name)) && !dropped.some((name) => names.has(name));
};

/**
 * Creates the tables when missing, in one immediate transaction so two processes opening at once agree. Only then:
 * the write lock is not taken when there is nothing to create, so that opening never waits for another connection's
 * save.
 */
export const ensureProjectionTables = (db: Database.Database): void => {
  if (!tablesReady(db)) db.transaction(() => db.exec(createTables)).immediate();
};

/** A copy's row as read back (64-bit integers as bigints). */
export interface CopyRow {
  readonly id: bigint;
  readonly name: string;
  readonly version: bigint;
  readonly generation: bigint;
  readonly checkpoint: bigint | null;
}

export const copyColumns = 'id, name, version, generation, checkpoint';
