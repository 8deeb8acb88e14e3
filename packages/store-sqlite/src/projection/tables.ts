import type Database from 'better-sqlite3';

/**
 * The projection store's own tables, prefixed so that they can sit in an event store's file without
 * touching its schema: every copy (current or being rebuilt) with its state and checkpoint in one row, and
 * which copy of each name queries read.
 */
const createTables = `
  CREATE TABLE IF NOT EXISTS dossier_projection_copies (
    name       TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    state      TEXT    NOT NULL,
    checkpoint INTEGER,
    saved_at   TEXT    NOT NULL,
    PRIMARY KEY (name, version, generation)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS dossier_projection_current (
    name       TEXT    PRIMARY KEY,
    version    INTEGER NOT NULL,
    generation INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/** Creates the tables when missing, in one immediate transaction so two processes opening at once agree. */
export const ensureProjectionTables = (db: Database.Database): void => {
  db.transaction(() => db.exec(createTables)).immediate();
};

/** A copy's row as read back (64-bit integers as bigints). */
export interface CopyRow {
  readonly name: string;
  readonly version: bigint;
  readonly generation: bigint;
  readonly state: string;
  readonly checkpoint: bigint | null;
}

export const copyColumns = 'name, version, generation, state, checkpoint';
