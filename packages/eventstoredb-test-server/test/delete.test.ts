// Soft delete (deleteStream) and hard delete (tombstoneStream) through the real client.
import {
  jsonEvent,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient } from './harness.js';

const event = (type: string) => jsonEvent({ type, data: {} });

async function seed(client: EventStoreDBClient, stream: string, count: number): Promise<void> {
  await client.appendToStream(
    stream,
    Array.from({ length: count }, (_, i) => event(`E${i}`)),
  );
}

describe('deleteStream (soft delete)', () => {
  test('the stream reads as not found, then can be written again, revisions continuing', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', 2);

    const deleted = await client.deleteStream('s', { expectedRevision: 1n });

    expect(deleted.position?.commit).toBeGreaterThan(0n);
    await expect(collect(client.readStream('s'))).rejects.toBeInstanceOf(StreamNotFoundError);
    // The first write after a soft delete may say the stream does not exist.
    const recreated = await client.appendToStream('s', [event('N0'), event('N1'), event('N2')], {
      expectedRevision: 'no_stream',
    });
    expect(recreated.nextExpectedRevision).toBe(4n);
    const events = await collect(client.readStream('s'));
    expect(events.map((e) => [e.event?.revision, e.event?.type])).toEqual([
      [2n, 'N0'],
      [3n, 'N1'],
      [4n, 'N2'],
    ]);
    // Only the first: now the stream exists again.
    await expect(
      client.appendToStream('s', event('X'), { expectedRevision: 'no_stream' }),
    ).rejects.toMatchObject({
      actualVersion: 4n,
    });
  });

  test('after a soft delete, the last revision and any also recreate the stream', async () => {
    const { client } = await serverAndClient();
    await seed(client, 'exact', 2);
    await seed(client, 'any', 2);
    await client.deleteStream('exact');
    await client.deleteStream('any');

    expect(
      (await client.appendToStream('exact', event('N'), { expectedRevision: 1n })).nextExpectedRevision,
    ).toBe(2n);
    expect((await client.appendToStream('any', event('N'))).nextExpectedRevision).toBe(2n);
  });

  test('the expected revision is checked; the error carries expected and actual versions', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', 2);

    const failure = client.deleteStream('s', { expectedRevision: 0n });

    await expect(failure).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(failure).rejects.toMatchObject({ streamName: 's', expectedVersion: 0n, actualVersion: 1n });
    // no_stream on a stream that never existed fails too (the server's expected version
    // encoding shows through the trailers: -1 is "no stream").
    await expect(client.deleteStream('missing', { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: -1n,
      actualVersion: -1n,
    });
    // So does any, the client's default (KurrentDB#4637; the client's no-reconnection test expects it).
    await expect(client.deleteStream('missing')).rejects.toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: -2n,
      actualVersion: -1n,
    });
    // A stream that has only metadata exists implicitly: it can be deleted.
    await client.setStreamMetadata('implicit', { maxCount: 5 });
    await client.deleteStream('implicit', { expectedRevision: 'no_stream' });
    await client.setStreamMetadata('implicit-any', { maxCount: 5 });
    await client.deleteStream('implicit-any');
  });

  test('$all still holds the events, and the `$metadata` event that deleted them', async () => {
    const { server, client } = await serverAndClient({ systemEvents: false });
    await seed(client, 's', 2);
    await client.deleteStream('s');

    const all = await collect(client.readAll());

    expect(all.map((e) => [e.event?.streamId, e.event?.type])).toEqual([
      ['s', 'E0'],
      ['s', 'E1'],
      ['$$s', '$metadata'],
    ]);
    // Truncate before EventNumber.DeletedStream (exact on the wire; JSON.parse would round it).
    expect(Buffer.from(server.store.log[2]?.data ?? []).toString()).toBe('{"$tb":9223372036854775807}');
  });
});

describe('tombstoneStream (hard delete)', () => {
  test('reading, appending and deleting again fail with StreamDeletedError', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', 2);

    const tombstoned = await client.tombstoneStream('s', { expectedRevision: 1n });

    expect(tombstoned.position?.commit).toBeGreaterThan(0n);
    const read = collect(client.readStream('s'));
    await expect(read).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(read).rejects.toMatchObject({ type: 'stream-deleted', streamName: 's' });
    await expect(client.appendToStream('s', event('X'))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.deleteStream('s')).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.tombstoneStream('s')).rejects.toBeInstanceOf(StreamDeletedError);
  });

  test('a soft-deleted stream can be tombstoned; a missing one too', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', 1);
    await client.deleteStream('s');

    await client.tombstoneStream('s');
    await client.tombstoneStream('never-written', { expectedRevision: 'no_stream' });

    await expect(collect(client.readStream('s'))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(collect(client.readStream('never-written'))).rejects.toBeInstanceOf(StreamDeletedError);
  });

  test('the expected revision is checked', async () => {
    const { client } = await serverAndClient();
    await seed(client, 's', 2);

    await expect(client.tombstoneStream('s', { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      type: 'wrong-expected-version',
      expectedVersion: -1n,
      actualVersion: 1n,
    });
    await expect(client.tombstoneStream('missing', { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  test('$all shows the `$streamDeleted` record at revision EventNumber.DeletedStream', async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await seed(client, 's', 1);
    await client.tombstoneStream('s');

    const all = await collect(client.readAll());

    expect(all.map((e) => [e.event?.streamId, e.event?.type, e.event?.revision])).toEqual([
      ['s', 'E0', 0n],
      ['s', '$streamDeleted', 9223372036854775807n],
    ]);
  });
});
