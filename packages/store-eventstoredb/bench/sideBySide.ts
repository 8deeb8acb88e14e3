// `pnpm bench`: the EventStoreDB store beside the raw client it wraps, in one process, on one in-process test server,
// through the same client instance, run after run; once per client package (`node sideBySide.js <package>`: one
// client per process). The cases:
// - one-event command appends: `store.append` of one event as `handle` makes it (the tip the handler loaded, a new
//   command id, so the command-id index is written too) against `appendToStream` of one event at the expected
//   revision; 10 per stream, the first on a new stream, as commands create streams;
// - one-event commands through `handle` (load, command-id lookup, decide, append) against the raw client's load of
//   the stream (a read from its start) and append: what a command costs an application on the raw client;
// - 100-event appends with the tip against `appendToStream` of the same 100;
// - a page-wise read of the whole global log against the client's readAll, and a catch-up subscription from the
//   start against the client's subscribeToAll.
// Prints each run, then the medians and the median of the per-run ratios (store / raw). BENCH_SCALE scales the sizes;
// BENCH_RUNS (3 unless told) sets the runs.
import { randomBytes, randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { handle, type AppendResult, type Decider, type EventStore } from '@dossier/core';
import { startTestServer, type ClientPackage } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '../src/index.js';
import { toEsdbMetadata } from '../src/metadata.js';
import { must, seedLog } from './seed.js';
import { rawClient, type RawClient } from './rawClient.js';

const scale = Number(process.env['BENCH_SCALE'] ?? 1);
const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const commands = Math.max(10, Math.round(1_000 * scale));
const batches = Math.max(2, Math.round(50 * scale));
const streamsOf = 10; // commands per stream
const readBatches = Math.max(2, Math.round(200 * scale)); // the log the reads go over: 20,000 events at scale 1
const clientPackage: ClientPackage =
  process.argv[2] === '@kurrent/kurrentdb-client' ? '@kurrent/kurrentdb-client' : '@eventstore/db-client';

type Add = { readonly type: 'Add' };
type Added = { readonly type: 'Added'; readonly data: { readonly n: number } };
const counter: Decider<Add, number, Added, never> = {
  initialState: 0,
  decide: (_c, n) => E.right([{ type: 'Added', data: { n } }]),
  evolve: (n) => n + 1,
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
  /** What the `store` side is when it is not the store. */
  readonly subject?: string;
}

type Tip = { readonly revision: bigint; readonly hash: string };
const tipOf = (written: AppendResult): Tip => ({
  revision: written.nextExpectedRevision,
  hash: written.events[written.events.length - 1]?.metadata.hash ?? '',
});

/** The raw client's one-event appends, 10 per stream, each at the revision the last one returned. */
const rawAppends = (raw: RawClient, prefix: string) => async (run: number) => {
  const revisions = new Map<string, bigint>();
  for (let i = 0; i < commands; i++) {
    const stream = `${prefix}${run}-${i % (commands / streamsOf)}`;
    const written = await raw.append(
      stream,
      [raw.jsonEvent('Added', { n: i })],
      revisions.get(stream) ?? null,
    );
    revisions.set(stream, written.nextExpectedRevision);
  }
};

const cases = (store: EventStore, raw: RawClient): ReadonlyArray<Case> => [
  {
    name: 'one-event command appends (store.append with the tip and a command id) vs appendToStream of one event',
    unit: 'appends',
    count: commands,
    store: async (run) => {
      const tips = new Map<string, Tip>();
      for (let i = 0; i < commands; i++) {
        const stream = `app${run}-${i % (commands / streamsOf)}`;
        const tip = tips.get(stream);
        const event = {
          type: 'Added',
          data: { n: i },
          metadata: { eventId: randomUUID(), commandId: randomUUID() },
        };
        const written = await must(
          store.append(
            stream,
            tip?.revision ?? 'no-stream',
            [event],
            tip === undefined ? {} : { expectedHash: tip.hash },
          ),
        );
        tips.set(stream, tipOf(written));
      }
    },
    raw: rawAppends(raw, 'rawapp'),
  },
  {
    // No store here: what the raw client itself takes to write a one-event command as Dossier must (its claim with
    // it), beside its bare append. The store's one-event appends cannot come nearer the bare append than this.
    name: "one-event writes with their command's claim, by the raw client alone, vs appendToStream of one event",
    subject: 'raw with claim',
    unit: 'appends',
    count: commands,
    store: async (run) => {
      const revisions = new Map<string, bigint>();
      for (let i = 0; i < commands; i++) {
        const stream = `claimed${run}-${i % (commands / streamsOf)}`;
        const revision = revisions.get(stream) ?? null;
        await raw.appendWithClaim(
          `claim-${stream}-${i}`,
          stream,
          [raw.jsonEvent('Added', { n: i })],
          revision,
        );
        revisions.set(stream, revision === null ? 0n : revision + 1n);
      }
    },
    raw: rawAppends(raw, 'bare'),
  },
  {
    name: 'one-event commands (handle: load, command-id lookup, append) vs the raw load of the stream and append',
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
      for (let i = 0; i < commands; i++) {
        const stream = `rawcmd${run}-${i % (commands / streamsOf)}`;
        const loaded = await raw.readStream(stream).catch(() => 0);
        await raw.append(
          stream,
          [raw.jsonEvent('Added', { n: i })],
          loaded === 0 ? null : BigInt(loaded - 1),
        );
      }
    },
  },
  {
    name: '100-event appends (store.append with the tip) vs appendToStream of 100',
    unit: 'events',
    count: batches * 100,
    store: async (run) => {
      let tip: Tip | null = null;
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
        tip = tipOf(written);
      }
    },
    raw: async (run) => {
      let revision: bigint | null = null;
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: 100 }, (_, n) => raw.jsonEvent('Added', { n }));
        revision = (await raw.append(`rawbatch${run}`, events, revision)).nextExpectedRevision;
      }
    },
  },
  {
    // No store here either: the raw client appending 100 events that carry what the store writes on each (its
    // metadata: correlation id, time, schema version, chain hash), beside the same 100 bare.
    name: "100-event appends carrying Dossier's metadata, by the raw client alone, vs appendToStream of 100",
    subject: 'raw with metadata',
    unit: 'events',
    count: batches * 100,
    store: async (run) => {
      let revision: bigint | null = null;
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: 100 }, (_, n) =>
          raw.jsonEvent('Added', { n }, toEsdbMetadata(dossierMetadata())),
        );
        revision = (await raw.append(`metabatch${run}`, events, revision)).nextExpectedRevision;
      }
    },
    raw: async (run) => {
      let revision: bigint | null = null;
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: 100 }, (_, n) => raw.jsonEvent('Added', { n }));
        revision = (await raw.append(`barebatch${run}`, events, revision)).nextExpectedRevision;
      }
    },
  },
];

/** The metadata the store records on an event of a batch appended without a command. */
const dossierMetadata = () => {
  const eventId = randomUUID();
  return {
    eventId,
    commandId: null,
    commandHash: null,
    correlationId: eventId,
    causationId: null,
    actor: null,
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
    hash: randomBytes(32).toString('hex'),
  };
};

// The reads run over the log the store wrote before anything else: both read the same events.
const readCases = (store: EventStore, raw: RawClient, total: number): ReadonlyArray<Case> => [
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
      let from: { readonly commit: bigint; readonly prepare: bigint } | null = null;
      for (let first = true; ; first = false) {
        let read = 0;
        let last: { readonly commit: bigint; readonly prepare: bigint } | undefined;
        for await (const resolved of raw.readAllPage(from, first ? 1_000 : 1_001)) {
          read++;
          if (!first && read === 1) continue;
          const event = resolved.event;
          if (event === undefined) continue;
          if (event.position !== undefined) last = event.position;
          if (!event.type.startsWith('$')) seen++;
        }
        if (last === undefined || (first ? read : read - 1) < 1_000) break;
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
      const subscription = raw.subscribeFromStart();
      let seen = 0;
      for await (const resolved of subscription) {
        if (resolved.event !== undefined && !resolved.event.type.startsWith('$')) seen++;
        if (seen >= total) break;
      }
      await subscription.unsubscribe();
    },
  },
];

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const server = await startTestServer({ client: clientPackage });
const raw = await rawClient(clientPackage, server);
const store = createEventStoreDbStore({ client: raw.client });
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
  await seedLog(store, readBatches);
  // One command before timing: the store's one-time look at what the server offers is not a command's cost.
  await must(
    handle(store, counter, {
      stream: 'warm-1',
      command: { type: 'Add' },
      context: { commandId: randomUUID(), actor: 'bench' },
    }),
  );
  const total = server.store.log.filter((record) => !record.type.startsWith('$')).length;
  // Alternating which goes first, so neither always meets a warmer process.
  for (let run = 0; run < runs; run++)
    for (const c of readCases(store, raw, total))
      for (const which of orderOf(run)) record(c, which, await timed(() => c[which](run)));
  for (let run = 0; run < runs; run++)
    for (const c of cases(store, raw))
      for (const which of orderOf(run)) record(c, which, await timed(() => c[which](run)));
  console.log(
    `EventStoreDB store beside the raw ${clientPackage}, same process and test server, ${runs} runs:`,
  );
  for (const [name, r] of results) {
    const subject = cases(store, raw).find((c) => c.name === name)?.subject ?? 'store';
    const ratios = r.store.map((ms, i) => ms / (r.raw[i] ?? Number.NaN));
    const rate = (ms: number) => Math.round((r.count / ms) * 1_000).toLocaleString('en');
    console.log(
      `  ${name}: ${r.count} ${r.unit}; raw ${rate(median(r.raw))} ${r.unit}/s, ${subject} ${rate(median(r.store))} ${r.unit}/s, ratio (${subject}/raw time) ${median(ratios).toFixed(2)}×  [runs: ${ratios.map((x) => x.toFixed(2)).join(', ')}]`,
    );
    console.log(
      JSON.stringify({
        bench: 'eventstoredb-side-by-side',
        client: clientPackage,
        case: name,
        subject,
        count: r.count,
        rawMs: r.raw,
        storeMs: r.store,
        ratio: median(ratios),
      }),
    );
  }
} finally {
  await store.close();
  await raw.dispose();
  await server.stop();
}
