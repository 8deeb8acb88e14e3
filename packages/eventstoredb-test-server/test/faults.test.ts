// Faults injected through the real @eventstore/db-client, on both of its append paths: what the client sees and
// what the server has written.
import { randomUUID } from 'node:crypto';
import {
  DeadlineExceededError,
  jsonEvent,
  NotLeaderError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { describe, expect, test } from 'vitest';
import { collect, serverAndClient } from './harness.js';

const paths = [
  { name: 'BatchAppend', options: { faults: true, advertiseBatchAppend: true } },
  { name: 'Append', options: { faults: true, advertiseBatchAppend: false } },
] as const;

const event = (type: string) => jsonEvent({ id: randomUUID(), type, data: {} });

/** What a rejected promise was rejected with. */
const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

const typeOf = (error: unknown): unknown => (error as { type?: unknown }).type;

const types = async (client: EventStoreDBClient, stream: string): Promise<string[]> =>
  (await collect(client.readStream(stream))).map((resolved) => resolved.event?.type ?? '');

describe.each(paths)('appends via $name', ({ options }) => {
  test('dropAfterCommit: written, the connection cut before the answer; the same ids again keep one copy', async () => {
    const { server, client } = await serverAndClient(options);
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    server.faults.inject('append', { kind: 'dropAfterCommit' });
    const events = [event('B'), event('C')];
    const error = await rejection(client.appendToStream('s', events, { expectedRevision: 0n }));
    // UNAVAILABLE: the client cannot tell a write lost from a write done.
    expect(typeOf(error)).toBe('unavailable');
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A', 'B', 'C']);
    // Retried as a real server takes it (idempotent write): the first attempt's result, nothing written.
    const retried = await client.appendToStream('s', events, { expectedRevision: 0n });
    expect(retried).toMatchObject({ success: true, nextExpectedRevision: 2n });
    expect(await types(client, 's')).toEqual(['A', 'B', 'C']);
    expect(server.faults.fired.map((f) => f.fault.kind)).toEqual(['dropAfterCommit']);
  });

  test('drop: the connection cut before anything is written; the client reconnects for the next call', async () => {
    const { server, client } = await serverAndClient(options);
    server.faults.inject('append', { kind: 'drop' });
    const error = await rejection(client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' }));
    expect(typeOf(error)).toBe('unavailable');
    expect(server.store.streamEvents('s')).toEqual([]);
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    expect(await types(client, 's')).toEqual(['A']);
  });

  test('timeout: answered as timed out, written only when committed is said', async () => {
    const { server, client } = await serverAndClient(options);
    server.faults.inject('append', { kind: 'timeout' });
    const lost = await rejection(client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' }));
    expect(lost).toBeInstanceOf(DeadlineExceededError);
    expect(server.store.streamEvents('s')).toEqual([]);
    server.faults.inject('append', { kind: 'timeout', committed: true });
    const kept = await rejection(client.appendToStream('s', event('B'), { expectedRevision: 'no_stream' }));
    expect(kept).toBeInstanceOf(DeadlineExceededError);
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['B']);
  });

  test('notLeader: refused naming the leader, nothing written; the client goes there for the next call', async () => {
    const { server, client } = await serverAndClient(options);
    server.faults.inject('append', { kind: 'notLeader' });
    const error = await rejection(client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' }));
    expect(error).toBeInstanceOf(NotLeaderError);
    expect((error as NotLeaderError).leader).toEqual({ address: server.host, port: server.port });
    expect(server.store.streamEvents('s')).toEqual([]);
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    expect(await types(client, 's')).toEqual(['A']);
  });

  test('garble: written, its answer bytes that are no answer; the client fails the append, takes nothing from it', async () => {
    const { server, client } = await serverAndClient(options);
    server.faults.inject('append', { kind: 'garble' });
    const error = await rejection(client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' }));
    expect(error).toBeInstanceOf(Error);
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
    // The next append goes through, on the revision the garbled answer would have given.
    const next = await client.appendToStream('s', event('B'), { expectedRevision: 0n });
    expect(next).toMatchObject({ success: true, nextExpectedRevision: 1n });
    expect(server.faults.fired.map((f) => f.fault.kind)).toEqual(['garble']);
  });

  test('delay: the append is served late, and not at all once past its deadline', async () => {
    const { server, client } = await serverAndClient(options);
    server.faults.inject('append', { kind: 'delay', ms: 20 });
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
    server.faults.inject('append', { kind: 'delay', ms: 400 });
    const error = await rejection(
      client.appendToStream('s', event('B'), { expectedRevision: 0n, deadline: 50 }),
    );
    expect(error).toBeInstanceOf(DeadlineExceededError);
    await new Promise((resolve) => setTimeout(resolve, 450));
    // Over BatchAppend the server checks the deadline it was given; over Append the client cancelled the call.
    expect(server.store.streamEvents('s').map((e) => e.type)).toEqual(['A']);
  });
});

describe('reads and subscriptions', () => {
  test('drop mid-read: the events before the cut arrive, then UNAVAILABLE', async () => {
    const { server, client } = await serverAndClient({ faults: true });
    await client.appendToStream('s', ['A', 'B', 'C', 'D'].map(event), { expectedRevision: 'no_stream' });
    server.faults.inject('read', { kind: 'drop', afterMessages: 2 });
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const resolved of client.readStream('s')) seen.push(resolved.event?.type ?? '');
      })(),
    );
    expect(typeOf(error)).toBe('unavailable');
    expect(seen).toEqual(['A', 'B']);
    expect(server.faults.fired).toEqual([
      { target: 'read', fault: { kind: 'drop', afterMessages: 2 }, stream: 's' },
    ]);
    expect(await types(client, 's')).toEqual(['A', 'B', 'C', 'D']);
  });

  test('drop mid-subscription: live events flow until the cut, then the subscription errors', async () => {
    const { server, client } = await serverAndClient({ faults: true });
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    // Confirmation, A, caught-up, then B: the fifth message is cut.
    server.faults.inject('subscription', { kind: 'drop', afterMessages: 4 });
    const subscription = client.subscribeToStream('s', { fromRevision: 'start' });
    const seen: string[] = [];
    const ended = new Promise<unknown>((resolve) => subscription.on('error', resolve));
    subscription.on('data', (resolved) => {
      seen.push(resolved.event?.type ?? '');
      // The second append may meet the cut: whether it was written is read from the server below.
      if (seen.length === 1) void client.appendToStream('s', event('B'), { expectedRevision: 0n });
      if (seen.length === 2) void rejection(client.appendToStream('s', event('C'), { expectedRevision: 1n }));
    });
    expect(typeOf(await ended)).toBe('unavailable');
    expect(seen).toEqual(['A', 'B']);
    expect(
      server.store
        .streamEvents('s')
        .map((e) => e.type)
        .slice(0, 2),
    ).toEqual(['A', 'B']);
  });

  test('notLeader and timeout on a read; silent: a read is answered only once the node speaks again', async () => {
    const { server, client } = await serverAndClient({ faults: true });
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    server.faults.inject('read', { kind: 'notLeader', leader: { host: '127.0.0.1', port: server.port } });
    expect(await rejection(collect(client.readStream('s')))).toBeInstanceOf(NotLeaderError);
    server.faults.inject('read', { kind: 'timeout' });
    expect(await rejection(collect(client.readStream('s')))).toBeInstanceOf(DeadlineExceededError);
    server.faults.inject('read', { kind: 'silent', ms: 200 });
    // The client's reads carry no deadline: a read waits for the node to speak again, and then gets its answer.
    const read = await collect(client.readStream('s')).then((events) => ({
      types: events.map((resolved) => resolved.event?.type),
      whileSilent: server.faults.silent,
    }));
    expect(read).toEqual({ types: ['A'], whileSilent: false });
    expect(server.faults.fired.map((f) => f.fault.kind)).toEqual(['notLeader', 'timeout', 'silent']);
    expect(server.faults.pending()).toBe(0);
  });

  test('garble on a read: the message after `afterMessages` cut short or noise; the read fails, the next one is whole', async () => {
    const { server, client } = await serverAndClient({ faults: true });
    await client.appendToStream('s', [event('A'), event('B'), event('C')], { expectedRevision: 'no_stream' });
    for (const bytes of ['cut', 'noise'] as const) {
      server.faults.inject('read', { kind: 'garble', afterMessages: 1, bytes });
      const seen: string[] = [];
      const error = await rejection(
        (async () => {
          for await (const resolved of client.readStream('s')) seen.push(resolved.event?.type ?? '');
        })(),
      );
      expect(error).toBeInstanceOf(Error);
      // At most the message before the garbled one was taken; nothing garbled passed for an event.
      expect(['A', ''].includes(seen.join(''))).toBe(true);
      expect(await types(client, 's')).toEqual(['A', 'B', 'C']);
    }
    expect(server.faults.fired.map((f) => f.fault)).toEqual([
      { kind: 'garble', afterMessages: 1, bytes: 'cut' },
      { kind: 'garble', afterMessages: 1, bytes: 'noise' },
    ]);
  });

  test('dropConnections cuts every open connection; faults need { faults: true }', async () => {
    const { server, client } = await serverAndClient({ faults: true });
    await client.appendToStream('s', event('A'), { expectedRevision: 'no_stream' });
    expect(server.faults.openConnections).toBe(1);
    expect(server.faults.dropConnections()).toBe(1);
    // The call that meets the cut connection fails as unavailable; the client reconnects for the next one.
    const first = await rejection(types(client, 's'));
    expect(first === 'resolved' || typeOf(first) === 'unavailable').toBe(true);
    expect(await types(client, 's')).toEqual(['A']);
    const plain = await serverAndClient();
    expect(() => plain.server.faults.inject('append', { kind: 'drop' })).toThrow(/faults: true/);
  });
});
