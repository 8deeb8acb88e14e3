import { describe, expect, it } from 'vitest';
import { aggregateNames } from '../src/index.js';
import { fuzzExecute, type FuzzEntry } from './fuzz/fuzzExecute.js';

// A fixed seed, so that a failure here is found again by running the suite; `pnpm fuzz` draws a new one each time.
const seed = 20_261_204;

// Both public entries that take a command: the app's `execute` and core's command handler with a domain decider.
const entries: ReadonlyArray<FuzzEntry> = ['execute', 'handle'];

describe.each(entries)('%s under fuzzed input', (via) => {
  for (const aggregate of aggregateNames) {
    it(
      `${aggregate}: 10,000 inputs, 0 throws, every invalid one refused as DecodeFailed, nothing appended for a refusal`,
      { timeout: 120_000 },
      async () => {
        const report = await fuzzExecute(aggregate, 10_000, seed, via);
        expect(report.failures).toEqual([]);
        expect(report).toMatchObject({
          syncThrows: 0,
          asyncThrows: 0,
          invalidNotRefused: 0,
          appendsFromRefused: 0,
        });
        // The inputs reach both sides: many refused as undecodable, some decoded and accepted.
        expect(report.decodeFailed).toBeGreaterThan(5_000);
        expect(report.accepted).toBeGreaterThan(0);
      },
    );
  }
});
