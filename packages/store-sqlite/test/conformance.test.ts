import Database from 'better-sqlite3';
import {
  describeEventStoreConformance,
  type ConformanceSubject,
  type Corruption,
} from '@dossier/core/testing';
import { createSqliteStore } from '../src/index.js';
import { tempFolder } from './helpers.js';

/** Damages a stored row with raw SQL through a second connection, as a failing disk or an intruder would. */
const corruptRow = (dbPath: string, stream: string, revision: bigint, how: Corruption): Promise<void> => {
  const db = new Database(dbPath);
  try {
    const where = 'WHERE stream = ? AND revision = ?';
    switch (how.kind) {
      case 'garble-data':
        db.prepare(`UPDATE events SET data = '{"garbled' ${where}`).run(stream, revision);
        break;
      case 'unknown-type':
        db.prepare(`UPDATE events SET type = ? ${where}`).run(how.type, stream, revision);
        break;
      case 'edit-data':
        db.prepare(`UPDATE events SET data = ? ${where}`).run(JSON.stringify(how.data), stream, revision);
        break;
    }
  } finally {
    db.close();
  }
  return Promise.resolve();
};

const folders = new WeakMap<ConformanceSubject, ReturnType<typeof tempFolder>>();

describeEventStoreConformance('SQLite store', {
  create: ({ schema }) => {
    const temp = tempFolder();
    const subject: ConformanceSubject = {
      store: createSqliteStore({ path: temp.dbPath, schema, pollIntervalMs: 10 }),
      corrupt: (stream, revision, how) => corruptRow(temp.dbPath, stream, revision, how),
    };
    folders.set(subject, temp);
    return Promise.resolve(subject);
  },
  dispose: async (subject) => {
    await subject.store.close();
    folders.get(subject)?.remove();
  },
});
