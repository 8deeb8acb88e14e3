// `pnpm bench`: the EventStoreDB store beside the raw client it wraps, in the same process, on the same in-process
// test server and the same @eventstore/db-client instance, run after run: one-event commands through `handle` against
// the client's appendToStream of one event, 100-event appends against the client's append of the same 100, a page-wise
// read of the whole global log against the client's readAll, and a catch-up subscription from the start against the
// client's subscribeToAll. Prints each run, then the medians and the median of the per-run ratios (store / raw).
// BENCH_SCALE scales the sizes; BENCH_RUNS (3 unless told) sets the runs.
import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  START,
  type Position,
} from '@eventstore/db-client';
import * as E from 'fp-ts/lib/Either.js';
import { handle, type AppendResult, type Decider, type EventStore } from '@dossier/core';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '../src/index.js';

const scale = Number(process.env['BENCH_SCALE'] ?? 1);
const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const commands = Math.max(10, Math.round(1_000 * scale));
const batches = Math.max(2, Math.round(50 * scale));
const streamsOf = 10; // commands per stream
const readBatches = Math.max(2, Math.round(200 * scale)); // the log the reads go over: 20,000 events at scale 1

type Add = { readonly type: 'Add' };
type Added = { readonly type: 'Added'; readonly data: { readonly n: number } };
const counter: Decider<Add, number, Added, never> = {
  initialState: 0,
  decide: (_c, n) => E.right([{ type: 'Added', data: { n } }]),
  evolve: (n) => n + 1,
};

const must = async <A>(task: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(JSON.stringify(result.left, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  return result.right;
};

const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

interface Case {
  readonly name: string;
  readonly unit: string;
  readonly count: number;
  readonly store: (run: number) => Promise<void>;
  readonly raw: (run: number) => Promise<void>;
}

const cases = (store: EventStore, client: EventStoreDBClient): ReadonlyArray<Case> => [
  {
    name: 'one-event commands (handle) vs appendToStream of one event',
    unit: 'commands',
    count: commands,
    store: async (run) => {
      for (let i = 0; i < commands; i++)
        await must(
          handle(store, counter, {
            stream: `cmd${run}-${i % (commands / streamsOf)}`,
            command: { type: 'Add' },
            context: { commandId: randomUUID(), actor: 'bench' },
          }),
        );
    },
    raw: async (run) => {
      const revisions = new Map<string, bigint>();
      for (let i = 0; i < commands; i++) {
        const stream = `rawcmd${run}-${i % (commands / streamsOf)}`;
        const revision = revisions.get(stream);
        const written: { readonly nextExpectedRevision: bigint } = await client.appendToStream(
          stream,
          jsonEvent({ type: 'Added', data: { n: i } }),
          {
            expectedRevision: revision ?? 'no_stream',
          },
        );
        revisions.set(stream, written.nextExpectedRevision);
      }
    },
  },
  {
    name: '100-event appends (store.append with the tip) vs appendToStream of 100',
    unit: 'events',
    count: batches * 100,
    store: async (run) => {
      let tip: { revision: bigint; hash: string } | null = null;
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: 100 }, (_, n) => ({
          type: 'Added',
          data: { n },
          metadata: { eventId: randomUUID() },
        }));
        const written: AppendResult = await must(
          store.append(
            `batch${run}`,
            tip?.revision ?? 'no-stream',
            events,
            tip === null ? {} : { expectedHash: tip.hash },
          ),
        );
        const last = written.events[written.events.length - 1];
        tip = { revision: written.nextExpectedRevision, hash: last?.metadata.hash ?? '' };
      }
    },
    raw: async (run) => {
      let revision: bigint | null = null;
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: 100 }, (_, n) => jsonEvent({ type: 'Added', data: { n } }));
        const written: { readonly nextExpectedRevision: bigint } = await client.appendToStream(
          `rawbatch${run}`,
          events,
          {
            expectedRevision: revision ?? 'no_stream',
          },
        );
        revision = written.nextExpectedRevision;
      }
    },
  },
];

// The reads run over the log the store wrote before anything else: both read the same events.
const readCases = (store: EventStore, client: EventStoreDBClient, total: number): ReadonlyArray<Case> => [
  {
    name: 'readAll of the global log, pages of 1,000',
    unit: 'events',
    count: total,
    store: async () => {
      let seen = 0;
      for (let from = 0n; ;) {
        const page = await must(store.readAll({ fromPosition: from, limit: 1_000 }));
        seen += page.length;
        const last = page[page.length - 1];
        if (last === undefined || page.length < 1_000) break;
        from = last.position + 1n;
      }
      if (seen !== total) throw new Error(`the store read ${seen} events of ${total}`);
    },
    raw: async () => {
      // Pages of 1,000 as well, `$` events skipped as the store does: a page starts at the last event of the one
      // before, which is dropped.
      let seen = 0;
      let from: ReadPosition = START;
      let first = true;
      for (;;) {
        let read = 0;
        let last: ReadPosition | undefined;
        for await (const resolved of client.readAll({
          fromPosition: from,
          maxCount: first ? 1_000 : 1_001,
        })) {
          read++;
          if (!first && read === 1) continue;
          const event = resolved.event;
          if (event === undefined) continue;
          if (event.position !== undefined) last = event.position;
          if (!event.type.startsWith('$')) seen++;
        }
        const fresh = first ? read : read - 1;
        first = false;
        if (last === undefined || fresh < 1_000) break;
        from = last;
      }
      if (seen !== total) throw new Error(`the client read ${seen} events of ${total}`);
    },
  },
  {
    name: 'catch-up subscription from the start until caught up',
    unit: 'events',
    count: total,
    store: async () => {
      const subscription = store.subscribe({});
      for await (const message of subscription) if (message.kind === 'caughtUp') break;
      await subscription.stop();
    },
    raw: async () => {
      const subscription = client.subscribeToAll({ fromPosition: START, filter: excludeSystemEvents() });
      let seen = 0;
      for await (const resolved of subscription) {
        if (resolved.event !== undefined) seen++;
        if (seen >= total) break;
      }
      await subscription.unsubscribe();
    },
  },
];

type ReadPosition = typeof START | Position;

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const server = await startTestServer({ client: '@eventstore/db-client' });
const client = EventStoreDBClient.connectionString(server.url);
const store = createEventStoreDbStore({ client });
const results = new Map<string, { unit: string; count: number; store: number[]; raw: number[] }>();
const record = (c: Case, which: 'store' | 'raw', ms: number) => {
  const entry = results.get(c.name) ?? { unit: c.unit, count: c.count, store: [], raw: [] };
  entry[which].push(ms);
  results.set(c.name, entry);
};
const orderOf = (run: number): ReadonlyArray<'store' | 'raw'> =>
  run % 2 === 0 ? ['raw', 'store'] : ['store', 'raw'];
try {
  // The reads first, over a log the store wrote (the raw client's events, without Dossier's metadata, come later: a
  // store reads only its own events, see docs/stores.md).
  for (let b = 0; b < readBatches; b++)
    await must(
      store.append(
        `seed-${b}`,
        'no-stream',
        Array.from({ length: 100 }, (_, n) => ({
          type: 'Added',
          data: { n },
          metadata: { eventId: randomUUID() },
        })),
      ),
    );
  const total = server.store.log.length;
  // Alternating which goes first, so neither always meets a warmer process.
  for (let run = 0; run < runs; run++)
    for (const c of readCases(store, client, total))
      for (const which of orderOf(run)) record(c, which, await timed(() => c[which](run)));
  for (let run = 0; run < runs; run++)
    for (const c of cases(store, client))
      for (const which of orderOf(run)) record(c, which, await timed(() => c[which](run)));
  console.log(`EventStoreDB store beside the raw client, same process and test server, ${runs} runs:`);
  for (const [name, r] of results) {
    const ratios = r.store.map((ms, i) => ms / (r.raw[i] ?? Number.NaN));
    const rate = (ms: number) => Math.round((r.count / ms) * 1_000).toLocaleString('en');
    console.log(
      `  ${name}: ${r.count} ${r.unit}; raw ${rate(median(r.raw))} ${r.unit}/s, store ${rate(median(r.store))} ${r.unit}/s, ratio (store/raw time) ${median(ratios).toFixed(2)}×  [runs: ${ratios.map((x) => x.toFixed(2)).join(', ')}]`,
    );
    console.log(
      JSON.stringify({
        bench: 'eventstoredb-side-by-side',
        case: name,
        count: r.count,
        rawMs: r.raw,
        storeMs: r.store,
        ratio: median(ratios),
      }),
    );
  }
} finally {
  await store.close();
  await client.dispose();
  await server.stop();
}
