import type Database from 'better-sqlite3';

/**
 * One step of the schema, applied once and recorded in `schema_version`. Append new steps at the end;
 * never edit one that has shipped, since files written by it already exist.
 */
interface Migration {
  readonly version: number;
  readonly sql: string;
}

export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    sql: `
      -- The global log. AUTOINCREMENT so that a position is never handed out twice, even if rows are
      -- ever removed; UNIQUE(stream, revision) so that two writers can never both write a revision,
      -- whatever process they run in.
      CREATE TABLE events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        stream   TEXT    NOT NULL,
        revision INTEGER NOT NULL,
        type     TEXT    NOT NULL,
        data     TEXT    NOT NULL,
        metadata TEXT    NOT NULL,
        UNIQUE (stream, revision)
      );
      -- Each stream's tip (last revision and hash), so that an append reads one row to chain from,
      -- and whether it was deleted. Written in the same transaction as the events.
      CREATE TABLE streams (
        stream     TEXT    PRIMARY KEY,
        revision   INTEGER,
        hash       TEXT    NOT NULL,
        deleted_at TEXT
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    sql: `
      -- The idempotency index: the events a command recorded on a stream, found without scanning the stream.
      -- An index on the metadata itself, so it can never disagree with the log, whatever wrote the rows; guarded
      -- by json_valid so that a damaged row stays readable (and reported) instead of failing every write.
      CREATE INDEX events_by_command ON events (
        stream,
        (CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.commandId') END)
      );
      -- The latest snapshot of each stream's state: a cache of a fold, never trusted over the events it
      -- summarises (its revision and that event's hash are checked against the log when it is used).
      CREATE TABLE snapshots (
        stream   TEXT    PRIMARY KEY,
        revision INTEGER NOT NULL,
        hash     TEXT    NOT NULL,
        key      TEXT    NOT NULL,
        state    TEXT    NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

/** The schema version this code writes and reads. */
export const currentSchemaVersion = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);

const createVersionTable = `
  CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT    NOT NULL
  )`;

/** The highest applied version, 0 for a new file; `null` when the file holds tables but is not a Dossier store. */
export const schemaVersionOf = (db: Database.Database): number | null => {
  const hasVersionTable = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (hasVersionTable === undefined) {
    const anyTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get();
    return anyTable === undefined ? 0 : null;
  }
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as
    { version: bigint | number | null } | undefined;
  return row?.version === null || row?.version === undefined ? 0 : Number(row.version);
};

/**
 * Brings the file up to {@link currentSchemaVersion} in one immediate transaction, so that two processes
 * opening a new file at once do not both create the tables.
 */
export const migrate = (db: Database.Database, now: () => string): void => {
  db.transaction(() => {
    db.exec(createVersionTable);
    const applied = schemaVersionOf(db) ?? 0;
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        now(),
      );
    }
  }).immediate();
};
