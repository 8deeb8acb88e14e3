import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createInMemoryStore } from '../store/inMemory.js';
import { benchmarkStore, defaultBenchmarkSizes, parseBenchScale, printBenchmark } from './benchmark.js';

describe('the store benchmark', () => {
  it('reads BENCH_SCALE as a positive number, 1 when unset, and says why another value is not one', () => {
    expect(parseBenchScale(undefined)).toEqual(E.right(1));
    expect(parseBenchScale(' ')).toEqual(E.right(1));
    expect(parseBenchScale('0.5')).toEqual(E.right(0.5));
    expect(parseBenchScale('0')).toEqual(E.left('BENCH_SCALE must be a positive number, not "0"'));
    expect(parseBenchScale('fast')).toEqual(E.left('BENCH_SCALE must be a positive number, not "fast"'));
  });

  it('scales the sizes in whole batches, keeping at least one of each', () => {
    expect(defaultBenchmarkSizes(0.001)).toEqual({
      singleAppends: 2,
      batchedAppends: 100,
      streamLength: 100,
      logLength: 100,
      pageSize: 1_000,
    });
    expect(defaultBenchmarkSizes(2).batchedAppends).toBe(40_000);
  });

  it('counts every event it wrote and read, and replays the whole log', async () => {
    const store = createInMemoryStore();
    const sizes = {
      singleAppends: 7,
      batchedAppends: 300,
      streamLength: 250,
      logLength: 1_200,
      pageSize: 100,
    };
    const results = await benchmarkStore('in-memory', store, sizes);
    await store.close();
    if (E.isLeft(results)) expect.fail(JSON.stringify(results.left));
    expect(results.right.map((r) => [r.case, r.events])).toEqual([
      ['append, batches of 1', 7],
      ['append, batches of 100', 300],
      ['read one 250-event stream', 250],
      ['replay the 1200-event global log', 1_200],
    ]);
  });

  it('reports the case a store failed in', async () => {
    const store = createInMemoryStore();
    await store.close();
    const failing = {
      ...store,
      append: () => () => Promise.resolve(E.left({ _tag: 'StoreUnavailable' as const, cause: 'closed' })),
    };
    const results = await benchmarkStore('broken', failing, defaultBenchmarkSizes(0.001));
    expect(results).toEqual(
      E.left({
        _tag: 'BenchmarkFailed',
        case: 'append, batches of 1',
        error: { _tag: 'StoreUnavailable', cause: 'closed' },
      }),
    );
  });

  it('prints an aligned table, then one JSON line per figure', () => {
    const lines: string[] = [];
    const figure = {
      suite: 'store',
      subject: 'x',
      case: 'append',
      events: 10,
      seconds: 0.5,
      eventsPerSecond: 20,
    };
    printBenchmark([figure], (line) => lines.push(line));
    expect(lines).toEqual([
      'suite  subject  case    events  seconds  events/s',
      '-----  -------  ------  ------  -------  --------',
      'store  x        append      10    0.500        20',
      '{"bench":"store","subject":"x","case":"append","events":10,"seconds":0.5,"eventsPerSecond":20}',
    ]);
  });
});
