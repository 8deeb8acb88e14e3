/** Runs the event store conformance suite against an adapter. */
export { describeEventStoreConformance } from './conformance/describe.js';
/** What an adapter supplies to the conformance suite, and how it damages a stored event on request. */
export type {
  ConformanceHarness,
  ConformanceSubject,
  Corruption,
  CorruptionKind,
} from './conformance/harness.js';
/** The schema the suite's stores are given, its closely checked type, and the type it says no store knows. */
export { conformanceSchema, checkedType, unknownType } from './conformance/fixtures.js';
/** Store throughput benchmarks (what `pnpm bench` runs), their sizes, results and the table and JSON-lines printer. */
export {
  benchmarkStore,
  defaultBenchmarkSizes,
  describeBenchmarkFailure,
  measure,
  parseBenchScale,
  printBenchmark,
} from './benchmark.js';
/** One figure, the sizes of the store cases, and a store's failure during a run. */
export type { BenchmarkFailed, BenchmarkResult, BenchmarkSizes } from './benchmark.js';
/** Runs the store cases over several stores, as a `bench` script does. */
export { runStoreBenchmarks } from './benchmarkRun.js';
/** A store to benchmark and how to open and dispose of it. */
export type { BenchmarkSubject } from './benchmarkRun.js';
/** Projection rebuild benchmarks (throughput and peak memory), as a projection `bench` script runs them. */
export { benchmarkRebuild, printRebuildMemory, runProjectionBenchmarks } from './projectionBenchmark.js';
/** A store to rebuild a projection on, and the memory figures of a rebuild. */
export type { ProjectionBenchmarkSubject, RebuildMemory } from './projectionBenchmark.js';
/** The write-path workloads W1 and W2 (WORKLOAD.md), through Dossier and a bare baseline, as `pnpm bench` runs them. */
export { inMemoryWorkloadCases, workloadCases, w1GuaranteesCase, w2Sizes } from './workloads/cases.js';
/** Commands on distinct streams by concurrent callers, beside the bare loop: what group commit is for. */
export { concurrentCase } from './workloads/concurrent.js';
/** Runs workload cases in fresh processes and prints medians and ratios; one case and what it measures. */
export { pickCases, runWorkloads } from './workloads/run.js';
/** W3 (WORKLOAD.md §4): the open-ticket queue rebuilt by the projection runner, beside the bare JSON.parse loop. */
export { baselineW3, dossierW3, w3Case, w3Queue } from './workloads/w3.js';
export { w3Events, w3Expected } from './workloads/w3Spec.js';
export type { WorkloadCase } from './workloads/run.js';
/** W1 with only the work of Dossier's guarantees (no store), and one command of it. */
export { guaranteesW1, handleWithGuaranteesOnly } from './workloads/guarantees.js';
export type { BareStreams } from './workloads/guarantees.js';
/** W1's support-case decider and schema as the workloads use them, its commands, and its reference checksum. */
export {
  supportCase as w1SupportCase,
  supportCaseSchema as w1SupportCaseSchema,
} from './workloads/deciders.js';
export { w1Commands, w1ExpectedChecksum } from './workloads/spec.js';
/** How a workload opens an empty store; a workload that could not run. */
export type { OpenWorkloadStore } from './workloads/dossier.js';
export { WorkloadFailed } from './workloads/dossier.js';
/** A measured run of a workload. */
export type { WorkloadResult } from './workloads/spec.js';
