import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { put } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { left, newEvents, right, tempFolder } from './helpers.js';
import { loopLagDuring } from './loopLag.js';

describe('SQLite appends while another connection holds the write lock', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('wait on timers, not in SQLite: the event loop keeps ticking, and every waiting append commits once the lock is gone', async () => {
    temp = tempFolder();
    const busyTimeoutMs = 4_000;
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs });
    await right(store.append('case-1', 'no-stream', newEvents(1)));
    const holder = new Database(temp.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      // Released by a timer: were the appends waiting inside SQLite, the timer could not fire until they gave up.
      setTimeout(() => holder.exec('ROLLBACK'), 300);
      const { result, lagMs } = await loopLagDuring(() =>
        Promise.all([
          right(store.append('case-1', 0n, newEvents(2))),
          right(store.append('case-2', 'no-stream', newEvents(3))),
        ]),
      );
      expect(result.map((r) => r.nextExpectedRevision)).toEqual([2n, 2n]);
      // Far below the busy timeout: one attempt waits a few tens of milliseconds inside SQLite at most.
      expect(lagMs).toBeLessThan(busyTimeoutMs / 4);
      expect(await right(store.readAll())).toHaveLength(6);
    } finally {
      holder.close();
      await store.close();
    }
  });

  it('answer StoreUnavailable at the busy timeout without blocking, write nothing, and work once the lock is gone', async () => {
    temp = tempFolder();
    const busyTimeoutMs = 600;
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs });
    await right(store.append('case-1', 'no-stream', newEvents(1)));
    const holder = new Database(temp.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const { result, lagMs } = await loopLagDuring(() => left(store.append('case-1', 0n, newEvents(1))));
      expect(result).toEqual({
        _tag: 'StoreUnavailable',
        cause: expect.stringContaining(
          `stayed locked by another connection for more than the busy timeout of ${busyTimeoutMs} ms`,
        ) as string,
      });
      expect(lagMs).toBeLessThan(busyTimeoutMs / 2);
      holder.exec('ROLLBACK');
      expect(await right(store.readAll())).toHaveLength(1);
      await right(store.append('case-1', 0n, newEvents(1)));
      expect(await right(store.readAll())).toHaveLength(2);
    } finally {
      holder.close();
      await store.close();
    }
  });

  it('a batch (inTransaction) waits for the lock on timers too', async () => {
    temp = tempFolder();
    const busyTimeoutMs = 4_000;
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs });
    await right(store.append('case-1', 'no-stream', newEvents(1)));
    const holder = new Database(temp.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    try {
      setTimeout(() => holder.exec('ROLLBACK'), 300);
      const { result, lagMs } = await loopLagDuring(() =>
        store.inTransaction(() => right(store.append('case-1', 0n, newEvents(2)))),
      );
      expect(result.nextExpectedRevision).toBe(2n);
      expect(lagMs).toBeLessThan(busyTimeoutMs / 4);
    } finally {
      holder.close();
      await store.close();
    }
  });
});

describe('SQLite projection saves while another connection holds the write lock', () => {
  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('wait on timers too, and save once the lock is gone; at the busy timeout they answer StoreUnavailable', async () => {
    temp = tempFolder();
    const path = `${temp.folder}/projections.db`;
    const busyTimeoutMs = 4_000;
    const states = createSqliteProjectionStore({ path, busyTimeoutMs });
    const key = { name: 'tally', version: 1, generation: 0 };
    await right(states.reset(key));
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    try {
      setTimeout(() => holder.exec('ROLLBACK'), 300);
      const { lagMs } = await loopLagDuring(() =>
        right(states.save({ key, changes: [put('g', 'a', 1)], checkpoint: 1n })),
      );
      expect(lagMs).toBeLessThan(busyTimeoutMs / 4);
      expect(states.rows(key).get('g', 'a')).toBe(1);
      holder.exec('BEGIN IMMEDIATE');
      const short = createSqliteProjectionStore({ path, busyTimeoutMs: 1_000 });
      const refused = await loopLagDuring(() =>
        left(short.save({ key, changes: [put('g', 'a', 2)], checkpoint: 2n })),
      );
      expect(refused.result).toMatchObject({
        _tag: 'StoreUnavailable',
        cause: expect.stringContaining('stayed locked') as string,
      });
      expect(refused.lagMs).toBeLessThan(500);
      await short.close();
    } finally {
      holder.close();
      await states.close();
    }
  });
});
