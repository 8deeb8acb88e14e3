import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection, type EventStore } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { tally, type Tally } from './fixtures/projectionTally.mjs';
import { newEvent, right, tempFolder } from './helpers.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const runnerScript = fileURLToPath(new URL('./fixtures/projectionRunner.mjs', import.meta.url));

interface Child {
  readonly args: ReadonlyArray<string>;
  readonly version: number;
}

/**
 * Runs the projection runner in a child until it has printed `killAfter` lines of progress (started, then each
 * save it announces), then kills it after a random pause of up to `maxPauseMs`.
 */
const runUntilKilled = ({ args, version }: Child, killAfter: number, maxPauseMs: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [runnerScript, ...args, 'live', String(1 + Math.floor(Math.random() * 30)), String(version)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let saves = 0;
    let stderr = '';
    let killing = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child never printed ${killAfter} lines of progress; stderr: ${stderr}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      saves += chunk
        .toString()
        .split('\n')
        .filter((line) => line.startsWith('saved') || line === 'started').length;
      if (!killing && saves >= killAfter) {
        killing = true;
        // A random pause lands the kill anywhere: while folding, between folding and saving, inside a save.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * maxPauseMs));
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve(saves);
      else reject(new Error(`the child exited by itself (code ${code}); stderr: ${stderr}`));
    });
  });

/** Runs the projection runner in a child until it has settled at the head of the log, and exits. */
const runToSettled = ({ args, version }: Child): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runnerScript, ...args, 'settle', '25', String(version)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (code === 0 && stdout.includes('settled')) resolve();
      else reject(new Error(`the child failed (code ${code}, signal ${signal}); stderr: ${stderr}`));
    });
  });

const addItems = async (store: EventStore, from: number, count: number) => {
  for (let i = from; i < from + count; i += 10)
    await right(
      store.append(
        `basket-${i % 3}`,
        'any',
        Array.from({ length: 10 }, (_, j) =>
          newEvent((i + j) % 4 === 0 ? 'ItemRemoved' : 'ItemAdded', { n: i + j }),
        ),
      ),
    );
};

describe('projections over SQLite, across processes', () => {
  beforeAll(() => {
    // The child runs the built packages with plain node (see processes.test.ts).
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-b', packageDir], { stdio: 'pipe' });
  }, 120_000);

  let temp: ReturnType<typeof tempFolder> | undefined;
  afterEach(() => temp?.remove());

  it('a runner killed at random points, while folding and while rebuilding for a new version, ends equal to a clean rebuild, each event folded once', async () => {
    temp = tempFolder();
    const projectionsPath = `${temp.folder}/projections.db`;
    const args = [temp.dbPath, projectionsPath];
    const store = createSqliteStore({ path: temp.dbPath });
    try {
      await addItems(store, 0, 600);
      let written = 600;
      for (let round = 0; round < 4; round++) {
        // Events keep arriving while the child runs, so it is killed while catching up or while live.
        const appending = (async () => {
          for (let k = 0; k < 5; k++, written += 40) {
            await addItems(store, written, 40);
            await new Promise((resolve) => setTimeout(resolve, 3));
          }
        })();
        // From the third round on, a new version: the runner rebuilds from zero on start (announcing no save until
        // the swap), so it is killed at a random moment after starting, while rebuilding or just after.
        if (round < 2) await runUntilKilled({ args, version: 1 }, 2 + Math.floor(Math.random() * 6), 6);
        else await runUntilKilled({ args, version: 2 }, 1, 60);
        await appending;
      }
      await runToSettled({ args, version: 2 });

      const states = createSqliteProjectionStore({ path: projectionsPath });
      const copy = await right(states.current('tally'));
      await states.close();
      const all = await right(store.readAll());
      const folded = all.filter((e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved');
      expect(all).toHaveLength(written);
      expect(copy?.key).toEqual({ name: 'tally', version: 2, generation: 1 });
      expect(copy?.checkpoint).toBe(all.at(-1)?.position);
      expect(copy?.state).toEqual(replayProjection(tally, folded as never));
      expect((copy?.state as Tally).positions).toEqual(folded.map((e) => Number(e.position)));
    } finally {
      await store.close();
    }
  }, 120_000);
});
