import { describe, expect, it } from 'vitest';
import { verifyStream } from '../../store/verify.js';
import type { ConformanceHarness } from './harness.js';
import { left, newEvent, numbered, right, useSubject } from './fixtures.js';

/** The command-id index, snapshots, and appends that pass the tip the writer loaded. */
export const describeWritePath = (harness: ConformanceHarness): void => {
  describe('command-id index', () => {
    const subject = useSubject(harness);

    it('finds the events a command recorded, in revision order, and none for a new id', async () => {
      const { store } = subject();
      await right(
        store.append('ticket-1', 'no-stream', [newEvent('TicketOpened', {}, { commandId: 'c-1' })]),
      );
      await right(store.append('ticket-1', 0n, numbered(2)));
      await right(
        store.append('ticket-1', 2n, [
          newEvent('TicketCommented', { n: 7 }, { commandId: 'c-2' }),
          newEvent('TicketClosed', {}, { commandId: 'c-2' }),
        ]),
      );
      await right(
        store.append('ticket-2', 'no-stream', [newEvent('TicketOpened', {}, { commandId: 'c-2' })]),
      );
      const found = await right(store.readCommand('ticket-1', 'c-2'));
      expect(found.map((e) => [e.revision, e.type, e.metadata.commandId])).toEqual([
        [3n, 'TicketCommented', 'c-2'],
        [4n, 'TicketClosed', 'c-2'],
      ]);
      expect(found[0]?.data).toEqual({ n: 7 });
      expect(await right(store.readCommand('ticket-1', 'c-3'))).toEqual([]);
      expect(await right(store.readCommand('ticket-9', 'c-1'))).toEqual([]);
    });

    it('answers StreamDeleted for a deleted stream', async () => {
      const { store } = subject();
      await right(
        store.append('ticket-1', 'no-stream', [newEvent('TicketOpened', {}, { commandId: 'c-1' })]),
      );
      await right(store.deleteStream('ticket-1'));
      expect(await left(store.readCommand('ticket-1', 'c-1'))).toMatchObject({ _tag: 'StreamDeleted' });
    });
  });

  describe('snapshots', () => {
    const subject = useSubject(harness);

    it('keeps the latest snapshot of each stream and none for others', async () => {
      const { store } = subject();
      expect(await right(store.snapshots.read('ticket-1'))).toBeNull();
      const first = {
        stream: 'ticket-1',
        revision: 4n,
        hash: 'a'.repeat(64),
        key: 'k1',
        state: { n: [1, 2] },
      };
      await right(store.snapshots.write(first));
      await right(store.snapshots.write({ ...first, revision: 9n, hash: 'b'.repeat(64), state: { n: [3] } }));
      expect(await right(store.snapshots.read('ticket-1'))).toEqual({
        stream: 'ticket-1',
        revision: 9n,
        hash: 'b'.repeat(64),
        key: 'k1',
        state: { n: [3] },
      });
      expect(await right(store.snapshots.read('ticket-2'))).toBeNull();
    });

    it('leaves snapshots out of the log: reads, the global log and verify see only events', async () => {
      const { store } = subject();
      const appended = await right(store.append('ticket-1', 'no-stream', numbered(2)));
      const last = appended.events[1];
      await right(
        store.snapshots.write({
          stream: 'ticket-1',
          revision: 1n,
          hash: last?.metadata.hash ?? '',
          key: 'k',
          state: { count: 2 },
        }),
      );
      const events = await right(store.readStream('ticket-1'));
      expect(events).toHaveLength(2);
      expect(verifyStream(events)).toMatchObject({ ok: true, events: 2 });
      expect((await right(store.readAll())).map((e) => e.stream)).toEqual(['ticket-1', 'ticket-1']);
    });

    it('refuses a state that is not plain JSON', async () => {
      const { store } = subject();
      const refused = await left(
        store.snapshots.write({
          stream: 'ticket-1',
          revision: 0n,
          hash: '0'.repeat(64),
          key: 'k',
          state: 1n,
        }),
      );
      expect(refused).toMatchObject({ _tag: 'StoreUnavailable' });
    });
  });

  describe('append with the tip the writer loaded', () => {
    const subject = useSubject(harness);

    it('chains from the given hash, so the stream verifies', async () => {
      const { store } = subject();
      const first = await right(store.append('ticket-1', 'no-stream', numbered(2)));
      const hash = first.events[1]?.metadata.hash ?? '';
      await right(store.append('ticket-1', 1n, numbered(1, 'TicketClosed'), { expectedHash: hash }));
      const events = await right(store.readStream('ticket-1'));
      expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(verifyStream(events)).toMatchObject({ ok: true, events: 3 });
    });

    it('refuses a stale tip as a conflict, writing nothing', async () => {
      const { store } = subject();
      const first = await right(store.append('ticket-1', 'no-stream', numbered(1)));
      const stale = first.events[0]?.metadata.hash ?? '';
      await right(store.append('ticket-1', 0n, numbered(1)));
      expect(await left(store.append('ticket-1', 0n, numbered(1), { expectedHash: stale }))).toEqual({
        _tag: 'ConcurrencyConflict',
        stream: 'ticket-1',
        expected: 0n,
        actual: 1n,
      });
      expect(await right(store.readStream('ticket-1'))).toHaveLength(2);
    });
  });
};
