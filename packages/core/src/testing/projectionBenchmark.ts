import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import * as E from 'fp-ts/lib/Either.js';
import type { Projection } from '../projection/projection.js';
import type { ProjectionStore } from '../projection/projectionStore.js';
import { runProjections } from '../projection/runner.js';
import type { StoreError } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import type { NewEvent } from '../store/types.js';
import { measure, parseBenchScale, printBenchmark, type BenchmarkResult } from './benchmark.js';

/** A store and projection store to measure a rebuild on, and how to put them away afterwards. */
export interface ProjectionBenchmarkSubject {
  readonly name: string;
  readonly open: () => Promise<{
    readonly store: EventStore;
    readonly states: ProjectionStore;
    readonly dispose: () => Promise<void>;
  }>;
}

/**
 * The memory of a rebuild in MiB: the heap before it, its peak above that (garbage not yet collected
 * included), what it still held after a collection once done, and the process's peak RSS.
 */
export interface RebuildMemory {
  readonly subject: string;
  readonly events: number;
  readonly baselineHeapMiB: number;
  readonly peakHeapMiB: number;
  readonly retainedHeapMiB: number;
  readonly peakRssMiB: number;
}

type Counted =
  | { readonly type: 'TicketOpened'; readonly data: { readonly priority: string } }
  | { readonly type: 'TicketClosed'; readonly data: { readonly priority: string } };

const streams = 1_000;

/** Open tickets per priority: a state that stays small, so the runtime and not the copying of state is measured. */
const openTickets: Projection<
  { readonly open: Readonly<Record<string, number>>; readonly folded: number; readonly last: string | null },
  Counted,
  number
> = {
  name: 'benchOpenTickets',
  version: 1,
  eventTypes: ['TicketOpened', 'TicketClosed'],
  initialState: { open: {}, folded: 0, last: null },
  apply: (state, event) => {
    const priority = event.data.priority;
    const step = event.type === 'TicketOpened' ? 1 : -1;
    return {
      open: { ...state.open, [priority]: (state.open[priority] ?? 0) + step },
      folded: state.folded + 1,
      last: event.stream,
    };
  },
  query: (state) => Object.values(state.open).reduce((sum, n) => sum + n, 0),
};

// Nine in ten events are ones the projection folds; the tenth it never sees (the server-side filter).
const eventAt = (i: number): NewEvent => ({
  type: i % 10 === 9 ? 'TicketCommented' : i % 3 === 2 ? 'TicketClosed' : 'TicketOpened',
  data: { priority: `P${i % 4}`, text: 'The printer on floor 3 is out of toner again' },
  metadata: { eventId: randomUUID(), actor: 'bench' },
});

const fill = async (store: EventStore, total: number): Promise<E.Either<StoreError, number>> => {
  const batch = 1_000;
  for (let from = 0; from < total; from += batch) {
    const events = Array.from({ length: Math.min(batch, total - from) }, (_, j) => eventAt(from + j));
    const appended = await store.append(`benchTicket-${(from / batch) % streams}`, 'any', events)();
    if (E.isLeft(appended)) return appended;
  }
  return E.right(total);
};

const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

const collectGarbage = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
};

/**
 * Fills an empty store with `events` events, then times a projection rebuilt from zero over them (subscribe,
 * filter, fold, save every 1,000 events) and samples the heap and RSS while it runs.
 */
export const benchmarkRebuild = async (
  subject: string,
  store: EventStore,
  states: ProjectionStore,
  events: number,
): Promise<E.Either<string, { readonly result: BenchmarkResult; readonly memory: RebuildMemory }>> => {
  const filled = await fill(store, events);
  if (E.isLeft(filled)) return E.left(`filling the store failed: ${filled.left._tag}`);
  collectGarbage();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sample = () => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed, getHeapStatistics().used_heap_size);
    peakRss = Math.max(peakRss, now.rss);
  };
  const sampler = setInterval(sample, 20);
  const measured = await measure(
    { suite: 'projection', subject, case: `rebuild from zero, ${events} events` },
    async () => {
      const started = await runProjections({ store, states, projections: [openTickets] })();
      if (E.isLeft(started)) return E.left(`starting the runner failed: ${started.left._tag}`);
      await started.right.settled();
      const [status] = await started.right.status();
      await started.right.stop();
      if (status?.failure !== null) return E.left(`the projection stopped: ${status?.failure.error}`);
      // The throughput counts every event of the log the rebuild went through, folded or filtered out.
      return E.right(events);
    },
  );
  clearInterval(sampler);
  sample();
  if (E.isLeft(measured)) return measured;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - baseline.heapUsed;
  return E.right({
    result: measured.right,
    memory: {
      subject,
      events,
      baselineHeapMiB: mib(baseline.heapUsed),
      peakHeapMiB: mib(peakHeap - baseline.heapUsed),
      retainedHeapMiB: mib(Math.max(0, retained)),
      peakRssMiB: mib(peakRss),
    },
  });
};

/** Prints the memory figures as a table, then one JSON line each. */
export const printRebuildMemory = (
  rows: ReadonlyArray<RebuildMemory>,
  log: (line: string) => void = console.log,
): void => {
  const header = [
    'subject',
    'events',
    'heap before (MiB)',
    'peak heap above it (MiB)',
    'retained after (MiB)',
    'peak RSS (MiB)',
  ];
  const cells = rows.map((r) => [
    r.subject,
    String(r.events),
    String(r.baselineHeapMiB),
    String(r.peakHeapMiB),
    String(r.retainedHeapMiB),
    String(r.peakRssMiB),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: ReadonlyArray<string>) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) log(line(row));
  for (const r of rows) log(JSON.stringify({ bench: 'projection-memory', ...r }));
};

/**
 * The body of a projection `bench` script: 1,000,000 events times `BENCH_SCALE` per subject, each rebuilt
 * from zero; prints throughput and peak memory, and answers the exit code.
 */
export const runProjectionBenchmarks = async (
  subjects: ReadonlyArray<ProjectionBenchmarkSubject>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = console.log,
): Promise<number> => {
  const scale = parseBenchScale(env['BENCH_SCALE']);
  if (E.isLeft(scale)) {
    log(scale.left);
    return 1;
  }
  const events = Math.max(1_000, Math.round(1_000_000 * scale.right));
  const results: BenchmarkResult[] = [];
  const memory: RebuildMemory[] = [];
  for (const subject of subjects) {
    const { store, states, dispose } = await subject.open();
    const measured = await benchmarkRebuild(subject.name, store, states, events).finally(dispose);
    if (E.isLeft(measured)) {
      log(`${subject.name}: ${measured.left}`);
      return 1;
    }
    results.push(measured.right.result);
    memory.push(measured.right.memory);
  }
  printBenchmark(results, log);
  printRebuildMemory(memory, log);
  return 0;
};
