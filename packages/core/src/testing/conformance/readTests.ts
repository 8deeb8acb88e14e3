import { describe, expect, it } from 'vitest';
import type { EventStore } from '../../store/port.js';
import type { RecordedEvent } from '../../store/types.js';
import type { ConformanceHarness } from './harness.js';
import { left, newEvent, numbered, right, useSubject } from './fixtures.js';

const revisions = (events: ReadonlyArray<RecordedEvent>) => events.map((e) => e.revision);
const positions = (events: ReadonlyArray<RecordedEvent>) => events.map((e) => e.position);

/** Three streams written in turns, so that the global log interleaves them. */
const interleave = async (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const written: RecordedEvent[] = [];
  const plan: ReadonlyArray<[string, string]> = [
    ['ticket-1', 'TicketOpened'],
    ['user-1', 'UserInvited'],
    ['ticket-2', 'TicketOpened'],
    ['ticket-1', 'TicketCommented'],
    ['user-1', 'UserRemoved'],
    ['ticket-1', 'TicketClosed'],
    ['ticket-2', 'TicketCommented'],
  ];
  for (const [i, [stream, type]] of plan.entries()) {
    written.push(...(await right(store.append(stream, 'any', [newEvent(type, { i })]))).events);
  }
  return written;
};

/** Reading streams and the global log: directions, inclusive starts, limits, filters, deletion. */
export const describeRead = (harness: ConformanceHarness): void => {
  describe('read', () => {
    const subject = useSubject(harness);

    it('reads a stream forwards from an inclusive revision, up to a limit', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(10)));
      expect(revisions(await right(store.readStream('ticket-1')))).toEqual(
        Array.from({ length: 10 }, (_, i) => BigInt(i)),
      );
      expect(revisions(await right(store.readStream('ticket-1', { fromRevision: 4n })))).toEqual([
        4n,
        5n,
        6n,
        7n,
        8n,
        9n,
      ]);
      expect(revisions(await right(store.readStream('ticket-1', { fromRevision: 4n, limit: 3 })))).toEqual([
        4n,
        5n,
        6n,
      ]);
      expect(revisions(await right(store.readStream('ticket-1', { limit: 2 })))).toEqual([0n, 1n]);
      expect(await right(store.readStream('ticket-1', { fromRevision: 10n }))).toEqual([]);
    });

    it('reads a stream backwards from an inclusive revision, up to a limit', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(10)));
      expect(revisions(await right(store.readStream('ticket-1', { direction: 'backwards' })))).toEqual(
        Array.from({ length: 10 }, (_, i) => BigInt(9 - i)),
      );
      expect(
        revisions(await right(store.readStream('ticket-1', { direction: 'backwards', fromRevision: 4n }))),
      ).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(
        revisions(
          await right(store.readStream('ticket-1', { direction: 'backwards', fromRevision: 4n, limit: 2 })),
        ),
      ).toEqual([4n, 3n]);
      expect(
        revisions(await right(store.readStream('ticket-1', { direction: 'backwards', limit: 1 }))),
      ).toEqual([9n]);
    });

    it('answers StreamNotFound for a stream never written', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(1)));
      expect(await left(store.readStream('ticket-2'))).toEqual({
        _tag: 'StreamNotFound',
        stream: 'ticket-2',
      });
      expect(await left(store.readStream('ticket-2', { direction: 'backwards' }))).toEqual({
        _tag: 'StreamNotFound',
        stream: 'ticket-2',
      });
    });

    it('a deleted stream answers StreamDeleted to reads, appends and deletes; others are untouched', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(3)));
      await right(store.append('ticket-2', 'no-stream', numbered(2)));
      await right(store.deleteStream('ticket-1'));
      const deleted = { _tag: 'StreamDeleted', stream: 'ticket-1' };
      expect(await left(store.readStream('ticket-1'))).toEqual(deleted);
      expect(await left(store.append('ticket-1', 'any', numbered(1)))).toEqual(deleted);
      expect(await left(store.deleteStream('ticket-1'))).toEqual(deleted);
      expect(revisions(await right(store.readStream('ticket-2')))).toEqual([0n, 1n]);
      expect((await right(store.append('ticket-2', 1n, numbered(1)))).nextExpectedRevision).toBe(2n);
    });

    it('deleting a stream never written marks its name deleted, with any or no-stream expected', async () => {
      const { store } = subject();
      await right(store.deleteStream('ticket-never'));
      await right(store.deleteStream('ticket-none', 'no-stream'));
      for (const stream of ['ticket-never', 'ticket-none']) {
        const deleted = { _tag: 'StreamDeleted', stream };
        expect(await left(store.readStream(stream))).toEqual(deleted);
        expect(await left(store.append(stream, 'no-stream', numbered(1)))).toEqual(deleted);
      }
      expect(await left(store.deleteStream('ticket-gone', 'exists'))).toMatchObject({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-gone',
      });
    });

    it('deleting checks the expected revision', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(3)));
      expect(await left(store.deleteStream('ticket-1', 1n))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-1',
        expected: 1n,
        actual: 2n,
      });
      expect(await right(store.readStream('ticket-1'))).toHaveLength(3);
      await right(store.deleteStream('ticket-1', 2n));
      expect(await left(store.readStream('ticket-1'))).toMatchObject({ _tag: 'StreamDeleted' });
    });

    it('reads the global log in the order events were appended, across streams', async () => {
      const { store } = subject();
      const written = await interleave(store);
      const all = await right(store.readAll());
      expect(all).toEqual(written);
      const seen = positions(all);
      expect(seen.every((p, i) => i === 0 || p > (seen[i - 1] ?? p))).toBe(true);
    });

    it('reads the global log forwards and backwards from an inclusive position, up to a limit', async () => {
      const { store } = subject();
      const written = positions(await interleave(store));
      const at = (i: number): bigint => written[i] ?? -1n;
      expect(positions(await right(store.readAll({ fromPosition: at(2) })))).toEqual(written.slice(2));
      expect(positions(await right(store.readAll({ fromPosition: at(2), limit: 3 })))).toEqual(
        written.slice(2, 5),
      );
      expect(positions(await right(store.readAll({ limit: 2 })))).toEqual(written.slice(0, 2));
      expect(positions(await right(store.readAll({ direction: 'backwards' })))).toEqual(
        [...written].reverse(),
      );
      expect(
        positions(await right(store.readAll({ direction: 'backwards', fromPosition: at(4), limit: 3 }))),
      ).toEqual([at(4), at(3), at(2)]);
      expect(await right(store.readAll({ fromPosition: at(6) + 1n }))).toEqual([]);
    });

    it('pages through the global log with no gap and no duplicate', async () => {
      const { store } = subject();
      const written = positions(await interleave(store));
      const paged: bigint[] = [];
      for (let from = 0n; ;) {
        const page = await right(store.readAll({ fromPosition: from, limit: 3 }));
        paged.push(...positions(page));
        const last = page[page.length - 1];
        if (last === undefined || page.length < 3) break;
        from = last.position + 1n;
      }
      expect(paged).toEqual(written);
    });

    it('filters the global log by event-type prefixes', async () => {
      const { store } = subject();
      const written = await interleave(store);
      const ticketTypes = await right(store.readAll({ filter: { kind: 'eventType', prefixes: ['Ticket'] } }));
      expect(ticketTypes).toEqual(written.filter((e) => e.type.startsWith('Ticket')));
      const some = await right(
        store.readAll({ filter: { kind: 'eventType', prefixes: ['TicketClosed', 'UserRem'] } }),
      );
      expect(some.map((e) => e.type)).toEqual(['UserRemoved', 'TicketClosed']);
      const backwards = await right(
        store.readAll({
          direction: 'backwards',
          limit: 2,
          filter: { kind: 'eventType', prefixes: ['User'] },
        }),
      );
      expect(backwards.map((e) => e.type)).toEqual(['UserRemoved', 'UserInvited']);
    });

    it('filters the global log by stream-name prefixes', async () => {
      const { store } = subject();
      const written = await interleave(store);
      const tickets = await right(store.readAll({ filter: { kind: 'streamName', prefixes: ['ticket-'] } }));
      expect(tickets).toEqual(written.filter((e) => e.stream.startsWith('ticket-')));
      const chosen = await right(
        store.readAll({ filter: { kind: 'streamName', prefixes: ['ticket-2', 'user-'] }, limit: 3 }),
      );
      expect(chosen.map((e) => e.stream)).toEqual(['user-1', 'ticket-2', 'user-1']);
    });
  });
};
