import { describe, expect, it } from 'vitest';
import type { EventFilter, RecordedEvent, SubscriptionMessage } from '../../store/types.js';
import { caughtUp, collect, drain, events, eventsOf } from './collect.js';
import type { ConformanceHarness } from './harness.js';
import { newEvent, nextTurn, numbered, right, useSubject } from './fixtures.js';

/** Above the subscription bound, so that a stalled subscription fails with what it delivered. */
const testTimeoutMs = 15_000;

const positions = (list: ReadonlyArray<RecordedEvent>) => list.map((e) => e.position);
const kinds = (messages: ReadonlyArray<SubscriptionMessage>) =>
  messages.map((m) => (m.kind === 'event' ? m.event.position : 'caughtUp'));

/** Catch-up, the `caughtUp` signal, live delivery, exclusivity of `afterPosition`, filters and stopping. */
export const describeSubscribe = (harness: ConformanceHarness): void => {
  describe('subscribe', () => {
    const subject = useSubject(harness);

    it(
      'catches up on the past, says caughtUp, then delivers live events',
      async () => {
        const { store } = subject();
        const past = (await right(store.append('ticket-1', 'no-stream', numbered(3)))).events;
        const live: RecordedEvent[] = [];
        const messages = await collect(store.subscribe(), events(5), async (message) => {
          if (message.kind === 'caughtUp') {
            live.push(...(await right(store.append('ticket-2', 'no-stream', numbered(2)))).events);
          }
        });
        expect(kinds(messages)).toEqual([...positions(past), 'caughtUp', ...positions(live)]);
        expect(eventsOf(messages)).toEqual([...past, ...live]);
        // The signal says how far catch-up read: at least to the last past event.
        const signal = messages[3];
        const reached = signal?.kind === 'caughtUp' ? signal.position : null;
        expect(reached !== null && reached >= (past[2]?.position ?? reached + 1n)).toBe(true);
      },
      testTimeoutMs,
    );

    it(
      'says caughtUp first on an empty store, then delivers what is appended',
      async () => {
        const { store } = subject();
        const live: RecordedEvent[] = [];
        const messages = await collect(store.subscribe(), events(1), async (message) => {
          if (message.kind === 'caughtUp')
            live.push(...(await right(store.append('ticket-1', 'any', numbered(1)))).events);
        });
        expect(messages[0]?.kind).toBe('caughtUp');
        expect(eventsOf(messages)).toEqual(live);
      },
      testTimeoutMs,
    );

    it(
      'starts after afterPosition, never at it',
      async () => {
        const { store } = subject();
        const written = (await right(store.append('ticket-1', 'no-stream', numbered(6)))).events;
        const after = written[2]?.position ?? -1n;
        const messages = await collect(store.subscribe({ afterPosition: after }), caughtUp);
        expect(positions(eventsOf(messages))).toEqual(positions(written.slice(3)));
        const atEnd = await collect(
          store.subscribe({ afterPosition: written[5]?.position ?? -1n }),
          caughtUp,
        );
        expect(eventsOf(atEnd)).toEqual([]);
      },
      testTimeoutMs,
    );

    it('delivers events appended during catch-up once each, in order, with no gap', async () => {
      const { store } = subject();
      const before = 1_200;
      const during = 300;
      for (let i = 0; i < before; i += 100) {
        await right(store.append(`ticket-${i % 7}`, 'any', numbered(100, 'TicketCommented', i)));
      }
      let appended = 0;
      let appendedBeforeCaughtUp = 0;
      let signalled = false;
      const writer = (async () => {
        for (let i = 0; i < during; i += 5) {
          await right(store.append(`ticket-${i % 5}`, 'any', numbered(5, 'TicketCommented', before + i)));
          appended += 5;
          if (!signalled) appendedBeforeCaughtUp = appended;
          await nextTurn();
        }
      })();
      // The reader lets the writer run between messages, so appends land while it is still catching up.
      const all = (m: ReadonlyArray<SubscriptionMessage>) => events(before + during)(m) && caughtUp(m);
      const messages = await collect(store.subscribe(), all, async (message) => {
        if (message.kind === 'caughtUp') signalled = true;
        await nextTurn();
      });
      await writer;
      const log = await right(store.readAll());
      expect(log).toHaveLength(before + during);
      expect(positions(eventsOf(messages))).toEqual(positions(log));
      expect(messages.filter((m) => m.kind === 'caughtUp')).toHaveLength(1);
      expect(appendedBeforeCaughtUp).toBeGreaterThan(0);
    }, 60_000);

    // Two of the four past events and two of the four live ones pass each filter below.
    const filtered = async (filter: EventFilter, expected: (e: RecordedEvent) => boolean): Promise<void> => {
      const { store } = subject();
      await right(store.append('ticket-1', 'any', [newEvent('TicketOpened'), newEvent('TicketCommented')]));
      await right(store.append('user-1', 'any', [newEvent('UserInvited')]));
      await right(store.append('ticketing-9', 'any', [newEvent('UserRemoved')]));
      const messages = await collect(store.subscribe({ filter }), events(4), async (message) => {
        if (message.kind !== 'caughtUp') return;
        await right(store.append('user-2', 'any', [newEvent('UserInvited'), newEvent('TicketClosed')]));
        await right(store.append('ticket-3', 'any', [newEvent('TicketOpened'), newEvent('UserRemoved')]));
      });
      const wanted = (await right(store.readAll())).filter(expected);
      expect(wanted).toHaveLength(4);
      expect(eventsOf(messages)).toEqual(wanted);
      expect(messages[2]?.kind).toBe('caughtUp');
      expect(await right(store.readAll({ filter }))).toEqual(wanted);
    };

    it(
      'filters by event-type prefix, in catch-up and live',
      async () => {
        await filtered({ kind: 'eventType', prefixes: ['TicketO', 'UserI'] }, (e) =>
          ['TicketOpened', 'UserInvited'].includes(e.type),
        );
      },
      testTimeoutMs,
    );

    it(
      'filters by stream-name prefix, in catch-up and live',
      async () => {
        await filtered({ kind: 'streamName', prefixes: ['ticket-'] }, (e) => e.stream.startsWith('ticket-'));
      },
      testTimeoutMs,
    );

    it(
      'ends the iteration when stopped',
      async () => {
        const { store } = subject();
        await right(store.append('ticket-1', 'no-stream', numbered(2)));
        const subscription = store.subscribe();
        const drained = await drain(subscription, caughtUp);
        expect(eventsOf(drained.messages)).toHaveLength(2);
        await right(store.append('ticket-1', 'any', numbered(2)));
        const after = await subscription[Symbol.asyncIterator]().next();
        expect(after.done).toBe(true);
      },
      testTimeoutMs,
    );
  });
};
