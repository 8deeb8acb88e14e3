// The system projections and simple user projections, managed through the Projections service the clients call.
// Against the server's standard handlers: $by_category links every event of `<category>-…` streams into
// `$ce-<category>` (metadata `$o` = the original stream, `$causedBy` = the event id), $by_event_type every non-link
// event into `$et-<type>`; both stopped until enabled, then catch up on what was written before and follow what is
// written after; disabled, they stop. A user projection's linkTo writes links the reader resolves (the client's
// readStream and readAll "resolve link tos" tests).
import { jsonEvent, NotFoundError } from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient } from './harness.js';

const linksIn = async (client: Awaited<ReturnType<typeof serverAndClient>>['client'], stream: string) =>
  (await collect(client.readStream(stream, { resolveLinkTos: true }))).map(
    ({ event }) => `${event?.streamId}@${event?.revision} ${event?.type}`,
  );

describe('system projections', () => {
  test('$by_category: enabled, links existing and new events of <category>-… streams into $ce-<category>', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('order-1', jsonEvent({ type: 'Placed', data: {} }));
    await client.appendToStream('nocategory', jsonEvent({ type: 'Other', data: {} }));
    await expect(collect(client.readStream('$ce-order'))).rejects.toThrow();

    await client.enableProjection('$by_category');
    await client.appendToStream('order-2', jsonEvent({ type: 'Placed', data: {} }));
    await client.appendToStream('order-1', jsonEvent({ type: 'Shipped', data: {} }));

    expect(await linksIn(client, '$ce-order')).toEqual([
      'order-1@0 Placed',
      'order-2@0 Placed',
      'order-1@1 Shipped',
    ]);
    const [firstLink] = await collect(client.readStream('$ce-order', { maxCount: 1 }));
    const [firstEvent] = await collect(client.readStream('order-1', { maxCount: 1 }));
    expect(firstLink?.event?.type).toBe('$>');
    expect(Buffer.from(firstLink?.event?.data as Uint8Array).toString()).toBe('0@order-1');
    expect(firstLink?.event?.metadata).toMatchObject({ $o: 'order-1', $causedBy: firstEvent?.event?.id });
  });

  test('$by_event_type links every non-link event into $et-<type>; disabled, it stops', async () => {
    const { client } = await serverAndClient();
    await client.enableProjection('$by_event_type');
    await client.appendToStream('a', jsonEvent({ type: 'Seen', data: {} }));
    await client.appendToStream('b', jsonEvent({ type: 'Seen', data: {} }));
    expect(await linksIn(client, '$et-Seen')).toEqual(['a@0 Seen', 'b@0 Seen']);
    expect(await collect(client.readStream('$et-$>')).catch((error: unknown) => error)).toBeInstanceOf(Error);

    await client.disableProjection('$by_event_type');
    await client.appendToStream('c', jsonEvent({ type: 'Seen', data: {} }));
    expect(await linksIn(client, '$et-Seen')).toEqual(['a@0 Seen', 'b@0 Seen']);
  });

  test('startStandardProjections runs them from the start; an unknown projection is NotFound', async () => {
    const { client } = await serverAndClient({ startStandardProjections: true });
    await client.appendToStream('user-7', jsonEvent({ type: 'Registered', data: {} }));
    expect(await linksIn(client, '$ce-user')).toEqual(['user-7@0 Registered']);
    expect(await linksIn(client, '$et-Registered')).toEqual(['user-7@0 Registered']);
    await expect(client.enableProjection('$no_such_projection')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('user projections', () => {
  test('linkTo from a continuous projection with emit enabled writes links that resolve to the event', async () => {
    const { client } = await serverAndClient();
    await client.createProjection(
      'linker',
      `fromStream('source').when({ $any: function (state, ev) { linkTo('a-' + ev.data.some, ev); } });`,
      { emitEnabled: true },
    );
    await client.appendToStream('source', jsonEvent({ type: 'linky', data: { some: 'thing' } }));

    const [plain] = await collect(client.readStream('a-thing'));
    const [resolved] = await collect(client.readStream('a-thing', { resolveLinkTos: true }));
    expect(plain?.event?.type).toBe('$>');
    expect(resolved?.event?.type).toBe('linky');
    expect(resolved?.link?.metadata).toMatchObject({ $causedBy: resolved?.event?.id });
  });

  test('without emit enabled, linkTo faults the projection and writes nothing', async () => {
    const { client } = await serverAndClient();
    await client.createProjection(
      'quiet',
      `fromStream('source').when({ $any: function (state, ev) { linkTo('b-x', ev); } });`,
    );
    await client.appendToStream('source', jsonEvent({ type: 'E', data: {} }));
    const status = await client.getProjectionStatus('quiet');
    expect(status.projectionStatus).toBe('Faulted');
    expect(await collect(client.readStream('b-x')).catch((error: unknown) => error)).toBeInstanceOf(Error);
  });
});
