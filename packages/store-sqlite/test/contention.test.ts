import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore, openSqliteStore } from '../src/index.js';
import { left, newEvents, right, tempFolder } from './helpers.js';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const sidecars = (path: string): ReadonlyArray<string> =>
  [`${path}-wal`, `${path}-shm`].filter((file) => existsSync(file));

/** A store with two events, closed, so no -wal or -shm is left beside it. */
const filledStore = async (path: string): Promise<void> => {
  const store = createSqliteStore({ path });
  await right(store.append('case-1', 'no-stream', newEvents(2)));
  await store.close();
};

describe('SQLite store under contention', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('opens an up-to-date store while another connection holds the write lock: there is nothing to migrate', async () => {
    temp = tempFolder();
    await filledStore(temp.dbPath);
    const writer = new Database(temp.dbPath);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const store = await right(openSqliteStore({ path: temp.dbPath, busyTimeoutMs: 2_000 }));
      expect(await right(store.readAll())).toHaveLength(2);
      await store.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('waits for a locked file on timers, answers StoreUnavailable after the busy timeout, and works once the lock is gone', async () => {
    temp = tempFolder();
    await filledStore(temp.dbPath);
    // A connection that keeps the file to itself, as a backup tool or a long exclusive transaction might.
    const holder = new Database(temp.dbPath);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    let ticked = false;
    setTimeout(() => (ticked = true), 20);
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs: 300 });
    try {
      expect(await left(store.readAll())).toEqual({
        _tag: 'StoreUnavailable',
        cause: expect.stringContaining('stayed locked by another connection') as string,
      });
      // The event loop ran while the store waited: a 20 ms timer fired before the answer came.
      expect(ticked).toBe(true);
      holder.exec('COMMIT');
      holder.close();
      await right(store.append('case-1', 1n, newEvents(1)));
      expect(await right(store.readAll())).toHaveLength(3);
    } finally {
      if (holder.open) holder.close();
      await store.close();
    }
  });
});

describe('SQLite store opened read-only', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('creates no file beside the database and changes not a byte of it', async () => {
    temp = tempFolder();
    await filledStore(temp.dbPath);
    const before = sha(temp.dbPath);
    const store = await right(openSqliteStore({ path: temp.dbPath, readOnly: true }));
    expect(await right(store.readAll())).toHaveLength(2);
    await store.close();
    expect(sidecars(temp.dbPath)).toEqual([]);
    expect(sha(temp.dbPath)).toBe(before);
  });

  it('leaves the files of a writer that is open alone, and the writer keeps writing', async () => {
    temp = tempFolder();
    const writer = createSqliteStore({ path: temp.dbPath });
    await right(writer.append('case-1', 'no-stream', newEvents(2)));
    const reader = await right(openSqliteStore({ path: temp.dbPath, readOnly: true }));
    expect(await right(reader.readAll())).toHaveLength(2);
    await reader.close();
    expect(sidecars(temp.dbPath)).toHaveLength(2);
    await right(writer.append('case-1', 1n, newEvents(1)));
    await writer.close();
    expect(sidecars(temp.dbPath)).toEqual([]);
  });
});
