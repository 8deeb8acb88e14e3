import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyStream, type RecordedEvent } from '@dossier/core';
import { createSqliteStore } from '../src/index.js';
import { newEvent, right, tempFolder } from './helpers.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('./fixtures/appendForever.mjs', import.meta.url));
const raceScript = fileURLToPath(new URL('./fixtures/appendOnce.mjs', import.meta.url));
const streams = 3;
const batchSize = 50;

interface Run {
  readonly committed: ReadonlyArray<number>;
  readonly killedAfter: number;
}

/** Starts a child that appends batches until it has printed `killAfter` commits, then kills it after a random pause. */
const runUntilKilled = (dbPath: string, firstBatch: number, killAfter: number): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dbPath, String(firstBatch), String(streams)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: number[] = [];
    let stdout = '';
    let stderr = '';
    let killing = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never committed ${killAfter} batches; stderr: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) committed.push(Number(line.replace('committed ', '')));
      if (!killing && committed.length >= killAfter) {
        killing = true;
        // A random pause lands the kill anywhere in the next appends: before, inside or after a transaction.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 8));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve({ committed, killedAfter: killAfter });
      else reject(new Error(`the child exited by itself (code ${code}); stderr: ${stderr}`));
    });
  });

const data = (event: RecordedEvent) => event.data as { readonly batch: number; readonly i: number };

/** Runs a child to its end with a time limit, and returns what it printed. */
const runToEnd = (args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (code === 0) resolve(stdout);
      else reject(new Error(`the child failed (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });

describe('SQLite store, across processes', () => {
  beforeAll(() => {
    // The children run the built package with plain node; `tsc -b` is incremental, so this is quick when
    // `pnpm test` has just built everything, and makes the test independent of a stale or missing dist.
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-b', packageDir], { stdio: 'pipe' });
  }, 120_000);

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
      const run = await runUntilKilled(temp.dbPath, nextBatch, 3 + Math.floor(Math.random() * 15));

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
