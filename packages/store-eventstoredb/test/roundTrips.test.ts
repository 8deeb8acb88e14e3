// How many round trips a command costs on EventStoreDB, counted on the test server: the command handler hands the tip
// it loaded to `append`, so the adapter never reads the stream's last event again; a batch goes in one append.
import { afterEach, describe, expect, it } from 'vitest';
import { handle } from '@dossier/core';
import type { ServedRequest } from '@dossier/eventstoredb-test-server';
import { claimStream } from '../src/commandIndex.js';
import { counter } from './support/counter.js';
import { left, newEvent, right } from './support/events.js';
import { startEsdbFixture, type EsdbFixture } from './support/eventstoredb.js';

let fixture: EsdbFixture | undefined;
afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

const add = (f: EsdbFixture, n: number, commandId: string) =>
  right(
    handle(f.store, counter, {
      stream: 'counter-1',
      command: { type: 'Add', n },
      context: { commandId, actor: 'test' },
    }),
  );

const appendsTo = (requests: ReadonlyArray<ServedRequest>, stream: string) =>
  requests.filter((r) => r.kind === 'append' && r.stream === stream);
const lastEventReads = (requests: ReadonlyArray<ServedRequest>) =>
  requests.filter(
    (r) => r.kind === 'read' && r.direction === 'backwards' && r.from === 'end' && r.stream === 'counter-1',
  );

describe('round trips of a command on EventStoreDB', () => {
  it('a one-event command on an existing stream: one append to it, and no read of its last event', async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    const handled = await add(fixture, 1, 'second');

    expect(handled.events.map((e) => e.revision)).toEqual([1n]);
    const served = fixture.server.requests;
    expect(appendsTo(served, 'counter-1')).toEqual([{ kind: 'append', stream: 'counter-1', events: 1 }]);
    expect(lastEventReads(served)).toEqual([]);
    // Besides: the command-id claim (an append of its own stream, written first) and the two reads of loading.
    expect(served.filter((r) => r.kind === 'append')).toEqual([
      { kind: 'append', stream: claimStream('counter-1', 'second'), events: 1 },
      { kind: 'append', stream: 'counter-1', events: 1 },
    ]);
  });

  it('a command of 100 events appends them in one call', async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    const handled = await add(fixture, 100, 'batch');

    expect(handled.events).toHaveLength(100);
    expect(appendsTo(fixture.server.requests, 'counter-1')).toEqual([
      { kind: 'append', stream: 'counter-1', events: 100 },
    ]);
    expect(lastEventReads(fixture.server.requests)).toEqual([]);
  });

  it("a stale tip is refused by the server's expected revision as a ConcurrencyConflict, without a read first", async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    const [first] = (await add(fixture, 1, 'first')).events;
    await add(fixture, 1, 'second'); // the stream moved on to revision 1
    fixture.server.requests.length = 0;

    const conflict = await left(
      fixture.store.append('counter-1', 0n, [newEvent('Added', { i: 1 })], {
        expectedHash: first?.metadata.hash ?? '',
      }),
    );

    expect(conflict).toMatchObject({
      _tag: 'ConcurrencyConflict',
      stream: 'counter-1',
      expected: 0n,
      actual: 1n,
    });
    expect(appendsTo(fixture.server.requests, 'counter-1')).toHaveLength(1);
    expect(lastEventReads(fixture.server.requests)).toEqual([]);
    expect(fixture.server.store.streamEvents('counter-1')).toHaveLength(2);
  });

  it('without a tip (an append not from a command), it reads the last event to chain from', async () => {
    fixture = await startEsdbFixture({ batchAppend: true });
    await add(fixture, 1, 'first');
    fixture.server.requests.length = 0;

    await right(fixture.store.append('counter-1', 0n, [newEvent('Added', { i: 1 })]));

    expect(lastEventReads(fixture.server.requests)).toHaveLength(1);
    expect(appendsTo(fixture.server.requests, 'counter-1')).toHaveLength(1);
  });
});
