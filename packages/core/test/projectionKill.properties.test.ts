import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createInMemoryProjectionStore,
  createInMemoryStore,
  replayProjection,
  runProjections,
  type NewEvent,
  type ProjectionStoreFault,
} from '@dossier/core';
import {
  added,
  addedTwice,
  appendAll,
  removed,
  right,
  rightOf,
  tallyProjection,
  unrelated,
} from './projectionFixtures.js';

const numRuns = Math.max(1, Math.floor(Number(process.env['FC_RUNS'] ?? 200) / 2));

const eventArb: fc.Arbitrary<readonly [string, NewEvent]> = fc
  .tuple(
    fc.constantFrom('basket-a', 'basket-b', 'basket-c'),
    fc.constantFrom(added, removed, addedTwice, () => unrelated()),
    fc.integer({ min: 1, max: 9 }),
  )
  .map(([stream, make, n]) => [stream, make(n)] as const);

/** One life of a runner: events appended while it runs, and how it ends. */
const lifeArb = fc.record({
  events: fc.array(eventArb, { maxLength: 40 }),
  saveEvery: fc.integer({ min: 1, max: 12 }),
  // Catch-up reads the log in pages of this many events: a page may end anywhere, a save in the middle of one.
  pageSize: fc.integer({ min: 1, max: 16 }),
  ending: fc.oneof(
    fc.constant({ kind: 'settleThenStop' as const }),
    fc.record({ kind: fc.constant('stopAnywhere' as const), afterMs: fc.integer({ min: 0, max: 3 }) }),
    // The process dies at the n-th save: the events folded since the last good save are lost with it.
    fc.record({
      kind: fc.constant('crash' as const),
      atSave: fc.integer({ min: 1, max: 6 }),
      fault: fc.constantFrom<ProjectionStoreFault>('failBefore', 'failAfter'),
    }),
  ),
});

describe('projections killed and resumed', () => {
  it('end equal to a clean rebuild, whatever point each runner was stopped or crashed at', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lifeArb, { minLength: 1, maxLength: 5 }), async (lives) => {
        const store = createInMemoryStore();
        let saves = 0;
        let crashAt: { readonly atSave: number; readonly fault: ProjectionStoreFault } | null = null;
        let dead = false;
        const states = createInMemoryProjectionStore({
          fault: (write) => {
            if (dead) return 'failBefore';
            if (write.operation !== 'save' || crashAt === null) return 'none';
            saves += 1;
            if (saves < crashAt.atSave) return 'none';
            // Nothing the dead process tries afterwards reaches the store.
            dead = true;
            return crashAt.fault;
          },
        });
        const tally = tallyProjection();
        for (const life of lives) {
          saves = 0;
          dead = false;
          crashAt = life.ending.kind === 'crash' ? life.ending : null;
          const started = await runProjections({
            store,
            states,
            projections: [tally],
            saveEvery: life.saveEvery,
            pageSize: life.pageSize,
            idleMs: 1,
          })();
          if (E.isLeft(started)) {
            // It died while starting, at its first save: the events still arrive for the next life.
            expect(started.left._tag).toBe('StoreUnavailable');
            await appendAll(store, life.events);
            continue;
          }
          const runner = started.right;
          await appendAll(store, life.events);
          if (life.ending.kind === 'settleThenStop') await runner.settled();
          if (life.ending.kind === 'stopAnywhere') {
            const { afterMs } = life.ending;
            await new Promise((resolve) => setTimeout(resolve, afterMs));
          }
          if (life.ending.kind === 'crash') await runner.settled();
          await runner.stop();
        }
        crashAt = null;
        dead = false;
        const final = await right(runProjections({ store, states, projections: [tally] }));
        await final.settled();
        const state = rightOf(final.state(tally));
        await final.stop();
        const all = await right(store.readAll());
        const folded = all.filter((e) => e.type === 'ItemAdded' || e.type === 'ItemRemoved');
        expect(state).toEqual(replayProjection(tally, folded as never));
        expect(state.positions).toEqual(folded.map((e) => Number(e.position)));
      }),
      { numRuns },
    );
  }, 120_000);
});
