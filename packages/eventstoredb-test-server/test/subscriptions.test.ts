// Catch-up subscriptions through the real client: confirmation, catch-up, `caughtUp`,
// live events, and the checkpoints of filtered `$all` subscriptions.
//
// How @eventstore/db-client 6.2.1 surfaces them: the subscription is a Readable of
// ResolvedEvents that also emits 'confirmation' and 'caughtUp' (and 'fellBehind')
// events — 'caughtUp' is not in its TypeScript types, only emitted; checkpoints arrive
// through the filter's `checkpointReached(subscription, position)` callback.
import {
  END,
  eventTypeFilter,
  jsonEvent,
  START,
  StreamDeletedError,
  streamNameFilter,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient, Timeline } from './harness.js';

async function append(client: EventStoreDBClient, stream: string, ...types: string[]): Promise<void> {
  await client.appendToStream(
    stream,
    types.map((type) => jsonEvent({ type, data: {} })),
  );
}

const typesOf = (timeline: Timeline) => timeline.events.map((e) => e.event?.type);

describe('subscribeToAll', () => {
  test('confirmation, catch-up events, caughtUp, then live events', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await append(client, 'a', 'A0', 'A1');
    await append(client, 'b', 'B0');

    const subscription = client.subscribeToAll({ fromPosition: START });
    const timeline = new Timeline().follow(subscription);
    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp') && t.events.length === 3);
    await append(client, 'a', 'A2');
    await timeline.until((t) => t.events.length === 4);

    expect(timeline.sequence).toEqual(['confirmation', 'A0', 'A1', 'B0', 'caughtUp', 'A2']);
    expect(subscription.id).toMatch(/^[0-9a-f-]{36}$/);
    await subscription.unsubscribe();
  });

  test('a start position is exclusive; end means only live events', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await append(client, 's', 'E0', 'E1', 'E2');
    const [first] = await collect(client.readAll({ maxCount: 1 }));
    const position = first?.event?.position;
    if (position === undefined) throw new Error('no position');

    const fromFirst = new Timeline().follow(client.subscribeToAll({ fromPosition: position }));
    const fromEnd = new Timeline().follow(client.subscribeToAll({ fromPosition: END }));
    await fromFirst.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await fromEnd.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await append(client, 's', 'E3');
    await fromFirst.until((t) => t.events.length === 3);
    await fromEnd.until((t) => t.events.length === 1);

    expect(typesOf(fromFirst)).toEqual(['E1', 'E2', 'E3']);
    expect(typesOf(fromEnd)).toEqual(['E3']);
  });

  test('an event type filter sends matching events and a checkpoint every window of records scanned', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await append(client, 'order-1', 'OrderPlaced', 'Noise', 'OrderShipped', 'Noise', 'Noise');
    const timeline = new Timeline();
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({
        prefixes: ['Order'],
        maxSearchWindow: 2,
        checkpointInterval: 1,
        checkpointReached: timeline.checkpoint,
      }),
    });
    timeline.follow(subscription);

    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp') && t.checkpoints.length === 2);
    await append(client, 'order-2', 'OrderPlaced', 'Noise');
    await timeline.until((t) => t.events.length === 3 && t.checkpoints.length === 3);

    const all = await collect(client.readAll());
    const positionOf = (index: number) => all[index]?.event?.position;
    expect(timeline.sequence).toEqual([
      'confirmation',
      'OrderPlaced',
      'checkpoint',
      'OrderShipped',
      'checkpoint',
      'caughtUp',
      'OrderPlaced',
      'checkpoint',
    ]);
    // Records 2, 4 (catch-up) and 6 (live) close a window of 2 scanned records.
    expect(timeline.checkpoints).toEqual([positionOf(1), positionOf(3), positionOf(5)]);
  });

  test('checkpointInterval multiplies the window', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await append(client, 's', 'A', 'B', 'C', 'D', 'E', 'F', 'G');
    const timeline = new Timeline();
    timeline.follow(
      client.subscribeToAll({
        filter: eventTypeFilter({
          regex: '^Z',
          maxSearchWindow: 2,
          checkpointInterval: 3,
          checkpointReached: timeline.checkpoint,
        }),
      }),
    );

    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));

    const all = await collect(client.readAll());
    expect(timeline.events).toEqual([]);
    expect(timeline.checkpoints).toEqual([all[5]?.event?.position]);
  });

  test('a stream name filter, by regex or prefixes', async () => {
    const { client } = await serverAndClient();
    await append(client, 'order-1', 'A');
    await append(client, 'invoice-1', 'B');
    await append(client, 'order-2', 'C');

    const byRegex = new Timeline().follow(
      client.subscribeToAll({ filter: streamNameFilter({ regex: '^order-' }) }),
    );
    const byPrefix = new Timeline().follow(
      client.subscribeToAll({ filter: streamNameFilter({ prefixes: ['invoice-', 'nothing'] }) }),
    );
    await byRegex.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await byPrefix.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));

    expect(typesOf(byRegex)).toEqual(['A', 'C']);
    expect(typesOf(byPrefix)).toEqual(['B']);
  });

  test('unsubscribing ends the subscription and the server stops sending', async () => {
    const { server, client } = await serverAndClient({ systemEvents: false });
    const subscription = client.subscribeToAll();
    const timeline = new Timeline().follow(subscription);
    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));

    await subscription.unsubscribe();
    await append(client, 's', 'After');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(timeline.events).toEqual([]);
    expect(server.store.log).toHaveLength(1);
  });
});

describe('subscribeToStream', () => {
  test('from a revision (exclusive), then caughtUp, then live; other streams are not sent', async () => {
    const { client } = await serverAndClient();
    await append(client, 's', 'E0', 'E1', 'E2');

    const timeline = new Timeline().follow(client.subscribeToStream('s', { fromRevision: 0n }));
    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await append(client, 'other', 'X');
    await append(client, 's', 'E3');
    await timeline.until((t) => t.events.length === 3);

    expect(typesOf(timeline)).toEqual(['E1', 'E2', 'E3']);
    expect(timeline.events.map((e) => e.event?.revision)).toEqual([1n, 2n, 3n]);
  });

  test('from start, and from end; a stream that does not exist yet is waited for', async () => {
    const { client } = await serverAndClient();
    await append(client, 's', 'E0');

    const fromStart = new Timeline().follow(client.subscribeToStream('s', { fromRevision: START }));
    const fromEnd = new Timeline().follow(client.subscribeToStream('s', { fromRevision: END }));
    const notYet = new Timeline().follow(client.subscribeToStream('later'));
    await fromStart.until((t) => t.events.length === 1);
    await fromEnd.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await notYet.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await append(client, 's', 'E1');
    await append(client, 'later', 'L0');

    await fromStart.until((t) => t.events.length === 2);
    await fromEnd.until((t) => t.events.length === 1);
    await notYet.until((t) => t.events.length === 1);
    expect(typesOf(fromEnd)).toEqual(['E1']);
  });

  test('a soft-deleted stream sends only what is written after it is recreated', async () => {
    const { client } = await serverAndClient();
    await append(client, 's', 'Old0', 'Old1');
    await client.deleteStream('s');

    const timeline = new Timeline().follow(client.subscribeToStream('s'));
    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await append(client, 's', 'New2');
    await timeline.until((t) => t.events.length === 1);

    expect(timeline.events.map((e) => [e.event?.type, e.event?.revision])).toEqual([['New2', 2n]]);
  });

  test('tombstoning the stream ends the subscription with StreamDeletedError', async () => {
    const { client } = await serverAndClient();
    await append(client, 's', 'E0');
    const timeline = new Timeline().follow(client.subscribeToStream('s'));
    await timeline.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));

    await client.tombstoneStream('s');

    await expect(timeline.until(() => false)).rejects.toBeInstanceOf(StreamDeletedError);
  });
});
