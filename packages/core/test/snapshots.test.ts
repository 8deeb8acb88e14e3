import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryStore,
  handle,
  snapshotKey,
  verifyStream,
  type EventStore,
  type SnapshotProblem,
  type StoredSnapshot,
} from '@dossier/core';
import { basket, basketSchema, BasketStateCodec, type BasketCommand } from './support/basket.js';

const stream = 'basket-1';
const add = (item: string): BasketCommand => ({ type: 'Add', item });

const setup = (every = 3) => {
  const store = createInMemoryStore({ schema: basketSchema });
  const problems: SnapshotProblem[] = [];
  const snapshots = { codec: BasketStateCodec, every, onProblem: (p: SnapshotProblem) => problems.push(p) };
  let n = 0;
  const send = (command: BasketCommand, commandId = `c-${n++}`) =>
    handle(store, basket, { stream, command, context: { commandId, actor: 'a' } }, { snapshots })();
  return { store, problems, snapshots, send };
};

const snapshotOf = async (store: EventStore): Promise<StoredSnapshot | null> => {
  const read = await store.snapshots.read(stream)();
  if (E.isLeft(read)) throw new Error(read.left._tag);
  return read.right;
};

const lastHash = async (store: EventStore): Promise<string> => {
  const read = await store.readStream(stream, { direction: 'backwards', limit: 1 })();
  return E.isRight(read) ? (read.right[0]?.metadata.hash ?? '') : '';
};

describe('snapshots in command handling', () => {
  it('writes one every `every` events, at the revision and hash of the last event folded in', async () => {
    const { store, send } = setup(3);
    await send(add('apple'));
    await send(add('pear'));
    expect(await snapshotOf(store)).toBeNull();
    await send(add('plum'));
    expect(await snapshotOf(store)).toMatchObject({
      revision: 2n,
      hash: await lastHash(store),
      key: snapshotKey(basket.evolve, basket.initialState, { codec: BasketStateCodec }),
      state: { closed: false, items: ['apple', 'pear', 'plum'] },
    });
  });

  it('starts from the snapshot: a valid snapshot is trusted for the events it covers', async () => {
    const { store, send } = setup(3);
    for (const item of ['apple', 'pear', 'plum']) await send(add(item));
    const snapshot = await snapshotOf(store);
    if (snapshot === null) throw new Error('no snapshot');
    // A state the events never made, under the right key and hash: only a loader that uses it can see it.
    await store.snapshots.write({ ...snapshot, state: { closed: false, items: ['fig'] } })();
    const handled = await send({ type: 'Remove', item: 'fig' });
    expect(E.isRight(handled) && handled.right.state.items).toEqual([]);
  });

  it('ignores and reports an undecodable snapshot, deciding from the events', async () => {
    const { store, problems, send } = setup(3);
    for (const item of ['apple', 'pear', 'plum']) await send(add(item));
    const snapshot = await snapshotOf(store);
    if (snapshot === null) throw new Error('no snapshot');
    await store.snapshots.write({ ...snapshot, state: { closed: 'no', items: 7 } })();
    const handled = await send(add('apple'));
    expect(E.isLeft(handled) && handled.left).toEqual({ _tag: 'AlreadyInBasket', item: 'apple' });
    expect(problems).toEqual([
      expect.objectContaining({ _tag: 'SnapshotIgnored', stream, reason: 'undecodable' }),
    ]);
  });

  it('ignores and reports a stale snapshot: its revision no longer carries its hash, or lies past the end', async () => {
    for (const damage of [
      (s: StoredSnapshot) => ({ ...s, hash: 'f'.repeat(64), state: { closed: true, items: [] } }),
      (s: StoredSnapshot) => ({ ...s, revision: 40n, state: { closed: true, items: [] } }),
    ]) {
      const { store, problems, send } = setup(3);
      for (const item of ['apple', 'pear', 'plum']) await send(add(item));
      const snapshot = await snapshotOf(store);
      if (snapshot === null) throw new Error('no snapshot');
      await store.snapshots.write(damage(snapshot))();
      const handled = await send({ type: 'Remove', item: 'pear' });
      expect(E.isRight(handled) && handled.right.state.items).toEqual(['apple', 'plum']);
      expect(problems).toEqual([expect.objectContaining({ _tag: 'SnapshotIgnored', reason: 'stale' })]);
    }
  });

  it('ignores a snapshot made by another evolve or codec: the key changes with them', async () => {
    const { store, problems, send } = setup(3);
    for (const item of ['apple', 'pear', 'plum']) await send(add(item));
    const changed = { ...basket, evolve: (s: typeof basket.initialState) => s };
    expect(snapshotKey(changed.evolve, basket.initialState, { codec: BasketStateCodec })).not.toBe(
      snapshotKey(basket.evolve, basket.initialState, { codec: BasketStateCodec }),
    );
    expect(
      snapshotKey(basket.evolve, basket.initialState, { codec: BasketStateCodec, version: '2' }),
    ).not.toBe(snapshotKey(basket.evolve, basket.initialState, { codec: BasketStateCodec }));
    const handled = await handle(
      store,
      basket,
      { stream, command: add('fig'), context: { commandId: 'other', actor: 'a' } },
      { snapshots: { codec: BasketStateCodec, every: 3, version: '2', onProblem: (p) => problems.push(p) } },
    )();
    expect(E.isRight(handled) && handled.right.state.items).toEqual(['apple', 'pear', 'plum', 'fig']);
    expect(problems).toEqual([expect.objectContaining({ reason: 'other-key' })]);
  });

  it('answers a repeat whose events lie before the snapshot with its original outcome', async () => {
    const { store, send } = setup(2);
    const first = await send(add('apple'), 'first');
    for (const item of ['pear', 'plum', 'fig', 'kiwi']) await send(add(item));
    expect((await snapshotOf(store))?.revision).toBe(3n);
    const again = await send(add('apple'), 'first');
    expect(again).toEqual(E.map((h: object) => ({ ...h, repeated: true }))(first));
  });

  it('leaves the chain and verify as they are: snapshots are not events', async () => {
    const { store, send } = setup(2);
    for (const item of ['apple', 'pear', 'plum', 'fig']) await send(add(item));
    const events = await store.readStream(stream)();
    expect(E.isRight(events) && verifyStream(events.right)).toMatchObject({ ok: true, events: 4 });
  });

  it('reports a snapshot it could not write and keeps the outcome of the command', async () => {
    const { store, problems, snapshots } = setup(1);
    const failing: EventStore = {
      ...store,
      snapshots: {
        ...store.snapshots,
        write: () => () => Promise.resolve(E.left({ _tag: 'StoreUnavailable', cause: 'disk full' })),
      },
    };
    const handled = await handle(
      failing,
      basket,
      { stream, command: add('apple'), context: { commandId: 'c', actor: 'a' } },
      { snapshots },
    )();
    expect(E.isRight(handled) && handled.right.events).toHaveLength(1);
    expect(problems).toEqual([{ _tag: 'SnapshotNotWritten', stream, detail: 'StoreUnavailable' }]);
  });
});
