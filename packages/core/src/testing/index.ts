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
