// Reading a stream and `$all` through the real client.
import {
  BACKWARDS,
  END,
  jsonEvent,
  START,
  StreamNotFoundError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient, Timeline } from './harness.js';

async function seed(client: EventStoreDBClient, stream: string, types: readonly string[]): Promise<void> {
  await client.appendToStream(
    stream,
    types.map((type) => jsonEvent({ type, data: { type } })),
  );
}

const revisions = (events: readonly { event?: { revision: bigint } }[]) =>
  events.map((e) => e.event?.revision);
const types = (events: readonly { event?: { type: string } }[]) => events.map((e) => e.event?.type);

describe('readStream', () => {
  test('forwards and backwards, from a revision (inclusive), start or end, with maxCount', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', ['E0', 'E1', 'E2', 'E3', 'E4']);

    expect(revisions(await collect(client.readStream('s')))).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(revisions(await collect(client.readStream('s', { fromRevision: 2n, maxCount: 2 })))).toEqual([
      2n,
      3n,
    ]);
    expect(revisions(await collect(client.readStream('s', { fromRevision: START, maxCount: 1 })))).toEqual([
      0n,
    ]);
    expect(
      revisions(await collect(client.readStream('s', { direction: BACKWARDS, fromRevision: END }))),
    ).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(
      revisions(
        await collect(client.readStream('s', { direction: BACKWARDS, fromRevision: 2n, maxCount: 2 })),
      ),
    ).toEqual([2n, 1n]);
    expect(
      revisions(await collect(client.readStream('s', { direction: BACKWARDS, fromRevision: 99n }))),
    ).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(await collect(client.readStream('s', { fromRevision: END }))).toEqual([]);
    expect(await collect(client.readStream('s', { fromRevision: 5n }))).toEqual([]);
  });

  test('a missing stream fails with StreamNotFoundError', async () => {
    const { client } = await serverAndClient();
    await seed(client, 'other', ['E0']);

    const read = collect(client.readStream('missing'));

    await expect(read).rejects.toBeInstanceOf(StreamNotFoundError);
    await expect(read).rejects.toMatchObject({ type: 'stream-not-found', streamName: 'missing' });
  });

  test('events of other streams are not read', async () => {
    const { client } = await serverAndClient();
    await seed(client, 'a', ['A0', 'A1']);
    await seed(client, 'b', ['B0']);
    await seed(client, 'a', ['A2']);

    expect(types(await collect(client.readStream('a')))).toEqual(['A0', 'A1', 'A2']);
    expect(revisions(await collect(client.readStream('a')))).toEqual([0n, 1n, 2n]);
  });
});

describe('readAll', () => {
  test('forwards: every event in append order, positions strictly increasing', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await seed(client, 'a', ['A0', 'A1']);
    await seed(client, 'b', ['B0']);
    await seed(client, 'a', ['A2']);

    const all = await collect(client.readAll());

    expect(types(all)).toEqual(['A0', 'A1', 'B0', 'A2']);
    const positions = all.map((e) => e.event?.position?.commit ?? -1n);
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(positions).size).toBe(positions.length);
    // Commit and prepare positions are the same number; the read event carries it too.
    expect(all.every((e) => e.event?.position?.prepare === e.event?.position?.commit)).toBe(true);
    expect(all.every((e) => e.commitPosition === e.event?.position?.commit)).toBe(true);
  });

  test('from a position: inclusive forwards, exclusive backwards, with maxCount', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await seed(client, 's', ['E0', 'E1', 'E2', 'E3']);
    const all = await collect(client.readAll());
    const third = all[2]?.event?.position;
    if (third === undefined) throw new Error('no position');

    expect(types(await collect(client.readAll({ fromPosition: third })))).toEqual(['E2', 'E3']);
    expect(types(await collect(client.readAll({ fromPosition: third, maxCount: 1 })))).toEqual(['E2']);
    // Backwards the event at the position itself is not included (the server reads the
    // records that end before the position), so paging backwards from the last event
    // read continues with the one before it.
    expect(types(await collect(client.readAll({ direction: BACKWARDS, fromPosition: third })))).toEqual([
      'E1',
      'E0',
    ]);
    expect(
      types(await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 2 }))),
    ).toEqual(['E3', 'E2']);
    expect(await collect(client.readAll({ fromPosition: END }))).toEqual([]);
    expect(await collect(client.readAll({ direction: BACKWARDS, fromPosition: START }))).toEqual([]);
  });

  test('with systemEvents: false a new database reads nothing', async () => {
    const { client } = await serverAndClient({ systemEvents: false });

    expect(await collect(client.readAll())).toEqual([]);
    expect(await collect(client.readAll({ direction: BACKWARDS, fromPosition: END }))).toEqual([]);
  });
});

describe('stream metadata ($$stream)', () => {
  test('setStreamMetadata writes `$metadata` to the metastream; truncateBefore hides earlier events', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', ['E0', 'E1', 'E2']);

    expect(await client.getStreamMetadata('s')).toEqual({ streamName: 's' });
    await client.setStreamMetadata('s', { truncateBefore: 2, maxCount: 100 });

    const { metadata } = await client.getStreamMetadata('s');
    expect(metadata).toEqual({ truncateBefore: 2, maxCount: 100 });
    expect(revisions(await collect(client.readStream('s')))).toEqual([2n]);
    expect(
      revisions(await collect(client.readStream('s', { direction: BACKWARDS, fromRevision: END }))),
    ).toEqual([2n]);
    expect(types(await collect(client.readStream('$$s')))).toEqual(['$metadata']);
  });

  test('$maxCount keeps the last events in stream reads, both ways; $all still has them all until a scavenge', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', ['E0', 'E1', 'E2', 'E3', 'E4']);
    await client.setStreamMetadata('s', { maxCount: 2 });

    expect(revisions(await collect(client.readStream('s')))).toEqual([3n, 4n]);
    expect(
      revisions(await collect(client.readStream('s', { direction: BACKWARDS, fromRevision: END }))),
    ).toEqual([4n, 3n]);
    expect(revisions(await collect(client.readStream('s', { fromRevision: 1n, maxCount: 1 })))).toEqual([3n]);
    const all = (await collect(client.readAll())).filter((e) => e.event?.streamId === 's');
    expect(all).toHaveLength(5);
    await client.appendToStream('s', jsonEvent({ type: 'E5', data: {} })); // the window slides
    expect(revisions(await collect(client.readStream('s')))).toEqual([4n, 5n]);
  });

  test('$maxAge hides the events older than that many seconds from stream reads', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { client } = await serverAndClient({ clock: () => new Date(now) });
    await seed(client, 's', ['Old']);
    now += 120_000;
    await seed(client, 's', ['New']);
    await client.setStreamMetadata('s', { maxAge: 60 });

    expect(types(await collect(client.readStream('s')))).toEqual(['New']);
    now += 120_000;
    expect(types(await collect(client.readStream('s')))).toEqual([]);
    expect((await collect(client.readAll())).filter((e) => e.event?.streamId === 's')).toHaveLength(2);
  });

  test("$tb and $maxCount together: the later first revision wins, in reads and a subscription's catch-up", async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', ['E0', 'E1', 'E2', 'E3', 'E4', 'E5']);
    await client.setStreamMetadata('s', { truncateBefore: 3, maxCount: 5 });
    expect(revisions(await collect(client.readStream('s')))).toEqual([3n, 4n, 5n]);
    await client.setStreamMetadata('s', { truncateBefore: 2, maxCount: 2 });
    expect(revisions(await collect(client.readStream('s')))).toEqual([4n, 5n]);

    const subscription = new Timeline().follow(client.subscribeToStream('s', { fromRevision: START }));
    await subscription.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await seed(client, 's', ['E6']);
    await subscription.until((t) => t.events.length === 3);
    expect(subscription.events.map((e) => e.event?.revision)).toEqual([4n, 5n, 6n]);
  });
});
