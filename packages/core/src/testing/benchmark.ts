import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import type { StoreError } from '../store/errors.js';
import type { EventStore } from '../store/port.js';
import type { ExpectedRevision, NewEvent, RecordedEvent } from '../store/types.js';

/** One measured figure: `events` handled in `seconds`, for one case of one suite on one subject (an adapter). */
export interface BenchmarkResult {
  readonly suite: string;
  readonly subject: string;
  readonly case: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** How much work each store case does. */
export interface BenchmarkSizes {
  readonly singleAppends: number;
  readonly batchedAppends: number;
  readonly streamLength: number;
  readonly logLength: number;
  readonly pageSize: number;
}

/** A store refused or failed during a benchmark, in the named case. */
export interface BenchmarkFailed {
  readonly _tag: 'BenchmarkFailed';
  readonly case: string;
  readonly error: StoreError;
}

/** Reads `BENCH_SCALE` (a positive number; 1 when unset), or says why it is not one. */
export const parseBenchScale = (raw: string | undefined): E.Either<string, number> => {
  if (raw === undefined || raw.trim() === '') return E.right(1);
  const scale = Number(raw);
  return Number.isFinite(scale) && scale > 0
    ? E.right(scale)
    : E.left(`BENCH_SCALE must be a positive number, not ${JSON.stringify(raw)}`);
};

/** The store sizes of `pnpm bench` at scale 1, each multiplied by `scale` (at least one batch of each). */
export const defaultBenchmarkSizes = (scale = 1): BenchmarkSizes => {
  const sized = (n: number, step: number) => Math.max(step, Math.round((n * scale) / step) * step);
  return {
    singleAppends: sized(2_000, 1),
    batchedAppends: sized(20_000, 100),
    streamLength: sized(10_000, 100),
    logLength: sized(50_000, 100),
    pageSize: 1_000,
  };
};

/** Times `work`, which answers how many events it handled, and makes a result of it. */
export const measure = async <L>(
  label: { readonly suite: string; readonly subject: string; readonly case: string },
  work: () => Promise<E.Either<L, number>>,
): Promise<E.Either<L, BenchmarkResult>> => {
  const start = performance.now();
  const events = await work();
  const seconds = (performance.now() - start) / 1000;
  return E.map((n: number) => ({ ...label, events: n, seconds, eventsPerSecond: n / seconds }))(events);
};

const payload = {
  title: 'Printer on floor 3 is out of toner',
  priority: 'P3',
  tags: ['hardware', 'office'],
  count: 1,
};

// Made before the clock starts, so the figures measure the store and not the making of ids.
const newEvents = (n: number): NewEvent[] =>
  Array.from({ length: n }, () => ({
    type: 'BenchEventHappened',
    data: payload,
    metadata: { eventId: randomUUID(), actor: 'bench' },
  }));

/** Appends each batch at the revision the stream is at, as command handling does. */
const appendAll = async (
  store: EventStore,
  batches: ReadonlyArray<{ readonly stream: string; readonly events: ReadonlyArray<NewEvent> }>,
): Promise<E.Either<StoreError, number>> => {
  const tips = new Map<string, bigint>();
  let written = 0;
  for (const { stream, events } of batches) {
    const tip = tips.get(stream);
    const expected: ExpectedRevision = tip === undefined ? 'no-stream' : tip;
    const result = await store.append(stream, expected, events)();
    if (E.isLeft(result)) return result;
    tips.set(stream, result.right.nextExpectedRevision);
    written += events.length;
  }
  return E.right(written);
};

const batchesOf = (prefix: string, streams: number, total: number, size: number) =>
  Array.from({ length: Math.ceil(total / size) }, (_, i) => ({
    stream: `${prefix}-${i % streams}`,
    events: newEvents(Math.min(size, total - i * size)),
  }));

/** Reads page after page until a short page, moving on from the last event read. */
const readPages = async (
  page: (after: RecordedEvent | undefined) => Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>>,
  pageSize: number,
): Promise<E.Either<StoreError, number>> => {
  let read = 0;
  let last: RecordedEvent | undefined;
  for (;;) {
    const events = await page(last);
    if (E.isLeft(events)) return events;
    read += events.right.length;
    last = events.right[events.right.length - 1] ?? last;
    if (events.right.length < pageSize) return E.right(read);
  }
};

/**
 * Measures, on an empty store: appends in batches of 1 and of 100, reading one long stream page by page, and
 * replaying the whole global log page by page. The replay reads everything the earlier cases wrote.
 */
export const benchmarkStore = async (
  subject: string,
  store: EventStore,
  sizes: BenchmarkSizes,
): Promise<E.Either<BenchmarkFailed, ReadonlyArray<BenchmarkResult>>> => {
  const singles = batchesOf('benchSingle', 100, sizes.singleAppends, 1);
  const hundreds = batchesOf('benchBatched', 50, sizes.batchedAppends, 100);
  const long = batchesOf('benchLong', 1, sizes.streamLength, 500);
  const written = sizes.singleAppends + sizes.batchedAppends + sizes.streamLength;
  const fill = batchesOf('benchFill', 200, Math.max(0, sizes.logLength - written), 500);
  const logLength = Math.max(written, sizes.logLength);
  const { pageSize } = sizes;

  const steps: ReadonlyArray<{
    readonly case: string;
    readonly timed: boolean;
    readonly run: () => Promise<E.Either<StoreError, number>>;
  }> = [
    { case: 'append, batches of 1', timed: true, run: () => appendAll(store, singles) },
    { case: 'append, batches of 100', timed: true, run: () => appendAll(store, hundreds) },
    { case: 'write the long stream', timed: false, run: () => appendAll(store, long) },
    {
      case: `read one ${sizes.streamLength}-event stream`,
      timed: true,
      run: () =>
        readPages(
          (after) =>
            store.readStream('benchLong-0', {
              fromRevision: after === undefined ? 0n : after.revision + 1n,
              limit: pageSize,
            })(),
          pageSize,
        ),
    },
    { case: 'fill the log', timed: false, run: () => appendAll(store, fill) },
    {
      case: `replay the ${logLength}-event global log`,
      timed: true,
      run: () =>
        readPages(
          (after) =>
            store.readAll({
              fromPosition: after === undefined ? 0n : after.position + 1n,
              limit: pageSize,
            })(),
          pageSize,
        ),
    },
  ];

  const results: BenchmarkResult[] = [];
  for (const step of steps) {
    const outcome = step.timed
      ? await measure({ suite: 'store', subject, case: step.case }, step.run)
      : E.map(() => undefined)(await step.run());
    if (E.isLeft(outcome)) return E.left({ _tag: 'BenchmarkFailed', case: step.case, error: outcome.left });
    if (outcome.right !== undefined) results.push(outcome.right);
  }
  return E.right(results);
};

const bigintsAsText = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/** A benchmark failure as one line of text. */
export const describeBenchmarkFailure = (failure: BenchmarkFailed): string =>
  `benchmark failed in "${failure.case}": ${JSON.stringify(failure.error, bigintsAsText)}`;

/** Prints results as an aligned table, then one JSON line each, for scripts that collect figures. */
export const printBenchmark = (
  results: ReadonlyArray<BenchmarkResult>,
  log: (line: string) => void = console.log,
): void => {
  const header = ['suite', 'subject', 'case', 'events', 'seconds', 'events/s'];
  const rows = results.map((r) => [
    r.suite,
    r.subject,
    r.case,
    String(r.events),
    r.seconds.toFixed(3),
    Math.round(r.eventsPerSecond).toLocaleString('en-US'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const numeric = (column: number) => column >= 3;
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => (numeric(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  for (const r of results) {
    log(
      JSON.stringify({
        bench: r.suite,
        subject: r.subject,
        case: r.case,
        events: r.events,
        seconds: Number(r.seconds.toFixed(4)),
        eventsPerSecond: Math.round(r.eventsPerSecond),
      }),
    );
  }
};
