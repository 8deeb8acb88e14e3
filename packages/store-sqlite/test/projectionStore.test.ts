import { describe, afterEach, expect, it } from 'vitest';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { left, newEvent, right, tempFolder } from './helpers.js';

let temp: ReturnType<typeof tempFolder> | undefined;
afterEach(() => temp?.remove());

const key = (generation: number, version = 1) => ({ name: 'tally', version, generation });

describe('SQLite projection store', () => {
  it('keeps state and checkpoint together across reopening, with 64-bit checkpoints intact', async () => {
    temp = tempFolder();
    const path = `${temp.folder}/projections.db`;
    const first = createSqliteProjectionStore({ path });
    await right(first.save({ key: key(0), state: { n: [1, 'two', null] }, checkpoint: 9007199254740993n }));
    await right(first.promote(key(0)));
    await first.close();
    const second = createSqliteProjectionStore({ path });
    expect(await right(second.current('tally'))).toEqual({
      key: key(0),
      state: { n: [1, 'two', null] },
      checkpoint: 9007199254740993n,
    });
    expect(await right(second.load(key(0)))).toEqual({
      key: key(0),
      state: { n: [1, 'two', null] },
      checkpoint: 9007199254740993n,
    });
    expect(await right(second.current('other'))).toBeNull();
    expect(await right(second.load(key(1)))).toBeNull();
    await second.close();
  });

  it('serves the current copy while another is saved, then promotes it and drops the rest', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    await right(states.save({ key: key(0), state: 'old', checkpoint: 5n }));
    await right(states.promote(key(0)));
    await right(states.save({ key: key(1), state: 'partial', checkpoint: null }));
    await right(states.save({ key: key(1), state: 'fresh', checkpoint: 7n }));
    expect(await right(states.current('tally'))).toMatchObject({ state: 'old', checkpoint: 5n });
    await right(states.promote(key(1)));
    expect(await right(states.current('tally'))).toEqual({ key: key(1), state: 'fresh', checkpoint: 7n });
    expect(await right(states.load(key(0)))).toBeNull();
    await states.close();
  });

  it('refuses to promote a copy never saved, and a state that is not plain JSON, writing nothing', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    expect((await left(states.promote(key(4)))).cause).toContain('no saved copy of version 1, generation 4');
    expect(
      (await left(states.save({ key: key(0), state: { at: new Date(0) }, checkpoint: 1n }))).cause,
    ).toContain('not plain JSON');
    expect(await right(states.load(key(0)))).toBeNull();
    await states.close();
  });

  it('answers StoreUnavailable naming the path when the file cannot be opened, and after closing', async () => {
    temp = tempFolder();
    const states = createSqliteProjectionStore({ path: temp.folder });
    expect((await left(states.current('tally'))).cause).toContain(temp.folder);
    const open = createSqliteProjectionStore({ path: `${temp.folder}/projections.db` });
    await open.close();
    expect((await left(open.save({ key: key(0), state: 1, checkpoint: null }))).cause).toContain('closed');
  });

  it('may share the event store file, whose schema it leaves alone', async () => {
    temp = tempFolder();
    const events = createSqliteStore({ path: temp.dbPath });
    await right(events.append('basket-1', 'no-stream', [newEvent('ItemAdded', { n: 1 })]));
    const states = createSqliteProjectionStore({ path: temp.dbPath });
    await right(states.save({ key: key(0), state: { ok: true }, checkpoint: 0n }));
    await states.close();
    await events.close();
    const reopened = createSqliteStore({ path: temp.dbPath });
    expect((await right(reopened.readAll())).map((e) => e.type)).toEqual(['ItemAdded']);
    await reopened.close();
  });
});
