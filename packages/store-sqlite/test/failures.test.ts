import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { createSqliteStore, openSqliteStore, type SqliteEventStore } from '../src/index.js';
import { SubscriptionFailed } from '@dossier/core';
import { left, newEvents, right, tempFolder } from './helpers.js';

describe('SQLite store, a corrupted row', () => {
  let temp: ReturnType<typeof tempFolder>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    temp = tempFolder();
    store = createSqliteStore({ path: temp.dbPath });
    await right(store.append('case-1', 'no-stream', newEvents(3)));
    const raw = new Database(temp.dbPath);
    raw.prepare("UPDATE events SET data = '{not json' WHERE stream = 'case-1' AND revision = 1").run();
    raw.close();
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  const corrupt = {
    _tag: 'UndecodableEvent',
    stream: 'case-1',
    revision: 1n,
    position: 2n,
    type: 'SomethingHappened',
    reason: expect.stringContaining('data is not valid JSON') as string,
  };

  it('is reported by readStream as UndecodableEvent with stream and position', async () => {
    expect(await left(store.readStream('case-1'))).toEqual(corrupt);
  });

  it('is reported by readAll', async () => {
    expect(await left(store.readAll())).toEqual(corrupt);
  });

  it('ends a subscription with SubscriptionFailed after the events before it', async () => {
    const delivered: bigint[] = [];
    const failed = await (async () => {
      try {
        for await (const message of store.subscribe()) {
          if (message.kind === 'event') delivered.push(message.event.position);
        }
        return undefined;
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(delivered).toEqual([1n]);
    expect(failed).toBeInstanceOf(SubscriptionFailed);
    expect((failed as SubscriptionFailed).error).toEqual(corrupt);
  });

  it('is never parsed by a read or subscription whose filter excludes it, since filters run in SQL', async () => {
    await right(store.append('user-1', 'no-stream', newEvents(1)));
    const filter = { kind: 'streamName', prefixes: ['user-'] } as const;
    expect((await right(store.readAll({ filter }))).map((e) => e.stream)).toEqual(['user-1']);
    const seen: string[] = [];
    const subscription = store.subscribe({ filter });
    for await (const message of subscription) {
      seen.push(message.kind === 'event' ? message.event.stream : message.kind);
      if (message.kind === 'caughtUp') await subscription.stop();
    }
    expect(seen).toEqual(['user-1', 'caughtUp']);
  });

  it('is reported when its metadata is not JSON either', async () => {
    const raw = new Database(temp.dbPath);
    raw.prepare("UPDATE events SET metadata = 'garbage' WHERE position = 3").run();
    raw.close();
    expect(await left(store.readAll({ fromPosition: 3n }))).toMatchObject({
      _tag: 'UndecodableEvent',
      position: 3n,
      reason: expect.stringContaining('metadata is not valid JSON') as string,
    });
  });
});

describe('SQLite store, a file it cannot open', () => {
  let temp: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    temp = tempFolder();
  });
  afterEach(() => temp.remove());

  const unavailableNaming = (path: string) => ({
    _tag: 'StoreUnavailable',
    cause: expect.stringContaining(path) as string,
  });

  it('answers StoreUnavailable naming the path when the path is a directory', async () => {
    const store = createSqliteStore({ path: temp.folder });
    expect(await left(store.readAll())).toEqual(unavailableNaming(temp.folder));
    expect(await left(store.append('case-1', 'any', newEvents(1)))).toEqual(unavailableNaming(temp.folder));
    await store.close();
  });

  it('answers StoreUnavailable when the file is not a database', async () => {
    writeFileSync(temp.dbPath, 'these are not the bytes of a SQLite database, '.repeat(50));
    const opened = await openSqliteStore({ path: temp.dbPath })();
    expect(opened).toEqual(E.left(unavailableNaming(temp.dbPath)));
  });

  it('answers StoreUnavailable when a read-only file is missing', async () => {
    const missing = `${temp.folder}/missing.db`;
    expect(await openSqliteStore({ path: missing, readOnly: true })()).toEqual(
      E.left(unavailableNaming(missing)),
    );
  });

  it('answers StoreUnavailable when its folder cannot be made', async () => {
    writeFileSync(`${temp.folder}/a-file`, '');
    const path = `${temp.folder}/a-file/events.db`;
    expect(await openSqliteStore({ path })()).toEqual(E.left(unavailableNaming(path)));
  });

  it('answers StoreUnavailable for a SQLite file that is not an event store', async () => {
    const raw = new Database(temp.dbPath);
    raw.exec('CREATE TABLE something_else (x)');
    raw.close();
    const opened = await openSqliteStore({ path: temp.dbPath })();
    expect(opened).toEqual(
      E.left({
        _tag: 'StoreUnavailable',
        cause: expect.stringContaining('not a Dossier event store') as string,
      }),
    );
  });

  it('fails a subscription with StoreUnavailable instead of throwing on subscribe', async () => {
    const store = createSqliteStore({ path: temp.folder });
    const subscription = store.subscribe();
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(SubscriptionFailed);
    await subscription.stop();
  });

  it('answers StoreUnavailable, saying the file is locked, when another writer holds it past the busy timeout', async () => {
    const store = createSqliteStore({ path: temp.dbPath, busyTimeoutMs: 50 });
    const other = new Database(temp.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await left(store.append('case-1', 'any', newEvents(1)));
      expect(refused).toEqual({
        _tag: 'StoreUnavailable',
        cause: expect.stringMatching(
          /appending to case-1: .* stayed locked by another connection .*SQLITE_BUSY/,
        ) as string,
      });
      // Readers are not blocked by a writer in WAL mode.
      expect(await right(store.readAll())).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });

  it('answers StoreUnavailable after close', async () => {
    const store = createSqliteStore({ path: temp.dbPath });
    await store.close();
    expect(await left(store.readAll())).toMatchObject({ _tag: 'StoreUnavailable' });
  });
});
