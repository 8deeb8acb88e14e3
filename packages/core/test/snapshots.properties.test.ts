import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryStore, handle, type SnapshotProblem } from '@dossier/core';
import { basket, basketSchema, BasketStateCodec, type BasketCommand } from './support/basket.js';

const items = ['apple', 'pear', 'plum'];
const commandArb: fc.Arbitrary<BasketCommand> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...items).map((item): BasketCommand => ({ type: 'Add', item })) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(...items).map((item): BasketCommand => ({ type: 'Remove', item })),
  },
  { weight: 1, arbitrary: fc.constant<BasketCommand>({ type: 'Close' }) },
);

// What a caller sees of a decision: the events appended or the refusal, and the state after.
const decisionOf = (handled: Awaited<ReturnType<ReturnType<typeof handle>>>) =>
  E.isRight(handled)
    ? {
        events: handled.right.events.map((e) => [e.revision, e.type, e.data]),
        state: handled.right.state,
        revision: handled.right.revision,
        repeated: handled.right.repeated,
      }
    : { refused: handled.left._tag };

describe('command handling with snapshots', () => {
  it('decides exactly as without them, for any history and any snapshot interval', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        async (commands, every, repeat) => {
          const plain = createInMemoryStore({ schema: basketSchema });
          const snapshotted = createInMemoryStore({ schema: basketSchema });
          const problems: SnapshotProblem[] = [];
          const snapshots = {
            codec: BasketStateCodec,
            every,
            onProblem: (p: SnapshotProblem) => problems.push(p),
          };
          for (const [i, command] of commands.entries()) {
            const request = { stream: 'basket-1', command, context: { commandId: `c-${i}`, actor: 'a' } };
            const without = await handle(plain, basket, request)();
            const withSnapshots = await handle(snapshotted, basket, request, { snapshots })();
            expect(decisionOf(withSnapshots)).toEqual(decisionOf(without));
          }
          // A repeat is answered alike too, however far behind the latest snapshot its events lie.
          const again = commands.length === 0 ? 0 : repeat % commands.length;
          const repeatRequest = {
            stream: 'basket-1',
            command: commands[again] ?? { type: 'Close' as const },
            context: { commandId: `c-${again}`, actor: 'a' },
          };
          expect(decisionOf(await handle(snapshotted, basket, repeatRequest, { snapshots })())).toEqual(
            decisionOf(await handle(plain, basket, repeatRequest)()),
          );
          expect(problems).toEqual([]);
          // The property is about snapshots only if some were taken: one exists once `every` events were written.
          const written = await snapshotted.readStream('basket-1')();
          const length = E.isRight(written) ? written.right.length : 0;
          const snapshot = await snapshotted.snapshots.read('basket-1')();
          expect(E.isRight(snapshot) && snapshot.right !== null).toBe(length >= every);
        },
      ),
      { numRuns: 60 },
    );
  });
});
