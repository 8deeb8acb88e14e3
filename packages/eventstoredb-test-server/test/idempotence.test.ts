// The idempotent-write check, as KurrentDB documents it ("Appending events": an append sent again with the same
// event ids and the same expected revision succeeds without writing the events twice; the event id identifies an
// event within its stream) and as the server's IndexWriter.CheckCommit decides it: idempotence is judged at the
// expected revision given, so a retry must repeat it. Through the real client, on both append paths.
import { randomUUID } from 'node:crypto';
import { jsonEvent, WrongExpectedVersionError } from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient } from './harness.js';

const event = (type: string) => jsonEvent({ id: randomUUID(), type, data: {} });

describe.each([
  { name: 'BatchAppend', options: { advertiseBatchAppend: true } },
  { name: 'Append', options: { advertiseBatchAppend: false } },
])('via $name', ({ options }) => {
  test('the same ids at the same exact revision answer the first result, even after later writes', async () => {
    const { client } = await serverAndClient(options);
    const batch = [event('A'), event('B')];
    const first = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    await client.appendToStream('s', event('C'), { expectedRevision: 1n });
    const again = await client.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    expect(again).toEqual(first);
    expect((await collect(client.readStream('s'))).map((e) => e.event?.type)).toEqual(['A', 'B', 'C']);
  });

  test('a batch only partly written at that revision is a wrong expected version, nothing written', async () => {
    const { client } = await serverAndClient(options);
    const [a, b] = [event('A'), event('B')];
    await client.appendToStream('s', [a, b], { expectedRevision: 'no_stream' });
    await expect(
      client.appendToStream('s', [a, event('X')], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(
      client.appendToStream('s', [a, event('X')], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await collect(client.readStream('s'))).map((e) => e.event?.type)).toEqual(['A', 'B']);
  });

  test('with any, ids already in the stream are not written again', async () => {
    const { client } = await serverAndClient(options);
    const batch = [event('A'), event('B')];
    const first = await client.appendToStream('s', batch, { expectedRevision: 'any' });
    await client.appendToStream('s', event('C'), { expectedRevision: 'any' });
    expect(await client.appendToStream('s', batch, { expectedRevision: 'any' })).toEqual(first);
    expect(await collect(client.readStream('s'))).toHaveLength(3);
  });

  test('the same ids at another revision are judged there: refused when it is stale, written when it is the tip', async () => {
    const { client } = await serverAndClient(options);
    const a = event('A');
    await client.appendToStream('s', a, { expectedRevision: 'no_stream' });
    await client.appendToStream('s', event('B'), { expectedRevision: 0n });
    // Revision 0 is stale and the event after it is not A: a wrong expected version.
    await expect(client.appendToStream('s', a, { expectedRevision: 0n })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    // At the tip the check passes and A is written a second time: why a retry must repeat its expected revision.
    await client.appendToStream('s', a, { expectedRevision: 1n });
    expect((await collect(client.readStream('s'))).map((e) => e.event?.type)).toEqual(['A', 'B', 'A']);
  });
});
