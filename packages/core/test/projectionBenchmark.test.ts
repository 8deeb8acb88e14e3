import { describe, expect, it } from 'vitest';
import { createInMemoryProjectionStore, createInMemoryStore } from '@dossier/core';
import { runProjectionBenchmarks, type ProjectionBenchmarkSubject } from '@dossier/core/testing';

const inMemory: ProjectionBenchmarkSubject = {
  name: 'in-memory',
  open: () => {
    const store = createInMemoryStore();
    const states = createInMemoryProjectionStore();
    return Promise.resolve({ store, states, dispose: () => store.close() });
  },
};

describe('the projection benchmark', () => {
  it('rebuilds 1,000,000 × BENCH_SCALE events and prints a JSON line of throughput and one of memory', async () => {
    const lines: string[] = [];
    expect(
      await runProjectionBenchmarks([inMemory], { BENCH_SCALE: '0.002' }, (line) => lines.push(line)),
    ).toBe(0);
    const json = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(json).toEqual([
      expect.objectContaining({
        bench: 'projection',
        subject: 'in-memory',
        case: 'rebuild from zero, 2000 events',
        events: 2000,
      }),
      expect.objectContaining({ bench: 'projection-memory', subject: 'in-memory', events: 2000 }),
    ]);
    expect(json[0]?.['eventsPerSecond']).toBeGreaterThan(0);
  });

  it('refuses a BENCH_SCALE that is not a positive number, measuring nothing', async () => {
    const lines: string[] = [];
    expect(
      await runProjectionBenchmarks([inMemory], { BENCH_SCALE: 'lots' }, (line) => lines.push(line)),
    ).toBe(1);
    expect(lines).toEqual(['BENCH_SCALE must be a positive number, not "lots"']);
  });

  it('names the subject whose rebuild failed, with exit code 1', async () => {
    const lines: string[] = [];
    const broken: ProjectionBenchmarkSubject = {
      name: 'closed',
      open: async () => {
        const { store, states, dispose } = await inMemory.open();
        await states.close();
        return { store, states, dispose };
      },
    };
    expect(
      await runProjectionBenchmarks([broken], { BENCH_SCALE: '0.001' }, (line) => lines.push(line)),
    ).toBe(1);
    expect(lines).toEqual(['closed: starting the runner failed: StoreUnavailable']);
  });
});
