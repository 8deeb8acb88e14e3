// Link events through the real client: a `$>` event whose data is `<revision>@<stream>` reads as itself unless the
// read asks to resolve links; then it reads as the event it points at with the link beside it (the client's
// appendToStream "linkTo" and readStream/readAll "resolve link tos" tests check the same), on stream reads, `$all`
// reads and subscriptions alike. A link to an event that cannot be read comes back as the link alone.
import { binaryEvent, jsonEvent, START, type ResolvedEvent } from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient, Timeline } from './harness.js';

const link = (target: string) => binaryEvent({ type: '$>', data: Buffer.from(target) });

describe('link events', () => {
  test('a stream read resolves a link only when asked: the event, with the link beside it', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('target', [
      jsonEvent({ type: 'A', data: { n: 0 } }),
      jsonEvent({ type: 'B', data: { n: 1 } }),
    ]);
    await client.appendToStream('links', link('1@target'));

    const [plain] = await collect(client.readStream('links'));
    expect(plain?.event?.type).toBe('$>');
    expect(plain?.link).toBeUndefined();

    const [resolved] = await collect(client.readStream('links', { resolveLinkTos: true }));
    const [original] = await collect(client.readStream('target', { fromRevision: 1n, maxCount: 1 }));
    expect(resolved?.event).toEqual(original?.event);
    expect(resolved?.link?.type).toBe('$>');
    expect(resolved?.link?.streamId).toBe('links');
    expect(resolved?.link?.revision).toBe(0n);
  });

  test("readAll resolves links when asked, from the link's own position", async () => {
    const { client } = await serverAndClient({ systemEvents: false });
    await client.appendToStream('target', jsonEvent({ type: 'A', data: {} }));
    await client.appendToStream('links', link('0@target'));

    const all = await collect(client.readAll());
    expect(all.map(({ event }) => event?.type)).toEqual(['A', '$>']);
    const linkPosition = all[1]?.event?.position;
    if (linkPosition === undefined) throw new Error('the link has no position');
    const [resolved] = await collect(
      client.readAll({ fromPosition: linkPosition, maxCount: 1, resolveLinkTos: true }),
    );
    expect(resolved?.event?.type).toBe('A');
    expect(resolved?.event?.streamId).toBe('target');
    expect(resolved?.link?.type).toBe('$>');
    expect(resolved?.commitPosition).toBe(linkPosition.commit);
  });

  test('subscriptions resolve links when asked, in catch-up and live', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('target', [
      jsonEvent({ type: 'A', data: {} }),
      jsonEvent({ type: 'B', data: {} }),
    ]);
    await client.appendToStream('links', link('0@target'));

    const resolving = new Timeline<ResolvedEvent>().follow(
      client.subscribeToStream('links', { fromRevision: START, resolveLinkTos: true }),
    );
    const plain = new Timeline<ResolvedEvent>().follow(
      client.subscribeToStream('links', { fromRevision: START }),
    );
    await resolving.until((t) => t.entries.some((e) => e.kind === 'caughtUp'));
    await client.appendToStream('links', link('1@target'));
    await resolving.until((t) => t.events.length === 2);
    await plain.until((t) => t.events.length === 2);

    expect(resolving.events.map(({ event, link }) => `${event?.type} via ${link?.type}`)).toEqual([
      'A via $>',
      'B via $>',
    ]);
    expect(plain.events.map(({ event, link }) => `${event?.type} via ${link?.type}`)).toEqual([
      '$> via undefined',
      '$> via undefined',
    ]);
  });

  test('a link to an event that cannot be read resolves to the link alone', async () => {
    const { client } = await serverAndClient();
    await client.appendToStream('target', jsonEvent({ type: 'A', data: {} }));
    await client.appendToStream('links', [link('0@target'), link('5@target'), link('0@nowhere')]);
    await client.deleteStream('target');

    const resolved = await collect(client.readStream('links', { resolveLinkTos: true }));
    expect(resolved).toHaveLength(3);
    for (const { event, link: linkRecord } of resolved) {
      expect(event).toBeUndefined();
      expect(linkRecord?.type).toBe('$>');
    }
  });
});
