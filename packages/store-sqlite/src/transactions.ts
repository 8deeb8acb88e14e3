import type Database from 'better-sqlite3';

type Runner = Database.Transaction<(work: () => unknown) => unknown>;

// better-sqlite3 builds a transaction function with closures and statements each time `db.transaction` is
// called; the write path runs several per command, so each connection keeps one that runs whatever it is given.
const runners = new WeakMap<Database.Database, Runner>();

const runnerOf = (db: Database.Database): Runner => {
  let runner = runners.get(db);
  if (runner === undefined) {
    runner = db.transaction((work: () => unknown) => work());
    runners.set(db, runner);
  }
  return runner;
};

/** Runs `work` in a (deferred) transaction, or in a savepoint when one is already open; a throw rolls it back. */
export const inTransaction = <A>(db: Database.Database, work: () => A): A => runnerOf(db)(work) as A;

/** Runs `work` in a `BEGIN IMMEDIATE` transaction, which takes the write lock first. */
export const inImmediateTransaction = <A>(db: Database.Database, work: () => A): A =>
  runnerOf(db).immediate(work) as A;
