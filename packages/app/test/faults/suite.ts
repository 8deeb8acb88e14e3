// The fault suite's check, whatever the client and wherever the faults come from: the planned commands run with
// faults, and the outcome must equal a fault-free run of the same commands on the in-memory store.
import { expect } from 'vitest';
import type { EventStore } from '@dossier/core';
import { differences, eventCount, referenceRun, runLanes, type BeforeCommand, type Outcome } from './run.js';
import { plan } from './workload.js';

/** The seed CI runs with; `pnpm soak:esdb` draws its own and prints it. */
export const ciSeed = 20_261_205;
export const ciCommands = 1_000;
export const ciWriters = 4;

/** Runs the plan for `seed` over `store` with faults from `before`; fails on any difference from the reference. */
export const runAgainstReference = async (
  seed: number,
  store: EventStore,
  before: BeforeCommand,
  commands = ciCommands,
): Promise<{ readonly outcome: Outcome; readonly commands: number }> => {
  const lanes = plan(seed, commands, ciWriters);
  expect(lanes.flat().length).toBeGreaterThanOrEqual(commands);
  const reference = await referenceRun(lanes);
  const outcome = await runLanes(store, lanes, before);
  expect(differences(reference, outcome)).toEqual([]);
  expect(eventCount(outcome)).toBe(eventCount(reference));
  expect(eventCount(outcome)).toBeGreaterThan(0);
  return { outcome, commands: lanes.flat().length };
};
