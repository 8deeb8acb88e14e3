import { describe } from 'vitest';
import { describeAppend } from './appendTests.js';
import { describeConcurrency } from './concurrencyTests.js';
import type { ConformanceHarness } from './harness.js';
import { describeIntegrity } from './integrityTests.js';
import { describePayloads } from './payloadTests.js';
import { describeRead } from './readTests.js';
import { describeSubscribe } from './subscribeTests.js';
import { describeWritePath } from './writePathTests.js';

/**
 * The event store conformance suite, as vitest tests: every adapter runs it to show it keeps the port's
 * promises. Each test gets a new, empty store from `harness.create`.
 */
export const describeEventStoreConformance = (name: string, harness: ConformanceHarness): void => {
  describe(`${name} conforms to the EventStore port`, () => {
    describeAppend(harness);
    describeRead(harness);
    describeSubscribe(harness);
    describePayloads(harness);
    describeConcurrency(harness);
    describeIntegrity(harness);
    describeWritePath(harness);
  });
};
