import { describe, expect, it } from 'vitest';
import type { ConformanceHarness } from './harness.js';
import { left, newEvent, numbered, right, useSubject } from './fixtures.js';

/** Expected revisions, their conflicts, atomic batches and recorded metadata. */
export const describeAppend = (harness: ConformanceHarness): void => {
  describe('append', () => {
    const subject = useSubject(harness);

    it("'no-stream' creates the stream from revision 0", async () => {
      const { store } = subject();
      const result = await right(store.append('ticket-1', 'no-stream', numbered(3)));
      expect(result.nextExpectedRevision).toBe(2n);
      expect(result.events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(result.position).toBe(result.events[2]?.position);
      const read = await right(store.readStream('ticket-1'));
      expect(read.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    });

    it("'no-stream' on a stream with events is a conflict naming its last revision", async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(2)));
      expect(await left(store.append('ticket-1', 'no-stream', numbered(1)))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-1',
        expected: 'no-stream',
        actual: 1n,
      });
    });

    it("'exists' needs events in the stream", async () => {
      const { store } = subject();
      expect(await left(store.append('ticket-1', 'exists', numbered(1)))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-1',
        expected: 'exists',
        actual: 'no-stream',
      });
      await right(store.append('ticket-1', 'no-stream', numbered(1)));
      const result = await right(store.append('ticket-1', 'exists', numbered(1)));
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it("'any' appends whatever the stream holds", async () => {
      const { store } = subject();
      expect((await right(store.append('ticket-1', 'any', numbered(1)))).nextExpectedRevision).toBe(0n);
      expect((await right(store.append('ticket-1', 'any', numbered(2)))).nextExpectedRevision).toBe(2n);
    });

    it('an exact revision must be the last one written', async () => {
      const { store } = subject();
      expect(await left(store.append('ticket-1', 0n, numbered(1)))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-1',
        expected: 0n,
        actual: 'no-stream',
      });
      await right(store.append('ticket-1', 'no-stream', numbered(3)));
      for (const stale of [0n, 1n, 3n, 7n]) {
        expect(await left(store.append('ticket-1', stale, numbered(1)))).toEqual({
          _tag: 'ConcurrencyConflict',
          stream: 'ticket-1',
          expected: stale,
          actual: 2n,
        });
      }
      const result = await right(store.append('ticket-1', 2n, numbered(2)));
      expect(result.events.map((e) => e.revision)).toEqual([3n, 4n]);
    });

    it('a refused append writes nothing', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(2)));
      const before = await right(store.readAll());
      await left(store.append('ticket-1', 5n, numbered(3)));
      await left(store.append('ticket-1', 'no-stream', numbered(3)));
      await left(store.append('ticket-2', 'exists', numbered(3)));
      expect(await right(store.readAll())).toEqual(before);
      expect(await left(store.readStream('ticket-2'))).toEqual({
        _tag: 'StreamNotFound',
        stream: 'ticket-2',
      });
    });

    it('an empty batch checks the expected revision and writes nothing', async () => {
      const { store } = subject();
      await right(store.append('ticket-1', 'no-stream', numbered(2)));
      expect(await left(store.append('ticket-1', 0n, []))).toMatchObject({
        _tag: 'ConcurrencyConflict',
        actual: 1n,
      });
      const result = await right(store.append('ticket-1', 1n, []));
      expect(result.events).toEqual([]);
      expect(await right(store.readStream('ticket-1'))).toHaveLength(2);
    });

    it('writes a batch in order, with revisions dense and positions increasing', async () => {
      const { store } = subject();
      await right(store.append('user-1', 'no-stream', numbered(1, 'UserInvited')));
      const result = await right(store.append('ticket-1', 'no-stream', numbered(5)));
      expect(result.events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(result.events.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
      const positions = result.events.map((e) => e.position);
      expect(positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? p))).toBe(true);
      expect(await right(store.readStream('ticket-1'))).toEqual(result.events);
    });

    it('records the metadata given and fills in the rest', async () => {
      const { store } = subject();
      const given = newEvent(
        'TicketOpened',
        { title: 'Printer' },
        {
          commandId: 'cmd-1',
          commandHash: 'a'.repeat(64),
          correlationId: 'corr-1',
          causationId: 'cause-1',
          actor: 'user-7',
        },
      );
      const bare = newEvent('TicketCommented', { text: 'hi' });
      const fromCommand = newEvent('TicketClosed', {}, { commandId: 'cmd-2' });
      await right(store.append('ticket-1', 'no-stream', [given, bare, fromCommand]));
      const [first, second, third] = await right(store.readStream('ticket-1'));
      expect(first?.metadata).toMatchObject({
        eventId: given.metadata.eventId,
        commandId: 'cmd-1',
        commandHash: 'a'.repeat(64),
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: 'user-7',
        schemaVersion: 1,
      });
      expect(second?.metadata).toMatchObject({
        eventId: bare.metadata.eventId,
        commandId: null,
        commandHash: null,
        correlationId: bare.metadata.eventId,
        causationId: null,
        actor: null,
      });
      expect(third?.metadata.correlationId).toBe('cmd-2');
      for (const event of [first, second, third]) {
        expect(Number.isNaN(Date.parse(event?.metadata.recordedAt ?? ''))).toBe(false);
        expect(event?.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      }
    });
  });
};
