import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { verifyStream } from '@dossier/core';
import { createSqliteStore } from '../src/index.js';
import { newEvents, right, tempFolder } from './helpers.js';

/**
 * The commits in the write-ahead log: each frame whose header records the database size after it ends a
 * transaction (SQLite's WAL format: a 32-byte header, then frames of a 24-byte header and a page).
 */
const commitsInWal = (dbPath: string): number => {
  const wal = readFileSync(`${dbPath}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
};

describe('SQLite group commit', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('commits appends issued together in one transaction, each checked and answered on its own', async () => {
    temp = tempFolder();
    const store = createSqliteStore({ path: temp.dbPath });
    try {
      await right(store.append('case-0', 'no-stream', newEvents(2)));
      const before = commitsInWal(temp.dbPath);
      const outcomes = await Promise.all([
        ...Array.from({ length: 31 }, (_, i) => store.append(`case-${i + 1}`, 'no-stream', newEvents(1))()),
        // Stale: case-0 is at revision 1. Its conflict must not fail the others, nor they it.
        store.append('case-0', 0n, newEvents(1))(),
      ]);
      expect(commitsInWal(temp.dbPath) - before).toBe(1);
      expect(outcomes.slice(0, 31).every(E.isRight)).toBe(true);
      expect(outcomes[31]).toEqual(
        E.left({ _tag: 'ConcurrencyConflict', stream: 'case-0', expected: 0n, actual: 1n }),
      );
      for (let i = 1; i <= 31; i++) {
        const events = await right(store.readStream(`case-${i}`));
        expect(verifyStream(events)).toMatchObject({ ok: true, events: 1 });
      }
      expect(await right(store.readStream('case-0'))).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('rolls back only the refused append of a group: an invalid event writes nothing of its batch', async () => {
    temp = tempFolder();
    const store = createSqliteStore({ path: temp.dbPath });
    try {
      const [good, bad] = await Promise.all([
        store.append('case-1', 'no-stream', newEvents(2))(),
        store.append('case-2', 'no-stream', [
          ...newEvents(1),
          { ...newEvents(1)[0]!, data: { at: new Date() } },
        ])(),
      ]);
      expect(E.isRight(good)).toBe(true);
      expect(E.isLeft(bad) && bad.left._tag).toBe('InvalidEvent');
      expect(await right(store.readAll())).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('answers every append of a group with the failure when the group cannot commit', async () => {
    temp = tempFolder();
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs: 50 });
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(temp.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const outcomes = await Promise.all([
        store.append('case-1', 'no-stream', newEvents(1))(),
        store.append('case-2', 'no-stream', newEvents(1))(),
      ]);
      expect(outcomes.map((o) => E.isLeft(o) && o.left._tag)).toEqual([
        'StoreUnavailable',
        'StoreUnavailable',
      ]);
      expect(outcomes.map((o) => E.isLeft(o) && 'cause' in o.left && o.left.cause)).toEqual([
        expect.stringContaining('appending to case-1'),
        expect.stringContaining('appending to case-2'),
      ]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });
});
