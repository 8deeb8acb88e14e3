// What a new database holds before the first user write, and the `$$` metastream rule, through the real client.
// The client's own readAll test reads `$all` from the start and expects more records than the events it wrote,
// all the others in `$`-prefixed streams; its filters skip them with `excludeSystemEvents()` (types `^[^$]`).
import { excludeSystemEvents, jsonEvent, START } from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient, Timeline } from './harness.js';

describe('a new database', () => {
  test('$all starts with system records: the epoch, the default users, the system projections', async () => {
    const { client } = await serverAndClient();
    const system = await collect(client.readAll());

    expect(system.length).toBeGreaterThan(0);
    for (const { event } of system) {
      expect(event?.streamId.startsWith('$')).toBe(true);
      expect(event?.type.startsWith('$')).toBe(true);
    }
    const pairs = system.map(({ event }) => `${event?.streamId} ${event?.type}`);
    expect(pairs[0]).toBe('$epoch-information $epoch-information');
    expect(pairs).toEqual(
      expect.arrayContaining([
        '$$$user-admin $metadata',
        '$user-admin $user',
        '$user-ops $user',
        '$users $UserCreated',
        '$projections-$all $ProjectionsInitialized',
        '$projections-$all $ProjectionCreated',
      ]),
    );
    expect((await collect(client.readStream('$users'))).map(({ event }) => event?.data)).toEqual([
      'admin',
      'ops',
    ]);
    const created = (await collect(client.readStream('$projections-$all'))).map(({ event }) => event?.data);
    expect(created).toEqual(expect.arrayContaining(['$by_category', '$by_event_type']));
  });

  test('user events follow the system records; excludeSystemEvents() leaves only them', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('order-1', [
      jsonEvent({ type: 'A', data: {} }),
      jsonEvent({ type: 'B', data: {} }),
    ]);

    const all = await collect(client.readAll());
    const firstUser = all.findIndex(({ event }) => event?.streamId === 'order-1');
    expect(firstUser).toBeGreaterThan(0);
    expect(all.slice(firstUser).map(({ event }) => event?.type)).toEqual(['A', 'B']);

    const filtered = new Timeline().follow(
      client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() }),
    );
    await filtered.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    expect(filtered.events.map(({ event }) => event?.type)).toEqual(['A', 'B']);
  });

  test('systemEvents: false starts $all empty', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    expect(await collect(client.readAll())).toEqual([]);
  });
});

describe('$$ metastreams', () => {
  test('a metastream reads as its last event only (MetastreamMaxCount 1); $all keeps every one', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await client.appendToStream('s', jsonEvent({ type: 'E', data: {} }));
    await client.setStreamMetadata('s', { maxCount: 10 });
    await client.setStreamMetadata('s', { maxCount: 20 });

    const meta = await collect(client.readStream('$$s'));
    expect(meta.map(({ event }) => [event?.revision, event?.type, event?.data])).toEqual([
      [1n, '$metadata', { $maxCount: 20 }],
    ]);
    expect((await client.getStreamMetadata('s')).metadata).toEqual({ maxCount: 20 });
    const inAll = (await collect(client.readAll())).filter(({ event }) => event?.streamId === '$$s');
    expect(inAll).toHaveLength(2);
  });
});
