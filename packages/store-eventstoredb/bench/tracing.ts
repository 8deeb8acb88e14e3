// `pnpm bench`: what tracing costs on the EventStoreDB store over the in-process test server. Three modes, each run in
// a fresh process (a tracer, once it has found a provider, keeps it): no provider registered; a provider whose
// BatchSpanProcessor hands spans to an exporter that drops them (the SDK's whole cost, no I/O); and a provider with a
// SimpleSpanProcessor into the in-memory exporter. Each process measures one-event commands through `handle` (a
// dossier.handle span with load, decide and append children each) and a projection catching up from zero over a log
// of 100-event appends (a dossier.projection.batch span a save). The modes take turns run after run; prints each run,
// then the medians and the ratios of the medians to no provider. BENCH_SCALE scales the sizes; BENCH_RUNS (3) the runs.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { EventStoreDBClient } from '@eventstore/db-client';
import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import {
  createInMemoryProjectionStore,
  handle,
  put,
  runProjections,
  type Decider,
  type KeyedProjection,
} from '@dossier/core';
import { startTestServer } from '@dossier/eventstoredb-test-server';
import { createEventStoreDbStore } from '../src/index.js';
import { must, seedLog } from './seed.js';

const modes = ['none', 'batch, dropping exporter', 'simple, in-memory exporter'] as const;
type Mode = (typeof modes)[number];
const scale = Number(process.env['BENCH_SCALE'] ?? 1);
const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const commands = Math.max(10, Math.round(1_000 * scale));
const logBatches = Math.max(2, Math.round(200 * scale)); // 20,000 events at scale 1

interface Measured {
  readonly mode: Mode;
  readonly commandsPerSecond: number;
  readonly catchUpEventsPerSecond: number;
  readonly spans: number;
}

type Add = { readonly type: 'Add' };
type Added = { readonly type: 'Added'; readonly data: { readonly n: number } };
const counter: Decider<Add, number, Added, never> = {
  initialState: 0,
  decide: (_c, n) => E.right([{ type: 'Added', data: { n } }]),
  evolve: (n) => n + 1,
};
// A read model of a row a stream: how many Added it holds.
const perStream: KeyedProjection<Added, (stream: string) => number> = {
  name: 'perStream',
  version: 1,
  eventTypes: ['Added'],
  apply: (rows, event) => [
    put('streams', event.stream, ((rows.get('streams', event.stream) as number | undefined) ?? 0) + 1),
  ],
  query: (rows) => (stream) => (rows.get('streams', stream) as number | undefined) ?? 0,
};

const dropping: SpanExporter = {
  export: (_spans: ReadableSpan[], done) => done({ code: 0 }),
  shutdown: () => Promise.resolve(),
};

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

const measure = async (mode: Mode): Promise<Measured> => {
  const memory = new InMemorySpanExporter();
  let exported = 0;
  const counting: SpanExporter = {
    export: (spans, done) => ((exported += spans.length), dropping.export(spans, done)),
    shutdown: () => Promise.resolve(),
  };
  const provider =
    mode === 'none'
      ? null
      : new BasicTracerProvider({
          spanProcessors: [
            mode === 'simple, in-memory exporter'
              ? new SimpleSpanProcessor(memory)
              : new BatchSpanProcessor(counting),
          ],
        });
  if (provider !== null) trace.setGlobalTracerProvider(provider);
  const server = await startTestServer({ client: '@eventstore/db-client' });
  const client = EventStoreDBClient.connectionString(server.url);
  const store = createEventStoreDbStore({ client });
  try {
    await seedLog(store, logBatches);
    const events = logBatches * 100;
    const caughtUpFrom = process.hrtime.bigint();
    const runner = await must(
      runProjections({ store, states: createInMemoryProjectionStore(), projections: [perStream] }),
    );
    await runner.settled();
    const catchUp = seconds(caughtUpFrom);
    await runner.stop();
    const commandsFrom = process.hrtime.bigint();
    for (let i = 0; i < commands; i++)
      await must(
        handle(store, counter, {
          stream: `cmd-${i % (commands / 10)}`,
          command: { type: 'Add' },
          context: { commandId: randomUUID(), actor: 'bench' },
        }),
      );
    const handled = seconds(commandsFrom);
    await provider?.forceFlush();
    return {
      mode,
      commandsPerSecond: commands / handled,
      catchUpEventsPerSecond: events / catchUp,
      spans: mode === 'simple, in-memory exporter' ? memory.getFinishedSpans().length : exported,
    };
  } finally {
    await store.close();
    await client.dispose();
    await server.stop();
    await provider?.shutdown();
  }
};

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const rate = (x: number): string => Math.round(x).toLocaleString('en');

const child = process.env['BENCH_TRACING_MODE'];
if (child !== undefined) {
  console.log(JSON.stringify(await measure(child as Mode)));
} else {
  const results: Measured[] = [];
  for (let run = 0; run < runs; run++)
    // Each run starts with another mode, so none always meets a warmer machine.
    for (let m = 0; m < modes.length; m++) {
      const mode = modes[(m + run) % modes.length] as Mode;
      const ran = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_TRACING_MODE: mode },
        encoding: 'utf8',
      });
      const line = ran.stdout.trim().split('\n').pop() ?? '';
      if (ran.status !== 0 || !line.startsWith('{')) throw new Error(`mode ${mode} failed: ${ran.stderr}`);
      const measured = JSON.parse(line) as Measured;
      results.push(measured);
      console.log(
        `  run ${run + 1}, ${mode}: ${rate(measured.commandsPerSecond)} commands/s, catch-up ${rate(measured.catchUpEventsPerSecond)} events/s, ${measured.spans} spans`,
      );
    }
  const of = (mode: Mode, pick: (m: Measured) => number) =>
    median(results.filter((r) => r.mode === mode).map(pick));
  const base = {
    commands: of('none', (r) => r.commandsPerSecond),
    catchUp: of('none', (r) => r.catchUpEventsPerSecond),
  };
  console.log(
    `Tracing on the EventStoreDB store (test server), ${commands} one-event commands and a catch-up over ${logBatches * 100} events, medians of ${runs}:`,
  );
  for (const mode of modes) {
    const commandRate = of(mode, (r) => r.commandsPerSecond);
    const catchUpRate = of(mode, (r) => r.catchUpEventsPerSecond);
    console.log(
      `  ${mode}: ${rate(commandRate)} commands/s (${(commandRate / base.commands).toFixed(2)}× none), catch-up ${rate(catchUpRate)} events/s (${(catchUpRate / base.catchUp).toFixed(2)}× none)`,
    );
    console.log(
      JSON.stringify({
        bench: 'eventstoredb-tracing',
        mode,
        commands,
        catchUpEvents: logBatches * 100,
        commandRate,
        catchUpRate,
      }),
    );
  }
}
