import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replayProjection, type EventStore } from '@dossier/core';
import { createSqliteProjectionStore, createSqliteStore } from '../src/index.js';
import { tally, type Tally } from './fixtures/projectionTally.mjs';
import { buildPackage, runToEnd, runUntilKilled } from './children.js';
import { newEvent, right, tempFolder } from './helpers.js';

const runnerScript = fileURLToPath(new URL('./fixtures/projectionRunner.mjs', import.meta.url));

interface Child {
  readonly args: ReadonlyArray<string>;
  readonly version: number;
}

/**
 * Runs the projection runner in a child until it has printed `killAfter` lines of progress (started, then each
 * save it announces), then kills it after a random pause of up to `maxPauseMs`.
 */
const runnerUntilKilled = async (
  { args, version }: Child,
  killAfter: number,
  maxPauseMs: number,
): Promise<number> => {
  const progress = (lines: ReadonlyArray<string>): number =>
    lines.filter((line) => line.startsWith('saved') || line === 'started').length;
  // A random pause lands the kill anywhere: while folding, between folding and saving, inside a save.
  const lines = await runUntilKilled(
    [runnerScript, ...args, 'live', String(1 + Math.floor(Math.random() * 30)), String(version)],
    (printed) => progress(printed) >= killAfter,
    maxPauseMs,
  );
  return progress(lines);
};

/** Runs the projection runner in a child until it has settled at the head of the log, and exits. */
const runToSettled = async ({ args, version }: Child): Promise<void> => {
  const stdout = await runToEnd([runnerScript, ...args, 'settle', '25', String(version)]);
  if (!stdout.includes('settled')) throw new Error(`the child exited without settling: ${stdout}`);
};

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
  beforeAll(buildPackage, 120_000);

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
        if (round < 2) await runnerUntilKilled({ args, version: 1 }, 2 + Math.floor(Math.random() * 6), 6);
        else await runnerUntilKilled({ args, version: 2 }, 1, 60);
        await appending;
      }
      await runToSettled({ args, version: 2 });

      const states = createSqliteProjectionStore({ path: projectionsPath });
      const copy = await right(states.current('tally'));
      const state = copy === null ? undefined : states.rows(copy.key).get('state', '');
      await states.close();
      const all = await right(store.readAll());
      const folded = all.filter((e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved');
      expect(all).toHaveLength(written);
      expect(copy?.key).toEqual({ name: 'tally', version: 2, generation: 1 });
      expect(copy?.checkpoint).toBe(all.at(-1)?.position);
      expect(state).toEqual(replayProjection(tally, folded as never));
      expect((state as Tally).positions).toEqual(folded.map((e) => Number(e.position)));
    } finally {
      await store.close();
    }
  }, 120_000);
});
