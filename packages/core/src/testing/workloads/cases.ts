import { baselineW1, baselineW2 } from './baseline.js';
import { dossierW1, dossierW2, type OpenWorkloadStore } from './dossier.js';
import { guaranteesW1 } from './guarantees.js';
import type { WorkloadCase } from './run.js';
import { w1ExpectedChecksum, w1Cases, w2Expected } from './spec.js';

/** W2's seed sizes: WORKLOAD.md's 10,000, and a tenth and ten times it to show how latency grows with the stream. */
export const w2Sizes: ReadonlyArray<number> = [1_000, 10_000, 100_000];

const sizeName = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

/** How often W2 takes snapshots in `pnpm bench`: the default of `handle`'s snapshot settings. */
const snapshotEvery = 100;

/**
 * W1, and W2 with snapshots at each of {@link w2Sizes}, on one store, each beside the baseline; then W2 at
 * 10,000 without snapshots, every command folding the whole stream as WORKLOAD.md words the cycle.
 */
export const workloadCases = (subject: string, open: OpenWorkloadStore): ReadonlyArray<WorkloadCase> => [
  {
    name: `W1 ${subject}`,
    reference: { count: w1Cases, checksum: w1ExpectedChecksum },
    run: async () => ({ baseline: baselineW1(), dossier: await dossierW1(open) }),
  },
  ...w2Sizes.map((n): WorkloadCase => ({
    name: `W2 ${subject} ${sizeName(n)}`,
    ...(n === 10_000 ? { reference: w2Expected } : {}),
    run: async () => ({ baseline: baselineW2(n), dossier: await dossierW2(open, n, snapshotEvery) }),
  })),
  {
    name: `W2 ${subject} 10k, no snapshots`,
    reference: w2Expected,
    run: async () => ({ baseline: baselineW2(10_000), dossier: await dossierW2(open, 10_000) }),
  },
];

/** The workload cases of the in-memory store. */
export const inMemoryWorkloadCases = (open: OpenWorkloadStore): ReadonlyArray<WorkloadCase> =>
  workloadCases('in-memory', open);

/**
 * W1 with nothing but the work Dossier guarantees of every command (see guarantees.ts), beside the baseline: the
 * ratio no store's `handle` can pass while it keeps those guarantees.
 */
export const w1GuaranteesCase: WorkloadCase = {
  name: 'W1 guarantees only',
  reference: { count: w1Cases, checksum: w1ExpectedChecksum },
  run: () => Promise.resolve({ baseline: baselineW1(), dossier: guaranteesW1() }),
};
