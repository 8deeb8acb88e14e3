import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { StoreError } from '../../store/errors.js';
import type { AppendResult, ExpectedRevision } from '../../store/types.js';
import type { ConformanceHarness } from './harness.js';
import { numbered, right, useSubject } from './fixtures.js';

/** Writers racing on one stream. */
export const describeConcurrency = (harness: ConformanceHarness): void => {
  describe('concurrency', () => {
    const subject = useSubject(harness);

    it('of two appends with the same expected revision, exactly one wins', async () => {
      const { store } = subject();
      let expected: ExpectedRevision = 'no-stream';
      for (let round = 0; round < 20; round++) {
        const outcomes: ReadonlyArray<E.Either<StoreError, AppendResult>> = await Promise.all([
          store.append('ticket-1', expected, numbered(2, 'TicketCommented', round * 10))(),
          store.append('ticket-1', expected, numbered(3, 'TicketCommented', round * 10 + 5))(),
        ]);
        const winners = outcomes.filter(E.isRight);
        expect(winners).toHaveLength(1);
        const winner = winners[0]?.right;
        const loser = outcomes.find(E.isLeft)?.left;
        expect(loser).toEqual({
          _tag: 'ConcurrencyConflict',
          stream: 'ticket-1',
          expected,
          actual: winner?.nextExpectedRevision,
        });
        expected = winner?.nextExpectedRevision ?? expected;
      }
      const events = await right(store.readStream('ticket-1'));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      expect(events[events.length - 1]?.revision).toBe(expected);
    }, 30_000);

    it("keeps every one of many concurrent 'any' appends, with dense revisions", async () => {
      const { store } = subject();
      const writers = 20;
      await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          right(store.append('ticket-1', 'any', numbered(3, 'TicketCommented', w * 3))),
        ),
      );
      const events = await right(store.readStream('ticket-1'));
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: writers * 3 }, (_, i) => BigInt(i)));
      const numbers = events.map((e) => (e.data as { n: number }).n).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: writers * 3 }, (_, i) => i));
      // Each batch is written whole: its three events sit together in the stream.
      const inStreamOrder = events.map((e) => (e.data as { n: number }).n);
      const split = inStreamOrder.filter((n, i) => n % 3 !== 0 && inStreamOrder[i - 1] !== n - 1);
      expect(split).toEqual([]);
    }, 30_000);
  });
};
