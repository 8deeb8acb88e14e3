// The caughtUp derivation, against a scripted client: each way of learning that the subscription has
// passed the end of the log, on its own, in the order a real client surfaces it.
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { GENESIS_HASH, anyJsonSchema, type SubscriptionMessage } from '@dossier/core';
import { describe, expect, it } from 'vitest';
import type {
  EsdbClientLike,
  EsdbPosition,
  EsdbResolvedEvent,
  EsdbSubscribeToAllOptions,
} from '../src/clientLike.js';
import { foreignEvents } from '../src/foreign.js';
import { toEsdbMetadata } from '../src/metadata.js';
import { subscribe } from '../src/subscribe.js';
import { take } from './support/events.js';

const record = (stream: string, type: string, position: bigint): EsdbResolvedEvent => {
  const id = randomUUID();
  return {
    commitPosition: position,
    event: {
      streamId: stream,
      id,
      revision: 0n,
      type,
      isJson: true,
      data: {},
      position: { commit: position, prepare: position },
      metadata: toEsdbMetadata({
        eventId: id,
        commandId: null,
        commandHash: null,
        correlationId: id,
        causationId: null,
        actor: null,
        recordedAt: '2024-01-01T00:00:00.000Z',
        schemaVersion: 1,
        hash: GENESIS_HASH,
      }),
    },
  };
};

class ScriptedSubscription extends PassThrough {
  constructor() {
    super({ objectMode: true });
  }
  unsubscribe(): Promise<void> {
    this.end();
    return Promise.resolve();
  }
}

const toAsync = <A>(items: ReadonlyArray<A>): AsyncIterable<A> => ({
  [Symbol.asyncIterator]: () => {
    const iterator = items[Symbol.iterator]();
    return { next: () => Promise.resolve(iterator.next()) };
  },
});

/** A client whose `$all` ends at `horizon` and whose subscription the test feeds by hand. */
const scriptedClient = (horizon: EsdbResolvedEvent | undefined) => {
  const subscription = new ScriptedSubscription();
  let options: EsdbSubscribeToAllOptions | undefined;
  const unused = () => Promise.reject(new Error('not used'));
  const client: EsdbClientLike = {
    appendToStream: unused,
    readStream: () => toAsync([]),
    readAll: () => toAsync(horizon === undefined ? [] : [horizon]),
    subscribeToAll: (given) => {
      options = given;
      return subscription;
    },
    deleteStream: unused,
    setStreamMetadata: unused,
    getStreamMetadata: unused,
    dispose: () => Promise.resolve(),
  };
  return {
    client,
    subscription,
    options: () => options,
    checkpoint: async (position: bigint): Promise<void> => {
      const position_: EsdbPosition = { commit: position, prepare: 0n };
      await options?.filter?.checkpointReached?.(subscription, position_);
    },
  };
};

const ctx = (client: EsdbClientLike) => ({
  client: () => Promise.resolve(client),
  schema: anyJsonSchema,
  clock: () => new Date(0),
  streamPrefix: '',
  foreign: foreignEvents('skip'),
  atomicAppend: {},
});
const label = (m: SubscriptionMessage) => (m.kind === 'caughtUp' ? `caughtUp@${m.position}` : m.event.type);
const until = (n: number) => (messages: ReadonlyArray<SubscriptionMessage>) => messages.length >= n;

describe('caughtUp', () => {
  it('comes at once when the log is empty', async () => {
    const { client } = scriptedClient(undefined);
    const subscription = subscribe(ctx(client));
    expect((await take(subscription, until(1))).map(label)).toEqual(['caughtUp@null']);
    await subscription.stop();
  });

  it('comes at once when the start is already at the end of the log, then subscribes after it', async () => {
    const { client, options } = scriptedClient(record('s', 'A', 100n));
    const subscription = subscribe(ctx(client), { afterPosition: 100n });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: { kind: 'caughtUp', position: 100n } });
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(options()?.fromPosition).toEqual({ commit: 100n, prepare: 100n });
    await subscription.stop();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it('follows the event at the end of the log, with no help from the server', async () => {
    const scripted = scriptedClient(record('s', 'C', 300n));
    const subscription = subscribe(ctx(scripted.client));
    const messages = take(subscription, until(4));
    await new Promise((resolve) => setImmediate(resolve));
    for (const [type, position] of [
      ['A', 100n],
      ['B', 200n],
      ['C', 300n],
    ] as const) {
      scripted.subscription.write(record('s', type, position));
    }
    expect((await messages).map(label)).toEqual(['A', 'B', 'C', 'caughtUp@300']);
    await subscription.stop();
  });

  it('comes before the first event past the end, when the end itself was filtered out', async () => {
    const scripted = scriptedClient(record('$$s', '$metadata', 300n));
    const subscription = subscribe(ctx(scripted.client));
    const messages = take(subscription, until(3));
    await new Promise((resolve) => setImmediate(resolve));
    scripted.subscription.write(record('s', 'A', 100n));
    scripted.subscription.write(record('s', 'Later', 400n));
    expect((await messages).map(label)).toEqual(['A', 'caughtUp@300', 'Later']);
    await subscription.stop();
  });

  it('comes with a checkpoint at or past the end, after the events the server sent before it', async () => {
    const scripted = scriptedClient(record('$$s', '$metadata', 300n));
    const subscription = subscribe(ctx(scripted.client), { filter: { kind: 'eventType', prefixes: ['A'] } });
    const messages = take(subscription, until(3));
    await new Promise((resolve) => setImmediate(resolve));
    scripted.subscription.write(record('s', 'A1', 100n));
    await scripted.checkpoint(150n); // before the end: not caught up yet
    scripted.subscription.write(record('s', 'A2', 200n));
    await scripted.checkpoint(320n);
    expect((await messages).map(label)).toEqual(['A1', 'A2', 'caughtUp@320']);
    expect(scripted.options()?.filter).toMatchObject({ filterOn: 'eventType', prefixes: ['A'] });
    await subscription.stop();
  });

  it('comes with the server’s own CaughtUp, after the events before it even if still buffered', async () => {
    const scripted = scriptedClient(record('$$s', '$metadata', 300n));
    const subscription = subscribe(ctx(scripted.client));
    const first = take(subscription, until(1));
    await new Promise((resolve) => setImmediate(resolve));
    scripted.subscription.write(record('s', 'A', 100n));
    expect((await first).map(label)).toEqual(['A']);
    // Nobody is reading: B and C wait in the client's buffer when the server says it caught up.
    scripted.subscription.write(record('s', 'B', 200n));
    scripted.subscription.write(record('s', 'C', 250n));
    scripted.subscription.emit('caughtUp');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(scripted.subscription.readableLength).toBe(2);
    expect((await take(subscription, until(3))).map(label)).toEqual(['B', 'C', 'caughtUp@300']);
    await subscription.stop();
  });

  it('is said once', async () => {
    const scripted = scriptedClient(record('s', 'A', 100n));
    const subscription = subscribe(ctx(scripted.client));
    const messages = take(subscription, until(3));
    await new Promise((resolve) => setImmediate(resolve));
    scripted.subscription.write(record('s', 'A', 100n));
    await scripted.checkpoint(100n);
    scripted.subscription.emit('caughtUp');
    scripted.subscription.write(record('s', 'B', 200n));
    expect((await messages).map(label)).toEqual(['A', 'caughtUp@100', 'B']);
    await subscription.stop();
  });

  it('leaves system events out, and asks the server to leave out system event types', async () => {
    const scripted = scriptedClient(record('s', 'A', 300n));
    const subscription = subscribe(ctx(scripted.client));
    const messages = take(subscription, until(2));
    await new Promise((resolve) => setImmediate(resolve));
    scripted.subscription.write(record('$projections-x', 'Created', 200n));
    scripted.subscription.write(record('s', 'A', 300n));
    expect((await messages).map(label)).toEqual(['A', 'caughtUp@300']);
    expect(scripted.options()?.filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$]' });
    await subscription.stop();
  });
});
