import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  GENESIS_HASH,
  chainHash,
  createInMemoryStore,
  verifyStore,
  verifyStream,
  type RecordedEvent,
} from '@dossier/core';

/** A well-chained stream of `n` events, built by hand so that the tests can forge links too. */
const chain = (n: number, stream = 'ticket-1', from = GENESIS_HASH): RecordedEvent[] => {
  const events: RecordedEvent[] = [];
  let previous = from;
  for (let i = 0; i < n; i++) {
    const event = link(stream, BigInt(i), BigInt(i * 10), { n: i }, previous);
    events.push(event);
    previous = event.metadata.hash;
  }
  return events;
};

const link = (
  stream: string,
  revision: bigint,
  position: bigint,
  data: unknown,
  previous: string,
): RecordedEvent => {
  const unhashed = {
    eventId: `e-${stream}-${revision}`,
    commandId: null,
    commandHash: null,
    correlationId: 'c',
    causationId: null,
    actor: null,
    recordedAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
  };
  const hash = chainHash(previous, { stream, revision, type: 'TicketCommented', data, ...unhashed });
  return { stream, revision, position, type: 'TicketCommented', data, metadata: { ...unhashed, hash } };
};

const at = <A>(list: ReadonlyArray<A>, i: number): A => {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
};

describe('verifyStream', () => {
  it('passes an intact chain and returns its last hash', () => {
    const events = chain(5);
    expect(verifyStream(events)).toEqual({ ok: true, events: 5, lastHash: at(events, 4).metadata.hash });
  });

  it('passes an empty stream with the genesis hash', () => {
    expect(verifyStream([])).toEqual({ ok: true, events: 0, lastHash: GENESIS_HASH });
  });

  it('names an edited event, though the links after it still chain from its stored hash', () => {
    const events = chain(6);
    events[3] = { ...at(events, 3), data: { n: 300 } };
    expect(verifyStream(events)).toMatchObject({ ok: false, revision: 3n, position: 30n, problem: 'edited' });
  });

  it('names an edited metadata field as an edit', () => {
    const events = chain(3);
    events[1] = { ...at(events, 1), metadata: { ...at(events, 1).metadata, actor: 'mallory' } };
    expect(verifyStream(events)).toMatchObject({ ok: false, revision: 1n, problem: 'edited' });
  });

  it('names the event after a removed one', () => {
    const events = chain(6);
    events.splice(2, 1);
    expect(verifyStream(events)).toMatchObject({
      ok: false,
      revision: 3n,
      position: 30n,
      problem: 'removed',
    });
  });

  it('names a removed first event', () => {
    expect(verifyStream(chain(3).slice(1))).toMatchObject({ ok: false, revision: 1n, problem: 'removed' });
  });

  it('names an event inserted with a repeated revision', () => {
    const events = chain(4);
    events.splice(2, 0, link('ticket-1', 1n, 15n, { forged: true }, at(events, 0).metadata.hash));
    expect(verifyStream(events)).toMatchObject({
      ok: false,
      revision: 1n,
      position: 15n,
      problem: 'inserted',
    });
  });

  it('names an event inserted with a forged hash when the later revisions were renumbered', () => {
    const original = chain(4);
    const forged = link('ticket-1', 2n, 15n, { forged: true }, at(original, 1).metadata.hash);
    const renumbered = original.slice(2).map((e) => ({ ...e, revision: e.revision + 1n }));
    const events = [...original.slice(0, 2), forged, ...renumbered];
    expect(verifyStream(events)).toMatchObject({
      ok: false,
      revision: 2n,
      position: 15n,
      problem: 'inserted',
    });
  });

  it('names an event of another stream in the history', () => {
    const events = chain(3);
    events.push(at(chain(4, 'ticket-2'), 3));
    expect(verifyStream(events)).toMatchObject({ ok: false, stream: 'ticket-2', problem: 'inserted' });
  });

  it('names a swapped pair as reordered', () => {
    const events = chain(5);
    [events[2], events[3]] = [at(events, 3), at(events, 2)];
    expect(verifyStream(events)).toMatchObject({ ok: false, revision: 3n, problem: 'reordered' });
  });

  it('names a revision that goes back as reordered', () => {
    const events = chain(4);
    events.push(at(events, 1));
    expect(verifyStream(events)).toMatchObject({ ok: false, revision: 1n, problem: 'reordered' });
  });

  it('names positions that go back as reordered', () => {
    const events = chain(3);
    events[2] = { ...at(events, 2), position: 5n };
    expect(verifyStream(events)).toMatchObject({
      ok: false,
      revision: 2n,
      position: 5n,
      problem: 'reordered',
    });
  });
});

describe('verifyStore', () => {
  it('verifies every stream of a store, page by page', async () => {
    const store = createInMemoryStore();
    for (let i = 0; i < 30; i++) {
      await store.append(`ticket-${i % 4}`, 'any', [
        { type: 'TicketCommented', data: { i }, metadata: { eventId: `e${i}` } },
      ])();
    }
    const audit = await verifyStore(store, { pageSize: 7 })();
    expect(E.isRight(audit) && audit.right).toMatchObject({ ok: true, events: 30 });
    expect(E.isRight(audit) && audit.right.streams.map((s) => s.stream)).toEqual([
      'ticket-0',
      'ticket-1',
      'ticket-2',
      'ticket-3',
    ]);
  });

  it("reports an undecodable event as its stream's broken link and goes on with the others", async () => {
    const store = createInMemoryStore();
    for (let i = 0; i < 12; i++) {
      await store.append(`ticket-${i % 3}`, 'any', [
        { type: 'TicketCommented', data: { i }, metadata: { eventId: `e${i}` } },
      ])();
    }
    store.tamper('ticket-1', 2n, (stored) => ({ ...stored, data: '{' }));
    const audit = await verifyStore(store, { pageSize: 5 })();
    if (E.isLeft(audit)) throw new Error('the audit failed');
    expect(audit.right.ok).toBe(false);
    expect(audit.right.events).toBe(12);
    const results = Object.fromEntries(audit.right.streams.map((s) => [s.stream, s.result]));
    expect(results['ticket-0']).toMatchObject({ ok: true, events: 4 });
    expect(results['ticket-2']).toMatchObject({ ok: true, events: 4 });
    expect(results['ticket-1']).toMatchObject({
      ok: false,
      revision: 2n,
      position: 7n,
      problem: 'undecodable',
    });
  });
});
