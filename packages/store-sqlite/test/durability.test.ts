import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyStream } from '@dossier/core';
import { createSqliteStore, currentSchemaVersion } from '../src/index.js';
import { newEvents, right, tempFolder } from './helpers.js';

describe('SQLite store, durability', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('reads back after close and reopen what it wrote, with a verifying chain', async () => {
    temp = tempFolder();
    const first = createSqliteStore({ path: temp.dbPath });
    await right(first.append('case-1', 'no-stream', newEvents(3)));
    await right(first.append('case-2', 'no-stream', newEvents(2)));
    const before = await right(first.readAll());
    await first.close();

    const second = createSqliteStore({ path: temp.dbPath });
    try {
      expect(await right(second.readAll())).toEqual(before);
      const stream = await right(second.readStream('case-1'));
      expect(verifyStream(stream)).toMatchObject({ ok: true });
      // The chain continues from the stored tip after reopening.
      await right(second.append('case-1', 2n, newEvents(2)));
      expect(verifyStream(await right(second.readStream('case-1')))).toMatchObject({ ok: true });
    } finally {
      await second.close();
    }
  });

  it('creates missing folders, uses WAL with full sync, and records its schema version', async () => {
    temp = tempFolder();
    const path = `${temp.folder}/nested/deeper/events.db`;
    const store = createSqliteStore({ path });
    await right(store.append('case-1', 'no-stream', newEvents(1)));
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({
        v: currentSchemaVersion,
      });
    } finally {
      db.close();
    }
  });

  it('opens read-only: reads work, writes answer StoreUnavailable', async () => {
    temp = tempFolder();
    const writer = createSqliteStore({ path: temp.dbPath });
    await right(writer.append('case-1', 'no-stream', newEvents(2)));
    const reader = createSqliteStore({ path: temp.dbPath, readOnly: true });
    try {
      expect(await right(reader.readStream('case-1'))).toHaveLength(2);
      const refused = await reader.append('case-1', 'any', newEvents(1))();
      expect(refused).toMatchObject({ _tag: 'Left', left: { _tag: 'StoreUnavailable' } });
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});
