import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  catchUpThenLive,
  type CatchUpSource,
  type RecordedEvent,
  type SubscriptionMessage,
} from '@dossier/core';

const recorded = (position: bigint): RecordedEvent => ({
  stream: 's',
  revision: position,
  position,
  type: 'T',
  data: {},
  metadata: {
    eventId: `e${position}`,
    commandId: null,
    commandHash: null,
    correlationId: 'c',
    causationId: null,
    actor: null,
    recordedAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
    hash: 'h',
  },
});

/** A log that another process writes: nothing tells the subscription, so only polling finds the events. */
const silentLog = () => {
  const log: RecordedEvent[] = [];
  const source: CatchUpSource = {
    readPage: (after, limit) =>
      Promise.resolve(
        E.right({
          events: log
            .filter((e) => after === undefined || e.position > after)
            .slice(0, limit)
            .map(E.right),
        }),
      ),
    watch: () => () => undefined,
    pollIntervalMs: 5,
    pageSize: 2,
  };
  return { log, source };
};

describe('catchUpThenLive', () => {
  it('finds writes nobody announced by polling', async () => {
    const { log, source } = silentLog();
    log.push(recorded(1n), recorded(2n), recorded(3n));
    const subscription = catchUpThenLive(source);
    const seen: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      seen.push(message);
      if (message.kind === 'caughtUp') log.push(recorded(4n));
      if (seen.length === 5) break;
    }
    expect(seen.map((m) => (m.kind === 'event' ? m.event.position : m.kind))).toEqual([
      1n,
      2n,
      3n,
      'caughtUp',
      4n,
    ]);
  });

  it('never delivers twice what a source hands back again', async () => {
    const events = [recorded(1n), recorded(2n)];
    const subscription = catchUpThenLive({
      readPage: () => Promise.resolve(E.right({ events: events.map(E.right) })),
      watch: () => () => undefined,
      pageSize: 2,
    });
    const seen: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      seen.push(message);
      if (message.kind === 'caughtUp') break;
    }
    expect(seen.map((m) => (m.kind === 'event' ? m.event.position : m.kind))).toEqual([1n, 2n, 'caughtUp']);
  });

  it('ends a waiting iteration when stopped', async () => {
    const subscription = catchUpThenLive({
      readPage: () => Promise.resolve(E.right({ events: [] })),
      watch: () => () => undefined,
    });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: null });
    const waiting = iterator.next();
    await subscription.stop();
    expect((await waiting).done).toBe(true);
  });
});
