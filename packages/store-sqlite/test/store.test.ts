import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteEventStore } from '../src/index.js';
import { left, newEvents, right, tempFolder } from './helpers.js';

describe('SQLite store', () => {
  let temp: ReturnType<typeof tempFolder>;
  let store: SqliteEventStore;
  beforeEach(() => {
    temp = tempFolder();
    store = createSqliteStore({ path: temp.dbPath });
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('appends and reads back a stream with dense revisions and increasing positions', async () => {
    await right(store.append('case-1', 'no-stream', newEvents(3)));
    await right(store.append('case-2', 'no-stream', newEvents(1)));
    const result = await right(store.append('case-1', 2n, newEvents(2)));
    expect(result.nextExpectedRevision).toBe(4n);
    const events = await right(store.readStream('case-1'));
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(events.map((e) => e.position)).toEqual([1n, 2n, 3n, 5n, 6n]);
    const all = await right(store.readAll());
    expect(all.map((e) => e.stream)).toEqual(['case-1', 'case-1', 'case-1', 'case-2', 'case-1', 'case-1']);
  });

  it('refuses a stale expected revision with ConcurrencyConflict', async () => {
    await right(store.append('case-1', 'no-stream', newEvents(2)));
    expect(await left(store.append('case-1', 0n, newEvents(1)))).toEqual({
      _tag: 'ConcurrencyConflict',
      stream: 'case-1',
      expected: 0n,
      actual: 1n,
    });
  });

  it('filters by stream-name and event-type prefix, case-sensitively', async () => {
    await right(store.append('case-1', 'any', newEvents(1, 'CaseOpened')));
    await right(store.append('Case-2', 'any', newEvents(1, 'caseOpened')));
    await right(store.append('user-1', 'any', newEvents(1, 'UserJoined')));
    const byStream = await right(store.readAll({ filter: { kind: 'streamName', prefixes: ['case-'] } }));
    expect(byStream.map((e) => e.stream)).toEqual(['case-1']);
    const byType = await right(store.readAll({ filter: { kind: 'eventType', prefixes: ['Case', 'User'] } }));
    expect(byType.map((e) => e.type)).toEqual(['CaseOpened', 'UserJoined']);
    const percent = await right(store.readAll({ filter: { kind: 'streamName', prefixes: ['c%'] } }));
    expect(percent).toEqual([]);
  });

  it('lists streams with their last revision', async () => {
    await right(store.append('b', 'any', newEvents(2)));
    await right(store.append('a', 'any', newEvents(1)));
    await right(store.deleteStream('b'));
    expect(await right(store.listStreams())).toEqual([
      { stream: 'a', revision: 0n, deleted: false },
      { stream: 'b', revision: 1n, deleted: true },
    ]);
  });

  it('reads with any limit or bound the port allows, as the in-memory store does', async () => {
    await right(store.append('case-1', 'no-stream', newEvents(3)));
    expect(await right(store.readAll({ limit: Number.POSITIVE_INFINITY }))).toHaveLength(3);
    expect(await right(store.readAll({ limit: 1.7 }))).toHaveLength(1);
    expect(await right(store.readAll({ limit: -2 }))).toHaveLength(0);
    expect(await right(store.readAll({ fromPosition: 2n ** 70n }))).toEqual([]);
    const backwards = await right(
      store.readStream('case-1', { direction: 'backwards', fromRevision: 2n ** 70n }),
    );
    expect(backwards.map((e) => e.revision)).toEqual([2n, 1n, 0n]);
    expect(await right(store.readStream('case-1', { fromRevision: -(2n ** 70n) }))).toHaveLength(3);
  });
});
