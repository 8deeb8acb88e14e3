import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { put } from '@dossier/core';
import { createSqliteProjectionStore } from '../src/index.js';
import { left, right, tempFolder } from './helpers.js';
import { loopLagDuring } from './loopLag.js';

const key = { name: 'tally', version: 1, generation: 0 };

/** Another connection holding the write lock on `path` (BEGIN IMMEDIATE) until `release`, or a timer, lets go. */
const holdWriteLock = (path: string, forMs?: number): { readonly release: () => void } => {
  const holder = new Database(path);
  holder.exec('BEGIN IMMEDIATE');
  const release = (): void => {
    clearTimeout(timer);
    if (holder.inTransaction) holder.exec('ROLLBACK');
    if (holder.open) holder.close();
  };
  const timer = forMs === undefined ? undefined : setTimeout(release, forMs);
  return { release };
};

describe('Opening a SQLite projection store while another connection holds the write lock', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('creating its tables waits on timers, not in SQLite: the event loop keeps ticking, and it opens once the lock goes', async () => {
    temp = tempFolder();
    const path = join(temp.folder, 'projections.db');
    // Released by a timer: were the open waiting inside SQLite, the timer could not fire until it gave up.
    const lock = holdWriteLock(path, 1_500);
    try {
      const { result: states, lagMs } = await loopLagDuring(async () => {
        const opened = createSqliteProjectionStore({ path, busyTimeoutMs: 4_000 });
        await right(opened.reset(key));
        await right(opened.save({ key, changes: [put('g', 'a', 1)], checkpoint: 1n }));
        return opened;
      });
      // Not blocking is the property: one attempt waits a few tens of milliseconds inside SQLite at most, far below
      // the 1.5 s the lock was held.
      expect(lagMs).toBeLessThan(500);
      expect(states.rows(key).get('g', 'a')).toBe(1);
      await states.close();
    } finally {
      lock.release();
    }
  });

  it('with a short bound answers StoreUnavailable naming the file, without blocking, and its next call opens it once the lock is gone', async () => {
    temp = tempFolder();
    const path = join(temp.folder, 'projections.db');
    const lock = holdWriteLock(path);
    let states: ReturnType<typeof createSqliteProjectionStore> | undefined;
    try {
      const refused = await loopLagDuring(() => {
        states = createSqliteProjectionStore({ path, busyTimeoutMs: 1_000 });
        return left(states.reset(key));
      });
      expect(refused.result).toEqual({
        _tag: 'StoreUnavailable',
        cause: `opening the projection store: the projection store ${path} stayed locked by another connection for more than the busy timeout of 1000 ms (SQLITE_BUSY)`,
      });
      expect(refused.lagMs).toBeLessThan(500);
      lock.release();
      if (states === undefined) throw new Error('the store was not created');
      await right(states.reset(key));
      await right(states.save({ key, changes: [put('g', 'a', 2)], checkpoint: 2n }));
      await right(states.promote(key));
      await states.close();
      const reopened = createSqliteProjectionStore({ path });
      expect(await right(reopened.current('tally'))).toEqual({ key, checkpoint: 2n });
      expect(reopened.rows(key).get('g', 'a')).toBe(2);
      await reopened.close();
    } finally {
      lock.release();
      await states?.close();
    }
  });

  it('takes no write lock when its tables are there: it opens and reads while another connection holds the lock', async () => {
    temp = tempFolder();
    const path = join(temp.folder, 'projections.db');
    const first = createSqliteProjectionStore({ path });
    await right(first.reset(key));
    await right(first.save({ key, changes: [put('g', 'a', 3)], checkpoint: 3n }));
    await right(first.promote(key));
    await first.close();
    const lock = holdWriteLock(path);
    try {
      const { result: states, lagMs } = await loopLagDuring(async () => {
        const opened = createSqliteProjectionStore({ path, busyTimeoutMs: 4_000 });
        expect(await right(opened.current('tally'))).toEqual({ key, checkpoint: 3n });
        return opened;
      });
      expect(lagMs).toBeLessThan(500);
      expect(states.rows(key).get('g', 'a')).toBe(3);
      await states.close();
    } finally {
      lock.release();
    }
  });
});
