import type Database from 'better-sqlite3';

/** Prepares each distinct SQL text once and hands the same statement back afterwards. */
export type Statements = (sql: string) => Database.Statement;

// Filters with many prefixes make many SQL texts; past this many the cache starts again rather than grow.
const maxCached = 256;

export const statementCache = (db: Database.Database): Statements => {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    const cached = cache.get(sql);
    if (cached !== undefined) return cached;
    if (cache.size >= maxCached) cache.clear();
    const statement = db.prepare(sql);
    cache.set(sql, statement);
    return statement;
  };
};
