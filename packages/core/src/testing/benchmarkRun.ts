import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '../store/port.js';
import {
  benchmarkStore,
  defaultBenchmarkSizes,
  describeBenchmarkFailure,
  parseBenchScale,
  printBenchmark,
  type BenchmarkResult,
} from './benchmark.js';

/** A store to benchmark: how to open an empty one, and how to put everything away afterwards. */
export interface BenchmarkSubject {
  readonly name: string;
  readonly open: () => Promise<{ readonly store: EventStore; readonly dispose: () => Promise<void> }>;
}

/**
 * The body of a `bench` script: reads `BENCH_SCALE`, runs the store cases on each subject in turn, prints the
 * table and JSON lines, and answers the exit code (1 when the scale is wrong or a store failed).
 */
export const runStoreBenchmarks = async (
  subjects: ReadonlyArray<BenchmarkSubject>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  log: (line: string) => void = console.log,
): Promise<number> => {
  const scale = parseBenchScale(env['BENCH_SCALE']);
  if (E.isLeft(scale)) {
    log(scale.left);
    return 1;
  }
  const sizes = defaultBenchmarkSizes(scale.right);
  const results: BenchmarkResult[] = [];
  for (const subject of subjects) {
    const { store, dispose } = await subject.open();
    const measured = await benchmarkStore(subject.name, store, sizes).finally(dispose);
    if (E.isLeft(measured)) {
      log(`${subject.name}: ${describeBenchmarkFailure(measured.left)}`);
      return 1;
    }
    results.push(...measured.right);
  }
  printBenchmark(results, log);
  return 0;
};
