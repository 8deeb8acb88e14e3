import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { SubscriptionMessage } from '@dossier/core';
import { createSqliteStore, type SqliteEventStore } from '../src/index.js';
import { newEvents, right, tempFolder } from './helpers.js';

describe('SQLite store, two stores on one file (as two processes would)', () => {
  let temp: ReturnType<typeof tempFolder>;
  let a: SqliteEventStore;
  let b: SqliteEventStore;
  beforeEach(() => {
    temp = tempFolder();
    a = createSqliteStore({ path: temp.dbPath, pollIntervalMs: 10 });
    b = createSqliteStore({ path: temp.dbPath, pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    temp.remove();
  });

  it('lets exactly one of two appends at the same expected revision win', async () => {
    await right(a.append('case-1', 'no-stream', newEvents(1)));
    const results = await Promise.all([
      a.append('case-1', 0n, newEvents(2))(),
      b.append('case-1', 0n, newEvents(3))(),
    ]);
    expect(results.filter(E.isRight)).toHaveLength(1);
    expect(results.filter(E.isLeft).map((r) => r.left)).toEqual([
      { _tag: 'ConcurrencyConflict', stream: 'case-1', expected: 0n, actual: expect.any(BigInt) as bigint },
    ]);
    const stream = await right(b.readStream('case-1'));
    expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => BigInt(i)));
  });

  it('maps a unique-key violation on (stream, revision) to ConcurrencyConflict', async () => {
    // A row that `streams` does not know about, as a writer that bypassed the tip would leave.
    const raw = new Database(temp.dbPath);
    raw
      .prepare(
        "INSERT INTO events (stream, revision, type, data, metadata) VALUES ('case-9', 0, 'X', '{}', '{}')",
      )
      .run();
    raw.close();
    const result = await a.append('case-9', 'no-stream', newEvents(1))();
    expect(result).toEqual(
      E.left({ _tag: 'ConcurrencyConflict', stream: 'case-9', expected: 'no-stream', actual: 0n }),
    );
  });

  it('delivers to a subscriber of one store the events appended through the other', async () => {
    await right(b.append('case-1', 'no-stream', newEvents(1)));
    const subscription = a.subscribe();
    const seen: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      seen.push(message);
      if (message.kind === 'caughtUp') await right(b.append('case-1', 0n, newEvents(2)));
      if (seen.filter((m) => m.kind === 'event').length === 3) await subscription.stop();
    }
    expect(seen.map((m) => (m.kind === 'event' ? m.event.revision : m.kind))).toEqual([
      0n,
      'caughtUp',
      1n,
      2n,
    ]);
  }, 10_000);
});
