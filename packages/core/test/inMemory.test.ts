import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { SubscriptionFailed, createInMemoryStore, eventSchema, type NewEvent } from '@dossier/core';

const event = (data: unknown): NewEvent => ({ type: 'TicketOpened', data, metadata: { eventId: 'e1' } });

describe('createInMemoryStore', () => {
  it('keeps what it stored away from the caller: the input is copied, what it hands out is frozen', async () => {
    const store = createInMemoryStore();
    const data = { tags: ['a'] };
    const appended = await store.append('ticket-1', 'no-stream', [event(data)])();
    data.tags.push('changed on the input');
    const output = E.isRight(appended) ? (appended.right.events[0]?.data as { tags: string[] }) : undefined;
    expect(() => output?.tags.push('changed on the output')).toThrow(TypeError);
    const read = await store.readStream('ticket-1')();
    const first = E.isRight(read) ? read.right[0] : undefined;
    expect(() => (first?.data as { tags: string[] }).tags.push('changed on a read')).toThrow(TypeError);
    expect(() => {
      (first?.metadata as { actor: string | null }).actor = 'someone else';
    }).toThrow(TypeError);
    expect(await store.readStream('ticket-1')()).toMatchObject(
      E.right([{ data: { tags: ['a'] }, metadata: { actor: null } }]),
    );
  });

  it('records the time its clock gives', async () => {
    const store = createInMemoryStore({ clock: () => '2030-05-06T07:08:09.000Z' });
    await store.append('ticket-1', 'no-stream', [event({})])();
    expect(await store.readAll()()).toMatchObject(
      E.right([{ metadata: { recordedAt: '2030-05-06T07:08:09.000Z' } }]),
    );
  });

  it('counts positions from 0 without gaps', async () => {
    const store = createInMemoryStore();
    await store.append('a', 'any', [event(1), event(2)])();
    await store.append('b', 'any', [event(3)])();
    const all = await store.readAll()();
    expect(E.isRight(all) && all.right.map((e) => e.position)).toEqual([0n, 1n, 2n]);
  });

  it('refuses data that is not JSON, writing nothing', async () => {
    const store = createInMemoryStore();
    const refused = await store.append('ticket-1', 'any', [event({ at: new Date(0) })])();
    expect(refused).toMatchObject(E.left({ _tag: 'InvalidEvent', index: 0 }));
    expect(await store.readAll()()).toEqual(E.right([]));
  });

  it('answers StoreUnavailable once closed, and ends its subscriptions', async () => {
    const store = createInMemoryStore();
    const subscription = store.subscribe();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: null });
    const pending = iterator.next();
    await store.close();
    expect((await pending).done).toBe(true);
    expect(await store.append('ticket-1', 'any', [event({})])()).toMatchObject(
      E.left({ _tag: 'StoreUnavailable' }),
    );
    expect(await store.readAll()()).toMatchObject(E.left({ _tag: 'StoreUnavailable' }));
    await expect(store.subscribe()[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(SubscriptionFailed);
  });

  it('decodes data a codec changes, handing out the decoded form and keeping the encoded one as stored', async () => {
    // Amounts travel as text and are numbers once decoded: the codec changes the data both ways.
    const AmountFromText = new t.Type<number, string, unknown>(
      'AmountFromText',
      (u): u is number => typeof u === 'number',
      (u, c) => (typeof u === 'string' && /^[0-9]+$/.test(u) ? t.success(Number(u)) : t.failure(u, c)),
      String,
    );
    const Paid = t.strict({ type: t.literal('Paid'), data: t.strict({ amount: AmountFromText }) });
    const Noted = t.strict({ type: t.literal('Noted'), data: t.strict({ note: t.string }) });
    const schema = eventSchema({ Paid: { codec: Paid }, Noted: { codec: Noted } });
    expect(schema.encode('Paid', { amount: '12' })).toMatchObject(E.right({ readsBackUnchanged: false }));
    expect(schema.encode('Noted', { note: 'x' })).toMatchObject(E.right({ readsBackUnchanged: true }));
    const store = createInMemoryStore({ schema });
    const appended = await store.append('bill-1', 'no-stream', [
      { type: 'Paid', data: { amount: '12' }, metadata: { eventId: 'e1' } },
      { type: 'Noted', data: { note: 'x' }, metadata: { eventId: 'e2' } },
    ])();
    expect(appended).toMatchObject(E.right({ events: [{ data: { amount: 12 } }, { data: { note: 'x' } }] }));
    expect(await store.readStream('bill-1')()).toMatchObject(
      E.right([{ data: { amount: 12 } }, { data: { note: 'x' } }]),
    );
    const stored: string[] = [];
    store.tamper('bill-1', 0n, (text) => {
      stored.push(text.data);
      return text;
    });
    expect(stored).toEqual(['{"amount":"12"}']);
    expect(await store.readStream('bill-1')()).toMatchObject(E.right([{ data: { amount: 12 } }, {}]));
  });

  it('says where nothing can be tampered with', () => {
    expect(createInMemoryStore().tamper('ticket-1', 0n, (stored) => stored)).toBe(false);
  });
});
