import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyStream, type RecordedEvent } from '@dossier/core';
import { createSqliteStore } from '../src/index.js';
import { buildPackage, runToEnd, runUntilKilled } from './children.js';
import { newEvent, right, tempFolder } from './helpers.js';

const childScript = fileURLToPath(new URL('./fixtures/appendForever.mjs', import.meta.url));
const raceScript = fileURLToPath(new URL('./fixtures/appendOnce.mjs', import.meta.url));
const streams = 3;
const batchSize = 50;

interface Run {
  readonly committed: ReadonlyArray<number>;
  readonly killedAfter: number;
}

/** Starts a child that appends batches until it has printed `killAfter` commits, then kills it after a random pause. */
const appendUntilKilled = async (dbPath: string, firstBatch: number, killAfter: number): Promise<Run> => {
  // A pause of up to 8 ms lands the kill anywhere in the next appends: before, inside or after a transaction.
  const lines = await runUntilKilled(
    [childScript, dbPath, String(firstBatch), String(streams)],
    (printed) => printed.length >= killAfter,
    8,
  );
  return { committed: lines.map((line) => Number(line.replace('committed ', ''))), killedAfter: killAfter };
};

const data = (event: RecordedEvent) => event.data as { readonly batch: number; readonly i: number };

describe('SQLite store, across processes', () => {
  beforeAll(buildPackage, 120_000);

  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('lets exactly one of several processes appending at the same expected revision win', async () => {
    temp = tempFolder();
    const store = createSqliteStore({ path: temp.dbPath });
    await right(store.append('race', 'no-stream', [newEvent('Started')]));
    const dbPath = temp.dbPath;
    const outcomes = (
      await Promise.all(Array.from({ length: 4 }, () => runToEnd([raceScript, dbPath, 'race', '0'])))
    ).map((line) => JSON.parse(line) as { won: boolean; error?: { _tag: string; actual: string } });
    try {
      expect(outcomes.filter((o) => o.won)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.won).map((o) => o.error)).toEqual(
        Array.from({ length: 3 }, () => ({
          _tag: 'ConcurrencyConflict',
          stream: 'race',
          expected: '0',
          actual: '20',
        })),
      );
      const events = await right(store.readStream('race'));
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, i) => BigInt(i)));
      expect(verifyStream(events)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a writer killed mid-append leaves every batch whole or absent, keeps what it acknowledged, and the chain verifies', async () => {
    temp = tempFolder();
    let nextBatch = 0;
    for (let round = 0; round < 3; round++) {
      const run = await appendUntilKilled(temp.dbPath, nextBatch, 3 + Math.floor(Math.random() * 15));

      const store = createSqliteStore({ path: temp.dbPath });
      try {
        const all = await right(store.readAll());
        const batches = new Map<number, RecordedEvent[]>();
        for (const event of all)
          batches.set(data(event).batch, [...(batches.get(data(event).batch) ?? []), event]);
        const present = [...batches.keys()].sort((a, b) => a - b);
        const context = `round ${round}, killed after ${run.killedAfter} commits, batches ${present[0]}..${present.at(-1)}`;

        // Whole or absent: 50 events in order, at consecutive positions (one transaction).
        for (const [batch, events] of batches) {
          expect(
            events.map((e) => data(e).i),
            `${context}, batch ${batch}`,
          ).toEqual(Array.from({ length: batchSize }, (_, i) => i));
          const positions = events.map((e) => e.position - (events[0]?.position ?? 0n));
          expect(positions, `${context}, batch ${batch}`).toEqual(
            Array.from({ length: batchSize }, (_, i) => BigInt(i)),
          );
        }
        // Batches run one after the other, so those present are 0..n with no hole, and every batch the child
        // reported as committed survived its death.
        expect(present, context).toEqual(Array.from({ length: present.length }, (_, i) => i));
        expect(present.length, context).toBeGreaterThanOrEqual(Math.max(...run.committed) + 1);

        for (let s = 0; s < streams; s++) {
          const events = await right(store.readStream(`crash-${s}`));
          expect(
            events.map((e) => e.revision),
            `${context}, stream ${s}`,
          ).toEqual(events.map((_, i) => BigInt(i)));
          expect(verifyStream(events), `${context}, stream ${s}`).toMatchObject({ ok: true });
        }
        nextBatch = present.length;
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});
