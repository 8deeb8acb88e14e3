import type { ExpectedRevision } from './types.js';

/** Whether a stream whose last revision is `current` (null: no events yet) is where the writer expects it. */
export const meetsExpectation = (expected: ExpectedRevision, current: bigint | null): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return current === null;
    case 'exists':
      return current !== null;
    default:
      return current === expected;
  }
};
