import Database from 'better-sqlite3';
import { describe, afterEach, expect, it } from 'vitest';
import { put, remove } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { left, newEvent, right, tempFolder } from './helpers.js';

let temp: ReturnType<typeof tempFolder> | undefined;
afterEach(() => temp?.remove());

const key = (generation: number, version = 1) => ({ name: 'tally', version, generation });

describe('SQLite projection store', () => {
  it('keeps rows and checkpoint together across reopening, with 64-bit checkpoints intact', async () => {
    temp = tempFolder();
    const path = `${temp.folder}/projections.db`;
    const first = createSqliteProjectionStore({ path });
    await right(first.reset(key(0)));
    await right(
      first.save({
        key: key(0),
        changes: [put('cases', 'b', { n: [1, 'two', null] }), put('cases', 'a', 1), put('other', 'a', 2)],
        checkpoint: 9007199254740993n,
      }),
    );
    await right(first.promote(key(0)));
    await first.close();
    const second = createSqliteProjectionStore({ path });
    expect(await right(second.current('tally'))).toEqual({ key: key(0), checkpoint: 9007199254740993n });
    expect(await right(second.load(key(0)))).toEqual({ key: key(0), checkpoint: 9007199254740993n });
    const rows = second.rows(key(0));
    expect(rows.get('cases', 'b')).toEqual({ n: [1, 'two', null] });
    expect(rows.get('cases', 'c')).toBeUndefined();
    expect(rows.entries('cases')).toEqual([
      ['a', 1],
      ['b', { n: [1, 'two', null] }],
    ]);
    expect(await right(second.current('other'))).toBeNull();
    expect(await right(second.load(key(1)))).toBeNull();
    await second.close();
  });

  it('writes only the rows a save names: updates, deletions, and the rest left as they were', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    await right(states.reset(key(0)));
    await right(states.save({ key: key(0), changes: [put('g', 'a', 1), put('g', 'b', 2)], checkpoint: 1n }));
    await right(states.save({ key: key(0), changes: [put('g', 'a', 3), remove('g', 'b')], checkpoint: 2n }));
    await right(states.save({ key: key(0), changes: [put('g', 'c', 4)], checkpoint: 3n }));
    expect(states.rows(key(0)).entries('g')).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
    expect(await right(states.load(key(0)))).toMatchObject({ checkpoint: 3n });
    await states.close();
  });

  it('serves the current copy while another is saved, then promotes it and drops the rest, rows and all', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    await right(states.reset(key(0)));
    await right(states.save({ key: key(0), changes: [put('s', '', 'old')], checkpoint: 5n }));
    await right(states.promote(key(0)));
    await right(states.reset(key(1)));
    await right(
      states.save({ key: key(1), changes: [put('s', '', 'partial'), put('s', 'x', 1)], checkpoint: 2n }),
    );
    // A rebuild that starts again under the same key starts from nothing.
    await right(states.reset(key(1)));
    expect(states.rows(key(1)).entries('s')).toEqual([]);
    await right(states.save({ key: key(1), changes: [put('s', '', 'fresh')], checkpoint: 7n }));
    expect(await right(states.current('tally'))).toEqual({ key: key(0), checkpoint: 5n });
    expect(states.rows(key(0)).get('s', '')).toBe('old');
    await right(states.promote(key(1)));
    expect(await right(states.current('tally'))).toEqual({ key: key(1), checkpoint: 7n });
    expect(states.rows(key(1)).get('s', '')).toBe('fresh');
    expect(await right(states.load(key(0)))).toBeNull();
    expect(states.rows(key(0)).entries('s')).toEqual([]);
    await states.close();
  });

  it('refuses to promote a copy never started, and a row that is not plain JSON, writing nothing', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    expect((await left(states.promote(key(4)))).cause).toContain('no saved copy of version 1, generation 4');
    expect(
      (await left(states.save({ key: key(0), changes: [put('g', 'k', 1)], checkpoint: 1n }))).cause,
    ).toContain('no copy');
    await right(states.reset(key(0)));
    expect(
      (
        await left(
          states.save({
            key: key(0),
            changes: [put('g', 'ok', 1), put('g', 'k', { at: new Date(0) })],
            checkpoint: 1n,
          }),
        )
      ).cause,
    ).toContain('not plain JSON');
    expect(await right(states.load(key(0)))).toEqual({ key: key(0), checkpoint: null });
    expect(states.rows(key(0)).entries('g')).toEqual([]);
    await states.close();
  });

  it('answers StoreUnavailable naming the path when the file cannot be opened, and after closing', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: temp.folder });
    expect((await left(states.current('tally'))).cause).toContain(temp.folder);
    const open = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    await open.close();
    expect((await left(open.reset(key(0)))).cause).toContain('closed');
  });

  it('answers StoreUnavailable, never throwing, for a file whose tables of the same names are laid out otherwise', async () => {
    temp = tempFolder();
    const path = `${temp.folder}/projections.db`;
    const other = new Database(path);
    other.exec(`CREATE TABLE dossier_projection_copy (id INTEGER PRIMARY KEY, label TEXT);
      CREATE TABLE dossier_projection_row (copy INTEGER, grp TEXT, key TEXT, row TEXT);
      CREATE TABLE dossier_projection_serving (name TEXT PRIMARY KEY, copy INTEGER)`);
    other.close();
    const states = createSqliteProjectionStore({ path });
    expect(await left(states.current('tally'))).toEqual({
      _tag: 'StoreUnavailable',
      cause: expect.stringMatching(
        new RegExp(`^opening the projection store: the projection store ${path} failed`),
      ) as string,
    });
    await states.close();
  });

  it('may share the event store file, whose schema it leaves alone', async () => {
    temp = tempFolder();
    const events = createSqliteStore({ path: temp.dbPath });
    await right(events.append('basket-1', 'no-stream', [newEvent('ItemAdded', { n: 1 })]));
    const states = createSqliteProjectionStore({ path: temp.dbPath });
    await right(states.reset(key(0)));
    await right(states.save({ key: key(0), changes: [put('s', '', { ok: true })], checkpoint: 0n }));
    await states.close();
    await events.close();
    const reopened = createSqliteStore({ path: temp.dbPath });
    expect((await right(reopened.readAll())).map((e) => e.type)).toEqual(['ItemAdded']);
    await reopened.close();
  });
});
